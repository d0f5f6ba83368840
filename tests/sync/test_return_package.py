"""HQ's return package at the branch: rows echoing the branch's own versions are sorted out in
bulk (sync_apply._echoes), and the database comes out exactly as the per-row merge leaves it.

A return package mixes echoed rows with rows HQ changed (an ordinary field, a personal one),
rows both offices changed (a conflict, which waits at the branch), rows the branch changed
after sending, and a row new at HQ. The same package is imported into two copies of the branch:
one the usual way, one with the bulk sort turned off, so that every row goes through
`merge_one`; every exchange table, `sync_base` and the change counter must be equal.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.services import actions, database, sync_apply, sync_import
from tests.actors import actor_for
from tests.sync import test_personal_field_flows as flows
from tests.sync.conftest import dump

desk = flows.desk  # the flows' offices, with the package password (a fixture)

# Set to the time of the run (the audit chain's hashes cover it), so never the same in two
# imports: left out of the comparison.
_CLOCK = {
    "audit_log": ("at", "prev_hash", "hash"),
    "conflict": ("created_at",),
    "sync_package": ("handled_at",),
}


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_the_bulk_sort_gives_the_per_row_merge_database(desk, monkeypatch, personal):
    echoed, at_hq, phone_at_hq, at_both, at_branch = (
        desk.take_down("SHIBA", f"03-5555-01{n:02d}") for n in range(5)
    )
    going = desk.write("SHIBA", "HQ", personal=personal, full=True)
    assert desk.take("HQ", going)["inserted"] > 0
    desk.change("HQ", at_hq, subject="本庁で直した件名")
    desk.change("HQ", phone_at_hq, phone="03-5555-0999")
    desk.change("HQ", at_both, subject="本庁の件名")
    desk.change("SHIBA", at_both, subject="支所の件名")
    desk.change("SHIBA", at_branch, notes="支所で追記")
    actions.add_action(
        desk.db["HQ"], NewAction(at_hq, kind="call", note="本庁から連絡"), actor=actor_for("hq")
    )
    back = desk.write("HQ", "SHIBA", personal=personal, full=True)

    copy = desk.folder / "SHIBA-per-row.sqlite3"
    desk.db["SHIBA"].dispose()
    shutil.copyfile(desk.db["SHIBA"].path, copy)
    desk.db["SHIBA"] = database.connect(desk.db["SHIBA"].path)
    per_row_db = database.connect(copy)
    try:
        sorted_out: list[int] = []
        bulk = sync_apply._echoes

        def counted(*args: Any) -> dict[str, Any]:
            found = bulk(*args)
            sorted_out.append(len(found))
            return found

        monkeypatch.setattr(sync_apply, "_echoes", counted)
        fast = desk.take("SHIBA", back)
        monkeypatch.setattr(sync_apply, "_echoes", lambda *args: {})
        slow = sync_import.import_sync(per_row_db, [back], actor=actor_for("shiba")).to_json()
    finally:
        per_row_db.dispose()

    assert _counts(fast) == _counts(slow)
    # the echoed case (inquirer, inquiry) and the other cases' inquiries and inquirers that
    # HQ did not change: in bulk; the changed ones, the conflict and the new case: not
    assert sum(sorted_out) >= 2 + 2 * 2
    assert fast["inserted"] == 1, fast  # HQ's action
    assert any("競合解決を待ちます" in note for note in fast["packages"][0]["notes"]), fast
    assert _exact(desk.db["SHIBA"].path) == _exact(copy)
    assert desk.record("SHIBA", at_hq)["subject"] == "本庁で直した件名"
    assert desk.record("SHIBA", at_both)["subject"] == "支所の件名"  # waits for the resolution
    assert desk.record("SHIBA", at_branch)["inquirer"]["notes"] == "支所で追記"
    assert desk.phone("SHIBA", phone_at_hq) == ("03-5555-0999" if personal else "03-5555-0102")
    assert desk.record("SHIBA", echoed)["inquirer"]["phone"] == "03-5555-0100"


def _counts(report: dict[str, Any]) -> dict[str, Any]:
    (package,) = report["packages"]
    return {"by_kind": package["by_kind"], "notes": package["notes"]}


def _exact(path: Path) -> dict[str, Any]:
    """Every exchange table, with the change counter, the clock columns left out."""
    tables = dump(path)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        columns = {
            table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            for table in tables
        }
        tables["change_counter"] = conn.execute("SELECT * FROM change_counter").fetchall()
    conn.close()
    for table, clock in _CLOCK.items():
        keep = [i for i, name in enumerate(columns[table]) if name not in clock]
        tables[table] = [tuple(row[i] for i in keep) for row in tables[table]]
    return tables
