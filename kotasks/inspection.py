"""`kotasks inspect`: what the tool sees in a file, folder or archive, and a recipe snippet to read it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from kotasks.documents import Document, Reject
from kotasks.recipe import parse_recipe
from kotasks.sources import SourceNotes, iter_source
from kotasks.sources.containers import is_archive

_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
_BY_SUFFIX |= {".parquet": "parquet", ".txt": "txt", ".json": "auto"}


@dataclass
class Inspection:
    path: Path
    pattern: str
    format: str
    documents: int = 0
    rejects: Counter = field(default_factory=Counter)
    notes: SourceNotes = field(default_factory=SourceNotes)
    sample: Document | None = None

    def recipe_snippet(self) -> str:
        name = self.path.name.split(".")[0] or "corpus"
        license_id = "AIHUB" if self.notes.format.startswith("aihub") else "PROPRIETARY"
        return "\n".join(
            [
                "[[sources]]",
                f'name = "{name}"',
                f'path = "{self.pattern}"',
                f'format = "{self.notes.format or self.format}"',
                f'license = "{license_id}"  # check the corpus terms; `kotasks licenses` lists the ids',
            ]
        )


def _pattern_and_format(path: Path, format: str | None) -> tuple[str, str]:
    if path.is_dir():
        suffixes = Counter(p.suffix.lower() for p in path.rglob("*") if p.is_file() and p.suffix.lower() in _BY_SUFFIX)
        if not suffixes:
            raise ValueError(f"{path}: no file with a known suffix ({', '.join(_BY_SUFFIX)})")
        suffix = suffixes.most_common(1)[0][0]
        return str(path / "**" / f"*{suffix}"), format or _BY_SUFFIX[suffix]
    if is_archive(path):
        return str(path), format or "auto"
    if path.suffix.lower() not in _BY_SUFFIX and not format:
        raise ValueError(f"{path}: cannot tell the format from the suffix; pass --format")
    return str(path), format or _BY_SUFFIX[path.suffix.lower()]


def inspect_path(path: Path, format: str | None = None) -> Inspection:
    """Read a corpus as a build would (archives are read as JSON layouts unless `format` says otherwise)."""
    path = path.absolute()
    pattern, chosen = _pattern_and_format(path, format)
    recipe = parse_recipe(
        {
            "name": "inspect",
            "sources": [{"name": "inspect", "path": pattern, "format": chosen, "license": "PROPRIETARY"}],
            "tasks": {"mask_prediction": {}},
        },
        base_dir=Path.cwd(),
        origin="inspect",
    )
    result = Inspection(path=path, pattern=pattern, format=chosen)
    for item in iter_source(recipe.sources[0], recipe, result.notes):
        if isinstance(item, Reject):
            result.rejects[item.reason] += 1
            continue
        result.documents += 1
        result.sample = result.sample or item
    return result
