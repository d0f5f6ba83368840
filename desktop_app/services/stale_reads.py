"""Stopping a read that a newer request has made useless.

The list's search runs a query per pause in typing; at 1,000,000 inquiries one of them (the
ordered key list of a common term) takes seconds. When the next keystroke comes, its answer
is of no use, and left running it takes the worker and the processor from the query the
person now waits for. `Staleness.stop()` (any thread) sets a flag the reading side checks
between statements and interrupts the statement running on the connection it reads through
(SQLite's `interrupt`, which stops a running statement at its next step); the read then
raises `StaleRead`, which the caller drops. Nothing is written by such reads, so stopping
one loses nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the list makes a Staleness before SQLAlchemy is imported (start-up)
    from sqlalchemy.orm import Session


class StaleRead(Exception):  # noqa: N818 (a signal to drop an answer, not an error)
    """The read was stopped: a newer request replaced it."""


class Staleness:
    """One request's stop switch (a new one per request; `stop` cannot be undone)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = False
        self._reading: set[sqlite3.Connection] = set()

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """From any thread: the reads of this request end as soon as they can."""
        with self._lock:
            self._stopped = True
            for connection in self._reading:
                connection.interrupt()

    def check(self) -> None:
        """Between two statements: raise StaleRead once stopped."""
        if self._stopped:
            raise StaleRead

    @contextmanager
    def watching(self, session: Session) -> Iterator[None]:
        """While inside, `stop` interrupts the statement `session` is running."""
        from sqlalchemy.exc import OperationalError

        connection = session.connection().connection.dbapi_connection
        assert isinstance(connection, sqlite3.Connection)
        with self._lock:
            if self._stopped:
                raise StaleRead
            self._reading.add(connection)
        try:
            yield
        except (OperationalError, sqlite3.OperationalError) as exc:
            if self._stopped:
                raise StaleRead from exc
            raise
        finally:
            with self._lock:
                self._reading.discard(connection)


@contextmanager
def watched(session: Session, staleness: Staleness | None) -> Iterator[None]:
    """`staleness.watching(session)`, or nothing when the read cannot go stale."""
    if staleness is None:
        yield
        return
    with staleness.watching(session):
        yield
