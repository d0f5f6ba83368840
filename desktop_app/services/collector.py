"""Python's cycle collector paused while a package or a ledger is read and merged.

An import builds a few million small objects (every cell calamine reads, every row's content)
and keeps them until it is done; none of them form cycles. The collector, run by allocation
counts, would walk all of them again and again: about a third of reading and checking a large
package (make bench). Paused for the import, it runs as usual afterwards; nested or concurrent
pauses resume it only when the last one ends, and only if it was running before the first.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """How many pauses are under way, and whether the collector ran before the first."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.was_enabled = False


_PAUSES = _Pauses()


@contextmanager
def paused() -> Iterator[None]:
    with _PAUSES.lock:
        if _PAUSES.depth == 0:
            _PAUSES.was_enabled = gc.isenabled()
            gc.disable()
        _PAUSES.depth += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.depth -= 1
            if _PAUSES.depth == 0 and _PAUSES.was_enabled:
                gc.enable()
