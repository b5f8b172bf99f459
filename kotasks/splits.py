"""Train/validation/test assignment by document, so that no document feeds two splits."""

from __future__ import annotations

from kotasks.seeding import random_stream

SPLITS = ("train", "validation", "test")


def assign_split(seed: int, source: str, doc_id: str, shares: dict[str, float]) -> str:
    """The split of a document: a draw from its own random stream against the cumulative shares."""
    draw = random_stream(seed, source, doc_id, "split").random()
    total = 0.0
    for name, share in shares.items():
        total += share
        if draw < total:
            return name
    return next(reversed(shares))  # shares add up to 1 only within rounding
