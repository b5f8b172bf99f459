"""original_inference: a title and a summary -> the original passage."""

from __future__ import annotations

from random import Random

from kotasks.recipe import OriginalInferenceConfig
from kotasks.tasks.base import Example, Skip, Task
from kotasks.text.view import DocumentView


class OriginalInference(Task[OriginalInferenceConfig]):
    """Only passages of bounded length, so the target stays a plausible generation."""

    name = "original_inference"
    reproduces_raw_text = True

    def examples(self, view: DocumentView, rng: Random) -> list[Example]:
        doc = view.document
        if not (doc.title and doc.summary):
            raise Skip("needs both a title and a summary")
        if len(doc.text) > self.config.max_output_chars:
            raise Skip(f"text longer than max_output_chars ({self.config.max_output_chars})")
        if doc.summary == doc.text:
            raise Skip("summary is the text itself")
        return [Example(input=f"제목: {doc.title}\n요약: {doc.summary}", output=doc.text)]
