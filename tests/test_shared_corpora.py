"""The law.go.kr recipe on the real court decisions and statutes in ../shared/corpora (skipped when absent)."""

from __future__ import annotations

import pytest
from conftest import ROOT, SHARED_CORPORA, output_files, read_jsonl, task_records
from record_checks import check_record

from kotasks import Document, build, iter_documents, load_recipe

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED_CORPORA / "precedents").is_dir(), reason="../shared/corpora is absent"),
]


@pytest.fixture(scope="module")
def recipe():
    return load_recipe(ROOT / "recipes" / "law-go-kr.toml").with_source_paths(
        {
            "precedents": str(SHARED_CORPORA / "precedents" / "**" / "*.md"),
            "statutes": str(SHARED_CORPORA / "statutes" / "kr" / "**" / "*.md"),
        }
    )


@pytest.fixture(scope="module")
def builds(recipe, tmp_path_factory):
    out = tmp_path_factory.mktemp("shared")
    one = build(recipe, out_dir=out / "w1", workers=1, progress=False)
    two = build(recipe, out_dir=out / "w2", workers=2, progress=False)
    return one, two


def test_one_and_two_workers_give_identical_files(builds):
    one, two = builds
    assert output_files(one.out_dir) == output_files(two.out_dir)
    assert sum(sum(c.values()) for c in one.stats.records.values()) > 10_000


def test_every_record_passes_the_checks(builds, recipe, kiwi):
    documents = {(d.source, d.id): d for d in iter_documents(recipe) if isinstance(d, Document)}
    one, _ = builds
    counts = {}
    for task in recipe.tasks.enabled():
        records = task_records(one, task)
        counts[task] = len(records)
        for record in records:
            check_record(record, documents[(record["source"], record["doc_id"])], kiwi)
    assert all(counts[t] > 100 for t in counts), counts


def test_every_document_is_read_and_every_reject_has_a_reason(builds):
    one, _ = builds
    assert one.stats.documents_read["precedents"] == 2053
    rejects = read_jsonl(one.out_dir / "rejects.jsonl")
    assert rejects and all(r["reason"] and r["location"] and r["doc_id"] for r in rejects)
    assert len(rejects) == sum(sum(c.values()) for c in one.stats.rejected.values())
