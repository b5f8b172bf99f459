"""Shared helpers: recipes written to disk, Kiwi once per session, and the shared corpora location."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPORA = ROOT.parent / "shared" / "corpora"


def write_recipe(folder: Path, body: str) -> Path:
    """A recipe file in `folder`; relative paths in it resolve against that folder."""
    path = folder / "recipe.toml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def read_source(base_dir: Path, **source) -> tuple[list, list]:
    """(documents, rejects) of one source, given as recipe keys; name and license have defaults."""
    from kotasks import Document, Reject, parse_recipe
    from kotasks.sources import iter_source

    source = {"name": "src", "license": "AIHUB", **source}
    recipe = parse_recipe({"name": "t", "sources": [source], "tasks": {"mask_prediction": {}}}, base_dir=base_dir)
    items = list(iter_source(recipe.sources[0], recipe))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Reject)]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def task_records(result, task: str, format: str = "alpaca") -> list[dict]:
    """Every record of one task in one JSON Lines export format, all splits."""
    return [record for path in result.paths(format, task) for record in read_jsonl(path)]


def card_metadata(out_dir: Path) -> dict:
    """The YAML metadata at the top of a build's dataset card."""
    import yaml

    _, front, _ = (out_dir / "README.md").read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(front)


def output_files(out_dir: Path) -> dict[str, bytes]:
    """Every file a build wrote, by relative path, except stats.json (it holds the build time)."""
    return {
        p.relative_to(out_dir).as_posix(): p.read_bytes()
        for p in sorted(out_dir.rglob("*"))
        if p.is_file() and p.name != "stats.json"
    }


@pytest.fixture(scope="session")
def kiwi():
    from kotasks.text.kiwi import get_kiwi

    return get_kiwi()
