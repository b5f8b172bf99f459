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
