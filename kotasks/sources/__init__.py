"""Sources: a recipe's corpora read into Documents, with a Reject for everything unusable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from kotasks.documents import Document, Reject
from kotasks.documents.mapping import to_document
from kotasks.recipe import FieldMap, Recipe, SourceConfig
from kotasks.sources.base import Detected, RawRecord, Reader, SourceFile
from kotasks.sources.containers import archive_members, is_archive
from kotasks.sources.files import expand, glob_root
from kotasks.sources.json_layouts import (
    read_aihub_docsumm,
    read_aihub_judgment,
    read_aihub_paper_summary,
    read_one_object,
    read_squad,
)
from kotasks.sources.markdown import read_markdown
from kotasks.sources.sniff import UnknownLayout, sniff_format
from kotasks.sources.tabular import read_csv, read_jsonl, read_parquet, read_txt

READERS: dict[str, Reader] = {
    "markdown": read_markdown,
    "jsonl": read_jsonl,
    "csv": read_csv,
    "parquet": read_parquet,
    "txt": read_txt,
    "squad": read_squad,
    "aihub-docsumm": read_aihub_docsumm,
    "aihub-mrc": read_squad,
    "aihub-book-summary": read_one_object,
    "aihub-report-summary": read_one_object,
    "aihub-paper-summary": read_aihub_paper_summary,
    "aihub-judgment": read_aihub_judgment,
    "aihub-terms": read_one_object,
}


def source_files(source: SourceConfig, pattern: Path, paths: list[Path]) -> Iterator[SourceFile | Reject]:
    """The source's files, each named relative to the glob's fixed part; archives are walked member by
    member (a member is readable only until the walk moves on)."""
    root = glob_root(pattern)
    for path in paths:
        name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if is_archive(path):
            yield from archive_members(path, name, source)
        else:
            yield SourceFile(path=path, name=name, config=source)


@dataclass
class SourceNotes:
    """What reading a source found out: encodings per file, and the format `auto` picked."""

    encodings: Counter = field(default_factory=Counter)
    format: str = ""


def _resolve_auto(source: SourceConfig, pattern: Path, paths: list[Path]) -> SourceConfig:
    """The source with `format = "auto"` replaced by the layout sniffed from its first file."""
    for file in source_files(source, pattern, paths):
        if isinstance(file, SourceFile):  # sniffed while the walk holds its archive open
            return source.model_copy(update={"format": sniff_format(file)})
    raise UnknownLayout("no readable file to sniff")


def iter_source(source: SourceConfig, recipe: Recipe, notes: SourceNotes | None = None) -> Iterator[Document | Reject]:
    """Documents of one source in a fixed order, and Rejects for files, records or fields that were unusable."""
    notes = notes if notes is not None else SourceNotes()
    pattern = recipe.resolve(source.path)
    paths = expand(pattern)
    if not paths:
        yield Reject(source=source.name, location=str(pattern), reason="no file matches the source's path")
        return
    if source.format == "auto":
        try:
            source = _resolve_auto(source, pattern, paths)
        except UnknownLayout as err:
            yield Reject(source=source.name, location=str(pattern), reason=f"format auto: {err}")
            return
    notes.format = source.format
    fields = source.field_map
    read = READERS[source.format]
    for file in source_files(source, pattern, paths):
        if isinstance(file, Reject):
            yield file
            continue
        for item in read(file):
            if isinstance(item, Detected):
                notes.encodings[item.encoding] += 1
            elif isinstance(item, Reject):
                yield item
            else:
                yield from _documents(item, file, fields)


def _documents(raw: RawRecord, file: SourceFile, fields: FieldMap) -> Iterator[Document | Reject]:
    location = f"{file.name}:{raw.key}" if raw.key else file.name
    for item in to_document(
        raw.record,
        fields=fields,
        source=file.config.name,
        license=file.config.license,
        location=location,
        fallback_id=location,
    ):
        if raw.id_suffix and isinstance(item, Document):
            item = replace(item, id=f"{item.id}#{raw.id_suffix}")
        yield item


def iter_documents(recipe: Recipe) -> Iterator[Document | Reject]:
    """Every source of a recipe in recipe order."""
    for source in recipe.sources:
        yield from iter_source(source, recipe)


__all__ = ["READERS", "SourceNotes", "iter_documents", "iter_source", "source_files"]
