"""A bad recipe fails with one line that names the key and what was expected."""

from __future__ import annotations

import pytest
from conftest import ROOT, write_recipe
from typer.testing import CliRunner

from kotasks import RecipeError, load_recipe
from kotasks.cli import app

GOOD_SOURCE = """
[[sources]]
name = "판례"
path = "cases/*.md"
format = "markdown"
license = "KR-ART7-PUBLIC"
"""


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            'name = "x"\n' + GOOD_SOURCE.replace('"markdown"', '"md"') + "[tasks.mask_prediction]\n",
            "sources[0].format: Input should be 'markdown', 'jsonl'",
        ),
        (
            'name = "x"\n' + GOOD_SOURCE.replace('license = "KR-ART7-PUBLIC"\n', "") + "[tasks.mask_prediction]\n",
            "sources[0].license: required key is missing",
        ),
        (
            'name = "x"\n' + GOOD_SOURCE.replace("KR-ART7-PUBLIC", "CC-BY") + "[tasks.mask_prediction]\n",
            "sources[0].license: expected a license id, one of KR-ART7-PUBLIC",
        ),
        (
            'name = "x"\n' + GOOD_SOURCE + "[tasks.mask_prediction]\nweight = 1.5\n",
            "tasks.mask_prediction.weight: Input should be less than or equal to 1",
        ),
        ('name = "x"\n' + GOOD_SOURCE + "[tasks.mask_predicton]\n", "tasks.mask_predicton: unknown key"),
        ('name = "x"\n' + GOOD_SOURCE + "[tasks]\n", "no task enabled"),
        (
            'name = "x"\n' + GOOD_SOURCE + "split_heading_level = 5\nformat2 = 1\n[tasks.mask_prediction]\n",
            "sources[0].format2: unknown key",
        ),
        ('name = "x"\nsources = []\n[tasks.mask_prediction]\n', "sources: List should have at least 1 item"),
        (
            'name = "x"\n'
            + GOOD_SOURCE
            + "[tasks.mask_prediction]\n[output]\nsplit = { train = 0.8, validation = 0.1 }\n",
            "output.split: train + validation + test must add up to 1 (got 0.9)",
        ),
        (
            'name = "x"\n' + GOOD_SOURCE + '[tasks.mask_prediction]\n[output]\nformats = ["alpaca", "chatml"]\n',
            "output.formats[1]: Input should be 'alpaca', 'sharegpt' or 'openai' (got 'chatml')",
        ),
        (
            'name = "x"\n' + GOOD_SOURCE + 'holds_redistribution_rights = "yes"\n[tasks.mask_prediction]\n',
            "sources[0].holds_redistribution_rights: Input should be a valid boolean",
        ),
        ('name = "x\n', "not valid TOML"),
    ],
)
def test_bad_recipe_gives_one_line_naming_the_key(tmp_path, body, expected):
    path = write_recipe(tmp_path, body)
    with pytest.raises(RecipeError) as err:
        load_recipe(path)
    message = str(err.value)
    assert expected in message
    assert "\n" not in message
    assert message.startswith(str(path))


def test_split_heading_level_only_for_markdown(tmp_path):
    body = (
        'name = "x"\n'
        + GOOD_SOURCE.replace('"markdown"', '"jsonl"')
        + "split_heading_level = 5\n[tasks.mask_prediction]\n"
    )
    with pytest.raises(RecipeError, match="split_heading_level applies only to format = 'markdown'"):
        load_recipe(write_recipe(tmp_path, body))


def test_cli_reports_bad_recipe_without_traceback(tmp_path):
    path = write_recipe(
        tmp_path, 'name = "x"\n' + GOOD_SOURCE.replace('"markdown"', '"hwp"') + "[tasks.mask_prediction]\n"
    )
    result = CliRunner().invoke(app, ["build", str(path)])
    assert result.exit_code == 2
    assert "sources[0].format" in result.output
    assert "Traceback" not in result.output


def test_cli_rejects_unknown_source_override():
    result = CliRunner().invoke(
        app, ["build", str(ROOT / "recipes" / "law-go-kr.toml"), "--source-path", "판례=/tmp/x"]
    )
    assert result.exit_code == 2
    assert "no source named '판례'" in result.output


def test_field_defaults_merge_with_recipe_fields(tmp_path):
    body = 'name = "x"\n' + GOOD_SOURCE + '[sources.fields]\ntext = "section.판례내용"\n[tasks.mask_prediction]\n'
    source = load_recipe(write_recipe(tmp_path, body)).sources[0]
    assert source.field_map.text == "section.판례내용"
    assert source.field_map.title == "front.제목"
