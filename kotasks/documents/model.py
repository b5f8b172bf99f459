"""The units that flow through a build: documents, and rejects for what could not be used."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QA:
    """A question about a passage; `answer` is empty when the passage cannot answer it."""

    question: str
    answer: str

    @property
    def answerable(self) -> bool:
        return bool(self.answer)


@dataclass(frozen=True)
class Document:
    """A normalised text with its provenance. Paragraphs are separated by newlines."""

    source: str
    id: str
    text: str
    license: str
    title: str = ""
    summary: str = ""
    qas: tuple[QA, ...] = ()
    location: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [line for line in self.text.split("\n") if line.strip()]


@dataclass(frozen=True)
class Reject:
    """Something a build could not use, and why."""

    source: str
    location: str
    reason: str
    stage: str = "read"
    doc_id: str = ""

    def to_json(self) -> dict:
        return {
            "source": self.source,
            "stage": self.stage,
            "location": self.location,
            "doc_id": self.doc_id,
            "reason": self.reason,
        }
