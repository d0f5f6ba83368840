"""A ledger column the import maps to a field is stored in that field, for every field.

The silent loss this guards against: a column whose header names a field (by the catalogue's
label or header words) is mapped, the row is counted as imported, and the field stays NULL
because the reading or the insertion never named it. The ledger here has one column for every
field a ledger may carry, headed by the field's own label, so a field added to the catalogue
is covered without an edit here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

from desktop_app.domain import fields, workflow
from desktop_app.domain.corporate_number import check_digit
from desktop_app.domain.fields import Field, Kind
from desktop_app.domain.ledger_columns import LEDGER_NO, TARGET_FIELDS
from desktop_app.services import actions, inquiries, ledger_import
from tests.actors import actor_for
from tests.ledger import ledgers

TODAY = dt.date(2026, 10, 15)
RECEIVED = dt.date(2026, 10, 1)
DUE = dt.date(2026, 11, 2)
CLOSED = dt.date(2026, 10, 9)
# What a ledger's text cell holds for the fields whose shape is checked.
_TEXT = {
    "inquirer.phone": "03-5555-0101",
    "inquirer.email": "desk@example.jp",
    "inquirer.postal_code": "105-0011",
    "inquirer.address": "港区芝公園1-5-25",
    "inquirer.name": "鈴木 一郎",
    "inquirer.kana": "スズキ イチロウ",
}


def _corporate_number() -> str:
    body = "234567890123"
    return f"{check_digit(body)}{body}"


def _word(f: Field, db_path: Path) -> Any:
    """A value written as a clerk writes it, that the field's vocabulary or shape accepts."""
    if f.kind in (Kind.DATE, Kind.TIME):
        return {"received_at": RECEIVED, "follow_up_due": DUE}.get(f.key, CLOSED)
    if f.qualified == "inquirer.corporate_number":
        return _corporate_number()
    if f.kind not in (Kind.CODE, Kind.CODES):
        return _TEXT.get(f.qualified, f"{f.ja}の記入")
    with sqlite3.connect(db_path) as conn:
        if f.vocab == "municipality":
            row = conn.execute(
                "SELECT prefecture || name FROM municipality WHERE kind = 'city' "
                "AND retired_on IS NULL ORDER BY code LIMIT 1"
            ).fetchone()
        elif f.vocab == "agreement_body":
            row = conn.execute("SELECT name FROM agreement_body ORDER BY code LIMIT 1").fetchone()
        else:
            row = conn.execute(
                "SELECT label_ja FROM vocab_term WHERE vocab = ? AND active = 1 "
                "AND code NOT IN ('other', 'received') ORDER BY sort_order LIMIT 1",
                (f.vocab,),
            ).fetchone()
    return row[0]


def _ledger(tmp_path: Path, db_path: Path, status: str) -> tuple[Path, dict[str, Any]]:
    columns = [f for f in TARGET_FIELDS if f.qualified != LEDGER_NO]
    written = {f.qualified: _word(f, db_path) for f in columns}
    written["status"] = status
    cells = [[f.ja for f in columns], [written[f.qualified] for f in columns]]
    return ledgers.write_xlsx(tmp_path / f"every-field-{status}.xlsx", cells), written


def _stored(db, receipt: str) -> dict[str, Any]:
    record = inquiries.get_inquiry(db, receipt, actor=actor_for())
    values = record.to_json()
    return values | {f"inquirer.{k}": v for k, v in values.pop("inquirer").items()}


def _import(db, path: Path) -> dict[str, Any]:
    report = ledger_import.import_ledger(db, actor_for(), path, today=TODAY)
    mapped = {c.target for c in report.layout.mapped}
    assert mapped >= {f.qualified for f in TARGET_FIELDS if f.qualified != LEDGER_NO}
    assert report.imported == 1, [p.to_json() for p in report.rejected]
    assert report.receipts is not None
    return _stored(db, report.receipts[0])


def test_every_mapped_column_of_a_closed_case_is_stored(db, db_path, tmp_path):
    path, written = _ledger(tmp_path, db_path, "完了")
    stored = _import(db, path)
    # A closed case has no next due date (the reading's rule); everything else is kept.
    missing = [
        f.qualified
        for f in TARGET_FIELDS
        if f.qualified not in (LEDGER_NO, "follow_up_due")
        and stored.get(f.qualified) in (None, "", [])
    ]
    assert missing == [], f"mapped, counted as imported, and stored empty: {missing}"
    assert stored["closed_at"] is not None and workflow.is_closed(stored["status"])


def test_every_mapped_column_of_an_open_case_is_stored(db, db_path, tmp_path):
    path, written = _ledger(tmp_path, db_path, "対応中")
    stored = _import(db, path)
    # An open case is not closed, and its 結果 is no result yet: it is kept as a note action.
    missing = [
        f.qualified
        for f in TARGET_FIELDS
        if f.qualified not in (LEDGER_NO, "closed_at", "outcome")
        and stored.get(f.qualified) in (None, "", [])
    ]
    assert missing == [], f"mapped, counted as imported, and stored empty: {missing}"
    notes = [a.note for a in actions.list_actions(db, stored["receipt_no"])]
    assert any(written["outcome"] in note for note in notes)
    assert stored["follow_up_due"] == DUE.isoformat()


def test_a_field_that_the_catalogue_gains_is_in_the_ledger_above():
    """The ledger above takes its columns from the catalogue, not from a list of its own."""
    assert {f.qualified for f in TARGET_FIELDS} >= {
        f.qualified for f in fields.INQUIRY_FIELDS if not f.system
    }
