"""A cycle of merges (two inquirers each merged into the other, as an earlier build left the same
pair merged both ways at two offices; docs/sync-format.md, "Merges that meet in a cycle") does
not stop the retention: following merged_into chains ends, and the cycle's rows are left alone
(neither is live nor merged into one erased) while the others are erased as ever."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.services import inquirers, retention
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, TODAY, case, inquirer_of, person
from tests.retention.test_retention import LONG_AGO


@pytest.mark.timeout(60)
def test_a_cycle_of_merges_left_by_an_earlier_build_does_not_hold_the_retention(db):
    a, b, c, due = (
        inquirer_of(db, case(db, person("古川 一郎", f"03-4000-000{n}"), closed_on=LONG_AGO))
        for n in range(4)
    )
    inquirers.merge_inquirers(db, a["id"], c["id"], actor=actor_for("tanaka"))  # c into a
    with sqlite3.connect(db.path) as conn:  # a and b merged into each other
        for row, into in ((a, b), (b, a)):
            conn.execute(
                "UPDATE inquirer SET deleted = 1, merged_into = ? WHERE id = ?",
                (into["id"], row["id"]),
            )
    conn.close()

    report = retention.apply(db, actor=ADMIN, today=TODAY)

    assert report.erased == 1
    with sqlite3.connect(db.path) as conn:
        named = dict(conn.execute("SELECT id, name FROM inquirer").fetchall())
    conn.close()
    assert named == {
        a["id"]: "古川 一郎",
        b["id"]: "古川 一郎",
        c["id"]: "古川 一郎",
        due["id"]: "",
    }
