"""The build: sources -> documents -> filters -> tasks -> writers, for one recipe."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from kotasks.documents import Document, Reject
from kotasks.filters import first_reason, make_filters
from kotasks.licenses import get_license
from kotasks.parallel import ordered_map
from kotasks.recipe import Recipe, SourceConfig
from kotasks.sources import SourceNotes, iter_source
from kotasks.stats import BuildStats
from kotasks.worker import DocumentResult, DocumentWorker
from kotasks.writers import JsonlWriter, write_json

BATCH_DOCUMENTS = 16


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    stats: BuildStats
    task_files: dict[str, Path]


def usable_sources(recipe: Recipe, stats: BuildStats) -> list[SourceConfig]:
    """The recipe's sources that its license policy allows; the others are noted with the reason."""
    usable = []
    for source in recipe.sources:
        refusal = get_license(source.license).refusal() if recipe.commercial_only else None
        if refusal:
            stats.refused_sources[source.name] = f"commercial_only = true and {refusal}"
        else:
            usable.append(source)
    return usable


class _Reading:
    """Documents that pass the filters, in recipe and file order; rejects are written as they are met."""

    def __init__(
        self, recipe: Recipe, sources: list[SourceConfig], limit: int | None, stats: BuildStats, rejects: JsonlWriter
    ):
        self.recipe, self.sources, self.limit = recipe, sources, limit
        self.stats, self.rejects = stats, rejects
        self.filters = make_filters(recipe.filters)

    def reject(self, reject: Reject) -> None:
        self.stats.add_reject(reject)
        self.rejects.write(reject.to_json())

    def documents(self) -> Iterator[Document]:
        for source in self.sources:
            notes = SourceNotes(encodings=self.stats.encodings[source.name])
            items = iter_source(source, self.recipe, notes)
            yield from islice(self._passing(items, source.name), self.limit)
            if source.format == "auto" and notes.format != "auto":
                self.stats.formats[source.name] = notes.format

    def _passing(self, items: Iterator[Document | Reject], source: str) -> Iterator[Document]:
        for item in items:
            if isinstance(item, Reject):
                self.reject(item)
                continue
            self.stats.documents_read[source] += 1
            reason = first_reason(self.filters, item)
            if reason:
                self.reject(
                    Reject(source=source, location=item.location, doc_id=item.id, stage="filter", reason=reason)
                )
                continue
            yield item

    def batches(self) -> Iterator[list[Document]]:
        docs = self.documents()
        while batch := list(islice(docs, BATCH_DOCUMENTS)):
            yield batch


def _collect(result: DocumentResult, writers: dict[str, JsonlWriter], stats: BuildStats, reading: _Reading) -> None:
    for task, records in result.records.items():
        for record in records:
            writers[task].write(record)
        stats.records[task][result.source] += len(records)
    if result.records:
        stats.documents_used[result.source] += 1
    for (task, reason), count in result.skipped.items():
        stats.skipped[task][reason] += count
    for failure in result.failures:
        reading.reject(failure)


def build(
    recipe: Recipe,
    *,
    out_dir: Path | None = None,
    workers: int = 1,
    limit: int | None = None,
    seed: int | None = None,
    progress: bool = True,
) -> BuildResult:
    """Build every enabled task of a recipe; see the README for the files written."""
    started = time.perf_counter()
    out = (Path(out_dir) if out_dir is not None else recipe.resolve(recipe.output.dir)).resolve()
    out.mkdir(parents=True, exist_ok=True)
    seed = recipe.seed if seed is None else seed
    stats = BuildStats()
    task_names = list(recipe.tasks.enabled())
    writers = {name: JsonlWriter(out / f"{name}.jsonl") for name in task_names}
    rejects = JsonlWriter(out / "rejects.jsonl")
    reading = _Reading(recipe, usable_sources(recipe, stats), limit, stats, rejects)
    make_worker = partial(DocumentWorker, recipe.tasks, seed, recipe.splitter)
    try:
        with tqdm(unit="doc", desc=f"building {recipe.name}", disable=not progress) as bar:
            for results in ordered_map(make_worker, "process_batch", reading.batches(), workers):
                for result in results:
                    _collect(result, writers, stats, reading)
                bar.update(len(results))
    except BaseException:
        for writer in [*writers.values(), rejects]:
            writer.discard()
        raise
    for writer in [*writers.values(), rejects]:
        writer.commit()
    stats.seconds = time.perf_counter() - started
    write_json(out / "stats.json", stats.to_json())
    return BuildResult(out_dir=out, stats=stats, task_files={name: w.path for name, w in writers.items()})
