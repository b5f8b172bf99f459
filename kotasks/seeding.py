"""Randomness and ids derived from the seed and stable names only, so output never depends on scheduling."""

from __future__ import annotations

import hashlib
from random import Random

_SEP = "\x1f"


def random_stream(seed: int, *names: str) -> Random:
    """A random generator of its own for (seed, names), e.g. one per document and task."""
    digest = hashlib.sha256(_SEP.join([str(seed), *names]).encode("utf-8")).digest()
    return Random(int.from_bytes(digest[:8], "big"))


def record_id(*names: str) -> str:
    """A short id that stays the same for the same source, document, task and position."""
    return hashlib.sha1(_SEP.join(names).encode("utf-8")).hexdigest()[:16]
