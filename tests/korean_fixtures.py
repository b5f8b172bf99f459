"""Real-looking Korean test documents in the shapes the readers take (AI-Hub 문서요약, SQuAD)."""

from __future__ import annotations

ARTICLE = (
    "보험계약자는 보험증권을 받은 날부터 15일 이내에 청약을 철회할 수 있다. "
    "다만, 진단계약은 그러하지 아니하다. 회사는 철회 접수일부터 3일 이내에 보험료를 돌려준다."
)


def news(i: int) -> dict:
    return {
        "id": f"n{i}",
        "title": f"보험 약관 개정 {i}",
        "text": [
            [
                {"index": 0, "sentence": f"금융위원회는 {i}일 보험 약관 개정안을 발표하였다."},
                {"index": 1, "sentence": "개정안은 청약 철회 기간을 30일로 늘리는 내용을 담았다."},
                {"index": 2, "sentence": "보험업계는 소비자 보호가 강화될 것으로 내다봤다."},
                {"index": 3, "sentence": "새 약관은 내년 상반기부터 적용된다."},
            ]
        ],
        "extractive": [0, 1, 3],
        "abstractive": ["청약 철회 기간을 30일로 늘리는 보험 약관 개정안이 발표되었다."],
    }


def squad(*paragraphs: tuple[str, list[tuple[str, str]]], title: str = "보험 약관") -> dict:
    """A SQuAD/KorQuAD file: each paragraph is (context, [(question, answer), ...]); answers are found in context."""
    return {
        "version": "KorQuAD_v1.0_test",
        "data": [
            {
                "title": title,
                "paragraphs": [
                    {
                        "context": context,
                        "qas": [
                            {
                                "id": f"{p}-{q}",
                                "question": question,
                                "answers": [{"text": answer, "answer_start": context.index(answer)}],
                            }
                            for q, (question, answer) in enumerate(qas)
                        ],
                    }
                    for p, (context, qas) in enumerate(paragraphs)
                ],
            }
        ],
    }


INSURANCE_QA = (
    ARTICLE,
    [
        ("청약을 철회할 수 있는 기간은?", "15일"),
        ("청약 철회를 할 수 없는 계약은?", "진단계약"),
        ("회사는 언제까지 보험료를 돌려주는가?", "3일 이내"),
    ],
)
