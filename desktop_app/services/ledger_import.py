"""Importing a hand-kept ledger (相談受付簿) as inquiries of this office (docs/ledger-import.md).

    report = import_ledger(db, actor, path, profile=profile, dry_run=True)

reads the file (excel/ledger_reader.py), finds its header row and columns
(domain/ledger_columns.py), reads every row (domain/ledger_rows.py) and checks it against what
the database holds (services/ledger_check.py, ledger_match.py; the dry run of the command
line runs those alone, without this module); then, unless it is a dry run, writes the rows
that read well, were not imported before and repeat no inquiry at the desk (unless
`add_duplicates`) in one transaction through the one writer's bulk path. Each inquiry records
the ledger's file name, sheet and row as its `source` and the row's content key as its
`source_key`. A refused file raises UserError and changes nothing; so does a dry run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import bulk
from db.engine import Database, ensure_statistics
from db.models import Inquiry
from desktop_app.domain import fields, ledger_rows
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.ids import random_ids
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.ledger_rows import LedgerRow
from desktop_app.domain.local_time import local_today, utc_of_local
from desktop_app.services import backups, collector, ledger_check, ledger_match, output_files
from desktop_app.services.ledger_check import LedgerReport
from desktop_app.services.setup import require_office

# LedgerReport is named here too, where the window and the tests have always found it.
__all__ = ["LedgerReport", "import_ledger", "rejects_target", "write_rejected"]

# Rebuilding the indexes (the search index's over every inquiry) once beats feeding them row by
# row only while the ledger holds about half as many rows as the inquiries already stored:
# 10,000 rows into an empty desk 0.7 s against 3.4 s, into 20,000 inquiries about even, into
# 100,000 twice as long (42-58 s against 23-27 s), measured (docs/ledger-import.md).
_BULK_MIN_ROWS = 1_000
_BULK_SHARE = 2
_CLOSED_AT_NOON = dt.time(12)
_NOTE_KIND = "note"  # メモ, of the action_kind vocabulary
# The inquiry's fields a person fills (not the program's own), in the catalogue's order.
_PERSON_FILLED = tuple(f.key for f in fields.INQUIRY_FIELDS if not f.system)


def import_ledger(
    db: Database,
    actor: Actor,
    path: Path,
    *,
    sheet: str | None = None,
    profile: Profile | None = None,
    dry_run: bool = False,
    add_duplicates: bool = False,
    today: dt.date | None = None,
) -> LedgerReport:
    """Read the ledger at `path` and (unless `dry_run`) import its good rows; see the module."""
    actor.require(Permission.EXCHANGE)
    # No cyclic collection while a ledger loads: its rows make a few objects each and free
    # none, so every collection would walk the whole ledger again (a sixth of the reading).
    with collector.paused():
        return _import(db, actor, path, sheet, profile, dry_run, add_duplicates, today)


def _import(
    db: Database,
    actor: Actor,
    path: Path,
    sheet: str | None,
    profile: Profile | None,
    dry_run: bool,
    add_duplicates: bool,
    today: dt.date | None,
) -> LedgerReport:
    chosen = profile or Profile()
    opened = ledger_check.open_sheet(path, sheet, chosen)  # a refused file, before anything
    with db.read() as session:
        require_office(session)
        vocabularies = ledger_check.vocabularies(
            session, ledger_rows.vocabularies_of(opened.layout)
        )
    report = ledger_check.read_sheet(
        opened, chosen, vocabularies, dry_run=dry_run, add_duplicates=add_duplicates,
        today=today or local_today(),
    )  # fmt: skip
    if not dry_run:
        backups.backup_before(db, "before-ledger-import")
    with db.read() if dry_run else db.write() as session:
        wanted, resolver = ledger_check.match(session, report)
        if wanted and not dry_run:
            office = require_office(session)
            source = f"{opened.book.file} / {opened.name}"
            report.receipts = _apply(session, actor, office, source, wanted, resolver)
    if report.imported >= _BULK_MIN_ROWS and not dry_run:
        ensure_statistics(db.engine, force=True)
    return report


def rejects_target(db: Database, out: Path, *, overwrite: bool = False) -> output_files.Target:
    """Where the refused rows will go, checked before the import runs (services/output_files:
    never the database or a backup, an existing file only with `overwrite`), so that a refused
    destination stops the command before anything is imported."""
    return output_files.target(db, out, overwrite=overwrite, refusal="ledger_rejects_unwritable")


def write_rejected(report: LedgerReport, out: output_files.Target) -> int:
    """The refused rows of `report` as a workbook to fix and import again; how many."""
    reasons: dict[int, list[str]] = {}
    for problem in report.read.rejected:
        where = f"{problem.column}列「{problem.header}」: " if problem.column else ""
        reasons.setdefault(problem.row, []).append(where + problem.reason("ja"))
    rows = [
        (number, cells, "\n".join(reasons.get(number, ())))
        for number, cells in sorted(report.read.rejected_cells.items())
    ]
    # openpyxl is loaded only when a workbook of refused rows is written, not by every import.
    from desktop_app.excel.ledger_rejects import write_rejects

    with output_files.writing(out) as temporary:
        write_rejects(temporary, report.headers(), rows)
    return len(rows)


def _apply(
    session: Session,
    actor: Actor,
    office: str,
    source: str,
    rows: Sequence[LedgerRow],
    resolver: ledger_match.InquirerResolver,
) -> tuple[str, str]:
    """The rows as inquiries (and their new inquirers) in the caller's transaction; `resolver`
    knows the inquirers the rows may be (and learns those this import creates)."""
    # Loaded here, by the apply alone: the writer's bulk path brings the sync sheets' code and
    # openpyxl with it, which a dry run (a person checking a ledger) need not wait for.
    from desktop_app.services import writer

    new = writer.NewRows()
    login = actor.login
    closing: dict[dt.date, dt.datetime] = {}  # each closing day's stored moment, worked out once
    ids = random_ids()
    for row in rows:
        inquirer_id, fresh = resolver.resolve(row.inquirer)
        if fresh:
            new.inquirers.append({**row.inquirer, "id": inquirer_id})
        inquiry = _inquiry_values(row, next(ids), inquirer_id, office, source, login, closing)
        new.inquiries.append(inquiry)
        if row.inquiry["note"]:
            new.actions.append(_note_action(row, inquiry))
    stored = session.scalar(select(func.count()).select_from(Inquiry)) or 0
    large = len(rows) >= _BULK_MIN_ROWS and len(rows) * _BULK_SHARE >= stored
    with bulk.indexes_set_aside(session.connection()) if large else nullcontext():
        receipts = writer.insert_many(
            session,
            new,
            staff=login,
            origin=office,
            event=writer.BulkEvent(
                action="import_ledger",
                entity="ledger",
                entity_id=source,
                field="inquiries",
                new=len(rows),
            ),  # fmt: skip
        )
    return receipts[0], receipts[-1]


def _note_action(row: LedgerRow, inquiry: dict[str, Any]) -> dict[str, Any]:
    """The row's 備考 of a case still open, as a メモ action dated the day it was received."""
    return {
        "inquiry_id": inquiry["id"],
        "action_date": row.inquiry["received_at"],
        "staff": inquiry["staff"],
        "kind": _NOTE_KIND,
        "note": row.inquiry["note"],
    }


def _inquiry_values(
    row: LedgerRow,
    inquiry_id: str,
    inquirer_id: str,
    office: str,
    source: str,
    login: str,
    closing: dict[dt.date, dt.datetime],
) -> dict[str, Any]:
    values = row.inquiry
    closed: dt.date | None = values["closed_at"]
    if closed is not None and closed not in closing:
        closing[closed] = utc_of_local(dt.datetime.combine(closed, _CLOSED_AT_NOON))
    number = f" / No. {row.ledger_no}" if row.ledger_no else ""
    # Every field a person fills that the ledger gave; the program's own (number, office, staff,
    # closing time) are set below or issued by the writer.
    read = {key: values[key] for key in _PERSON_FILLED if key in values}
    return read | {
        "id": inquiry_id,
        "office": office,
        "staff": values["staff"] or login,
        "inquirer": inquirer_id,
        "closed_at": closing[closed] if closed is not None else None,
        "source": f"{source} / 行 {row.row}{number}",
        "source_key": row.content_key,
    }
