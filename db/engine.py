"""Engine and sessions for one SQLite file, with the pragmas that make every save durable.

Built by a function at start-up, never at import time, so tests and the GUI each open the file
they are given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from db.connection import BUSY_TIMEOUT_MS, SqlFunction, driver_of, has_statistics, prepare

__all__ = ["BUSY_TIMEOUT_MS", "Database", "SqlFunction", "ensure_statistics", "open_database"]


@dataclass(frozen=True)
class Database:
    """One opened database file.

    `read()` sessions start a deferred transaction; `write()` sessions start with
    BEGIN IMMEDIATE so that two windows saving at once queue on the busy timeout instead of
    failing on a read-to-write lock upgrade (SQLite's one-writer rule).
    """

    path: Path
    engine: Engine
    _readers: sessionmaker[Session]
    _writers: sessionmaker[Session]

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._readers() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A unit of work: commits once on success, rolls everything back on any exception."""
        with self._writers() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


def open_engine(path: Path, sql_functions: Mapping[str, SqlFunction] | None = None) -> Engine:
    """Engine over `path` with WAL, synchronous=FULL, foreign keys and a busy timeout.

    `sql_functions` are registered on every connection; the search index's triggers call them.
    """
    functions = dict(sql_functions or {})
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when a transaction starts (see _on_begin).
        prepare(dbapi_conn, functions, busy_timeout_ms=BUSY_TIMEOUT_MS)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def ensure_statistics(engine: Engine, *, force: bool = False) -> None:
    """Run ANALYZE when the file has no planner statistics yet (or when forced after a bulk load).

    Without statistics SQLite takes `deleted = 0` for a selective index term and scans the
    whole table for a search that the full-text index could answer from a few rows.
    """
    with engine.begin() as conn:
        if force or not has_statistics(driver_of(conn.connection)):
            conn.exec_driver_sql("ANALYZE")


def open_database(path: Path, sql_functions: Mapping[str, SqlFunction] | None = None) -> Database:
    engine = open_engine(path, sql_functions)
    writer_engine = engine.execution_options(sqlite_immediate=True)
    return Database(
        path=path,
        engine=engine,
        _readers=sessionmaker(engine, expire_on_commit=False),
        _writers=sessionmaker(writer_engine, expire_on_commit=False),
    )
