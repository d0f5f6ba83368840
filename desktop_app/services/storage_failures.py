"""What a failure of the disk or of the database's write lock means to the person at the desk.

SQLite answers a full disk with SQLITE_FULL, a write lock held past the busy timeout with
SQLITE_BUSY and a file it may not write (a read-only share, a file set read-only) with
SQLITE_READONLY; the file system answers a full disk with ENOSPC. Either way the transaction is
rolled back and nothing is changed, so these are refusals with their own message and exit 2,
not internal errors: the person frees space, waits for the other program and tries again, or has the
file's permissions put right.

    refusal = storage_failures.refusal_of(exc)   # a UserError, or None for anything else

SQLAlchemy wraps the driver's error (`.orig`) and Python chains causes, so the whole chain is
looked at.
"""

from __future__ import annotations

import errno
import sqlite3

from desktop_app.domain.errors import UserError

_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_FULL = 5, 6, 8, 13
_DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
_FULL_WORDS = ("database or disk is full",)
_BUSY_WORDS = ("database is locked", "database table is locked")
_READ_ONLY_WORDS = ("attempt to write a readonly database",)


def refusal_of(exc: BaseException) -> UserError | None:
    """The refusal `exc` (or an error it wraps or was caused by) amounts to, else None."""
    for error in _chain(exc):
        if isinstance(error, sqlite3.Error):
            code = getattr(error, "sqlite_errorcode", None)
            primary = code & 0xFF if isinstance(code, int) else None
            words = str(error).lower()
            if primary == _SQLITE_FULL or any(word in words for word in _FULL_WORDS):
                return UserError("storage_full")
            if primary in (_SQLITE_BUSY, _SQLITE_LOCKED) or any(w in words for w in _BUSY_WORDS):
                return UserError("storage_busy")
            if primary == _SQLITE_READONLY or any(word in words for word in _READ_ONLY_WORDS):
                return UserError("storage_read_only")
        elif isinstance(error, OSError) and error.errno in _DISK_FULL_ERRNOS:
            return UserError("storage_full")
    return None


def is_busy(exc: BaseException) -> bool:
    """True when `exc` is the write lock of another program held past the busy timeout."""
    refusal = refusal_of(exc)
    return refusal is not None and refusal.code == "storage_busy"


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending:
        error = pending.pop()
        if error is None or any(error is known for known in seen):
            continue
        seen.append(error)
        wrapped = getattr(error, "orig", None)
        pending += [
            wrapped if isinstance(wrapped, BaseException) else None,
            error.__cause__,
            error.__context__,
        ]
    return seen
