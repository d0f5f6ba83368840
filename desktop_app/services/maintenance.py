"""Backup, restore and the consistency check that IT staff run.

Backups use SQLite's online backup API, so a backup taken while a clerk is saving is still a
consistent file. Restore first backs up the file it replaces, so a restore can be undone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Integer, cast, func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from db import migrate
from db.backup import backup_to, copy_file, integrity_problems
from db.engine import Database
from db.models import Inquiry, ReceiptCounter
from desktop_app.domain.errors import UserError
from desktop_app.services.setup import office_of


@dataclass(frozen=True)
class BackupReport:
    path: Path
    bytes: int


@dataclass(frozen=True)
class CheckReport:
    path: Path
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def backup(db: Database, to_dir: Path) -> BackupReport:
    if to_dir.exists() and not to_dir.is_dir():
        raise UserError("backup_target_invalid", path=to_dir)
    to_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = to_dir / f"{db.path.stem}-{stamp}{db.path.suffix or '.sqlite3'}"
    backup_to(db.engine, target)
    return BackupReport(path=target, bytes=target.stat().st_size)


def restore(db_path: Path, source: Path) -> BackupReport:
    """Replace the database at `db_path` with the backup `source` (checked first)."""
    if not source.is_file():
        raise UserError("file_not_found", path=source)
    _check_backup_file(source)
    db_path.parent.mkdir(parents=True, exist_ok=True)  # a new PC: restore is how it starts
    if db_path.exists():
        safety = db_path.with_name(
            f"{db_path.stem}.before-restore-{dt.datetime.now():%Y%m%d-%H%M%S}{db_path.suffix}"
        )
        copy_file(db_path, safety)
    copy_file(source, db_path)
    return BackupReport(path=db_path, bytes=db_path.stat().st_size)


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


def _check_backup_file(source: Path) -> None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as conn:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            status = conn.execute("PRAGMA quick_check").fetchone()[0]
        conn.close()
    except sqlite3.DatabaseError as exc:
        raise UserError("restore_not_database", path=source, detail=str(exc)) from exc
    if not {"alembic_version", "inquiry", "setting"} <= tables:
        raise UserError("restore_not_database", path=source, detail="tables missing")
    if status != "ok":
        raise UserError("restore_not_database", path=source, detail=status)
