"""Shared fixtures: real SQLite files in tmp_path, set up as the SHIBA branch office.

`init` loads about 2,000 master rows; doing that once per session and copying the file per test
keeps the suite fast while every test still gets its own real database file.
"""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

# Widgets are real but headless: no display is needed to run the suite (set before Qt loads).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every command signs in: as `admin` (the default user), whom `init` creates with this password.
# Child processes (the end-to-end tests) inherit it too.
os.environ["RENKEI_DESK_PASSWORD"] = "madoguchi-2026"
os.environ.pop("RENKEI_DESK_USER", None)
os.environ.pop("RENKEI_DESK_NEW_PASSWORD", None)

from argon2 import PasswordHasher, profiles

from db.engine import Database
from desktop_app.services import database, setup, staff

ADMIN_PASSWORD = os.environ["RENKEI_DESK_PASSWORD"]


@pytest.fixture(autouse=True)
def _own_user_data(monkeypatch, tmp_path_factory):
    """Each test its own user data folder (drafts, the error log), never the developer's: a
    window closed with a form half typed keeps a draft, which the next test's form would
    offer back."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("user-data")))


# The record of the CLI contract, verbatim.
SAMPLE_INQUIRY: dict[str, Any] = {
    "received_at": "2026-09-14",
    "channel": "phone",
    "subject": "防災訓練への参加自治体を探している",
    "content": "町会の防災訓練に連携自治体の職員を招きたい。",
    "relationship": "resident_resident",
    "step": "1_inform",
    "domain": "D",
    "fields": ["disaster"],
    "forms": ["cooperation"],
    "municipalities": ["192015"],
    "agreement_bodies": [],
    "status": "received",
    "follow_up_due": "2026-09-30",
    "outcome": None,
    "inquirer": {
        "type": "neighborhood",
        "organization": "高輪一丁目町会",
        "name": "鈴木 一郎",
        "kana": "スズキ イチロウ",
        "phone": "03-5555-0101",
        "email": None,
        "postal_code": "108-0074",
        "address": "港区高輪1-1-1",
        "corporate_number": None,
    },
}

# What "nothing was written" compares: row counts of these tables and the highest rev.
WATCHED_TABLES = ("inquiry", "inquirer", "action", "audit_log", "receipt_counter", "setting")


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database file initialised for SHIBA, made once; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "SHIBA")
    staff.create_first_admin(db, ADMIN_PASSWORD)
    db.dispose()
    cheap_admin_hash(path)
    # The last connection closed checkpoints the WAL: the main file alone is the database.
    assert not path.with_name(path.name + "-wal").exists()
    return path


def cheap_admin_hash(path: Path) -> None:  # and an empty audit log
    """The template's admin hash made with argon2's cheapest parameters: a hash verifies with
    the parameters written in it, so the hundreds of commands the suite runs each sign in in
    microseconds instead of 30 ms. The real parameters are tested in tests/services/test_staff."""
    cheap = PasswordHasher.from_parameters(profiles.CHEAPEST).hash(ADMIN_PASSWORD)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE staff SET password_hash = ? WHERE login = 'admin'", (cheap,))
        _cheap_account_key(conn)
        # The template starts with an empty audit log, as the tests of the log expect; the
        # program's append-only triggers are set aside for this one test-only clearing.
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        ).fetchall()
        for name, _ in triggers:
            conn.execute(f'DROP TRIGGER "{name}"')
        conn.execute("DELETE FROM audit_log")
        for _, sql in triggers:
            conn.execute(sql)
    conn.close()


def _cheap_account_key(conn: sqlite3.Connection) -> None:
    """The admin's account key (services/package_key.py) relocked at argon2's cheapest cost,
    for the same reason as the hash."""
    from desktop_app.domain import sealing

    row = conn.execute("SELECT value FROM setting WHERE key = 'account_key:admin'").fetchone()
    if row is None:
        return
    cheap = sealing.KdfParams(memory_kib=8, time_cost=1)
    key = sealing.relock(sealing.LockedKey.from_json(row[0]), ADMIN_PASSWORD, cheap)
    conn.execute("UPDATE setting SET value = ? WHERE key = 'account_key:admin'", (key.to_json(),))


@pytest.fixture
def db_path(tmp_path: Path, template_db: Path) -> Path:
    """A SHIBA desk database file of this test's own (a copy of the session template)."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    return path


@pytest.fixture
def new_db_path(tmp_path: Path) -> Path:
    """Where a database does not exist yet (for `init`)."""
    return tmp_path / "new" / "desk.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    """The opened SHIBA database (services.database.connect on the copied file)."""
    opened = database.connect(db_path)
    assert setup.office_of(opened) == "SHIBA"
    yield opened
    opened.dispose()


@pytest.fixture(scope="session")
def contract_example() -> dict[str, Any]:
    """The issue's example record (read-only: take `sample_inquiry` to modify one)."""
    return copy.deepcopy(SAMPLE_INQUIRY)


@pytest.fixture
def sample_inquiry(contract_example: dict[str, Any]) -> dict[str, Any]:
    """A fresh deep copy of the contract example, free to modify."""
    return copy.deepcopy(contract_example)


def not_signing_in(table: str) -> str:
    """Every command signs in and the sign-in is audited, as is a refused permission: a refused
    command still did that, and changed nothing else. The WHERE that leaves those entries out
    of a comparison."""
    return " WHERE action NOT IN ('sign_in', 'denied')" if table == "audit_log" else ""


def table_snapshot(path: Path) -> dict[str, Any]:
    """Row counts of the watched tables and the highest rev of any synced row."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        counts: dict[str, Any] = {
            table: conn.execute(f"SELECT count(*) FROM {table}{not_signing_in(table)}").fetchone()[
                0
            ]
            for table in WATCHED_TABLES
        }
        counts["max_rev"] = conn.execute(
            "SELECT max(r) FROM (SELECT max(rev) r FROM inquiry UNION ALL "
            "SELECT max(rev) FROM inquirer UNION ALL SELECT max(rev) FROM action)"
        ).fetchone()[0]
        counts["max_updated_at"] = conn.execute(
            "SELECT max(u) FROM (SELECT max(updated_at) u FROM inquiry UNION ALL "
            "SELECT max(updated_at) FROM inquirer UNION ALL SELECT max(updated_at) FROM action)"
        ).fetchone()[0]
    conn.close()
    return counts


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, Any]]:
    """`snapshot(path)` before and after a refused call: the two must be equal."""
    return table_snapshot
