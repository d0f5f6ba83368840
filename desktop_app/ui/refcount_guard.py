"""Keeps None, True and False alive under PySide6 6.12 on Python 3.11.

Measured here (PySide6-Essentials 6.12.0, CPython 3.11.7): every call of a wrapped C++ method
that returns void (setText, setEnabled, click, ...) takes one reference from None without
having given it one, and some bool paths do the same to True/False. Python 3.12 made these
objects immortal (PEP 683), so the bug is harmless there; on 3.11 the count reaches zero after
enough calls and the process aborts ("Fatal Python error: none_dealloc", usually at exit, in a
long session any time). Until the program requires Python 3.12, give the three singletons a
reference count no session can exhaust: the same thing 3.12 does for every program.
"""

from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1 << 40
_applied = False


def guard_singletons() -> None:
    """Add headroom to the reference counts of None/True/False (CPython < 3.12 only, once)."""
    global _applied  # noqa: PLW0603 (a process-wide, apply-once switch)
    if _applied or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):
        # ob_refcnt is the first field of every PyObject in a release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _applied = True
