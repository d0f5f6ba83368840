"""Running a compiled statement of services/light_sql.py on a plain sqlite3 connection.

The light read (services/light_list.py) and a ledger's checks (services/ledger_check.py,
ledger_match.py) bind their arguments by name here: each statement's parameters say which
argument they hold and which are the statement's own constants. The connection may be one
SQLAlchemy holds (its transaction is the caller's) or one opened by db/light.py.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from db.connection import driver_of
from desktop_app.services.light_sql import PARAMETERS, STATEMENTS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def run(conn: sqlite3.Connection, name: str, **arguments: Any) -> sqlite3.Cursor:
    """The cursor of statement `name` run with `arguments` (a KeyError names one missing)."""
    bound = {
        parameter: arguments[value] if kind == "arg" else value  # type: ignore[index]
        for parameter, (kind, value) in PARAMETERS[name].items()
    }
    return conn.execute(STATEMENTS[name], bound)


def one(conn: sqlite3.Connection, name: str, **arguments: Any) -> Any:
    """The first column of the first row, or None when there is no row."""
    row = run(conn, name, **arguments).fetchone()
    return None if row is None else row[0]


def connection_of(source: Session | sqlite3.Connection) -> sqlite3.Connection:
    """The sqlite3 connection of `source`: a session's (its transaction begun, so statements
    run here are in it) or the connection itself."""
    if isinstance(source, sqlite3.Connection):
        return source
    return driver_of(source.connection().connection)


@contextmanager
def reading(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction on a plain connection (in autocommit mode, as db/light.py opens)."""
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def count_listed(conn: sqlite3.Connection) -> int:
    """services.search._count of the unfiltered list: everything less the deleted."""
    return int(one(conn, "count_all") - one(conn, "count_deleted"))
