"""`kotasks push` against a local stand-in for the Hub (HF_ENDPOINT): one commit per push, stale shards removed,
transient errors retried, unpublishable builds refused, and the token never shown."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from conftest import write_recipe
from fake_hub import FakeHub
from korean_fixtures import news
from typer.testing import CliRunner

from kotasks import build, load_recipe
from kotasks.cli import app
from kotasks.publish import PushError, plan_push, push

TOKEN = "hf_kotasksTestToken0123456789abcdef"
REPO = "law-team/ko-legal-ssl"


def _build(folder: Path, documents: int, publish: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    docs = {"documents": [news(i) for i in range(1, documents + 1)]}
    (folder / "news.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    recipe = write_recipe(
        folder,
        f"""
        name = "push"
        [[sources]]
        name = "news"
        path = "news.json"
        format = "aihub-docsumm"
        license = "AIHUB"
        [tasks.summary_title]
        [tasks.original_inference]
        [output]
        formats = ["alpaca", "openai"]
        rows_per_shard = 4
        publish = {str(publish).lower()}
        """,
    )
    return build(load_recipe(recipe), out_dir=folder / "out", progress=False).out_dir


@pytest.fixture
def hub(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))  # no login cache from the machine
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setattr("huggingface_hub.utils._http.time.sleep", lambda _: None)  # the client's own backoff
    with FakeHub(username="law-team") as fake:
        monkeypatch.setenv("HF_ENDPOINT", fake.url)
        yield fake


def _uploaded(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and (p.name in ("README.md", "ATTRIBUTION.md") or p.relative_to(out).parts[0] == "data")
    }


def test_dry_run_lists_the_files_and_sends_nothing(hub, tmp_path):
    out = _build(tmp_path, documents=6)
    result = CliRunner().invoke(app, ["push", str(out), "--repo", REPO, "--dry-run"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.output.splitlines() if line.startswith("  ")}
    assert listed == set(_uploaded(out)) and "data/summary_title/train-00000.parquet" in listed
    assert hub.requests == []


def test_push_uploads_the_card_and_data_in_one_commit_and_never_shows_the_token(hub, tmp_path, caplog):
    out = _build(tmp_path, documents=12)
    caplog.set_level(logging.DEBUG)
    result = CliRunner().invoke(app, ["push", str(out), "--repo", REPO, "--private"])
    assert result.exit_code == 0, result.output
    assert hub.repos[REPO]["private"] is True
    assert hub.repos[REPO]["files"] == _uploaded(out)
    assert len(hub.commits) == 1
    assert TOKEN not in result.output and TOKEN not in caplog.text
    assert all(TOKEN not in r.path and TOKEN.encode() not in r.body for r in hub.requests)
    assert {r.headers.get("authorization") for r in hub.requests if r.method == "POST"} == {f"Bearer {TOKEN}"}


def test_a_second_push_removes_shards_the_new_build_no_longer_has(hub, tmp_path):
    out = _build(tmp_path / "big", documents=24)
    push(plan_push(out), REPO, token=TOKEN)
    before = set(hub.repos[REPO]["files"])
    smaller = _build(tmp_path / "small", documents=3)
    push(plan_push(smaller), REPO, token=TOKEN)
    assert set(hub.repos[REPO]["files"]) == set(_uploaded(smaller)) < before | set(_uploaded(smaller))
    assert len(hub.commits) == 2 and hub.commits[1]["deleted"]


def test_transient_errors_are_retried_and_permanent_ones_are_not(hub, tmp_path):
    out = _build(tmp_path, documents=6)
    waits = []
    hub.fail_next, hub.fail_match = 2, "/api/repos/create"
    push(plan_push(out), REPO, token=TOKEN, sleep=waits.append)
    assert waits == [2.0, 4.0] and len(hub.commits) == 1

    hub.fail_next, hub.fail_status, hub.fail_match = 1, 400, "/preupload/"
    with pytest.raises(PushError, match="400") as raised:
        push(plan_push(out), REPO, token=TOKEN, sleep=waits.append)
    assert waits == [2.0, 4.0] and TOKEN not in str(raised.value)

    hub.fail_next, hub.fail_status, hub.fail_match = 10, 503, "/api/repos/create"
    with pytest.raises(PushError, match="after 3 attempts"):
        push(plan_push(out), REPO, token=TOKEN, attempts=3, sleep=waits.append)


def test_an_unpublishable_build_is_refused_with_the_reason(hub, tmp_path):
    out = _build(tmp_path, documents=6, publish=False)
    result = CliRunner().invoke(app, ["push", str(out), "--repo", REPO])
    assert result.exit_code == 2
    assert "may not be published: source 'news': AIHUB forbids redistributing raw text" in result.output
    assert hub.requests == []


def test_no_token_is_a_clear_error(hub, tmp_path, monkeypatch):
    out = _build(tmp_path, documents=6)
    monkeypatch.delenv("HF_TOKEN")
    result = CliRunner().invoke(app, ["push", str(out), "--repo", REPO])
    assert result.exit_code == 2 and "no Hugging Face token: set HF_TOKEN" in result.output


def test_an_empty_build_is_not_pushed(hub, tmp_path):
    out = _build(tmp_path, documents=0)
    result = CliRunner().invoke(app, ["push", str(out), "--repo", REPO])
    assert result.exit_code == 2 and "may not be published: the build made no records" in result.output
