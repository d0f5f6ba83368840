"""A read a newer request made useless stops: at once when stopped before it starts, and in
the middle of a running statement (SQLite's interrupt) on a real database file."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import search
from desktop_app.services.stale_reads import Staleness, StaleRead

# A statement that would count for minutes: only an interrupt ends it soon.
_ENDLESS = """
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000000000)
    SELECT count(*) FROM n
"""


def test_a_read_stopped_before_it_starts_reads_nothing(db):
    generate_demo_data(db, count=30, seed=2)
    stale = Staleness()
    stale.stop()
    with pytest.raises(StaleRead):
        search.ordered_pks(db, search.InquiryFilter(), stale=stale)
    with pytest.raises(StaleRead):
        search.list_head(db, search.InquiryFilter(), stale=stale)


def test_stop_interrupts_the_running_statement(db):
    stale = Staleness()
    outcome: list[BaseException | int] = []

    def read() -> None:
        try:
            with db.read() as session, stale.watching(session):
                outcome.append(session.scalar(text(_ENDLESS)) or 0)
        except BaseException as exc:  # handed to the test thread
            outcome.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(0.2)  # the statement is running
    started = time.perf_counter()
    stale.stop()
    reader.join(timeout=10)
    assert not reader.is_alive()
    assert time.perf_counter() - started < 5
    assert len(outcome) == 1 and isinstance(outcome[0], StaleRead)
    # The connection goes back to the pool usable: the next read answers as usual.
    with db.read() as session:
        assert session.scalar(text("SELECT 1")) == 1


def test_an_unstopped_read_answers_as_without_the_switch(db):
    generate_demo_data(db, count=40, seed=3)
    flt = search.InquiryFilter(text="相談")
    assert search.ordered_pks(db, flt, stale=Staleness()) == search.ordered_pks(db, flt)
    head = search.list_head(db, flt, stale=Staleness(), count=True)
    assert (head.count, head.rows) == search.first_page(db, flt)
