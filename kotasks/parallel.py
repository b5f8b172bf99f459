"""Ordered parallel map with a bounded number of batches in flight, so memory does not grow with the input."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_state: dict = {}


def _init(make: Callable[[], object]) -> None:
    _state["worker"] = make()


def _call(method: str, item):
    return getattr(_state["worker"], method)(item)


def ordered_map(make_worker: Callable[[], object], method: str, items: Iterable[T], workers: int) -> Iterator[R]:
    """worker.<method>(item) for each item, in input order, with `workers` processes (in-process for 1).

    Processes are spawned, not forked: a fork after Polars has run can deadlock the child.
    """
    if workers <= 1:
        call = getattr(make_worker(), method)
        yield from map(call, items)
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init, initargs=(make_worker,)) as pool:
        pending: deque[Future] = deque()
        for item in items:
            pending.append(pool.submit(_call, method, item))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
