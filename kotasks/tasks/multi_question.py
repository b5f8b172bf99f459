"""multi_question: a passage and N numbered questions -> N numbered answers."""

from __future__ import annotations

from random import Random

from kotasks.recipe import MultiQuestionConfig
from kotasks.tasks.base import Example, Skip, Task
from kotasks.tasks.templates import TEMPLATES
from kotasks.text.view import DocumentView

UNANSWERABLE = "주어진 글에서는 답을 찾을 수 없습니다."


class MultiQuestion(Task[MultiQuestionConfig]):
    """All of a passage's questions, in groups of at most `max_questions` (one record per group)."""

    name = "multi_question"
    conversation_name = "multi_question_multiturn"

    def examples(self, view: DocumentView, rng: Random) -> list[Example]:
        if not view.document.qas:
            raise Skip("document has no questions")
        qas = [qa for qa in view.document.qas if qa.answerable or self.config.include_unanswerable]
        if len(qas) < self.config.min_questions:
            raise Skip(f"fewer than {self.config.min_questions} usable questions")
        size = self.config.max_questions
        groups = [qas[i : i + size] for i in range(0, len(qas), size)]
        if len(groups) > 1 and len(groups[-1]) < self.config.min_questions:
            groups[-2].extend(groups.pop())
        return [self._example(view.document.text, group) for group in groups]

    def conversation(self, view: DocumentView, examples: list[Example], rng: Random) -> list[dict] | None:
        """The passage in the system message, then each question as a user turn and its answer as the reply."""
        if not self.config.multiturn:
            return None
        unanswerable = any(e.variant == "with_unanswerable" for e in examples)
        system = rng.choice(TEMPLATES[self.conversation_name]["with_unanswerable" if unanswerable else "answerable"])
        messages = [{"role": "system", "content": f"{system}\n\n{view.document.text}"}]
        for example in examples:
            for question, answer in example.turns:
                messages += [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        return messages

    @staticmethod
    def _example(passage: str, group: list) -> Example:
        questions = "\n".join(f"{n}. {qa.question}" for n, qa in enumerate(group, start=1))
        answers = "\n".join(f"{n}. {qa.answer or UNANSWERABLE}" for n, qa in enumerate(group, start=1))
        variant = "answerable" if all(qa.answerable for qa in group) else "with_unanswerable"
        turns = tuple((qa.question, qa.answer or UNANSWERABLE) for qa in group)
        return Example(input=f"{passage}\n\n{questions}", output=answers, variant=variant, turns=turns)
