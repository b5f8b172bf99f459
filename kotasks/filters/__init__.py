"""Filters: documents that are not worth building from are rejected with a reason before any task runs."""

from __future__ import annotations

from abc import ABC, abstractmethod

from kotasks.documents import Document
from kotasks.recipe import FiltersConfig


class DocumentFilter(ABC):
    @abstractmethod
    def reason(self, document: Document) -> str | None:
        """Why the document is rejected, or None to keep it."""


class MinChars(DocumentFilter):
    def __init__(self, min_chars: int) -> None:
        self.min_chars = min_chars

    def reason(self, document: Document) -> str | None:
        if len(document.text) < self.min_chars:
            return f"text shorter than {self.min_chars} characters"
        return None


def hangul_ratio(text: str) -> float:
    """Share of Hangul syllables and jamo among the letters of a text (0.0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    hangul = sum(
        1 for c in letters if "\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" or "\u3130" <= c <= "\u318f"
    )
    return hangul / len(letters)


class MinHangulRatio(DocumentFilter):
    def __init__(self, ratio: float) -> None:
        self.ratio = ratio

    def reason(self, document: Document) -> str | None:
        if hangul_ratio(document.text) < self.ratio:
            return f"less than {self.ratio:.0%} of its letters are Hangul"
        return None


def make_filters(config: FiltersConfig) -> list[DocumentFilter]:
    return [MinChars(config.min_chars), MinHangulRatio(config.min_hangul_ratio)]


def first_reason(filters: list[DocumentFilter], document: Document) -> str | None:
    return next((r for f in filters if (r := f.reason(document)) is not None), None)
