"""last_sentence: the leading sentences of a paragraph -> the sentence that follows them."""

from __future__ import annotations

from random import Random

from kotasks.recipe import LastSentenceConfig
from kotasks.tasks.base import Example, SentenceTask, Skip
from kotasks.text.view import DocumentView


class LastSentence(SentenceTask[LastSentenceConfig]):
    name = "last_sentence"

    def min_sentences(self, view: DocumentView) -> int:
        return self.config.min_context + 1

    def from_block(self, view: DocumentView, block: int, rng: Random) -> Example:
        text = view.blocks[block]
        sentences = view.sentences(block)
        low, high = self.config.min_context, min(self.config.max_context, len(sentences) - 1)
        if high < low:
            raise Skip(f"fewer than {low + 1} sentences in a paragraph")
        target = rng.randint(low, high)
        context = text[sentences[0].start : sentences[target - 1].end]
        answer = sentences[target].text
        if answer in context:
            raise Skip("the next sentence repeats one already shown")
        return Example(input=context, output=answer)
