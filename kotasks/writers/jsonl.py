"""JSON Lines files written under a temporary name and moved into place only when the build succeeds."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO


class JsonlWriter:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._partial = path.with_name(path.name + ".partial")
        self._file: IO[str] = self._partial.open("w", encoding="utf-8", newline="\n")
        self.count = 0

    def write(self, record: dict) -> None:
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += 1

    def commit(self) -> None:
        self._file.close()
        self._partial.replace(self.path)

    def discard(self) -> None:
        self._file.close()
        self._partial.unlink(missing_ok=True)


def write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
