"""Per-document work: run every enabled task on a document and shape the Alpaca records.

This module is what worker processes import, so it stays free of the readers (and of Polars).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from kotasks.documents import Document, Reject
from kotasks.recipe import TasksConfig
from kotasks.seeding import random_stream, record_id
from kotasks.tasks import TASKS, Skip, Task
from kotasks.tasks.templates import TEMPLATES
from kotasks.text.sentences import get_splitter
from kotasks.text.view import DocumentView
from kotasks.writers.formats import messages, role_alternation_error

NOT_SAMPLED = "not sampled (task weight)"
WITHHELD = "withheld: the source's license forbids publishing it (see withheld in stats.json)"


@dataclass
class DocumentResult:
    """What one document gave: records per task, reasons it was skipped per task, and task failures."""

    source: str
    doc_id: str
    records: dict[str, list[dict]] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
    failures: list[Reject] = field(default_factory=list)


class DocumentWorker:
    """Runs the recipe's tasks on documents. Holds only configuration, so it pickles; Kiwi loads on first use."""

    def __init__(
        self, tasks: TasksConfig, seed: int, splitter: str, withheld: Mapping[str, frozenset[str]] | None = None
    ) -> None:
        self.tasks: list[Task] = [TASKS[name](config) for name, config in tasks.enabled().items()]
        self.seed = seed
        self.splitter = splitter
        self.withheld = dict(withheld or {})
        """source -> tasks not built from it"""

    def process(self, document: Document) -> DocumentResult:
        view = DocumentView(document, get_splitter(self.splitter))
        result = DocumentResult(source=document.source, doc_id=document.id)
        for task in self.tasks:
            if task.name in self.withheld.get(document.source, ()):
                result.skipped[(task.name, WITHHELD)] += 1
                continue
            rng = random_stream(self.seed, document.source, document.id, task.name)
            if rng.random() >= task.config.weight:
                result.skipped[(task.name, NOT_SAMPLED)] += 1
                continue
            try:
                examples = task.examples(view, rng)
                records = [self._record(task, document, n, example, rng) for n, example in enumerate(examples)]
                conversation = task.conversation(view, examples, rng)
                if conversation:
                    records.append(self._conversation(task, document, conversation))
                for record in records:
                    if error := role_alternation_error(messages(record)):
                        raise ValueError(f"{record['task']} record breaks the chat format: {error}")
            except Skip as skip:
                result.skipped[(task.name, str(skip))] += 1
                continue
            except Exception as err:  # a task bug or an analyser failure must not end the build
                result.failures.append(
                    Reject(
                        source=document.source,
                        location=document.location,
                        doc_id=document.id,
                        stage=f"task {task.name}",
                        reason=f"{type(err).__name__}: {err}",
                    )
                )
                continue
            for record in records:
                result.records.setdefault(record["task"], []).append(record)
        return result

    def process_batch(self, documents: list[Document]) -> list[DocumentResult]:
        return [self.process(d) for d in documents]

    @staticmethod
    def _record(task: Task, document: Document, n: int, example, rng) -> dict:
        instruction = rng.choice(TEMPLATES[task.name][example.variant]).format(**task.template_fields())
        return {
            "instruction": instruction,
            "input": example.input,
            "output": example.output,
            "id": record_id(document.source, document.id, task.name, str(n)),
            "task": task.name,
            "source": document.source,
            "doc_id": document.id,
            "license": document.license,
        }

    @staticmethod
    def _conversation(task: Task, document: Document, turns: list[dict]) -> dict:
        return {
            "messages": turns,
            "id": record_id(document.source, document.id, task.conversation_name),
            "task": task.conversation_name,
            "source": document.source,
            "doc_id": document.id,
            "license": document.license,
        }
