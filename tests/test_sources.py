"""Each format is read into the documents a user expects: ids, titles, text, summaries and QA pairs."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from pathlib import Path

import polars as pl
from conftest import read_source

from kotasks import Document, Reject, parse_recipe
from kotasks.sources import SourceNotes, iter_source

DECISION = """---
판례일련번호: '900101'
사건번호: 2023다12345
사건명: 손해배상(기)
법원명: 대법원
선고일자: 2024-03-14
---

# 손해배상(기)

## 판시사항

임대인의 수선의무 위반으로 인한 손해배상의 범위

## 판결요지

임대인이 수선의무를 이행하지 않아 임차인이 목적물을 사용하지 못한 경우, 임대인은 그 기간의 차임 상당액을 배상할 책임이 있다.

## 판례내용

【원고, 피상고인】 원고
【이    유】 상고이유를 판단한다.
  1. 원심은 피고가 **2021. 5. 3.** 누수 사실을 통지받고도 수리를 미루었다고 보았다. 이러한 판단은 정당하다.
"""

STATUTE = """---
제목: 생활안전점검법
법령ID: '000777'
---

# 생활안전점검법

## 제1장 총칙

##### 제1조 (목적)

이 법은 생활시설의 안전점검에 필요한 사항을 정함을 목적으로 한다. <개정 2019.3.12>

##### 제2조 (정의)

**①** 이 법에서 "점검"이란 시설의 위험 요소를 확인하는 활동을 말한다.

  1\\. "시설"이란 다수가 이용하는 건축물을 말한다.
"""


def _recipe(tmp_path: Path, **source) -> object:
    source = {"name": "src", "license": "CC0-1.0", **source}
    return parse_recipe({"name": "t", "sources": [source], "tasks": {"mask_prediction": {}}}, base_dir=tmp_path)


def _read(tmp_path: Path, **source) -> tuple[list[Document], list[Reject]]:
    return read_source(tmp_path, **{"license": "CC0-1.0", **source})


def test_markdown_decision_fields(tmp_path):
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "2023다12345.md").write_text(DECISION, encoding="utf-8")
    fields = {
        "id": "front.판례일련번호",
        "title": "front.사건명",
        "summary": "section.판결요지",
        "text": "section.판례내용",
    }
    docs, rejects = _read(tmp_path, path="cases/*.md", format="markdown", fields=fields)
    assert rejects == []
    [doc] = docs
    assert doc.id == "900101"
    assert doc.title == "손해배상(기)"
    assert doc.summary.startswith("임대인이 수선의무를 이행하지 않아")
    assert doc.paragraphs[0] == "【원고, 피상고인】 원고"
    assert doc.paragraphs[1] == "【이 유】 상고이유를 판단한다."
    assert "피고가 2021. 5. 3. 누수 사실을" in doc.text  # bold markup gone, spaces kept
    assert doc.location == "2023다12345.md"


def test_markdown_statute_one_document_per_article(tmp_path):
    folder = tmp_path / "kr" / "생활안전점검법"
    folder.mkdir(parents=True)
    (folder / "법률.md").write_text(STATUTE, encoding="utf-8")
    docs, rejects = _read(
        tmp_path,
        path="kr/**/*.md",
        format="markdown",
        split_heading_level=5,
        fields={"id": "front.법령ID", "title": "heading"},
    )
    assert rejects == []
    assert [d.id for d in docs] == ["000777#제1조 (목적)", "000777#제2조 (정의)"]
    assert docs[0].title == "제1조 (목적)"
    assert docs[0].text == "이 법은 생활시설의 안전점검에 필요한 사항을 정함을 목적으로 한다."  # amendment note dropped
    assert docs[1].paragraphs == [
        '① 이 법에서 "점검"이란 시설의 위험 요소를 확인하는 활동을 말한다.',
        '1. "시설"이란 다수가 이용하는 건축물을 말한다.',
    ]


def test_markdown_bad_front_matter_is_rejected(tmp_path):
    (tmp_path / "a.md").write_text("---\n제목: [닫히지 않음\n---\n본문입니다.\n", encoding="utf-8")
    docs, rejects = _read(tmp_path, path="*.md", format="markdown")
    assert docs == []
    [reject] = rejects
    assert reject.location == "a.md"
    assert reject.reason.startswith(("ParserError", "ScannerError")), reject.reason


def test_jsonl_bad_lines_rejected_alone(tmp_path):
    lines = [
        json.dumps({"id": "n1", "text": "보험계약자는 청약을 철회할 수 있다."}, ensure_ascii=False),
        '{"id": "n2", "text": "잘린 줄',
        json.dumps({"id": "n3", "text": 17}),
        json.dumps({"id": "n4"}),
        json.dumps({"id": "n5", "text": "   "}),
        "",
        json.dumps({"id": "n6", "text": ["첫 문단이다.", "둘째 문단이다."]}, ensure_ascii=False),
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, rejects = _read(tmp_path, path="d.jsonl", format="jsonl", fields={"id": "id"})
    assert [d.id for d in docs] == ["n1", "n6"]
    assert docs[1].paragraphs == ["첫 문단이다.", "둘째 문단이다."]
    reasons = {r.location: r.reason for r in rejects}
    assert reasons["d.jsonl:2"].startswith("invalid JSON")
    assert reasons["d.jsonl:3"] == "field text ('text') is int, expected text"
    assert reasons["d.jsonl:4"] == "missing field text ('text')"
    assert reasons["d.jsonl:5"] == "empty text ('text')"


def test_csv_and_parquet_through_polars(tmp_path):
    frame = pl.DataFrame(
        {"doc": ["c1", "c2"], "본문": ["자동차보험 약관이 개정되었다.", "보험료 납입이 유예된다."], "n": [1, 2]}
    )
    frame.write_csv(tmp_path / "t.csv")
    frame.write_parquet(tmp_path / "t.parquet")
    for fmt in ("csv", "parquet"):
        docs, rejects = _read(tmp_path, path=f"t.{fmt}", format=fmt, fields={"id": "doc", "text": "본문"})
        assert rejects == []
        assert [(d.id, d.text) for d in docs] == [
            ("c1", "자동차보험 약관이 개정되었다."),
            ("c2", "보험료 납입이 유예된다."),
        ]


def test_txt_ids_are_relative_paths(tmp_path):
    (tmp_path / "민원").mkdir()
    (tmp_path / "민원" / "a.txt").write_text(
        "주민등록 등본은 온라인으로 발급받을 수 있다.\n\n수수료는 없다.\n", encoding="utf-8"
    )
    docs, _ = _read(tmp_path, path="민원/*.txt", format="txt")
    assert docs[0].id == "a.txt"
    assert docs[0].paragraphs == ["주민등록 등본은 온라인으로 발급받을 수 있다.", "수수료는 없다."]


def test_encodings_bom_cp949_and_nfd(tmp_path):
    text = "건강보험 피부양자 자격이 상실되었다."
    (tmp_path / "bom.txt").write_bytes("\ufeff".encode() + text.encode("utf-8"))
    (tmp_path / "cp949.txt").write_bytes(text.encode("cp949"))
    (tmp_path / "nfd.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\xff\xfe\x00\x81\xff" * 20)
    recipe = _recipe(tmp_path, path="*.txt", format="txt")
    notes = SourceNotes()
    items = list(iter_source(recipe.sources[0], recipe, notes))
    docs = {i.id: i.text for i in items if isinstance(i, Document)}
    assert docs == {"bom.txt": text, "cp949.txt": text, "nfd.txt": text}
    [reject] = [i for i in items if isinstance(i, Reject)]
    assert reject.location == "binary.txt" and "not UTF-8 or CP949" in reject.reason
    assert notes.encodings == Counter({"utf-8": 1, "utf-8-sig": 1, "cp949": 1})


def test_squad_answers_as_list_object_and_impossible(tmp_path):
    context = "개인정보 보호법은 2011년에 제정되었다. 개인정보보호위원회가 이 법을 집행한다."
    data = {
        "data": [
            {
                "title": "개인정보 보호법",
                "paragraphs": [
                    {
                        "context": context,
                        "qas": [
                            {
                                "id": "q1",
                                "question": "개인정보 보호법이 제정된 해는?",
                                "answers": [{"text": "2011년", "answer_start": 11}],
                            },
                            {
                                "id": "q2",
                                "question": "법을 집행하는 기관은?",
                                "answers": {"text": "개인정보보호위원회"},
                            },
                            {"id": "q3", "question": "법의 영문 명칭은?", "answers": [], "is_impossible": True},
                            {"id": "q4", "question": 42, "answers": []},
                        ],
                    }
                ],
            }
        ]
    }
    (tmp_path / "qa.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    docs, rejects = _read(tmp_path, path="qa.json", format="squad")
    [doc] = docs
    assert doc.title == "개인정보 보호법" and doc.text == context
    assert [(q.question, q.answer) for q in doc.qas] == [
        ("개인정보 보호법이 제정된 해는?", "2011년"),
        ("법을 집행하는 기관은?", "개인정보보호위원회"),
        ("법의 영문 명칭은?", ""),
    ]
    assert [r.location for r in rejects] == ["qa.json:data[0].paragraphs[0]#qas[3]"]


def test_truncated_json_keeps_documents_before_the_break(tmp_path):
    docs_json = [
        {
            "id": str(i),
            "title": f"제목{i}",
            "text": [[{"index": 0, "sentence": f"{i}번째 기사의 첫 문장이다."}]],
            "abstractive": [f"요약{i}"],
        }
        for i in range(3)
    ]
    raw = json.dumps({"name": "문서요약 텍스트", "documents": docs_json}, ensure_ascii=False)
    (tmp_path / "cut.json").write_text(raw[: raw.index('"2"') + 10], encoding="utf-8")
    docs, rejects = _read(tmp_path, path="cut.json", format="aihub-docsumm")
    assert [(d.id, d.title, d.summary) for d in docs] == [("0", "제목0", "요약0"), ("1", "제목1", "요약1")]
    [reject] = rejects
    assert reject.reason.startswith("invalid JSON after 2 items") and "\n" not in reject.reason


def test_aihub_docsumm_paragraphs_and_summary(tmp_path):
    doc = {
        "id": "77",
        "title": "보험금 청구 기한 연장",
        "text": [
            [
                {"index": 0, "sentence": "보험금 청구 기한이 3년으로 늘어난다.", "highlight_indices": ""},
                {"index": 1, "sentence": "개정 상법은 내년 1월 시행된다.", "highlight_indices": ""},
            ],
            [{"index": 2, "sentence": "금융당국은 소비자 보호가 강화될 것이라고 밝혔다.", "highlight_indices": ""}],
        ],
        "extractive": [2, 0, None],
        "abstractive": ["보험금 청구 기한이 3년으로 연장된다."],
    }
    (tmp_path / "s.json").write_text(json.dumps({"documents": [doc, "문자열"]}, ensure_ascii=False), encoding="utf-8")
    docs, rejects = _read(tmp_path, path="s.json", format="aihub-docsumm")
    [d] = docs
    assert d.paragraphs == [
        "보험금 청구 기한이 3년으로 늘어난다. 개정 상법은 내년 1월 시행된다.",
        "금융당국은 소비자 보호가 강화될 것이라고 밝혔다.",
    ]
    assert d.summary == "보험금 청구 기한이 3년으로 연장된다."
    assert rejects[0].reason == "document is str, expected an object"


def test_missing_files_are_a_reject_not_a_crash(tmp_path):
    docs, rejects = _read(tmp_path, path="없음/*.jsonl", format="jsonl")
    assert docs == [] and rejects[0].reason == "no file matches the source's path"
