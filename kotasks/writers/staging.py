"""A build writes into a staging folder whose entries replace the previous build's only when the build succeeds.

The names a build wrote are kept in `.kotasks-build`; a later build removes only those, and refuses a folder that
holds output names no kotasks build wrote there.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

OUTPUTS = (
    "data",
    "alpaca",
    "sharegpt",
    "openai",
    "README.md",
    "ATTRIBUTION.md",
    "dataset_info.json",
    "rejects.jsonl",
    "stats.json",
)
"""What a build may write at the top of its output folder."""
MARKER = ".kotasks-build"
LEGACY_OUTPUTS = {"rejects.jsonl", "stats.json"}
"""The only output names kotasks 0.1 builds (without a marker) shared with today's; never folders."""
LAST = "stats.json"
"""Moved into place last (and removed first): `kotasks push` trusts a folder only with it."""


class Staging:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.previous = self._previous_outputs()
        foreign = [name for name in OUTPUTS if (out / name).exists() and name not in self.previous]
        if foreign:
            raise FileExistsError(
                f"{out} already holds {foreign[0]}, which no kotasks build wrote; choose an empty output folder"
            )
        self.path = out / ".kotasks-staging"
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)

    def _previous_outputs(self) -> set[str]:
        try:
            return set(json.loads((self.out / MARKER).read_text(encoding="utf-8"))) & set(OUTPUTS)
        except (FileNotFoundError, ValueError):
            return LEGACY_OUTPUTS if _legacy_build(self.out) else set()

    def commit(self) -> None:
        """Replace the previous build's outputs with this build's."""
        written = [name for name in OUTPUTS if (self.path / name).exists()]
        (self.out / MARKER).write_text(json.dumps(sorted(self.previous | set(written))), encoding="utf-8")
        for name in [LAST, *sorted(self.previous - {LAST})]:
            target = self.out / name
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink(missing_ok=True)
        for name in sorted(written, key=lambda n: n == LAST):
            (self.path / name).rename(self.out / name)
        (self.out / MARKER).write_text(json.dumps(written), encoding="utf-8")
        shutil.rmtree(self.path)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _legacy_build(out: Path) -> bool:
    try:
        return "records_total" in json.loads((out / "stats.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return False
