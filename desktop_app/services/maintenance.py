"""The consistency check that IT staff run, and that the window runs at start.

Backups and restores live in services/backups.py and services/restore.py; a check that finds
damage names the newest good backup, so the person is told what to restore.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Integer, cast, func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from db import migrate
from db.backup import integrity_problems
from db.engine import Database
from db.models import Inquiry, ReceiptCounter
from desktop_app.domain.errors import UserError
from desktop_app.services import audit_chain
from desktop_app.services.backups import BackupFile
from desktop_app.services.database import Upgrade, connect
from desktop_app.services.restore import newest_good_backup
from desktop_app.services.setup import office_of


@dataclass(frozen=True)
class CheckReport:
    path: Path
    problems: tuple[str, ...]
    # Filled when there are problems: what to restore (None when no good backup was found).
    newest_good: BackupFile | None = None
    # Why the file could not be opened at all (its one problem), to be shown in any language.
    unreadable: UserError | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def check_file(path: Path, on_upgrade: Callable[[Upgrade], None] | None = None) -> CheckReport:
    """`check` of the database at `path`, which may be too damaged to open; a damaged one's
    report names the newest good backup. An older file is upgraded on open (`on_upgrade` is
    told, as for every open)."""
    unreadable = None
    try:
        db = connect(path, on_upgrade=on_upgrade)
    except UserError as refused:
        if refused.code != "database_unreadable":
            raise
        unreadable = refused
        problems: tuple[str, ...] = (refused.message("en"),)
    else:
        try:
            problems = check(db).problems
        finally:
            db.dispose()
    newest = newest_good_backup(path) if problems else None
    return CheckReport(path=path, problems=problems, newest_good=newest, unreadable=unreadable)


def check(db: Database) -> CheckReport:
    """SQLite's integrity check plus the program's own rules about its data."""
    try:
        problems = list(integrity_problems(db.engine))
        if not problems:
            problems += _consistency_problems(db)
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        # A page so damaged that the check itself cannot read it is a finding, not a crash.
        original = getattr(exc, "orig", None) or exc
        problems = [f"integrity check failed: {original}"]
    return CheckReport(path=db.path, problems=tuple(problems))


def _consistency_problems(db: Database) -> list[str]:
    problems: list[str] = []
    if migrate.current_revision(db.engine) != migrate.head_revision():
        problems.append("schema is not at the newest revision")
    if office_of(db) is None:
        problems.append("office is not set (run init)")
    with db.read() as session:
        for row in session.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"foreign key: {row[0]} row {row[1]} -> {row[2]}")
        inquiries = session.scalar(select(func.count()).select_from(Inquiry)) or 0
        indexed = session.scalar(text("SELECT count(*) FROM search_text")) or 0
        if inquiries != indexed:
            problems.append(f"search index holds {indexed} of {inquiries} inquiries")
        problems += _receipt_counter_problems(session)
    problems += audit_chain.chain_problems(db)
    return problems


def _receipt_counter_problems(session: Session) -> list[str]:
    """Every office/year counter must be at or past the highest number issued.

    Sequences are compared as numbers: SHIBA-2026-100000 is past SHIBA-2026-99999 though it
    sorts before it as text. A receipt is OFFICE-FY-SEQ; office codes hold no hyphen.
    """
    dash = func.instr(Inquiry.receipt_no, "-")
    office = func.substr(Inquiry.receipt_no, 1, dash - 1)
    year = cast(func.substr(Inquiry.receipt_no, dash + 1, 4), Integer)
    seq = cast(func.substr(Inquiry.receipt_no, dash + 6), Integer)
    highest = session.execute(select(office, year, func.max(seq)).group_by(office, year))
    counters = {
        (row.office_code, row.fiscal_year): row.last
        for row in session.scalars(select(ReceiptCounter))
    }
    return [
        f"receipt counter {office} {year} is below {last}"
        for office, year, last in highest
        if counters.get((office, year), 0) < last
    ]
