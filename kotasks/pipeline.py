"""The build: sources -> documents -> filters -> tasks -> writers, for one recipe."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from itertools import islice
from pathlib import Path

from tqdm import tqdm

from kotasks import policy
from kotasks.documents import Document, Reject
from kotasks.filters import first_reason, make_filters
from kotasks.licenses import get_license
from kotasks.output_license import attributions, output_license
from kotasks.parallel import ordered_map
from kotasks.recipe import Recipe, RecipeError, SourceConfig
from kotasks.sources import SourceNotes, iter_source
from kotasks.sources.files import glob_root
from kotasks.splits import assign_split
from kotasks.stats import BuildStats
from kotasks.worker import DocumentResult, DocumentWorker
from kotasks.writers import JsonlWriter, write_json
from kotasks.writers.card import CardInputs, attribution_file, render
from kotasks.writers.exports import Exporter, ExportFile
from kotasks.writers.llamafactory import dataset_info
from kotasks.writers.staging import Staging

BATCH_DOCUMENTS = 16


@dataclass(frozen=True)
class BuildResult:
    out_dir: Path
    stats: BuildStats
    files: list[ExportFile]

    def paths(self, format: str, task: str) -> list[Path]:
        """The files of one task in one format ("parquet", "alpaca", "sharegpt", "openai"), splits in order."""
        return [self.out_dir / f.path for f in self.files if f.format == format and f.task == task]


def usable_sources(recipe: Recipe, stats: BuildStats) -> list[SourceConfig]:
    """The recipe's sources that its license policy allows; the others are noted with the reason."""
    usable = []
    for source in recipe.sources:
        if refusal := policy.source_refusal(source, recipe):
            stats.refused_sources[source.name] = refusal
            continue
        usable.append(source)
        if withheld := policy.withheld_tasks(source, recipe):
            stats.withheld[source.name] = withheld
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


def _collect(result: DocumentResult, split: str, exporter: Exporter, stats: BuildStats, reading: _Reading) -> None:
    for task, records in result.records.items():
        for record in records:
            exporter.write(record, split)
        stats.records[task][result.source] += len(records)
        stats.splits[task][split] += len(records)
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
    """Build every enabled task of a recipe into every export format; see the README for the files written."""
    started = time.perf_counter()
    out = (Path(out_dir) if out_dir is not None else recipe.resolve(recipe.output.dir)).resolve()
    _check_not_read_back(recipe, out)
    out.mkdir(parents=True, exist_ok=True)
    staging = Staging(out)
    if seed is not None:
        recipe = recipe.model_copy(update={"seed": seed})  # so the card states the seed used
    seed = recipe.seed
    shares = recipe.output.split.shares()
    stats = BuildStats()
    exporter = Exporter(staging.path, recipe.output.formats, recipe.output.rows_per_shard)
    rejects = JsonlWriter(staging.path / "rejects.jsonl")
    reading = _Reading(recipe, usable_sources(recipe, stats), limit, stats, rejects)
    withheld = {source: frozenset(tasks) for source, tasks in stats.withheld.items()}
    make_worker = partial(DocumentWorker, recipe.tasks, seed, recipe.splitter, withheld)
    try:
        with tqdm(unit="doc", desc=f"building {recipe.name}", disable=not progress) as bar:
            for results in ordered_map(make_worker, "process_batch", reading.batches(), workers):
                for result in results:
                    split = assign_split(seed, result.source, result.doc_id, shares)
                    _collect(result, split, exporter, stats, reading)
                bar.update(len(results))
        files = exporter.close()
        rejects.close()
        _finish(recipe, stats, exporter.first_records, staging.path)
        write_json(staging.path / "dataset_info.json", dataset_info(files))
        stats.seconds = time.perf_counter() - started
        write_json(staging.path / "stats.json", stats.to_json())
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    return BuildResult(out_dir=out, stats=stats, files=files)


OUTPUT_DEPTHS = (1, 3)
"""How deep below the output folder a build writes files: README.md, then alpaca/<task>/<split>.jsonl and the like."""


def _check_not_read_back(recipe: Recipe, out: Path) -> None:
    """Refuse an output folder that a source's glob could reach: the next build would read its output as input."""
    for source in recipe.sources:
        pattern = recipe.resolve(source.path).absolute()
        below_root = len(pattern.parts) - len(glob_root(pattern).parts)
        root = glob_root(pattern).resolve()
        if out != root and root not in out.parents:
            continue
        out_depth = len(out.relative_to(root).parts)
        if "**" in pattern.parts or below_root in {out_depth + d for d in OUTPUT_DEPTHS}:
            raise RecipeError(
                f"source {source.name!r} ({source.path}) could read the output folder {out}, so a later build "
                "would take its own output as input; choose an output folder outside the source's folder"
            )


def _finish(recipe: Recipe, stats: BuildStats, first_records: dict, folder: Path) -> None:
    """The output's license, publishability, attribution and dataset card."""
    by_source = stats.records_by_source()
    contributing = [get_license(s.license) for s in recipe.sources if by_source.get(s.name)]
    lic = output_license(contributing)
    stats.output_license = {k: v for k, v in vars(lic).items() if v is not None}
    stats.publish_blockers = policy.publish_blockers(recipe, stats.records)
    credits = attributions(recipe, by_source)
    (folder / "ATTRIBUTION.md").write_text(attribution_file(credits), encoding="utf-8")
    inputs = CardInputs(recipe=recipe, stats=stats, first_records=first_records, license=lic, attributions=credits)
    (folder / "README.md").write_text(render(inputs), encoding="utf-8")
