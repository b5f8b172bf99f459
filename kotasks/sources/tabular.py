"""Line- and table-shaped files: JSONL, CSV and Parquet (through Polars, in batches), and plain text."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl

from kotasks.documents import Reject
from kotasks.sources.base import Detected, RawRecord, SourceFile, one_line
from kotasks.sources.files import READ_ERRORS, open_text

_BATCH_ROWS = 2048


def read_jsonl(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """One record per line. Read line by line so that a bad line is rejected alone, with its number."""
    try:
        with file.open() as raw, open_text(raw) as (stream, encoding):
            yield Detected(encoding)
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                try:
                    yield RawRecord(key=str(number), record=json.loads(line))
                except json.JSONDecodeError as err:
                    yield file.reject(f"invalid JSON: {err.msg} at column {err.colno}", key=str(number))
    except READ_ERRORS as err:
        yield file.reject(one_line(err))


def _polars_rows(file: SourceFile, scan: Callable[[Path | bytes], pl.LazyFrame]) -> Iterator[RawRecord | Reject]:
    row = 0
    try:
        for batch in scan(file.polars_source()).collect_batches(chunk_size=_BATCH_ROWS):
            for record in batch.iter_rows(named=True):
                row += 1
                yield RawRecord(key=str(row), record=record)
    except (*READ_ERRORS, pl.exceptions.PolarsError) as err:
        yield file.reject(f"unreadable after row {row}: {one_line(err)}", key=str(row + 1))


def read_csv(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """One record per row, every column read as text (no type guessing from the first rows)."""
    yield Detected("utf-8")
    yield from _polars_rows(file, lambda source: pl.scan_csv(source, infer_schema=False, encoding="utf8"))


def read_parquet(file: SourceFile) -> Iterator[RawRecord | Reject]:
    """One record per row; nested columns arrive as dicts and lists."""
    yield from _polars_rows(file, pl.scan_parquet)


def read_txt(file: SourceFile) -> Iterator[RawRecord | Reject | Detected]:
    """One record per file: {"text": its content}."""
    try:
        with file.open() as raw, open_text(raw) as (stream, encoding):
            yield Detected(encoding)
            yield RawRecord(key="", record={"text": stream.read()})
    except READ_ERRORS as err:
        yield file.reject(one_line(err))
