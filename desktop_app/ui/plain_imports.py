"""Imports behind the sign-in dialog without PySide6's per-module source scan.

Importing PySide6 replaces Python's `__import__` with its own, which after every import of a
module not seen before reads that module's whole source (`inspect.getsource`) to find out
whether it mentions PySide6: the answer only matters to a module that switches on PySide6's
optional `from __feature__ import snake_case, true_property`. The desk, its libraries and
PySide6's own modules never use those switches (every Qt name is called as Qt spells it), so
the scan decides nothing here, yet it made the imports behind the sign-in dialog (SQLAlchemy,
the models, the services, the window's modules: read while the person types, waited for when
Enter comes first) about a quarter slower. `plain_imports` puts Python's own `__import__`
back while they run (and while the main window builds a screen on its first use, which
imports that screen's modules); modules imported that way are simply not in PySide6's list,
as every module imported before PySide6 is not (both mean "no feature switched on").

The swap is process-wide: an import on the GUI thread meanwhile goes the plain way too, which
is the same. Where PySide6 keeps no original (`builtins.__orig_import__`), nothing changes.
"""

from __future__ import annotations

import builtins
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Swap:
    """Who is using the plain import now: the hook comes back when the last one leaves
    (nested or concurrent users)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.users = 0
        self.hooked: object = None


_swap = _Swap()


@contextmanager
def plain_imports() -> Iterator[None]:
    """Python's own `__import__` for the duration, PySide6's hook again afterwards."""
    plain = getattr(builtins, "__orig_import__", None)
    if plain is None:
        yield
        return
    with _swap.lock:
        if _swap.users == 0:
            _swap.hooked = builtins.__import__
            builtins.__import__ = plain
        _swap.users += 1
    try:
        yield
    finally:
        with _swap.lock:
            _swap.users -= 1
            if _swap.users == 0 and builtins.__import__ is plain:
                builtins.__import__ = _swap.hooked  # type: ignore[assignment]
