"""Whole builds: broken inputs are rejected with reasons, output is deterministic, licenses are enforced."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import output_files, read_jsonl, task_records, write_recipe
from korean_fixtures import ARTICLE, news
from typer.testing import CliRunner

from kotasks import build, load_recipe
from kotasks.cli import app


def _broken_corpus(folder: Path) -> Path:
    (folder / "jsonl").mkdir(parents=True)
    good = {"id": "ok", "text": ARTICLE}
    (folder / "jsonl" / "a.jsonl").write_text(
        "\n".join(
            [
                json.dumps(good, ensure_ascii=False),
                json.dumps({"id": "wrong-type", "text": {"본문": "객체"}}, ensure_ascii=False),
                json.dumps({"id": "empty", "text": ""}),
                json.dumps({"id": "short", "text": "짧다."}, ensure_ascii=False),
                '{"id": "cut", "text": "잘린',
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    (folder / "jsonl" / "latin.jsonl").write_bytes(b'{"id": "bin", "text": "\xff\xfe\xff"}\n')
    raw = json.dumps({"documents": [news(1), news(2)]}, ensure_ascii=False)
    (folder / "docsumm.json").write_text(raw[: len(raw) // 2 + 40], encoding="utf-8")
    return write_recipe(
        folder,
        """
        name = "broken"
        [[sources]]
        name = "lines"
        path = "jsonl/*.jsonl"
        format = "jsonl"
        license = "CC0-1.0"
        [sources.fields]
        id = "id"
        [[sources]]
        name = "news"
        path = "docsumm.json"
        format = "aihub-docsumm"
        license = "AIHUB"
        [tasks.mask_prediction]
        [tasks.summary_title]
        """,
    )


def test_broken_inputs_end_up_in_rejects_with_reasons(tmp_path):
    recipe = load_recipe(_broken_corpus(tmp_path / "corpus"))
    result = build(recipe, out_dir=tmp_path / "out", progress=False)
    rejects = {
        (r["source"], r["doc_id"] or r["location"]): r["reason"] for r in read_jsonl(tmp_path / "out" / "rejects.jsonl")
    }
    assert rejects[("lines", "wrong-type")] == "field text ('text') is dict, expected text"
    assert rejects[("lines", "empty")] == "empty text ('text')"
    assert rejects[("lines", "short")] == "text shorter than 20 characters"
    assert rejects[("lines", "a.jsonl:5")].startswith("invalid JSON")
    assert rejects[("lines", "latin.jsonl")].endswith("not UTF-8 or CP949/EUC-KR text")
    assert rejects[("news", "docsumm.json:documents[1]")].startswith("invalid JSON after 1 items")
    records = task_records(result, "mask_prediction")
    assert {(r["source"], r["doc_id"]) for r in records} == {("lines", "ok"), ("news", "n1")}
    stats = json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8"))
    assert stats["documents"]["read"] == {"lines": 2, "news": 1}
    assert sum(stats["documents"]["rejected"]["lines"].values()) == 5
    assert result.stats.records["mask_prediction"]["news"] == 1


def test_same_output_for_any_file_order_and_worker_count(tmp_path):
    def corpus(folder: Path, order: list[int]) -> Path:
        (folder / "data").mkdir(parents=True)
        for i in order:  # files created in a different order, so directory listings differ
            docs = {"documents": [news(10 * i + k) for k in range(3)]}
            (folder / "data" / f"part{i}.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        return write_recipe(
            folder,
            """
            name = "order"
            seed = 7
            [[sources]]
            name = "news"
            path = "data/*.json"
            format = "aihub-docsumm"
            license = "AIHUB"
            [tasks.sentence_order]
            [tasks.last_sentence]
            [tasks.mask_prediction]
            [tasks.summary_title]
            weight = 0.5
            """,
        )

    first = build(load_recipe(corpus(tmp_path / "a", [0, 1, 2, 3])), out_dir=tmp_path / "o1", progress=False)
    second = build(
        load_recipe(corpus(tmp_path / "b", [3, 1, 0, 2])), out_dir=tmp_path / "o2", workers=2, progress=False
    )
    assert output_files(first.out_dir) == output_files(second.out_dir)
    assert 0 < sum(first.stats.records["summary_title"].values()) < 12  # the weight samples documents
    other_seed = build(
        load_recipe(corpus(tmp_path / "c", [0, 1, 2, 3])), out_dir=tmp_path / "o3", seed=8, progress=False
    )
    assert task_records(other_seed, "mask_prediction") != task_records(first, "mask_prediction")


def test_cli_says_why_a_source_is_refused(tmp_path):
    (tmp_path / "blog.txt").write_text(
        "비영리 조건으로만 공개된 블로그 글이다. 상업적 학습에는 쓸 수 없다.", encoding="utf-8"
    )
    recipe = write_recipe(
        tmp_path,
        """
        name = "cli"
        commercial_only = true
        [[sources]]
        name = "nc"
        path = "*.txt"
        format = "txt"
        license = "CC-BY-NC-4.0"
        [tasks.mask_prediction]
        """,
    )
    result = CliRunner().invoke(app, ["build", str(recipe), "--out", str(tmp_path / "o"), "--quiet"])
    assert result.exit_code == 0
    assert "source 'nc' not used: commercial_only = true and CC-BY-NC-4.0 forbids commercial use" in result.output


def test_a_lone_surrogate_escape_is_dropped_instead_of_crashing_the_writers(tmp_path):
    line = '{"id": "s1", "text": "보험계약자는 \\ud800청약을 철회할 수 있다. 회사는 보험료를 돌려준다. 다만 진단계약은 제외한다."}'
    (tmp_path / "a.jsonl").write_text(line + "\n", encoding="utf-8")
    recipe = write_recipe(
        tmp_path,
        """
        name = "surrogate"
        [[sources]]
        name = "lines"
        path = "a.jsonl"
        format = "jsonl"
        license = "CC0-1.0"
        [sources.fields]
        id = "id"
        [tasks.sentence_order]
        [output]
        dir = "out"
        """,
    )
    result = build(load_recipe(recipe), progress=False)
    [record] = task_records(result, "sentence_order")
    assert record["output"].startswith("보험계약자는 청약을")
