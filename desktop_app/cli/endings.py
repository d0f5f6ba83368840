"""A command stopped from outside (a terminal closed, `timeout`, a service stop, Ctrl+C) while
it still has something to write: the light `inquiry list` prints before it records its
sign-in (cli/inquiry.py), and a stop after the print must not skip the record.

Python's default ends the process at once on SIGTERM and SIGHUP, running no `finally`. Inside
`stops()` the first stop raises SystemExit (128 + the signal's number, the shell's convention)
while the command may still be stopped, so its `finally` blocks run; from then on, and once
the command calls `hold()`, stops wait and are delivered when the block ends. Signal handlers
belong to the main thread: elsewhere the block runs as it would without them.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

_STOPS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Stops:
    """Whether a stop still raises, and the stops held back for the end."""

    def __init__(self) -> None:
        self.raising = True
        self.held: list[int] = []

    def hold(self) -> None:
        """From now on a stop waits for the end of the block (what is left must be written)."""
        self.raising = False

    def arrived(self, signum: int, _frame: FrameType | None) -> None:
        if self.raising:
            self.raising = False  # one stop is enough: the `finally` blocks must not be cut
            raise SystemExit(128 + signum)
        self.held.append(signum)


@contextmanager
def stops() -> Iterator[Stops]:
    """SIGINT, SIGTERM and SIGHUP raise SystemExit inside the block until `hold()`, then wait."""
    state = Stops()
    if threading.current_thread() is not threading.main_thread():
        yield state
        return
    before: dict[int, signal._HANDLER] = {}
    try:
        for signum in _STOPS:
            before[signum] = signal.signal(signum, state.arrived)
        yield state
    finally:
        for signum, previous in before.items():
            signal.signal(signum, previous)
    for signum in state.held:
        signal.raise_signal(signum)
