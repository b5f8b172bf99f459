"""AI-Hub layouts beyond 문서요약, from plain files and from zips: the documents a user expects."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from conftest import read_source

from kotasks import Document, Reject, build, parse_recipe
from kotasks.sources import iter_source

BOOK = {
    "passage_id": "BK-0001-03",
    "metadata": {"doc_id": "BK-0001", "doc_name": "생활 법률 길잡이", "author": "김정민", "kdc_label": "법학"},
    "chapter": "임대차",
    "passage": "주택을 빌려 쓰는 사람은 전입신고와 확정일자를 함께 갖추어야 보증금을 지킬 수 있다. 두 요건을 갖춘 날의 다음 날부터 대항력이 생긴다.",
    "summary": "전입신고와 확정일자를 갖추면 보증금을 보호받을 수 있다.",
}

REPORT = {
    "Meta(Acqusition)": {"doc_id": "RP-77", "doc_name": "지방자치단체 재난 대응 실태 보고서", "doc_type": "보고서"},
    "Meta(Refine)": {
        "passage_id": "RP-77-2",
        "passage": "재난 대응 매뉴얼을 갖춘 기초자치단체는 전체의 64%였다. 매뉴얼을 정기적으로 점검한 곳은 그 절반에 못 미쳤다.",
    },
    "Annotation": {
        "summary1": "재난 매뉴얼 보유율은 64%이나 정기 점검은 절반 이하였다.",
        "summary2": "null",
        "summary3": "null",
    },
}

MRC = {
    "version": "행정문서 기계독해",
    "data": [
        {
            "doc_title": "청년 월세 한시 특별지원 공고",
            "paragraphs": [
                {
                    "context": "청년 월세 한시 특별지원은 만 19세부터 34세까지의 무주택 청년에게 월 최대 20만 원을 12개월 동안 지원한다. 신청은 복지로 누리집에서 받는다.",
                    "qas": [
                        {
                            "question_id": "m1",
                            "question": "지원 대상 연령은?",
                            "answers": {"text": "만 19세부터 34세까지", "answer_start": 15},
                            "is_impossible": False,
                        },
                        {
                            "question_id": "m2",
                            "question": "한 달 최대 지원액은?",
                            "answers": {"text": "월 최대 20만 원", "answer_start": 44},
                            "is_impossible": False,
                        },
                        {
                            "question_id": "m3",
                            "question": "지원 예산 총액은?",
                            "answers": {"text": "", "answer_start": -1},
                            "is_impossible": True,
                        },
                    ],
                }
            ],
        }
    ],
}


def _read(tmp_path: Path, pattern: str, fmt: str) -> tuple[list[Document], list[Reject]]:
    return read_source(tmp_path, path=pattern, format=fmt)


def _both_ways(tmp_path: Path, name: str, data: dict, fmt: str) -> list[list[Document]]:
    """The documents read from a plain file and from the same file inside a zip."""
    blob = json.dumps(data, ensure_ascii=False).encode("utf-8")
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / name).write_bytes(blob)
    with zipfile.ZipFile(tmp_path / "delivery.zip", "w") as archive:
        archive.writestr(f"라벨링데이터/{name}", blob)
    found = []
    for pattern in (f"plain/{name}", "delivery.zip"):
        docs, rejects = _read(tmp_path, pattern, fmt)
        assert rejects == []
        found.append(docs)
    return found


def test_book_summary(tmp_path):
    for docs in _both_ways(tmp_path, "BK-0001-03.json", BOOK, "aihub-book-summary"):
        [doc] = docs
        assert doc.title == "생활 법률 길잡이"
        assert doc.summary == BOOK["summary"]
        assert doc.text == BOOK["passage"]
        assert doc.id.endswith("BK-0001-03.json")


def test_report_summary_null_strings_are_missing(tmp_path):
    for docs in _both_ways(tmp_path, "RP-77-2.json", REPORT, "aihub-report-summary"):
        [doc] = docs
        assert doc.title == "지방자치단체 재난 대응 실태 보고서"
        assert doc.summary == "재난 매뉴얼 보유율은 64%이나 정기 점검은 절반 이하였다."
        assert doc.text.startswith("재난 대응 매뉴얼을 갖춘")


def test_report_summary_field_that_is_null_string_is_not_text(tmp_path):
    recipe_fields = {"summary": "Annotation.summary2"}
    (tmp_path / "r.json").write_text(json.dumps(REPORT, ensure_ascii=False), encoding="utf-8")
    recipe = parse_recipe(
        {
            "name": "t",
            "sources": [
                {
                    "name": "s",
                    "path": "r.json",
                    "format": "aihub-report-summary",
                    "license": "AIHUB",
                    "fields": recipe_fields,
                }
            ],
            "tasks": {"summary_title": {}},
        },
        base_dir=tmp_path,
    )
    [doc] = list(iter_source(recipe.sources[0], recipe))
    assert doc.summary == ""


def test_mrc_answers_as_objects_and_doc_title(tmp_path):
    for docs in _both_ways(tmp_path, "행정_MRC.json", MRC, "aihub-mrc"):
        [doc] = docs
        assert doc.title == "청년 월세 한시 특별지원 공고"
        assert [(q.question, q.answer) for q in doc.qas] == [
            ("지원 대상 연령은?", "만 19세부터 34세까지"),
            ("한 달 최대 지원액은?", "월 최대 20만 원"),
            ("지원 예산 총액은?", ""),
        ]


@pytest.mark.parametrize("fmt", ["aihub-book-summary", "aihub-report-summary"])
def test_one_object_layouts_reject_broken_files(tmp_path, fmt):
    (tmp_path / "cut.json").write_text('{"passage": "잘린', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    docs, rejects = _read(tmp_path, "*.json", fmt)
    assert docs == []
    reasons = {r.location: r.reason for r in rejects}
    assert reasons["cut.json"].startswith("invalid JSON: IncompleteJSONError")
    assert reasons["list.json"] == "file holds a JSON list, expected an object"


PAPER = {
    "doc_id": "PA-2021-0042",
    "title": "전자소송 도입이 민사재판 기간에 미친 영향",
    "summary_entire": [
        {
            "orginal_text": "본 연구는 전자소송 도입 전후 10년간의 민사 본안 사건을 비교하였다. 전자소송 사건의 평균 처리 기간은 종이 소송보다 41일 짧았다.",
            "summary_text": "전자소송 사건의 처리 기간이 평균 41일 짧았다.",
        }
    ],
    "summary_section": [
        {
            "orginal_text": "서론에서는 사법 접근성 개선이라는 전자소송의 도입 취지를 살핀다. 이어서 선행 연구의 한계를 정리한다.",
            "summary_text": "전자소송의 도입 취지와 선행 연구의 한계를 정리하였다.",
        }
    ],
}


@pytest.mark.parametrize("layout", ["data", "list"])
def test_paper_summary_one_document_per_summary_pair(tmp_path, layout):
    data = {"data": [PAPER]} if layout == "data" else [PAPER]
    for docs in _both_ways(tmp_path, "논문요약.json", data, "aihub-paper-summary"):
        assert [(d.id, d.title, d.summary) for d in docs] == [
            ("PA-2021-0042/summary_entire/0", PAPER["title"], "전자소송 사건의 처리 기간이 평균 41일 짧았다."),
            ("PA-2021-0042/summary_section/0", PAPER["title"], "전자소송의 도입 취지와 선행 연구의 한계를 정리하였다."),
        ]
        assert docs[0].text.startswith("본 연구는 전자소송 도입 전후")


JUDGMENT = {
    "info": {"caseNm": "손해배상(기)", "caseNo": "2022가단512345", "courtNm": "수원지방법원", "caseField": "1"},
    "facts": {"bsisFacts": ["원고는 피고 소유 건물의 2층을 임차하였다.", "2021. 8. 장마철에 천장에서 물이 샜다."]},
    "dcss": {
        "courtDcss": [
            "임대인은 목적물을 사용에 필요한 상태로 유지할 의무가 있다.",
            "피고는 통지를 받고도 수리하지 않았다.",
        ]
    },
    "close": {"cnclsns": ["원고의 청구는 이유 있어 인용한다."]},
    "disposal": {"disposalcontent": ["피고는 원고에게 3,000,000원을 지급하라."]},
}

TERMS = {
    "clauseArticle": [
        "제5조(보증금 반환) 회사는 계약이 끝난 날부터 30일 안에 보증금을 돌려준다.",
        "다만, 연체료가 있으면 이를 빼고 돌려준다.",
    ],
    "dvAntageous": "1",
    "comProvision": None,
    "illdcssBasiss": [],
    "relateLaword": ["약관의 규제에 관한 법률 제6조"],
}


def test_judgment_paragraphs_in_order(tmp_path):
    for docs in _both_ways(tmp_path, "판결문_001.json", JUDGMENT, "aihub-judgment"):
        [doc] = docs
        assert doc.title == "손해배상(기)"
        assert doc.paragraphs == [
            "원고는 피고 소유 건물의 2층을 임차하였다.",
            "2021. 8. 장마철에 천장에서 물이 샜다.",
            "임대인은 목적물을 사용에 필요한 상태로 유지할 의무가 있다.",
            "피고는 통지를 받고도 수리하지 않았다.",
            "원고의 청구는 이유 있어 인용한다.",
        ]


def test_terms_clause_articles(tmp_path):
    for docs in _both_ways(tmp_path, "약관_유리_001.json", TERMS, "aihub-terms"):
        [doc] = docs
        assert doc.paragraphs == TERMS["clauseArticle"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (BOOK, "aihub-book-summary"),
        (REPORT, "aihub-report-summary"),
        (MRC, "squad"),
        ({"data": [PAPER]}, "aihub-paper-summary"),
        ([PAPER], "aihub-paper-summary"),
        (JUDGMENT, "aihub-judgment"),
        (TERMS, "aihub-terms"),
    ],
)
def test_auto_picks_the_layout_and_says_so(tmp_path, data, expected):
    def content(docs: list[Document]) -> list[tuple]:
        return [(d.title, d.text, d.summary, d.qas) for d in docs]

    plain, zipped = _both_ways(tmp_path, "sample.json", data, "auto")
    explicit = _read(tmp_path, "plain/sample.json", expected)[0]
    assert explicit and content(plain) == content(zipped) == content(explicit)
    recipe = parse_recipe(
        {
            "name": "t",
            "sources": [{"name": "s", "path": "delivery.zip", "format": "auto", "license": "AIHUB"}],
            "tasks": {"mask_prediction": {}},
        },
        base_dir=tmp_path,
    )
    result = build(recipe, out_dir=tmp_path / "out", progress=False)
    assert result.stats.formats == {"s": expected}


def test_auto_refuses_an_unknown_layout(tmp_path):
    (tmp_path / "x.json").write_text(
        json.dumps({"rows": [{"본문": "알 수 없는 구조"}]}, ensure_ascii=False), encoding="utf-8"
    )
    docs, rejects = _read(tmp_path, "x.json", "auto")
    assert docs == []
    assert (
        rejects[0].reason
        == "format auto: cannot tell the layout of x.json from its keys ['rows']; set format explicitly"
    )
