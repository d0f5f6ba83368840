"""How a connection to a desk database is set up, with SQLAlchemy (db.engine) or without it
(db.light): one list of pragmas and SQL functions for both, imported by neither's layer above.

Kept free of SQLAlchemy so that a read command (`inquiry list`) can open the file with the
standard library alone (docs/architecture.md, "The command line's light read").
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

BUSY_TIMEOUT_MS = 10_000

SqlFunction = Callable[[str | None], str]

# Whether the planner has statistics: a file without them is analysed on open (db.engine).
HAS_STATISTICS_TABLE = "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
ANY_STATISTICS = "SELECT 1 FROM sqlite_stat1"


def prepare(
    dbapi_conn: sqlite3.Connection,
    functions: Mapping[str, SqlFunction],
    *,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> None:
    """WAL, synchronous=FULL, foreign keys, the busy timeout and the search index's SQL
    functions on a fresh connection. The caller, not the driver, begins transactions."""
    dbapi_conn.isolation_level = None
    for name, func in functions.items():
        dbapi_conn.create_function(name, 1, func, deterministic=True)
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
    cursor.close()


def has_statistics(dbapi_conn: sqlite3.Connection) -> bool:
    return (
        dbapi_conn.execute(HAS_STATISTICS_TABLE).fetchone() is not None
        and dbapi_conn.execute(ANY_STATISTICS).fetchone() is not None
    )


def driver_of(pooled: Any) -> sqlite3.Connection:
    """The sqlite3 connection under SQLAlchemy's pooled one (`Connection.connection`)."""
    driver = pooled.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver


# Tables every desk database has (or had from its first revision on): a file holding tables but
# none of these is another program's database, never to be given the desk's schema.
DESK_TABLES = frozenset({"alembic_version", "setting", "staff", "inquiry"})


def is_foreign(dbapi_conn: sqlite3.Connection) -> bool:
    """Whether the database holds tables and none of the desk's (another program's file)."""
    names = {row[0] for row in dbapi_conn.execute("SELECT name FROM sqlite_master")}
    return bool(names) and not names & DESK_TABLES
