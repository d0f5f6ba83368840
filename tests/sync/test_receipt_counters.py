"""Receipt counters after an import: a branch never issues a number it already used.

A rebuilt branch PC gets its own cases back from the centre in a full package; its counter is
raised past them by the bulk writer, so its next case takes the next number. Another office's
numbers are that office's counter's business: the centre keeps no counter for them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquiries, sync_export, sync_import
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


def _case(db, subject: str) -> str:
    data = {
        "received_at": "2026-10-01",
        "subject": subject,
        "channel": "phone",
        "inquirer": {"type": "resident", "name": "鈴木 一郎", "phone": "03-5555-0101"},
    }
    return inquiries.add_inquiry(
        db, NewInquiry.read(data, today=TODAY), actor=actor_for("clerk")
    ).receipt_no


def _counters(db) -> list[tuple[str, int, int]]:
    with sqlite3.connect(f"file:{db.path}?mode=ro", uri=True) as conn:
        return conn.execute("SELECT * FROM receipt_counter ORDER BY 1, 2").fetchall()


def test_a_rebuilt_branch_continues_after_the_cases_it_gets_back(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    issued = [_case(shiba, f"相談 {n}") for n in range(3)]
    assert issued[-1] == "SHIBA-2026-00003"
    sync_export.export_sync(shiba, tmp_path / "up.xlsx", actor=actor_for("clerk"), full=True)
    report = sync_import.import_sync(hq, [tmp_path / "up.xlsx"], actor=actor_for("supervisor"))
    assert report.total("inserted") >= 3
    assert _counters(hq) == []  # SHIBA's numbers are SHIBA's counter's business

    rebuilt = office("SHIBA", "shiba-rebuilt")
    sync_export.export_sync(
        hq, tmp_path / "down.xlsx", actor=actor_for("clerk"), to_office="SHIBA", full=True
    )
    report = sync_import.import_sync(
        rebuilt, [tmp_path / "down.xlsx"], actor=actor_for("supervisor")
    )
    assert report.total("inserted") >= 3
    assert _counters(rebuilt) == [("SHIBA", 2026, 3)]
    assert _case(rebuilt, "建て直した端末での最初の相談") == "SHIBA-2026-00004"
