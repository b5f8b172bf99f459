"""Korean sentence boundaries: numbers, dates, article markers, quotes, ?/! and ellipses survive."""

from __future__ import annotations

import pytest

from kotasks.text.sentences import Span, get_splitter, repair

CASES = [
    (
        "금리는 연 1.5% 올랐다. 개정법은 2005.10. 시행되었다.",
        ["금리는 연 1.5% 올랐다.", "개정법은 2005.10. 시행되었다."],
    ),
    (
        "원심은 2016. 7. 28. 선고된 판결을 인용하였다. 피고는 불복하였다.",
        ["원심은 2016. 7. 28. 선고된 판결을 인용하였다.", "피고는 불복하였다."],
    ),
    (
        "민법 제750조 및 제16조 제3항에 따른다. 제1조의2는 삭제되었다.",
        ["민법 제750조 및 제16조 제3항에 따른다.", "제1조의2는 삭제되었다."],
    ),
    (
        '그는 "정말 그랬나요?"라고 물었다. 답은 없었다!',
        ['그는 "정말 그랬나요?"라고 물었다.', "답은 없었다!"],
    ),
    (
        "그래서… 아무도 몰랐다. 다음 날 공고가 났다.",
        ["그래서… 아무도 몰랐다.", "다음 날 공고가 났다."],
    ),
    (
        "가. 현재의 의학상 성 분화의 과정은 다음과 같다. 나. 그 밖의 사항은 따로 정한다.",
        ["가. 현재의 의학상 성 분화의 과정은 다음과 같다.", "나. 그 밖의 사항은 따로 정한다."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_kiwi_splitter_boundaries(text, expected):
    spans = get_splitter("kiwi").split(text)
    assert [s.text for s in spans] == expected
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_repair_moves_trailing_marker_to_next_sentence():
    text = "책임을 진다. (나) 보증기간은 10년이다."
    spans = [Span(0, 11, "책임을 진다. (나)"), Span(12, len(text), "보증기간은 10년이다.")]
    assert [s.text for s in repair(text, spans)] == ["책임을 진다.", "(나) 보증기간은 10년이다."]


def test_repair_merges_bare_marker_into_following_sentence():
    text = "① 국가는 노력한다."
    spans = [Span(0, 1, "①"), Span(2, len(text), "국가는 노력한다.")]
    assert [s.text for s in repair(text, spans)] == ["① 국가는 노력한다."]


def test_kss_splitter_returns_spans_of_the_text():
    text = "원심은 2016. 7. 28. 선고된 판결을 인용하였다. 피고는 불복하였다! 그래서… 상고하였다."
    spans = get_splitter("kss").split(text)
    assert len(spans) >= 2
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert spans[-1].text.endswith("상고하였다.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a one-syllable word before the period is not a list marker
            "신청인은 다음 요건을 모두 갖출 것. 다만, 법인은 그러하지 아니하다.",
            ["신청인은 다음 요건을 모두 갖출 것.", "다만, 법인은 그러하지 아니하다."],
        ),
        (  # a cut inside balanced parentheses
            "노인(65세 이상인 사람을 말한다. 이하 같다)은 우선 지원을 받는다. 지원 기준은 대통령령으로 정한다.",
            ["노인(65세 이상인 사람을 말한다. 이하 같다)은 우선 지원을 받는다.", "지원 기준은 대통령령으로 정한다."],
        ),
        (  # `제외한다)` ends a parenthesis, not a sentence
            "장비(소모품은 제외한다) 등 구급차의 운용에 필요한 사항은 부령으로 정한다. 이 경우 미리 협의하여야 한다.",
            [
                "장비(소모품은 제외한다) 등 구급차의 운용에 필요한 사항은 부령으로 정한다.",
                "이 경우 미리 협의하여야 한다.",
            ],
        ),
        (  # nested list markers stay with their sentence
            "나. (1) 원심은 청구를 기각하였다. 다. 그러나 원심의 판단은 수긍할 수 없다.",
            ["나. (1) 원심은 청구를 기각하였다.", "다. 그러나 원심의 판단은 수긍할 수 없다."],
        ),
    ],
)
def test_repaired_boundaries_in_legal_text(text, expected):
    assert [s.text for s in get_splitter("kiwi").split(text)] == expected


def test_repair_merges_cut_inside_a_word_and_lone_period():
    text = "제62조제1호다목의 개정규정은 공포한 날부터 시행한다."
    spans = [Span(0, 9, "제62조제1호다"), Span(9, 29, "목의 개정규정은 공포한 날부터 시행한다"), Span(29, 30, ".")]
    assert [s.text for s in repair(text, spans)] == [text]
