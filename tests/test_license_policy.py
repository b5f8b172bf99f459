"""The license policy end to end: refused sources, withheld raw-text tasks, the output license on the card."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import card_metadata, task_records, write_recipe
from korean_fixtures import INSURANCE_QA, news, squad
from typer.testing import CliRunner

from kotasks import build, load_recipe
from kotasks.cli import app
from kotasks.licenses import LICENSES
from kotasks.output_license import output_license


def _corpus(folder: Path, *, qa_license: str, news_license: str = "AIHUB", extra: str = "") -> Path:
    (folder / "qa.json").write_text(json.dumps(squad(INSURANCE_QA), ensure_ascii=False), encoding="utf-8")
    docs = {"documents": [news(i) for i in range(1, 7)]}
    (folder / "news.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    return write_recipe(
        folder,
        f"""
        name = "policy"
        {extra}
        [[sources]]
        name = "qa"
        path = "qa.json"
        format = "squad"
        license = "{qa_license}"
        [[sources]]
        name = "news"
        path = "news.json"
        format = "aihub-docsumm"
        license = "{news_license}"
        [tasks.multi_question]
        [tasks.original_inference]
        [tasks.sentence_order]
        [tasks.summary_title]
        """,
    )


def _sources_of(result, task: str) -> set[str]:
    return {r["source"] for r in task_records(result, task)}


def test_commercial_only_builds_without_a_no_derivatives_source_and_says_why(tmp_path):
    recipe = _corpus(tmp_path, qa_license="CC-BY-ND-4.0", extra="commercial_only = true")
    out = tmp_path / "out"
    cli = CliRunner().invoke(app, ["build", str(recipe), "--out", str(out), "--quiet"])
    assert cli.exit_code == 0, cli.output
    assert "source 'qa' not used: commercial_only = true and CC-BY-ND-4.0 forbids derivative works" in cli.output
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["refused_sources"] == {"qa": "commercial_only = true and CC-BY-ND-4.0 forbids derivative works"}
    assert "qa" not in stats["documents"]["read"] and stats["records"]["summary_title"]["news"] == 6
    assert "Source `qa` was not used: commercial_only = true and CC-BY-ND-4.0" in (out / "README.md").read_text()


def test_a_share_alike_source_makes_the_card_cc_by_sa(tmp_path):
    recipe = _corpus(tmp_path, qa_license="CC-BY-SA-4.0", news_license="KOGL-1")
    result = build(load_recipe(recipe), out_dir=tmp_path / "out", progress=False)
    assert card_metadata(result.out_dir)["license"] == "cc-by-sa-4.0"
    assert result.stats.output_license["id"] == "cc-by-sa-4.0"
    attribution = (result.out_dir / "ATTRIBUTION.md").read_text(encoding="utf-8")
    assert "CC-BY-SA-4.0" in attribution and "KOGL-1" in attribution


def test_raw_text_tasks_are_withheld_from_a_source_that_forbids_redistributing_it(tmp_path):
    result = build(load_recipe(_corpus(tmp_path, qa_license="CC0-1.0")), out_dir=tmp_path / "out", progress=False)
    assert _sources_of(result, "original_inference") == set()
    assert _sources_of(result, "sentence_order") == {"qa"}  # CC0 text may be published
    assert "news" in _sources_of(result, "summary_title")  # its summaries and titles are published, not its text
    reason = result.stats.withheld["news"]["original_inference"]
    assert reason.startswith("AIHUB forbids redistributing raw text, which original_inference records reproduce")
    assert result.stats.publish_blockers == []
    meta = card_metadata(result.out_dir)
    assert (meta["license"], meta["license_name"]) == ("other", "aihub-terms")
    assert "original_inference" not in {c["config_name"] for c in meta["configs"]}


def test_holding_the_rights_lets_raw_text_tasks_through(tmp_path):
    recipe = _corpus(tmp_path, qa_license="CC0-1.0")
    text = recipe.read_text(encoding="utf-8").replace(
        'license = "AIHUB"', 'license = "AIHUB"\nholds_redistribution_rights = true'
    )
    recipe.write_text(text, encoding="utf-8")
    result = build(load_recipe(recipe), out_dir=tmp_path / "out", progress=False)
    assert _sources_of(result, "original_inference") == {"news"}
    assert _sources_of(result, "sentence_order") == {"qa", "news"}
    assert result.stats.withheld == {} and result.stats.publish_blockers == []


def test_a_local_build_keeps_everything_and_is_marked_unpublishable(tmp_path):
    recipe = _corpus(tmp_path, qa_license="CC-BY-ND-4.0", extra="[output]\npublish = false")
    result = build(load_recipe(recipe), out_dir=tmp_path / "out", progress=False)
    assert _sources_of(result, "original_inference") == {"news"}
    assert _sources_of(result, "multi_question") == {"qa"}
    assert result.stats.publish_blockers == [
        "source 'qa': CC-BY-ND-4.0 forbids publishing derivative works",
        "source 'news': AIHUB forbids redistributing raw text, which original_inference records reproduce",
        "source 'news': AIHUB forbids redistributing raw text, which sentence_order records reproduce",
    ]
    assert "**Not for publication:**" in (result.out_dir / "README.md").read_text(encoding="utf-8")


def test_publishing_refuses_a_no_derivatives_source_even_without_commercial_only(tmp_path):
    recipe = _corpus(tmp_path, qa_license="CC-BY-ND-4.0")
    result = build(load_recipe(recipe), out_dir=tmp_path / "out", progress=False)
    assert result.stats.refused_sources["qa"].startswith("CC-BY-ND-4.0 forbids publishing derivative works")
    assert _sources_of(result, "multi_question") == set()


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        (["KR-ART7-PUBLIC"], "cc0-1.0"),
        (["KR-ART7-PUBLIC", "CC0-1.0"], "cc0-1.0"),
        (["KR-ART7-PUBLIC", "KOGL-1"], "cc-by-4.0"),
        (["CC-BY-4.0", "CC-BY-SA-4.0"], "cc-by-sa-4.0"),
        (["CC-BY-NC-4.0", "KOGL-1"], "cc-by-nc-4.0"),
        (["CC-BY-NC-4.0", "CC-BY-NC-SA-4.0"], "cc-by-nc-sa-4.0"),
        (["KOGL-2", "CC-BY-ND-4.0"], "cc-by-nc-nd-4.0"),
        (["CC-BY-SA-4.0", "CC-BY-NC-4.0"], "other/mixed"),  # BY-SA adaptations may only be BY-SA
        (["CC-BY-SA-4.0", "CC-BY-ND-4.0"], "other/mixed"),
        (["KR-ART7-PUBLIC", "AIHUB"], "other/aihub-terms"),
        (["CC-BY-SA-4.0", "AIHUB"], "other/mixed"),  # AI-Hub terms and BY-SA each bind their own records
    ],
)
def test_output_license_is_the_strictest_that_honours_every_source(ids, expected):
    chosen = output_license([LICENSES[i] for i in ids])
    assert (f"{chosen.id}/{chosen.name}" if chosen.name else chosen.id) == expected
