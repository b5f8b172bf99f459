"""The task contract: a document view and its own random stream in, examples out (or a reason to skip)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from random import Random
from typing import ClassVar, Generic, TypeVar

from kotasks.recipe import TaskConfig
from kotasks.text.view import DocumentView

C = TypeVar("C", bound=TaskConfig)


class Skip(Exception):
    """A document this task cannot use; the message is the reason counted in stats."""


@dataclass(frozen=True)
class Example:
    """One input/output pair; `variant` picks the family of instructions (e.g. summary vs title)."""

    input: str
    output: str
    variant: str = "default"
    turns: tuple[tuple[str, str], ...] = ()
    """(question, answer) pairs, for tasks that also make a multi-turn conversation."""


class Task(ABC, Generic[C]):
    """A self-supervised task type. Subclasses set `name` and implement `examples`."""

    name: ClassVar[str]
    reproduces_raw_text: ClassVar[bool] = False
    """Whether a record's output is the source text itself, which some licenses forbid publishing."""
    conversation_name: ClassVar[str | None] = None
    """The dataset name of this task's multi-turn conversations, if it makes any."""

    def __init__(self, config: C) -> None:
        self.config = config

    @abstractmethod
    def examples(self, view: DocumentView, rng: Random) -> list[Example]:
        """Examples built from the document, or Skip(reason)."""

    def conversation(self, view: DocumentView, examples: list[Example], rng: Random) -> list[dict] | None:
        """One multi-turn conversation (role/content messages) from a document's examples, for tasks that have one."""
        return None

    def template_fields(self) -> dict[str, str]:
        """Values substituted into this task's instruction templates."""
        return {}


class SentenceTask(Task[C]):
    """A task that draws windows of sentences from up to `per_document` distinct prose blocks."""

    min_block_chars: ClassVar[int] = 40
    tries_per_record: ClassVar[int] = 4
    """Blocks tried per wanted record, which bounds the text analysed for one document."""

    def examples(self, view: DocumentView, rng: Random) -> list[Example]:
        wanted = self.config.per_document
        found: list[Example] = []
        needed = self.min_sentences(view)
        reason = f"no prose paragraph with {needed} or more sentences" if needed > 1 else "no prose paragraph"
        blocks = view.candidate_blocks(rng, self.min_block_chars, needed)
        for block in blocks[: wanted * self.tries_per_record]:
            try:
                found.append(self.from_block(view, block, rng))
            except Skip as skip:
                reason = str(skip)
                continue
            if len(found) == wanted:
                break
        if not found:
            raise Skip(reason)
        return found

    def min_sentences(self, view: DocumentView) -> int:
        """Fewest sentences a block needs for this task; blocks below it are not analysed."""
        return 1

    @abstractmethod
    def from_block(self, view: DocumentView, block: int, rng: Random) -> Example:
        """One example from one block, or Skip(reason)."""
