"""The bundled recipe on the bundled corpus: all six task files, every record passing the checks."""

from __future__ import annotations

import pytest
from conftest import ROOT, task_records
from llamafactory_check import LlamaFactoryUnavailable, check_dataset_dir
from record_checks import check_record

from kotasks import TASKS, Document, build, iter_documents, load_recipe


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    recipe = load_recipe(ROOT / "recipes" / "legal.toml")
    return recipe, build(recipe, out_dir=tmp_path_factory.mktemp("legal"), progress=False)


def test_all_six_tasks_are_built(sample_build):
    _, result = sample_build
    for task in TASKS:
        assert task_records(result, task), f"no {task} records"
        assert result.paths("parquet", task), f"no {task} parquet"
    assert (result.out_dir / "rejects.jsonl").exists() and (result.out_dir / "stats.json").exists()


def test_every_sample_record_passes_the_checks(sample_build, kiwi):
    recipe, result = sample_build
    documents = {(d.source, d.id): d for d in iter_documents(recipe) if isinstance(d, Document)}
    for task in TASKS:
        for record in task_records(result, task):
            check_record(record, documents[(record["source"], record["doc_id"])], kiwi)


def test_records_carry_their_source_license(sample_build):
    _, result = sample_build
    licenses = {(r["source"], r["license"]) for task in TASKS for r in task_records(result, task)}
    assert licenses == {
        ("precedents", "KR-ART7-PUBLIC"),
        ("statutes", "KR-ART7-PUBLIC"),
        ("news-summaries", "AIHUB"),
        ("legal-qa", "CC-BY-SA-4.0"),
    }


def test_record_ids_are_unique(sample_build):
    _, result = sample_build
    ids = [r["id"] for task in [*TASKS, "multi_question_multiturn"] for r in task_records(result, task, "sharegpt")]
    assert len(ids) == len(set(ids))


def test_sample_exports_load_in_llamafactory_without_a_dropped_example(sample_build):
    _, result = sample_build
    try:
        loaded = check_dataset_dir(result.out_dir)
    except LlamaFactoryUnavailable as err:
        pytest.skip(f"LLaMA-Factory wheel unavailable: {err}")
    assert len(loaded) == len([f for f in result.files if f.format != "parquet"]) > 20
    assert all(r.ok for r in loaded.values()), [(r.name, r.error, r.dropped_examples) for r in loaded.values()]
