"""Exports load and train at once: LLaMA-Factory keeps every example, `datasets` loads every Hub config, chat files
alternate roles strictly, and splits never share a document."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import card_metadata, read_jsonl, write_recipe
from korean_fixtures import ARTICLE, news, squad
from llamafactory_check import LlamaFactoryUnavailable, check_dataset_dir

from kotasks import RecipeError, build, load_recipe

LEASE = (
    "임차인은 2023. 4. 1. 임대인에게 누수 사실을 알렸다. 임대인은 수리를 약속하였으나 석 달이 지나도록 이행하지 않았다. "
    "그 사이 천장의 곰팡이가 번져 임차인은 안방을 쓰지 못하였다. 법원은 임대인이 수선의무를 위반하였다고 판단하였다."
)
QA_PARAGRAPHS = [
    (ARTICLE, [("청약을 철회할 수 있는 기간은?", "15일"), ("청약 철회를 할 수 없는 계약은?", "진단계약")]),
    (
        LEASE,
        [
            ("임차인이 누수 사실을 알린 날은?", "2023. 4. 1."),
            ("곰팡이 때문에 쓰지 못한 방은?", "안방"),
            ("법원은 임대인이 무엇을 위반하였다고 보았는가?", "수선의무"),
        ],
    ),
]
ROWS_PER_SHARD = 5


def _corpus(folder: Path, formats: str = '["alpaca", "sharegpt", "openai"]') -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "qa.json").write_text(json.dumps(squad(*QA_PARAGRAPHS), ensure_ascii=False), encoding="utf-8")
    docs = {"documents": [news(i) for i in range(1, 25)]}
    (folder / "news.json").write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
    return write_recipe(
        folder,
        f"""
        name = "exports"
        seed = 3
        [[sources]]
        name = "qa"
        path = "qa.json"
        format = "squad"
        license = "CC-BY-SA-4.0"
        [[sources]]
        name = "news"
        path = "news.json"
        format = "aihub-docsumm"
        license = "KOGL-1"
        [tasks.multi_question]
        [tasks.summary_title]
        [tasks.original_inference]
        [tasks.sentence_order]
        [tasks.last_sentence]
        [tasks.mask_prediction]
        [output]
        formats = {formats}
        rows_per_shard = {ROWS_PER_SHARD}
        split = {{ train = 0.6, validation = 0.2, test = 0.2 }}
        """,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("exports")
    return build(load_recipe(_corpus(folder / "corpus")), out_dir=folder / "out", progress=False)


def _jsonl_files(result, fmt: str) -> list[Path]:
    return [result.out_dir / f.path for f in result.files if f.format == fmt]


def test_llamafactory_keeps_every_example_of_every_export(built):
    try:
        results = check_dataset_dir(built.out_dir)
    except LlamaFactoryUnavailable as err:
        pytest.skip(f"LLaMA-Factory wheel unavailable: {err}")
    exported = {f.path: f.rows for f in built.files if f.format != "parquet"}
    info = json.loads((built.out_dir / "dataset_info.json").read_text(encoding="utf-8"))
    assert sorted(entry["file_name"] for entry in info.values()) == sorted(exported)
    for name, result in results.items():
        assert result.ok, (name, result.error, result.dropped_examples)
        assert result.kept == exported[info[name]["file_name"]], name
    assert {"multi_question_multiturn_sharegpt_train", "mask_prediction_openai_validation"} <= set(results)


def test_datasets_loads_every_hub_config_with_its_splits(built, tmp_path):
    from datasets import load_dataset

    configs = card_metadata(built.out_dir)["configs"]
    assert {c["config_name"] for c in configs} == set(built.stats.splits)
    for config in configs:
        name = config["config_name"]
        loaded = load_dataset(str(built.out_dir), name=name, cache_dir=str(tmp_path))
        assert {split: len(rows) for split, rows in loaded.items()} == dict(built.stats.splits[name]), name
        columns = ["messages"] if name.endswith("multiturn") else ["instruction", "input", "output"]
        assert loaded["train"].column_names == [*columns, "id", "task", "source", "doc_id", "license"]


def test_chat_files_alternate_roles_strictly(built):
    shapes = {"sharegpt": ("conversations", "from", "value"), "openai": ("messages", "role", "content")}
    names = {"human": "user", "gpt": "assistant"}
    for fmt, (key, role_key, content_key) in shapes.items():
        files = [p for p in _jsonl_files(built, fmt)]
        assert files
        for path in files:
            for line in read_jsonl(path):
                roles = ",".join(names.get(turn[role_key], turn[role_key]) for turn in line[key])
                assert re.fullmatch(r"(system,)?(user,assistant)(,user,assistant)*", roles), (path, roles)
                assert all(turn[content_key].strip() for turn in line[key]), path


def test_openai_lines_hold_only_messages_and_provenance_is_in_a_line_aligned_sidecar(built):
    for path in _jsonl_files(built, "openai"):
        lines = read_jsonl(path)
        assert all(list(line) == ["messages"] for line in lines), path
        sidecar = read_jsonl(path.with_name(path.name.replace(".jsonl", ".provenance.jsonl")))
        sharegpt = read_jsonl(built.out_dir / "sharegpt" / path.relative_to(built.out_dir / "openai"))
        assert [s["id"] for s in sidecar] == [s["id"] for s in sharegpt], path
        assert all(set(s) == {"id", "task", "source", "doc_id", "license"} for s in sidecar)


def test_multiturn_is_one_conversation_per_passage_with_a_turn_per_question(built):
    conversations = {}
    for path in _jsonl_files(built, "openai"):
        if "multi_question_multiturn" in path.parts:
            sidecar = read_jsonl(path.with_name(path.name.replace(".jsonl", ".provenance.jsonl")))
            for line, meta in zip(read_jsonl(path), sidecar, strict=True):
                conversations[meta["doc_id"]] = line["messages"]
    assert len(conversations) == len(QA_PARAGRAPHS)
    for context, qas in QA_PARAGRAPHS:
        [messages] = [m for m in conversations.values() if m[0]["content"].endswith(context)]
        assert messages[0]["role"] == "system"
        pairs = [(q["content"], a["content"]) for q, a in zip(messages[1::2], messages[2::2], strict=True)]
        assert pairs == qas
        assert all(answer not in messages[1 + 2 * n]["content"] for n, (_, answer) in enumerate(qas))


def test_no_document_feeds_two_splits(built):
    splits_of = defaultdict(set)
    for f in built.files:
        if f.format == "parquet":
            for row in pq.read_table(built.out_dir / f.path, columns=["source", "doc_id"]).to_pylist():
                splits_of[(row["source"], row["doc_id"])].add(f.split)
    assert all(len(splits) == 1 for splits in splits_of.values())
    assert {split for splits in splits_of.values() for split in splits} == {"train", "validation", "test"}


def test_shards_hold_at_most_rows_per_shard_and_are_numbered_in_order(built):
    by_folder = defaultdict(list)
    for f in built.files:
        if f.format == "parquet":
            assert pq.ParquetFile(built.out_dir / f.path).metadata.num_rows == f.rows <= ROWS_PER_SHARD
            by_folder[(f.task, f.split)].append(Path(f.path).name)
    assert max(len(names) for names in by_folder.values()) > 1
    for (_, split), names in by_folder.items():
        assert names == [f"{split}-{n:05d}.parquet" for n in range(len(names))]


def test_a_rebuild_replaces_every_output_of_the_previous_build(tmp_path):
    out = tmp_path / "out"
    build(load_recipe(_corpus(tmp_path / "a")), out_dir=out, progress=False)
    assert (out / "sharegpt").is_dir()
    build(load_recipe(_corpus(tmp_path / "b", formats='["alpaca"]')), out_dir=out, progress=False)
    assert not (out / "sharegpt").exists() and not (out / "openai").exists()
    info = json.loads((out / "dataset_info.json").read_text(encoding="utf-8"))
    assert info and all(entry["formatting"] == "alpaca" for entry in info.values())
    assert not list(out.glob(".kotasks-staging*"))


def test_a_folder_with_data_kotasks_did_not_write_is_left_alone(tmp_path):
    (tmp_path / "out" / "data").mkdir(parents=True)
    (tmp_path / "out" / "data" / "mine.csv").write_text("id,text\n", encoding="utf-8")
    (tmp_path / "out" / "stats.json").write_text("{}", encoding="utf-8")  # not proof of a kotasks build
    with pytest.raises(FileExistsError, match="which no kotasks build wrote"):
        build(load_recipe(_corpus(tmp_path / "c")), out_dir=tmp_path / "out", progress=False)
    assert (tmp_path / "out" / "data" / "mine.csv").exists()


def test_an_output_folder_a_source_glob_could_read_is_refused(tmp_path):
    recipe = _corpus(tmp_path / "c")
    recipe.write_text(recipe.read_text(encoding="utf-8").replace('path = "qa.json"', 'path = "**/*.json"'), "utf-8")
    with pytest.raises(RecipeError, match="could read the output folder"):
        build(load_recipe(recipe), out_dir=tmp_path / "c" / "out", progress=False)
    build(load_recipe(recipe), out_dir=tmp_path / "elsewhere", progress=False)


def test_the_card_states_the_seed_used_and_no_absolute_path(tmp_path):
    recipe = load_recipe(_corpus(tmp_path / "c")).with_source_paths({"news": str(tmp_path / "c" / "news.json")})
    result = build(recipe, out_dir=tmp_path / "out", seed=11, progress=False)
    card = (result.out_dir / "README.md").read_text(encoding="utf-8")
    assert "(seed 11)" in card and "seed = 11" in card
    assert str(tmp_path) not in card and 'path = ".../c/news.json"' in card
