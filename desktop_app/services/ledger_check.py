"""Checking a hand-kept ledger against the database without writing: what a dry run reports,
and the first half of every import (docs/ledger-import.md).

    opened = open_sheet(path, sheet, profile)          # the file, its sheet and its header row
    report = read_sheet(opened, profile, vocabularies(conn, opened.layout), today=today)
    wanted, resolver = match(conn, report, add_duplicates=False)

Nothing here imports SQLAlchemy: the reads are the compiled statements of
services/light_sql.py (services/light_run.py), run on the sqlite3 connection under the
import's session, or on the command line's light connection (`check_ledger`), so that
`import-ledger --dry-run` answers without loading the database layer, with the same checks,
refusals and messages. services/ledger_import.py writes what a check found good.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.domain import ledger_rows
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.ledger_columns import Column, Layout, find_layout
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.ledger_rows import LedgerRow, Problem, ReadResult
from desktop_app.domain.ledger_values import Vocabulary, cell_text
from desktop_app.domain.local_time import local_today
from desktop_app.domain.messages import render
from desktop_app.excel.ledger_reader import LedgerBook, open_ledger
from desktop_app.services import collector, ledger_match, light_run
from desktop_app.services.light_run import connection_of, run

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXIT_OK, EXIT_REFUSED, EXIT_ATTENTION = 0, 2, 3
_SAMPLES = 3


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


@dataclass(frozen=True)
class OpenedSheet:
    """The ledger file, the sheet chosen and its rows under the header row found."""

    book: LedgerBook
    name: str
    rows: list[list[Any]]
    layout: Layout


def open_sheet(path: Path, sheet: str | None, profile: Profile) -> OpenedSheet:
    """The sheet asked for, or the first whose header row can be found; the file checked
    (excel/ledger_reader.py) and refused with a message naming it."""
    book = open_ledger(path)
    for name in (sheet,) if sheet else book.sheets:
        rows = book.rows(name)
        layout = find_layout(rows, profile.columns)
        if layout is not None:
            return OpenedSheet(book, name, rows, layout)
    raise UserError("ledger_no_header", path=book.file, sheet=sheet or "、".join(book.sheets))


def read_sheet(
    opened: OpenedSheet,
    profile: Profile,
    vocabularies: dict[str, Vocabulary],
    *,
    dry_run: bool,
    add_duplicates: bool,
    today: dt.date,
) -> LedgerReport:
    """Every row of the sheet read (domain/ledger_rows.py) into a report of nothing matched
    yet; a sheet without one data row is refused."""
    book, name, rows, layout = opened.book, opened.name, opened.rows, opened.layout
    read = ledger_rows.read_rows(
        rows, layout, profile=profile, vocabularies=vocabularies, today=today
    )
    if not read.data_rows:
        raise UserError("ledger_no_rows", path=book.file, sheet=name)
    return LedgerReport(
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


def match(
    source: Session | sqlite3.Connection, report: LedgerReport
) -> tuple[list[LedgerRow], ledger_match.InquirerResolver]:
    """The rows to import (not imported before, and not held back for a person unless the
    report adds duplicates), with the report's counts set; and the resolver that knows the
    inquirers they may be, for the writer."""
    conn = connection_of(source)
    read = report.read
    already = ledger_match.imported_keys(conn, (row.content_key for row in read.rows))
    fresh = [row for row in read.rows if row.content_key not in already]
    report.already_imported = len(read.rows) - len(fresh)
    report.duplicates = ledger_match.duplicates(conn, fresh)
    # One resolver for both passes: the known inquirers any fresh row may be are looked
    # up once, held back or not (`add_duplicates` imports the held-back rows too).
    resolver = ledger_match.InquirerResolver(conn, fresh)
    report.doubtful = ledger_match.doubtful(
        conn, [r for r in fresh if r.row not in report.duplicates], resolver
    )
    held = report.duplicates.keys() | report.doubtful.keys()
    wanted = [r for r in fresh if report.duplicates_added or r.row not in held]
    report.imported = len(wanted)
    return wanted, resolver


def check_ledger(
    conn: sqlite3.Connection,
    actor: Actor,
    path: Path,
    *,
    sheet: str | None = None,
    profile: Profile | None = None,
    add_duplicates: bool = False,
    today: dt.date | None = None,
    opening: Callable[[], OpenedSheet] | None = None,
) -> LedgerReport:
    """A dry run on a plain connection to an initialised database (the command line's light
    path, db/light.py): what `ledger_import.import_ledger(..., dry_run=True)` reports, read
    in the same two read transactions, writing nothing. `opening`: the outcome of opening
    `path`'s sheet (`open_sheet`, the sheet or its refusal raised) when it was opened before
    (the command line opens it while the sign-in's password is verified, cli/ledger.py)."""
    actor.require(Permission.EXCHANGE)
    chosen = profile or Profile()
    with collector.paused():  # as import_ledger: a ledger's rows free nothing while read
        opened = opening() if opening else open_sheet(path, sheet, chosen)
        with light_run.reading(conn):
            found = vocabularies(conn, ledger_rows.vocabularies_of(opened.layout))
        report = read_sheet(
            opened, chosen, found, dry_run=True, add_duplicates=add_duplicates,
            today=today or local_today(),
        )  # fmt: skip
        with light_run.reading(conn):
            match(conn, report)
    return report


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


def vocabularies(
    source: Session | sqlite3.Connection, wanted: Collection[str]
) -> dict[str, Vocabulary]:
    """The vocabularies a ledger's values are placed in (those of its columns, `wanted`: the
    municipalities' two thousand names are folded only for a ledger that names any), with
    the names their codes go by."""
    conn = connection_of(source)
    grouped: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    terms = run(conn, "ledger_terms", keys=json.dumps(sorted(wanted)))
    for vocab, code, ja, en in terms:
        grouped.setdefault(vocab, []).append((code, (ja, en)))
    found = {vocab: Vocabulary.of(vocab, items) for vocab, items in grouped.items()}
    if "municipality" in wanted:
        found["municipality"] = Vocabulary.of("municipality", _municipality_names(conn))
    if "agreement_body" in wanted:
        bodies = run(conn, "ledger_bodies")
        found["agreement_body"] = Vocabulary.of(
            "agreement_body", [(code, (name,)) for code, name in bodies]
        )
    return found


def _municipality_names(conn: sqlite3.Connection) -> list[tuple[str, tuple[str, ...]]]:
    """北海道釧路市 and, where no other current municipality shares it, 釧路市."""
    rows = run(conn, "ledger_municipalities").fetchall()
    counts: dict[str, int] = {}
    for _, _, name, _ in rows:
        counts[name] = counts.get(name, 0) + 1
    named: list[tuple[str, tuple[str, ...]]] = []
    for code, prefecture, name, kind in rows:
        full = name if kind == "prefecture" else prefecture + name
        named.append((code, (full, name) if counts[name] == 1 else (full,)))
    return named
