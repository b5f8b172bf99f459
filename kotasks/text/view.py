"""A document seen by the tasks: cheap paragraph blocks, and sentences split only for blocks a task uses."""

from __future__ import annotations

import re
from functools import cached_property
from random import Random

from kotasks.documents import Document
from kotasks.text.sentences import Span, Splitter

MAX_BLOCK_CHARS = 1500
"""Kiwi slows down on long inputs, so no paragraph is analysed in one call longer than this."""

_SAFE_CUT = re.compile(r"(?<=[다요까]\.) (?=\S)")
# Sentence-final marks; a closing bracket is left out because it ends header lines such as 【원고】 (…).
_TERMINAL = ".?!…\"'”’」』"
_SENTENCE_END = re.compile(r"[.?!…]+[\"'”’」』]*(?=\s|$)")


def rough_sentence_count(text: str) -> int:
    """An upper estimate of the sentences in a text (dates such as `2016. 7. 28.` overcount), without analysis."""
    return len(_SENTENCE_END.findall(text))


def _cut_long(paragraph: str) -> list[str]:
    """A paragraph cut at declarative sentence ends ('다. ') into pieces of at most MAX_BLOCK_CHARS where possible."""
    if len(paragraph) <= MAX_BLOCK_CHARS:
        return [paragraph]
    pieces, start, last_cut = [], 0, 0
    for m in _SAFE_CUT.finditer(paragraph):
        if m.start() - start > MAX_BLOCK_CHARS and last_cut > start:
            pieces.append(paragraph[start:last_cut].strip())
            start = last_cut
        last_cut = m.end()
    pieces.append(paragraph[start:].strip())
    return [p for p in pieces if p]


class DocumentView:
    """Blocks of a document (paragraphs, long ones cut) and their sentences, split lazily and cached."""

    def __init__(self, document: Document, splitter: Splitter) -> None:
        self.document = document
        self._splitter = splitter
        self._sentences: dict[int, list[Span]] = {}

    @cached_property
    def blocks(self) -> list[str]:
        return [piece for paragraph in self.document.paragraphs for piece in _cut_long(paragraph)]

    def sentences(self, block: int) -> list[Span]:
        if block not in self._sentences:
            self._sentences[block] = self._splitter.split(self.blocks[block])
        return self._sentences[block]

    def candidate_blocks(self, rng: Random, min_chars: int, min_sentences: int = 1) -> list[int]:
        """Indices of prose blocks (long enough, ending like a sentence, with enough sentence ends) in a random order.

        The sentence-end estimate is checked before any analysis, so that blocks too short for a task
        never reach the splitter.
        """
        found = [
            i
            for i, b in enumerate(self.blocks)
            if min_chars <= len(b) <= 2 * MAX_BLOCK_CHARS
            and b[-1] in _TERMINAL
            and rough_sentence_count(b) >= min_sentences
        ]
        rng.shuffle(found)
        return found
