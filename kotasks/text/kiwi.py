"""The Kiwi analyser, created lazily once per process (Kiwi objects do not pickle and take ~1 s to load)."""

from __future__ import annotations

from functools import cache

from kiwipiepy import Kiwi


@cache
def get_kiwi() -> Kiwi:
    return Kiwi()
