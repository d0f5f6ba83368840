"""`inquiry list` without SQLAlchemy (services/light_list.py, issue 23): the same records, the
same output, the same refusals and the same trail as the full path, on real database files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.messages import render
from desktop_app.domain.workflow import OPEN_STATUSES, STATUSES
from desktop_app.services import (
    audit_chain,
    database,
    inquiries,
    light_list,
    light_sql_source,
    search,
)
from tests.cli.child_process import CHILD, run_child
from tests.conftest import SAMPLE_INQUIRY

ROOT = Path(__file__).resolve().parents[2]
ADMIN = Actor(login="admin", name="管理者", role=Role.ADMIN, office="SHIBA")
ROLES = {role: Actor(login="someone", name="誰か", role=role, office="SHIBA") for role in Role}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """SHIBA with 24 inquiries over four months in every open status, two of them deleted,
    with and without code lists, personal fields and follow-up dates (made once; each test
    gets a copy)."""
    db_path = tmp_path_factory.mktemp("light") / "filled.sqlite3"
    shutil.copyfile(template_db, db_path)
    db = database.connect(db_path)
    try:
        for n in range(24):
            data = json.loads(json.dumps(SAMPLE_INQUIRY))
            data["received_at"] = dt.date(2026, 6 + n % 4, 1 + n % 28).isoformat()
            data["subject"] = f"相談 {n}"
            data["fields"] = [] if n % 3 else ["disaster"]
            data["municipalities"] = [] if n % 2 else ["192015"]
            data["follow_up_due"] = None if n % 5 else "2026-10-30"
            data["inquirer"]["phone"] = None if n % 4 == 0 else f"03-5555-{n:04d}"
            data["status"] = OPEN_STATUSES[n % len(OPEN_STATUSES)]
            record = inquiries.add_inquiry(db, NewInquiry.read(data), actor=ADMIN)
            if n in (3, 10):
                inquiries.delete_inquiry(db, record.receipt_no, actor=ADMIN)
    finally:
        db.dispose()
    return db_path


@pytest.fixture
def desk(filled: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(filled, path)
    return path


def test_the_light_sql_is_compiled_from_the_services_statements():
    # Rewrite it with `python -m desktop_app.services.light_sql_source`.
    assert light_sql_source.TARGET.read_text(encoding="utf-8") == light_sql_source.render()


MONTHS = [
    None,
    (dt.date(2026, 6, 1), dt.date(2026, 6, 30)),
    (dt.date(2026, 8, 1), dt.date(2026, 8, 31)),
    (dt.date(2025, 1, 1), dt.date(2025, 1, 31)),  # none
]


STATUS_SETS = [(), OPEN_STATUSES[:1], OPEN_STATUSES[1:], STATUSES[-2:], STATUSES]


@pytest.mark.parametrize("role", list(Role), ids=str)
@pytest.mark.parametrize("month", MONTHS, ids=lambda m: m[0].isoformat() if m else "all")
@pytest.mark.parametrize("statuses", STATUS_SETS, ids=lambda s: "+".join(s) or "any")
@pytest.mark.parametrize("limit", [1, 5, 50])
def test_the_light_read_lists_what_the_full_path_lists(desk, role, month, statuses, limit):
    actor = ROLES[role]
    date_from, date_to = month or (None, None)
    db = database.connect(desk)
    try:
        flt = search.InquiryFilter(date_from=date_from, date_to=date_to, statuses=statuses)
        count, records = search.list_inquiries(db, flt, limit=limit, actor=actor)
    finally:
        db.dispose()
    reader = light_list.open_light(desk)
    assert reader is not None
    try:
        listed = reader.listing(limit, date_from, date_to, statuses, actor=actor)
    finally:
        reader.close()
    assert listed is not None
    light_count, light_records = listed

    assert light_count == count
    assert [r.to_json() for r in light_records] == [r.to_json() for r in records]
    assert light_records == records  # the same records, typed alike (dates, times, codes)


FILTERS = {
    "all": (),
    "month": ("--month", "2026-07"),
    "labels": ("--status", "受付", "--status", "In progress", "--status", "received"),
    "unknown": ("--status", "済み"),  # refused with the valid ones named
}


@pytest.mark.parametrize("as_json", [False, True], ids=["plain", "json"])
@pytest.mark.parametrize("filters", FILTERS.values(), ids=FILTERS.keys())
def test_the_command_prints_byte_for_byte_what_the_full_path_prints(
    run, desk, monkeypatch, as_json, filters
):
    args = ("--json",) * as_json + ("inquiry", "list", "--limit", "7", *filters)
    light = run(*args, db=desk)
    monkeypatch.setattr(light_list, "open_light", lambda _path: None)  # the full path
    full = run(*args, db=desk)

    assert light.code == full.code == (2 if "済み" in filters else 0), light.err + full.err
    assert (light.out, light.err) == (full.out, full.err)
    assert "相談" in light.out or filters


def _sign_ins(path: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT action, entity_id, new FROM audit_log WHERE entity = 'staff' ORDER BY pk"
        ).fetchall()
    conn.close()
    return rows


def test_the_sign_in_is_recorded_after_the_list_and_the_chain_still_holds(run, desk):
    before = _sign_ins(desk)
    listed = run("inquiry", "list", "--json", db=desk)

    assert listed.code == 0 and listed.json()["count"] == 22
    assert _sign_ins(desk) == [*before, ("sign_in", "admin", None)]
    db = database.connect(desk)
    try:
        assert audit_chain.first_broken(db) is None
    finally:
        db.dispose()


def test_a_wrong_password_is_refused_as_before_and_the_failure_counts(
    run, desk, snapshot, monkeypatch
):
    before = snapshot(desk)
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "not-the-password")
    refused = run("inquiry", "list", db=desk)

    assert refused.code == 2
    assert render("sign_in_failed", "ja", user="admin") in refused.err
    assert "相談" not in refused.out
    after = snapshot(desk)
    assert after["audit_log"] == before["audit_log"] + 1  # the failure, and nothing else
    assert {**after, "audit_log": 0} == {**before, "audit_log": 0}
    assert _sign_ins(desk)[-1] == ("sign_in_failed", "admin", "wrong password 1")

    # After a failure the full path signs in (it alone knows the slowdown) and resets it.
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", os.environ["RENKEI_DESK_PASSWORD_OK"])
    listed = run("inquiry", "list", db=desk)
    assert listed.code == 0, listed.err
    assert _sign_ins(desk)[-1] == ("sign_in", "admin", None)


@pytest.fixture(autouse=True)
def _right_password(monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PASSWORD_OK", os.environ["RENKEI_DESK_PASSWORD"])


def test_a_database_of_a_newer_program_is_refused_with_the_same_message(run, desk, snapshot):
    with sqlite3.connect(desk) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = snapshot(desk)
    refused = run("inquiry", "list", db=desk)

    assert refused.code == 2
    assert render("database_newer", "ja", revision="9999") in refused.err
    assert snapshot(desk) == before


def test_a_file_that_is_not_a_database_is_refused_as_before(run, tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"not a database, just notes" * 100)
    refused = run("inquiry", "list", db=path)

    assert refused.code == 2
    assert "データベース" in refused.err
    assert path.read_bytes() == b"not a database, just notes" * 100


@pytest.mark.parametrize("as_json", [False, True], ids=["plain", "json"])
def test_the_list_answers_without_importing_sqlalchemy(tmp_path, desk, as_json):
    seen, done = run_child(
        ["--db", str(desk), *("--json",) * as_json, "inquiry", "list", "--limit", "20"], tmp_path
    )

    assert seen == {"code": 0, "sqlalchemy": False}, done.stderr
    assert "相談 23" in done.stdout


def list_unprivileged(program: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """`inquiry list` run by `program` as an account without root's override of file
    permissions (a read-only file is read-only to it), its data folder under `home`."""
    from tests.cli.test_check_states import _as_non_privileged

    return subprocess.run(
        _as_non_privileged(program) + ["inquiry", "list"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_read_only_file_is_left_to_the_full_path_and_nothing_is_listed(desk, tmp_path):
    """The sign-in could not be recorded after the read: the full path, which fails to record
    it before reading, answers instead, with the refusal for a read-only file (exit 2, not an
    internal error)."""
    before = desk.read_bytes()
    desk.chmod(0o444)
    try:
        done = list_unprivileged([sys.executable, "-c", CHILD, "--db", str(desk)], tmp_path)
    finally:
        desk.chmod(0o644)

    seen = json.loads(done.stderr.strip().splitlines()[-1])
    assert seen["sqlalchemy"] and seen["code"] == 2, done.stderr  # the full path refused
    assert "読み取り専用のため、保存できませんでした。何も変更していません。" in done.stderr
    assert "相談" not in done.stdout
    assert desk.read_bytes() == before


class _Terminal:
    """Standard input as a terminal (what `password()` asks at), nothing read from it."""

    def isatty(self) -> bool:
        return True


def test_a_password_typed_at_the_terminal_is_asked_once_when_the_full_path_follows(
    run, desk, monkeypatch
):
    asked: list[str] = []

    def type_it(prompt: str) -> str:
        asked.append(prompt)
        return "not-the-password"

    monkeypatch.delenv("RENKEI_DESK_PASSWORD")
    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("getpass.getpass", type_it)
    refused = run("inquiry", "list", db=desk)

    assert refused.code == 2
    assert render("sign_in_failed", "ja", user="admin") in refused.err
    assert asked == [render("password_prompt", "ja")]  # the light try and the full sign-in


def test_a_refusal_after_the_sign_in_leaves_the_sign_in_in_the_trail_as_before(
    run, desk, monkeypatch
):
    light = run("inquiry", "list", "--status", "済み", db=desk)
    monkeypatch.setattr(light_list, "open_light", lambda _path: None)  # the full path
    full = run("inquiry", "list", "--status", "済み", db=desk)

    assert light.code == full.code == 2
    assert _sign_ins(desk)[-2:] == [("sign_in", "admin", None)] * 2
