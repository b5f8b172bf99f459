"""summary_title: a passage -> its summary, its title, or both."""

from __future__ import annotations

from random import Random

from kotasks.recipe import SummaryTitleConfig
from kotasks.tasks.base import Example, Skip, Task
from kotasks.text.view import DocumentView


class SummaryTitle(Task[SummaryTitleConfig]):
    """Whole passages only: a summary of a cut passage would describe text the model never saw."""

    name = "summary_title"

    def examples(self, view: DocumentView, rng: Random) -> list[Example]:
        doc = view.document
        if len(doc.text) > self.config.max_input_chars:
            raise Skip(f"text longer than max_input_chars ({self.config.max_input_chars})")
        outputs = {}
        if doc.summary and doc.summary != doc.text:
            outputs["summary"] = doc.summary
        if doc.title and doc.title != doc.text:
            outputs["title"] = doc.title
        if len(outputs) == 2:
            outputs["both"] = f"제목: {doc.title}\n요약: {doc.summary}"
        if not outputs:
            raise Skip("no summary or title")
        variant = rng.choice(sorted(outputs))
        return [Example(input=doc.text, output=outputs[variant], variant=variant)]
