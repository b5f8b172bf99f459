"""Each task on real-looking Korean documents: right answers, no leaks, no identity shuffles."""

from __future__ import annotations

from random import Random

import pytest

from kotasks import QA, Document
from kotasks.recipe import (
    LastSentenceConfig,
    MaskPredictionConfig,
    MultiQuestionConfig,
    OriginalInferenceConfig,
    SentenceOrderConfig,
    SummaryTitleConfig,
)
from kotasks.tasks import Skip
from kotasks.tasks.last_sentence import LastSentence
from kotasks.tasks.mask_prediction import MaskPrediction, maskable_units
from kotasks.tasks.multi_question import UNANSWERABLE, MultiQuestion
from kotasks.tasks.original_inference import OriginalInference
from kotasks.tasks.sentence_order import SentenceOrder, shuffled
from kotasks.tasks.summary_title import SummaryTitle
from kotasks.text.sentences import get_splitter
from kotasks.text.view import DocumentView

PARAGRAPH = (
    "임차인은 2023. 4. 1. 임대인에게 누수 사실을 알렸다. 임대인은 수리를 약속하였으나 석 달이 지나도록 이행하지 않았다. "
    "그 사이 천장의 곰팡이가 번져 임차인은 안방을 쓰지 못하였다. 법원은 임대인이 수선의무를 위반하였다고 판단하였다. "
    "따라서 임대인은 사용하지 못한 기간의 차임 상당액을 배상하여야 한다."
)


def view_of(text: str, **fields) -> DocumentView:
    doc = Document(source="판례", id="d1", text=text, license="KR-ART7-PUBLIC", **fields)
    return DocumentView(doc, get_splitter("kiwi"))


def test_mask_keeps_particle_outside_and_answer_once(kiwi):
    task = MaskPrediction(MaskPredictionConfig(context_sentences=1))
    for seed in range(30):
        [example] = task.examples(view_of(PARAGRAPH), Random(seed))
        assert example.input.count("<MASK>") == 1
        restored = example.input.replace("<MASK>", example.output)
        assert restored in PARAGRAPH
        assert example.output not in example.input
        start = example.input.index("<MASK>")
        tokens = [t for t in kiwi.tokenize(restored) if start <= t.start < start + len(example.output)]
        assert tokens[0].start == start and tokens[-1].end == start + len(example.output)
        assert all(t.tag in {"NNG", "NNP", "SN"} for t in tokens), tokens


def test_mask_example_from_the_issue(kiwi):
    passage = "독도는 우리땅이다. 울릉도는 경상북도에 속한다."
    units = maskable_units(passage, 0, len(passage))
    surfaces = [passage[u.start : u.end] for u in units]
    assert "독도" in surfaces and "울릉도" in surfaces and "경상북도" in surfaces
    assert not any(s.endswith(("는", "에")) for s in surfaces)


def test_mask_skips_words_that_repeat_in_the_passage():
    passage = "보험사는 보험금을 지급하였다. 보험사는 다시 보험금을 청구받았다."
    surfaces = {passage[u.start : u.end] for u in maskable_units(passage, 0, len(passage))}
    assert "보험사" not in surfaces and "보험금" not in surfaces
    assert "지급" in surfaces


def test_mask_never_cuts_an_article_marker():
    passage = "민법 제750조에 따라 손해를 배상한다."
    surfaces = {passage[u.start : u.end] for u in maskable_units(passage, 0, len(passage))}
    assert "750" not in surfaces
    assert {"민법", "손해", "배상"} <= surfaces


def test_sentence_order_is_a_true_non_identity_permutation():
    task = SentenceOrder(SentenceOrderConfig(min_items=3, max_items=5))
    for seed in range(30):
        [example] = task.examples(view_of(PARAGRAPH), Random(seed))
        items = example.input.split("\n")
        assert example.output in PARAGRAPH
        positions = sorted(items, key=example.output.index)
        assert " ".join(positions) == example.output
        assert positions != items


def test_shuffle_keeps_repeated_items_and_never_returns_identity():
    items = ["이유 없다.", "상고를 기각한다.", "이유 없다."]
    for seed in range(50):
        result = shuffled(items, Random(seed))
        assert sorted(result) == sorted(items)
        assert result != items
    with pytest.raises(Skip):
        shuffled(["같다.", "같다.", "같다."], Random(0))


def test_one_sentence_document_shuffles_eojeol():
    text = "이 법은 생활시설의 안전점검에 필요한 사항을 정함을 목적으로 한다."
    [example] = SentenceOrder(SentenceOrderConfig()).examples(view_of(text), Random(3))
    assert example.variant == "eojeol"
    assert example.output == text
    assert sorted(example.input.split()) == sorted(text.split())
    assert example.input != text


def test_numbered_sentences_are_not_shuffled():
    text = "1. 원고의 청구를 기각한다. 2. 소송비용은 원고가 부담한다. 3. 가집행은 하지 않는다."
    with pytest.raises(Skip, match="numbered"):
        SentenceOrder(SentenceOrderConfig()).examples(view_of(text), Random(0))


def test_last_sentence_is_the_true_next_sentence():
    sentences = [s.text for s in get_splitter("kiwi").split(PARAGRAPH)]
    task = LastSentence(LastSentenceConfig(min_context=2, max_context=3))
    for seed in range(20):
        [example] = task.examples(view_of(PARAGRAPH), Random(seed))
        k = sentences.index(example.output)
        assert example.input == " ".join(sentences[:k])
        assert 2 <= k <= 3


def test_last_sentence_skips_short_paragraphs():
    with pytest.raises(Skip, match="3 or more sentences"):
        LastSentence(LastSentenceConfig()).examples(
            view_of("임대인은 누수 사실을 통지받고도 수리를 미루었다. 임차인은 손해배상을 청구하였다."), Random(0)
        )


def test_multi_question_numbers_and_unanswerable():
    context = "개인정보 보호법은 2011년에 제정되었다. 개인정보보호위원회가 이 법을 집행한다."
    qas = (
        QA("개인정보 보호법이 제정된 해는?", "2011년"),
        QA("법을 집행하는 기관은?", "개인정보보호위원회"),
        QA("법의 영문 명칭은?", ""),
    )
    view = view_of(context, qas=qas)
    [plain] = MultiQuestion(MultiQuestionConfig()).examples(view, Random(0))
    assert plain.input == f"{context}\n\n1. 개인정보 보호법이 제정된 해는?\n2. 법을 집행하는 기관은?"
    assert plain.output == "1. 2011년\n2. 개인정보보호위원회"
    [full] = MultiQuestion(MultiQuestionConfig(include_unanswerable=True)).examples(view, Random(0))
    assert full.output.endswith(f"3. {UNANSWERABLE}")
    assert full.variant == "with_unanswerable"


def test_multi_question_groups_keep_every_question():
    qas = tuple(QA(f"{n}번 조항의 내용은?", f"내용{n}") for n in range(1, 8))
    examples = MultiQuestion(MultiQuestionConfig(max_questions=3)).examples(view_of(PARAGRAPH, qas=qas), Random(0))
    assert [e.output.count("\n") + 1 for e in examples] == [3, 4]


def test_summary_title_variants_and_length_bound():
    view = view_of(PARAGRAPH, title="손해배상(기)", summary="임대인은 수선의무 위반으로 차임 상당액을 배상한다.")
    variants = {SummaryTitle(SummaryTitleConfig()).examples(view, Random(s))[0].variant for s in range(20)}
    assert variants == {"summary", "title", "both"}
    with pytest.raises(Skip, match="max_input_chars"):
        SummaryTitle(SummaryTitleConfig(max_input_chars=100)).examples(view, Random(0))


def test_original_inference_needs_title_and_summary():
    view = view_of(PARAGRAPH, title="손해배상(기)", summary="임대인은 차임 상당액을 배상한다.")
    [example] = OriginalInference(OriginalInferenceConfig()).examples(view, Random(0))
    assert example.input == "제목: 손해배상(기)\n요약: 임대인은 차임 상당액을 배상한다."
    assert example.output == PARAGRAPH
    with pytest.raises(Skip):
        OriginalInference(OriginalInferenceConfig()).examples(view_of(PARAGRAPH, title="제목만"), Random(0))
