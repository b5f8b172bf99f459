"""`kotasks inspect` shows what a build would see and a snippet that reads it."""

from __future__ import annotations

import json
import zipfile

from conftest import ROOT
from typer.testing import CliRunner

from kotasks.cli import app
from kotasks.recipe import parse_recipe


def test_inspect_zip_of_docsumm(tmp_path):
    sample = (ROOT / "corpora" / "aihub" / "docsumm_legal_sample.json").read_bytes()
    with zipfile.ZipFile(tmp_path / "문서요약.zip", "w") as archive:
        archive.writestr("Training/법률_001.json", sample)
        archive.writestr("Training/법률_002.json", b'{"documents": [')
    result = CliRunner().invoke(app, ["inspect", str(tmp_path / "문서요약.zip")])
    assert result.exit_code == 0, result.output
    first = json.loads(sample)["documents"][0]
    assert "format: aihub-docsumm (auto picked aihub-docsumm)" in result.output
    assert "encodings: {'utf-8': 2}" in result.output
    assert "documents: 10; rejects: 1" in result.output
    assert f"  title: {first['title']}" in result.output
    assert "invalid JSON after 0 items" in result.output
    snippet = result.output.split("recipe snippet:\n", 1)[1]
    assert 'format = "aihub-docsumm"' in snippet and 'license = "AIHUB"' in snippet


def test_inspect_folder_of_markdown_gives_a_snippet_that_parses(tmp_path):
    result = CliRunner().invoke(app, ["inspect", str(ROOT / "corpora" / "legal" / "precedents")])
    assert result.exit_code == 0, result.output
    assert "format: markdown" in result.output and "documents: 30; rejects: 0" in result.output
    snippet = result.output.split("recipe snippet:\n", 1)[1]
    import tomllib

    source = tomllib.loads(snippet)["sources"][0]
    recipe = parse_recipe({"name": "x", "sources": [source], "tasks": {"mask_prediction": {}}}, base_dir=tmp_path)
    assert recipe.sources[0].path.endswith("**/*.md")


def test_inspect_unknown_suffix_is_a_clear_error(tmp_path):
    (tmp_path / "data.hwp").write_bytes(b"HWP")
    result = CliRunner().invoke(app, ["inspect", str(tmp_path / "data.hwp")])
    assert result.exit_code == 2
    assert "cannot tell the format from the suffix; pass --format" in result.output
