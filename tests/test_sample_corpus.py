"""The bundled recipe on the bundled corpus: all six task files, every record passing the checks."""

from __future__ import annotations

import pytest
from conftest import ROOT, read_jsonl
from record_checks import check_record

from kotasks import TASKS, Document, build, iter_documents, load_recipe


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    recipe = load_recipe(ROOT / "recipes" / "legal.toml")
    return recipe, build(recipe, out_dir=tmp_path_factory.mktemp("legal"), progress=False)


def test_all_six_tasks_are_built(sample_build):
    _, result = sample_build
    assert set(result.task_files) == set(TASKS)
    for task, path in result.task_files.items():
        assert path.name == f"{task}.jsonl"
        assert read_jsonl(path), f"{task}.jsonl is empty"
    assert (result.out_dir / "rejects.jsonl").exists() and (result.out_dir / "stats.json").exists()


def test_every_sample_record_passes_the_checks(sample_build, kiwi):
    recipe, result = sample_build
    documents = {(d.source, d.id): d for d in iter_documents(recipe) if isinstance(d, Document)}
    for path in result.task_files.values():
        for record in read_jsonl(path):
            check_record(record, documents[(record["source"], record["doc_id"])], kiwi)


def test_records_carry_their_source_license(sample_build):
    _, result = sample_build
    licenses = {(r["source"], r["license"]) for p in result.task_files.values() for r in read_jsonl(p)}
    assert licenses == {
        ("precedents", "KR-ART7-PUBLIC"),
        ("statutes", "KR-ART7-PUBLIC"),
        ("news-summaries", "AIHUB"),
        ("legal-qa", "CC-BY-SA-4.0"),
    }


def test_record_ids_are_unique(sample_build):
    _, result = sample_build
    ids = [r["id"] for p in result.task_files.values() for r in read_jsonl(p)]
    assert len(ids) == len(set(ids))
