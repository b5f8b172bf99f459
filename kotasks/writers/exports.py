"""Every built record into the files of each export format, per task and split.

`data/<task>/<split>-NNNNN.parquet` (the Hub layout, Alpaca columns or `messages`, with provenance) is always written;
`[output] formats` adds `alpaca/`, `sharegpt/` and `openai/` JSON Lines files. Files are opened on their first record,
so an empty split leaves no file behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kotasks.splits import SPLITS
from kotasks.writers.formats import is_conversation, provenance, to_alpaca, to_openai, to_sharegpt
from kotasks.writers.jsonl import JsonlWriter
from kotasks.writers.parquet import ALPACA_SCHEMA, CONVERSATION_SCHEMA, ParquetShards

HUB_DATA = "data"


@dataclass(frozen=True)
class ExportFile:
    """One written file, relative to the output folder."""

    format: str  # "parquet", "alpaca", "sharegpt" or "openai"
    task: str
    split: str
    path: str
    rows: int


_SHAPES: dict[str, Callable[[dict], dict]] = {"sharegpt": to_sharegpt, "openai": to_openai}


class Exporter:
    """Routes records to per-(format, task, split) files under `root`."""

    def __init__(self, root: Path, formats: Sequence[str], rows_per_shard: int) -> None:
        self.root, self.formats, self.rows_per_shard = root, list(formats), rows_per_shard
        self._shards: dict[tuple[str, str], ParquetShards] = {}
        self._lines: dict[tuple[str, str, str], JsonlWriter] = {}
        self._sidecars: dict[tuple[str, str], JsonlWriter] = {}
        self.first_records: dict[tuple[str, str], dict] = {}
        """(task, split) -> the first record written there: the card shows one"""

    def write(self, record: dict, split: str) -> None:
        task, conversation = record["task"], is_conversation(record)
        self.first_records.setdefault((task, split), record)
        row = record if conversation else to_alpaca(record)
        self._shard(task, split, conversation).write(row)
        for fmt in self.formats:
            if fmt == "alpaca":
                if not conversation:  # Alpaca has no shape for a conversation with a system message
                    self._jsonl(fmt, task, split).write(row)
                continue
            self._jsonl(fmt, task, split).write(_SHAPES[fmt](record))
            if fmt == "openai":
                self._sidecar(task, split).write(provenance(record))

    def close(self) -> list[ExportFile]:
        """Close every file; the files written, in a stable order."""
        files = []
        for (task, split), shards in self._shards.items():
            shards.close()
            files += [
                ExportFile("parquet", task, split, p.relative_to(self.root).as_posix(), n)
                for p, n in zip(shards.paths, shards.shard_rows, strict=True)
            ]
        for (fmt, task, split), writer in self._lines.items():
            writer.close()
            files.append(ExportFile(fmt, task, split, writer.path.relative_to(self.root).as_posix(), writer.count))
        for writer in self._sidecars.values():
            writer.close()
        return sorted(files, key=lambda f: (f.format, f.task, SPLITS.index(f.split), f.path))

    def _shard(self, task: str, split: str, conversation: bool) -> ParquetShards:
        key = (task, split)
        if key not in self._shards:
            schema = CONVERSATION_SCHEMA if conversation else ALPACA_SCHEMA
            self._shards[key] = ParquetShards(self.root / HUB_DATA / task, split, schema, self.rows_per_shard)
        return self._shards[key]

    def _jsonl(self, fmt: str, task: str, split: str) -> JsonlWriter:
        key = (fmt, task, split)
        if key not in self._lines:
            self._lines[key] = JsonlWriter(self.root / fmt / task / f"{split}.jsonl")
        return self._lines[key]

    def _sidecar(self, task: str, split: str) -> JsonlWriter:
        key = (task, split)
        if key not in self._sidecars:
            self._sidecars[key] = JsonlWriter(self.root / "openai" / task / f"{split}.provenance.jsonl")
        return self._sidecars[key]
