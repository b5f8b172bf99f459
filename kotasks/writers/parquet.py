"""Parquet shards `<split>-NNNNN.parquet`, written a row group at a time so memory stays flat."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kotasks.writers.formats import ALPACA, PROVENANCE

_TEXT = [pa.field(name, pa.string()) for name in PROVENANCE]
MESSAGE = pa.struct([pa.field("role", pa.string()), pa.field("content", pa.string())])
ALPACA_SCHEMA = pa.schema([pa.field(name, pa.string()) for name in ALPACA] + _TEXT)
CONVERSATION_SCHEMA = pa.schema([pa.field("messages", pa.list_(MESSAGE))] + _TEXT)

ROW_GROUP_ROWS = 10_000
ROW_GROUP_CHARS = 2_000_000
"""A row group is written at whichever comes first, so the buffer of each open file stays a few MB."""


class ParquetShards:
    """Rows of one schema into `folder/<stem>-00000.parquet`, `-00001`, … of at most `rows_per_shard` rows each."""

    def __init__(self, folder: Path, stem: str, schema: pa.Schema, rows_per_shard: int) -> None:
        self.folder, self.stem, self.schema, self.rows_per_shard = folder, stem, schema, rows_per_shard
        self.paths: list[Path] = []
        self.shard_rows: list[int] = []
        self._buffer: list[dict] = []
        self._buffered_chars = 0
        self._writer: pq.ParquetWriter | None = None
        self._in_shard = 0

    def write(self, row: dict) -> None:
        self._buffer.append(row)
        self._buffered_chars += _chars(row)
        self._in_shard += 1
        full = len(self._buffer) >= ROW_GROUP_ROWS or self._buffered_chars >= ROW_GROUP_CHARS
        if full or self._in_shard == self.rows_per_shard:
            self._flush()
        if self._in_shard == self.rows_per_shard:
            self._close_shard()

    def close(self) -> None:
        self._flush()
        self._close_shard()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self._writer is None:
            path = self.folder / f"{self.stem}-{len(self.paths):05d}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
            self._writer = pq.ParquetWriter(path, self.schema, compression="zstd")
            self.paths.append(path)
            self.shard_rows.append(0)
        self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=self.schema))
        self.shard_rows[-1] += len(self._buffer)
        self._buffer = []
        self._buffered_chars = 0

    def _close_shard(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self._in_shard = 0


def _chars(row: dict) -> int:
    return sum(len(v) if isinstance(v, str) else sum(len(m["content"]) for m in v) for v in row.values())
