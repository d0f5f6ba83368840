"""Opening a desk database with sqlite3 alone, for the command line's light read.

`inquiry list` answers before SQLAlchemy would have finished importing (issue 23): it opens
the file here, prepared as db.engine prepares every connection (db.connection), and only when
the file is ready for it. Anything else (a file at another revision, one without planner
statistics, one that is not a database) is left to the full opening, which upgrades, analyses
or refuses it with its own message.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from db import connection
from db.migrate import HEAD, revision_of


def open_current(path: Path) -> sqlite3.Connection | None:
    """A connection to the existing file `path`, or None when it needs the full opening (also
    for a file this user may not write: the full path refuses it before reading).

    No SQL function is registered: the light read runs no statement and fires no trigger that
    calls one (the search index's triggers are on the inquiries, which it only reads)."""
    if not _writable(path):
        return None  # the sign-in could not be recorded after the read: refused in full
    busy_ms = connection.BUSY_TIMEOUT_MS  # read now: a test shortens it
    conn = sqlite3.connect(path, timeout=busy_ms / 1000)
    try:
        # The revision before the pragmas: WAL is written into the file's header, and a file
        # at another revision (or another program's) is the full opening's to judge.
        if revision_of(conn) != HEAD:
            conn.close()
            return None
        connection.prepare(conn, {}, busy_timeout_ms=busy_ms)
        if connection.has_statistics(conn):
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None


def _writable(path: Path) -> bool:
    """Whether the file and the write-ahead files beside it (when there) may be written: a
    read-only -wal or -shm lets the list be read but not the sign-in's record after it."""
    beside = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    return os.access(path, os.W_OK) and all(
        os.access(other, os.W_OK) for other in beside if other.exists()
    )
