"""The consistency check that IT staff run, and that the window runs at start.

Busy is not damaged (DESIGN.md, "Safety rules"). `check` says which of these a file is:

- ok;
- busy: another program holds a write transaction past the busy timeout (the file is fine; wait
  or close the other program);
- read-only: the file or its folder cannot be written (permissions, a write-protected medium);
- damaged: `PRAGMA integrity_check` fails or the file does not open as a database at all;
- inconsistent: the file reads and passes the integrity check, but the program's own rules about
  its data do not hold (schema not current, a foreign key, the search index, this office's
  receipt counter).

Only damage names a backup to restore: restoring over a busy, read-only or inconsistent file
would throw away good records for nothing. Backups and restores live in services/backups.py
and services/restore.py. Receipt counters are checked for this database's own office only:
other offices' numbers are issued at their own desks, and their rows arriving in packages are
not counted here (issue 17, defect 10).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Integer, cast, func, select, text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from db import migrate
from db.backup import file_problems, integrity_problems
from db.engine import BUSY_TIMEOUT_MS, Database
from db.models import Inquiry, ReceiptCounter
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render
from desktop_app.services import audit_chain
from desktop_app.services.backups import BackupFile, folder_for_file
from desktop_app.services.database import Upgrade, connect
from desktop_app.services.restore import newest_good_backup
from desktop_app.services.setup import office_of


class CheckState(StrEnum):
    OK = "ok"
    BUSY = "busy"
    READ_ONLY = "read_only"
    DAMAGED = "damaged"
    INCONSISTENT = "inconsistent"


@dataclass(frozen=True)
class CheckReport:
    path: Path
    problems: tuple[str, ...]
    # Filled for a damaged file only: what to restore (None when no good backup was found).
    newest_good: BackupFile | None = None
    # Why the file could not be opened at all (its one problem), to be shown in any language.
    unreadable: UserError | None = None
    state: CheckState = CheckState.OK

    @property
    def ok(self) -> bool:
        return self.state is CheckState.OK

    @property
    def damaged(self) -> bool:
        return self.state is CheckState.DAMAGED

    @property
    def signs_in(self) -> bool:
        """A sound or merely inconsistent file signs the person in like every command. A
        damaged one cannot say who may, and a busy or read-only one cannot record a sign-in:
        the check then tells no more than the state (and, for damage only, which backup)."""
        return self.state in (CheckState.OK, CheckState.INCONSISTENT)

    def shown_problems(self, lang: str) -> tuple[str, ...]:
        """The problems a person reads below the headline: why the file did not open, or the
        findings; none for a busy or read-only file (the headline says it all)."""
        if self.unreadable is not None:
            return (self.unreadable.message(lang),)
        if self.state in (CheckState.BUSY, CheckState.READ_ONLY):
            return ()
        return self.problems

    def headline(self, lang: str) -> str:
        """One line per state; only damage advises a restore (`advice`)."""
        path, count = self.path, len(self.problems)
        if self.state is CheckState.BUSY:
            return render("check_busy", lang, path=path, seconds=BUSY_TIMEOUT_MS // 1000)
        if self.state is CheckState.READ_ONLY:
            detail = self.problems[0] if self.problems else ""
            return render("check_read_only", lang, path=path, detail=detail)
        if self.state is CheckState.DAMAGED:
            return render("check_problems", lang, path=path, count=count)
        if self.state is CheckState.INCONSISTENT:
            return render("check_inconsistent", lang, path=path, count=count)
        return render("check_ok", lang, path=path)

    def advice(self, lang: str) -> str | None:
        """For damage only: the newest good backup to restore, or where none was found."""
        if not self.damaged:
            return None
        newest = self.newest_good
        if newest is None:
            return render("check_no_backup", lang, folder=folder_for_file(self.path))
        taken = f"{newest.taken_at:%Y/%m/%d %H:%M}"
        return render("check_newest_backup", lang, path=newest.path, taken=taken)


def check_file(
    path: Path,
    on_upgrade: Callable[[Upgrade], None] | None = None,
    *,
    busy_timeout_s: float = BUSY_TIMEOUT_MS / 1000,
) -> CheckReport:
    """`check` of the database at `path`, which may be busy, read-only or too damaged to open;
    only a damaged one's report names the newest good backup. A writable file that is not busy
    is opened as every command opens it: an older one is upgraded (`on_upgrade` is told)."""
    access = _access(path, busy_timeout_s)
    if access is not None:
        state, detail = access
        damage = file_problems(path)  # read-only, so it runs beside the other writer too
        if damage:
            return _damaged(path, tuple(damage))
        return CheckReport(path=path, problems=(detail,), state=state)
    try:
        db = connect(path, on_upgrade=on_upgrade)
    except UserError as refused:
        if refused.code != "database_unreadable":
            raise
        return _damaged(path, (refused.message("en"),), unreadable=refused)
    try:
        report = check(db)
    finally:
        db.dispose()
    return _damaged(path, report.problems) if report.damaged else report


def check(db: Database) -> CheckReport:
    """SQLite's integrity check (its failure is damage) plus the program's own rules about its
    data (their failure is an inconsistency in a readable file)."""
    try:
        problems = list(integrity_problems(db.engine))
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        # A page so damaged that the check itself cannot read it is a finding, not a crash.
        original = getattr(exc, "orig", None) or exc
        problems = [f"integrity check failed: {original}"]
    if problems:
        return CheckReport(path=db.path, problems=tuple(problems), state=CheckState.DAMAGED)
    problems = _consistency_problems(db)
    state = CheckState.INCONSISTENT if problems else CheckState.OK
    return CheckReport(path=db.path, problems=tuple(problems), state=state)


def _damaged(
    path: Path, problems: tuple[str, ...], *, unreadable: UserError | None = None
) -> CheckReport:
    return CheckReport(
        path=path,
        problems=problems,
        newest_good=newest_good_backup(path),
        unreadable=unreadable,
        state=CheckState.DAMAGED,
    )


_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 5, 6, 8


def _access(path: Path, timeout_s: float) -> tuple[CheckState, str] | None:
    """BUSY or READ_ONLY with what SQLite said, when a write transaction cannot begin; None
    when it can (or when the file is no database: the ordinary open then says so)."""
    try:
        conn = sqlite3.connect(path, timeout=timeout_s, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        conn.execute("PRAGMA schema_version").fetchone()
        conn.execute("BEGIN IMMEDIATE")
        # A write that changes nothing and is rolled back: a file SQLite opened read-only
        # (permissions, a write-protected medium) refuses it, BEGIN alone does not.
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        conn.execute(f"PRAGMA user_version = {version}")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
            return CheckState.BUSY, f"database is busy: {exc}"
        if code == _SQLITE_READONLY:
            return CheckState.READ_ONLY, f"database is read-only: {exc}"
        return None
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return None


def _consistency_problems(db: Database) -> list[str]:
    problems: list[str] = []
    if migrate.current_revision(db.engine) != migrate.head_revision():
        problems.append("schema is not at the newest revision")
    office = office_of(db)
    if office is None:
        problems.append("office is not set (run init)")
    with db.read() as session:
        for row in session.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"foreign key: {row[0]} row {row[1]} -> {row[2]}")
        inquiries = session.scalar(select(func.count()).select_from(Inquiry)) or 0
        # db.search_index's two texts of each inquiry: its own, its inquirer's
        for texts, what in (("search_text", ""), ("inquirer_search_text", "the inquirer of ")):
            indexed = session.scalar(text(f"SELECT count(*) FROM {texts}")) or 0
            if inquiries != indexed:
                problems.append(f"search index holds {what}{indexed} of {inquiries} inquiries")
        problems += _receipt_counter_problems(session, office)
    problems += audit_chain.chain_problems(db)
    return problems


def _receipt_counter_problems(session: Session, own: str | None) -> list[str]:
    """This office's counter of every year must be at or past the highest number it issued.

    Only `own`: another office's numbers are issued by that office's counter; its rows come
    here in packages and this database never issues a number of its series.

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
        if office == own and counters.get((office, year), 0) < last
    ]
