"""Checks every record of a build must pass, recomputed independently of the code that built it."""

from __future__ import annotations

import re

from kotasks import Document

FIELDS = ("instruction", "input", "output", "id", "task", "source", "doc_id", "license")
MASK_TAGS = {"NNG", "NNP", "SN"}


def check_record(record: dict, doc: Document, kiwi, mask_token: str = "<MASK>") -> None:
    assert list(record) == list(FIELDS), record
    assert all(isinstance(record[k], str) and record[k].strip() for k in FIELDS), record
    assert record["license"] == doc.license
    task = record["task"]
    {
        "mask_prediction": lambda: check_mask(record, doc, kiwi, mask_token),
        "sentence_order": lambda: check_order(record, doc),
        "last_sentence": lambda: check_next_sentence(record, doc),
        "original_inference": lambda: check_original(record, doc),
        "summary_title": lambda: check_summary(record, doc),
        "multi_question": lambda: check_questions(record, doc),
    }[task]()


def check_mask(record: dict, doc: Document, kiwi, mask_token: str) -> None:
    masked, answer = record["input"], record["output"]
    assert masked.count(mask_token) == 1
    assert answer not in masked, "the answer leaks into its own prompt"
    restored = masked.replace(mask_token, answer)
    assert any(restored in line for line in doc.paragraphs), "mask + answer does not rebuild the document's text"
    start, end = masked.index(mask_token), masked.index(mask_token) + len(answer)
    tokens = [t for t in kiwi.tokenize(restored) if t.len > 0 and t.start < end and t.end > start]
    assert tokens and tokens[0].start == start and tokens[-1].end == end, "the answer is not whole morphemes"
    assert all(t.tag in MASK_TAGS for t in tokens), f"the answer holds a non-noun morpheme: {tokens}"


def _order_items(items: list[str], original: str) -> list[str]:
    """The items in the order they occur in `original`, each used once; fails if they do not tile it."""
    remaining, ordered, cursor = list(items), [], 0
    while remaining:
        while cursor < len(original) and original[cursor].isspace():
            cursor += 1
        match = next((i for i in remaining if original.startswith(i, cursor)), None)
        assert match is not None, f"items do not rebuild the original at {original[cursor : cursor + 30]!r}"
        remaining.remove(match)
        ordered.append(match)
        cursor += len(match)
    assert original[cursor:].strip() == ""
    return ordered


def check_order(record: dict, doc: Document) -> None:
    shuffled_input, original = record["input"], record["output"]
    assert any(original in line for line in doc.paragraphs)
    if "\n" in shuffled_input:
        items = shuffled_input.split("\n")
        assert len(items) >= 2
        assert _order_items(items, original) != items, "identity permutation"
    else:
        assert sorted(shuffled_input.split()) == sorted(original.split())
        assert shuffled_input.split() != original.split(), "identity permutation"


def check_next_sentence(record: dict, doc: Document) -> None:
    pattern = re.escape(record["input"]) + r"\s*" + re.escape(record["output"])
    assert re.search(pattern, doc.text), "output is not the sentence that follows the input"
    assert record["output"] not in record["input"]


def check_original(record: dict, doc: Document) -> None:
    assert record["output"] == doc.text
    assert record["input"] == f"제목: {doc.title}\n요약: {doc.summary}"


def check_summary(record: dict, doc: Document) -> None:
    assert record["input"] == doc.text
    assert record["output"] in {doc.summary, doc.title, f"제목: {doc.title}\n요약: {doc.summary}"}


def check_questions(record: dict, doc: Document) -> None:
    passage, _, questions = record["input"].rpartition("\n\n")
    assert passage == doc.text
    asked = [line.split(". ", 1) for line in questions.split("\n")]
    answered = [line.split(". ", 1) for line in record["output"].split("\n")]
    assert [n for n, _ in asked] == [n for n, _ in answered] == [str(i) for i in range(1, len(asked) + 1)]
    by_question = {qa.question: qa for qa in doc.qas}
    for (_, question), (_, answer) in zip(asked, answered, strict=True):
        qa = by_question[question]
        assert answer == qa.answer or (not qa.answerable and answer)
        if qa.answerable:
            assert answer in passage
