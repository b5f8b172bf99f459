"""sentence_order: shuffled sentences (or, for a one-sentence document, shuffled eojeol) -> the original text."""

from __future__ import annotations

import re
from random import Random

from kotasks.recipe import SentenceOrderConfig
from kotasks.tasks.base import Example, SentenceTask, Skip
from kotasks.text.sentences import LIST_MARKER
from kotasks.text.view import DocumentView

_NUMBERED = re.compile(LIST_MARKER)


def shuffled(items: list[str], rng: Random) -> list[str]:
    """A random arrangement of the items that differs from their order; repeated items are all kept."""
    if len(set(items)) < 2:
        raise Skip("items are all identical, so no order can differ")
    result = items[:]
    rng.shuffle(result)
    if result == items:
        i = next(i for i in range(len(result) - 1) if result[i] != result[i + 1])
        result[i], result[i + 1] = result[i + 1], result[i]
    return result


class SentenceOrder(SentenceTask[SentenceOrderConfig]):
    name = "sentence_order"
    reproduces_raw_text = True
    min_block_chars = 10

    def min_sentences(self, view: DocumentView) -> int:
        return 1 if len(view.blocks) == 1 else self.config.min_items

    def from_block(self, view: DocumentView, block: int, rng: Random) -> Example:
        text = view.blocks[block]
        sentences = view.sentences(block)
        if len(sentences) >= self.config.min_items:
            size = rng.randint(self.config.min_items, min(self.config.max_items, len(sentences)))
            first = rng.randint(0, len(sentences) - size)
            window = sentences[first : first + size]
            items = [s.text for s in window]
            if sum(1 for item in items if _NUMBERED.match(item)) >= 2:
                raise Skip("sentences are numbered, which gives their order away")
            original = text[window[0].start : window[-1].end]
            return Example(input="\n".join(shuffled(items, rng)), output=original, variant="sentences")
        if len(view.blocks) == 1 and len(sentences) == 1:
            words = sentences[0].text.split()
            if len(words) < self.config.min_items:
                raise Skip(f"fewer than {self.config.min_items} eojeol")
            return Example(input=" ".join(shuffled(words, rng)), output=" ".join(words), variant="eojeol")
        raise Skip(f"fewer than {self.config.min_items} sentences in a paragraph")
