"""Importing a hand-kept ledger (相談受付簿) as inquiries of this office (docs/ledger-import.md).

    report = import_ledger(db, actor, path, profile=profile, dry_run=True)

reads the file (excel/ledger_reader.py), finds its header row and columns
(domain/ledger_columns.py), reads every row (domain/ledger_rows.py) and checks it against what
the database holds (services/ledger_match.py); then, unless it is a dry run, writes the rows
that read well, were not imported before and repeat no inquiry at the desk (unless
`add_duplicates`) in one transaction through the one writer's bulk path. Each inquiry records
the ledger's file name, sheet and row as its `source` and the row's content key as its
`source_key`. A refused file raises UserError and changes nothing; so does a dry run.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import bulk
from db.engine import Database, ensure_statistics
from db.models import AgreementBody, Inquiry, Municipality, VocabTerm
from desktop_app.domain import fields, ledger_rows
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.ledger_columns import Column, Layout, find_layout
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.ledger_rows import LedgerRow, Problem, ReadResult
from desktop_app.domain.ledger_values import Vocabulary, cell_text
from desktop_app.domain.local_time import local_today, utc_of_local
from desktop_app.domain.messages import render
from desktop_app.excel.ledger_reader import LedgerBook, open_ledger
from desktop_app.services import backups, collector, ledger_match, output_files
from desktop_app.services.setup import require_office

EXIT_OK, EXIT_REFUSED, EXIT_ATTENTION = 0, 2, 3
_SAMPLES = 3
# As for sync imports: rebuilding the indexes once beats feeding them row by row from about a
# twentieth of the inquiries already stored.
_BULK_MIN_ROWS = 1_000
_BULK_SHARE = 20
_CLOSED_AT_NOON = dt.time(12)
_NOTE_KIND = "note"  # メモ, of the action_kind vocabulary
# The inquiry's fields a person fills (not the program's own), in the catalogue's order.
_PERSON_FILLED = tuple(f.key for f in fields.INQUIRY_FIELDS if not f.system)


@dataclass
class LedgerReport:
    """What a ledger import did, or would do in a dry run; every count is of rows."""

    file: str
    kind: str
    sheet: str
    sheets: tuple[str, ...]
    layout: Layout
    samples: dict[int, list[str]]
    read: ReadResult
    dry_run: bool
    already_imported: int = 0
    duplicates: dict[int, str] = field(default_factory=dict)
    # Rows whose inquirer only doubtfully is a known one (the same reading, another name):
    # held back like duplicates, never attached (row -> that inquirer's newest receipt).
    doubtful: dict[int, str] = field(default_factory=dict)
    duplicates_added: bool = False
    imported: int = 0
    receipts: tuple[str, str] | None = None

    @property
    def rows(self) -> int:
        return self.read.data_rows

    @property
    def skipped(self) -> int:
        return self.read.blank + self.read.totals

    @property
    def rejected(self) -> list[Problem]:
        return self.read.rejected

    @property
    def exit_code(self) -> int:
        """0 every row in (or in before), 3 rows left for a person, 2 nothing usable."""
        if self.rows and not self.read.rows:
            return EXIT_REFUSED
        held = (self.duplicates or self.doubtful) and not self.duplicates_added
        attention = self.read.rejected or self.read.unplaced or self.read.kept or held
        return EXIT_ATTENTION if attention else EXIT_OK

    def headers(self) -> list[str]:
        return [column.header for column in self.layout.columns]

    def summary(self, lang: str = "ja") -> str:
        """One line of counts, as the CLI prints it and the wizard shows it."""
        return render(
            "ledger_summary",
            lang,
            file=self.file,
            sheet=self.sheet,
            header_row=self.layout.header_row + 1,
            rows=self.rows,
            imported=self.imported,
            already=self.already_imported,
            # Rows held back for a person: repeated inquiries and doubtful inquirers alike.
            duplicates=len(self.duplicates) + len(self.doubtful),
            rejected=len(self.read.rejected_cells),
            skipped=self.skipped,
        )

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "header_row": self.layout.header_row + 1,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "imported": self.imported,
            "skipped": self.skipped,
            "blank": self.read.blank,
            "totals": self.read.totals,
            "already_imported": self.already_imported,
            "duplicates": len(self.duplicates),
            "duplicate_rows": [
                {"row": row, "receipt_no": receipt}
                for row, receipt in sorted(self.duplicates.items())
            ],
            "doubtful_inquirer_rows": [
                {"row": row, "receipt_no": receipt}
                for row, receipt in sorted(self.doubtful.items())
            ],
            "rejected": [problem.to_json(lang) for problem in self.read.rejected],
            "unplaced": [problem.to_json(lang) for problem in self.read.unplaced],
            "kept_in_notes": [problem.to_json(lang) for problem in self.read.kept],
            "columns": [_column_json(column) for column in self.layout.columns],
            "receipts": list(self.receipts) if self.receipts else [],
        }


def _column_json(column: Column) -> dict[str, Any]:
    return {"column": column.letter, "header": column.header, "field": column.target}


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
    book = open_ledger(path)
    with db.read() as session:
        require_office(session)
        name, rows, layout = _choose_sheet(book, sheet, chosen)
        vocabularies = _vocabularies(session, ledger_rows.vocabularies_of(layout))
    read = ledger_rows.read_rows(
        rows, layout, profile=chosen, vocabularies=vocabularies, today=today or local_today()
    )
    if not read.data_rows:
        raise UserError("ledger_no_rows", path=book.file, sheet=name)
    report = LedgerReport(
        file=book.file,
        kind=book.kind,
        sheet=name,
        sheets=book.sheets,
        layout=layout,
        samples=_samples(rows, layout),
        read=read,
        dry_run=dry_run,
        duplicates_added=add_duplicates,
    )
    if not dry_run:
        backups.backup_before(db, "before-ledger-import")
    with db.read() if dry_run else db.write() as session:
        already = ledger_match.imported_keys(session, (row.content_key for row in read.rows))
        fresh = [row for row in read.rows if row.content_key not in already]
        report.already_imported = len(read.rows) - len(fresh)
        report.duplicates = ledger_match.duplicates(session, fresh)
        # One resolver for both passes: the known inquirers any fresh row may be are looked
        # up once, held back or not (`add_duplicates` imports the held-back rows too).
        resolver = ledger_match.InquirerResolver(session, fresh)
        report.doubtful = ledger_match.doubtful(
            session, [r for r in fresh if r.row not in report.duplicates], resolver
        )
        held = report.duplicates.keys() | report.doubtful.keys()
        wanted = [r for r in fresh if add_duplicates or r.row not in held]
        report.imported = len(wanted)
        if wanted and not dry_run:
            office = require_office(session)
            source = f"{book.file} / {name}"
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


def _choose_sheet(
    book: LedgerBook, sheet: str | None, profile: Profile
) -> tuple[str, list[list[Any]], Layout]:
    """The sheet asked for, or the first whose header row can be found."""
    for name in (sheet,) if sheet else book.sheets:
        rows = book.rows(name)
        layout = find_layout(rows, profile.columns)
        if layout is not None:
            return name, rows, layout
    raise UserError("ledger_no_header", path=book.file, sheet=sheet or "、".join(book.sheets))


def _samples(rows: Sequence[Sequence[Any]], layout: Layout) -> dict[int, list[str]]:
    """The first few values of each column, looked for column by column (a column left empty
    is scanned alone, its neighbours stop at their third value)."""
    body = rows[layout.header_row + 1 :]
    samples: dict[int, list[str]] = {}
    for column in layout.columns:
        at = column.index
        written = (cell_text(row[at]) for row in body if at < len(row) and row[at] != "")
        samples[at] = list(islice(filter(None, written), _SAMPLES))
    return samples


def _vocabularies(session: Session, wanted: Collection[str]) -> dict[str, Vocabulary]:
    """The vocabularies a ledger's values are placed in (those of its columns, `wanted`: the
    municipalities' two thousand names are folded only for a ledger that names any), with
    the names their codes go by."""
    grouped: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    terms = session.execute(
        select(VocabTerm.vocab, VocabTerm.code, VocabTerm.label_ja, VocabTerm.label_en)
        .where(VocabTerm.active.is_(True), VocabTerm.vocab.in_(wanted))
        .order_by(VocabTerm.vocab, VocabTerm.sort_order)
    )
    for vocab, code, ja, en in terms:
        grouped.setdefault(vocab, []).append((code, (ja, en)))
    vocabularies = {vocab: Vocabulary.of(vocab, items) for vocab, items in grouped.items()}
    if "municipality" in wanted:
        vocabularies["municipality"] = Vocabulary.of("municipality", _municipality_names(session))
    if "agreement_body" in wanted:
        bodies = session.execute(select(AgreementBody.code, AgreementBody.name))
        vocabularies["agreement_body"] = Vocabulary.of(
            "agreement_body", [(code, (name,)) for code, name in bodies]
        )
    return vocabularies


def _municipality_names(session: Session) -> list[tuple[str, tuple[str, ...]]]:
    """北海道釧路市 and, where no other current municipality shares it, 釧路市."""
    rows = list(
        session.execute(
            select(Municipality.code, Municipality.prefecture, Municipality.name, Municipality.kind)
            .where(Municipality.retired_on.is_(None))
            .order_by(Municipality.code)
        )
    )
    counts: dict[str, int] = {}
    for _, _, name, _ in rows:
        counts[name] = counts.get(name, 0) + 1
    named: list[tuple[str, tuple[str, ...]]] = []
    for code, prefecture, name, kind in rows:
        full = name if kind == "prefecture" else prefecture + name
        named.append((code, (full, name) if counts[name] == 1 else (full,)))
    return named


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
    for row in rows:
        inquirer_id, fresh = resolver.resolve(row.inquirer)
        if fresh:
            new.inquirers.append({**row.inquirer, "id": inquirer_id})
        inquiry = _inquiry_values(row, inquirer_id, office, source, login, closing)
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
        "id": str(uuid.uuid4()),
        "office": office,
        "staff": values["staff"] or login,
        "inquirer": inquirer_id,
        "closed_at": closing[closed] if closed is not None else None,
        "source": f"{source} / 行 {row.row}{number}",
        "source_key": row.content_key,
    }
