"""Korean sentence splitting with Kiwi or kss, as character spans of the text given."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from kotasks.text.kiwi import get_kiwi


@dataclass(frozen=True)
class Span:
    """A sentence: text[start:end] of the string that was split."""

    start: int
    end: int
    text: str


class Splitter(Protocol):
    def split(self, text: str) -> list[Span]: ...


# An enumerator that opens a sentence: 1. 가. (1) (가) ① 1)
LIST_MARKER = r"(?:\(?[0-9]{1,3}[.)]|\(?[가-하][.)]|\([0-9가-하]{1,3}\)|[\u2460-\u2473])"
_MARKER_ONLY = re.compile(rf"{LIST_MARKER}")
_TRAILING_MARKER = re.compile(rf"\s+({LIST_MARKER})$")


def repair(text: str, spans: list[Span]) -> list[Span]:
    """Re-attach list markers that a splitter cut off from the sentence they open.

    `가. 현재의 …` can come back as `가.` + `현재의 …`, and `… 진다. (나) 장기…` as `… 진다. (나)` + `장기…`.
    """
    fixed: list[Span] = []
    carry: int | None = None
    for span in spans:
        start = span.start if carry is None else carry
        carry = None
        end = span.end
        if _MARKER_ONLY.fullmatch(text[start:end]):
            carry = start
            continue
        if (m := _TRAILING_MARKER.search(text[start:end])) and m.start() > 0:
            carry = start + m.start(1)
            end = start + m.start()
        fixed.append(Span(start, end, text[start:end]))
    if carry is not None:
        if fixed:
            last = fixed.pop()
            fixed.append(Span(last.start, len(text), text[last.start :]))
        else:
            fixed.append(Span(carry, len(text), text[carry:]))
    return fixed


class KiwiSplitter:
    """Kiwi's `split_into_sents`: never cuts inside a word and keeps numbers, dates and quotes whole."""

    def split(self, text: str) -> list[Span]:
        return repair(text, [Span(s.start, s.end, s.text) for s in get_kiwi().split_into_sents(text)])


class KssSplitter:
    """kss with the mecab backend (never pecab, which is superlinear), located back in the text."""

    def split(self, text: str) -> list[Span]:
        import kss  # imported here: ~5 s and ~365 MB, paid only by recipes that ask for kss

        spans, cursor = [], 0
        for sentence in kss.split_sentences(text, backend="mecab", num_workers=1):
            sentence = sentence.strip()
            start = text.find(sentence, cursor)
            if not sentence or start < 0:
                continue
            spans.append(Span(start, start + len(sentence), sentence))
            cursor = start + len(sentence)
        return repair(text, spans)


@cache
def get_splitter(name: str) -> Splitter:
    """The splitter a recipe names ('kiwi' or 'kss'), one per process."""
    return {"kiwi": KiwiSplitter, "kss": KssSplitter}[name]()
