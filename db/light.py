"""Opening a desk database with sqlite3 alone, for the command line's light read.

`inquiry list` answers before SQLAlchemy would have finished importing (issue 23): it opens
the file here, prepared as db.engine prepares every connection (db.connection), and only when
the file is ready for it. Anything else (a file at another revision, one without planner
statistics, one that is not a database) is left to the full opening, which upgrades, analyses
or refuses it with its own message.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db.connection import BUSY_TIMEOUT_MS, has_statistics, prepare
from db.migrate import HEAD, revision_of


def open_current(path: Path) -> sqlite3.Connection | None:
    """A connection to the existing file `path`, or None when it needs the full opening.

    No SQL function is registered: the light read runs no statement and fires no trigger that
    calls one (the search index's triggers are on the inquiries, which it only reads)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        prepare(conn, {})
        if revision_of(conn) == HEAD and has_statistics(conn):
            return conn
    except sqlite3.Error:
        pass
    conn.close()
    return None
