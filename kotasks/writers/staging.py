"""A build writes into a staging folder whose entries replace the previous build's only when the build succeeds."""

from __future__ import annotations

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
"""What a build writes at the top of its output folder; a new build replaces all of them."""
MARKER = "stats.json"


class Staging:
    def __init__(self, out: Path) -> None:
        taken = [name for name in OUTPUTS if (out / name).exists()]
        if taken and not (out / MARKER).exists():
            raise FileExistsError(
                f"{out} already holds {taken[0]}, which no kotasks build wrote; choose an empty output folder"
            )
        self.out = out
        self.path = out / ".kotasks-staging"
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)

    def commit(self) -> None:
        """Replace every output of the previous build with this build's (removing those it did not write)."""
        for name in OUTPUTS:
            target, staged = self.out / name, self.path / name
            if target.is_dir():
                shutil.rmtree(target)
            else:
                target.unlink(missing_ok=True)
            if staged.exists():
                staged.rename(target)
        shutil.rmtree(self.path)

    def discard(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
