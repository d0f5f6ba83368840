"""The window's first page read with sqlite3 alone (services/light_window.py) is exactly the
full path's: the same rows in the same order, with the same values and the same count, for
every role, on a real database with deleted, overdue and coded inquiries."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.inquiry_input import needs_outcome
from desktop_app.domain.workflow import STATUSES
from desktop_app.services import database, inquiries, light_window, search
from desktop_app.services.list_rows import InquiryFilter, for_actor
from tests.conftest import SAMPLE_INQUIRY

ADMIN = Actor(login="admin", name="管理者", role=Role.ADMIN, office="SHIBA")
TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """SHIBA with 30 inquiries in every status, some received the same day, three deleted,
    some overdue on TODAY, with and without an organisation and code lists."""
    path = tmp_path_factory.mktemp("light-window") / "filled.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        for n in range(30):
            data = json.loads(json.dumps(SAMPLE_INQUIRY))
            data["received_at"] = dt.date(2026, 8 + n % 3, 1 + n % 7).isoformat()
            data["subject"] = f"相談 {n}"
            data["fields"] = [] if n % 3 else ["disaster"]
            data["follow_up_due"] = None if n % 4 else f"2026-11-{10 + n % 20:02d}"
            data["status"] = STATUSES[n % len(STATUSES)]
            data["outcome"] = "案内済み" if needs_outcome(data["status"]) else None
            if n % 5 == 0:
                data["inquirer"]["organization"] = None
            record = inquiries.add_inquiry(db, NewInquiry.read(data), actor=ADMIN)
            if n in (2, 11, 29):
                inquiries.delete_inquiry(db, record.receipt_no, actor=ADMIN)
    finally:
        db.dispose()
    return path


@pytest.mark.parametrize("limit", [100, 7])
@pytest.mark.parametrize("role", list(Role))
def test_the_first_page_is_the_full_lists(filled: Path, role: Role, limit: int):
    actor = Actor(login="someone", name="誰か", role=role, office="SHIBA")
    start = light_window.read_start(filled, TODAY, limit)
    assert start is not None
    db = database.connect(filled)
    try:
        flt = for_actor(InquiryFilter(today=TODAY), actor)  # as the window's list asks
        full = search.list_head(db, flt, "received_at", True, limit)
        # A masked role's list counts after its first page (services.search.list_head): the
        # light read gives the count with the page, the same number.
        count = search.count_inquiries(db, flt)
    finally:
        db.dispose()
    assert start.head.rows == full.rows
    assert start.head.count == count == 27 and len(full.rows) == min(limit, 27)
    assert any(row.overdue for row in full.rows) and not all(row.overdue for row in full.rows)


def test_a_file_that_needs_the_full_opening_gets_no_light_read(tmp_path: Path):
    assert light_window.read_start(tmp_path / "none.sqlite3", TODAY, 100) is None


def test_a_file_locked_past_the_busy_timeout_gets_no_light_read(filled: Path, monkeypatch):
    monkeypatch.setattr("db.connection.BUSY_TIMEOUT_MS", 50)
    locker = sqlite3.connect(filled)
    try:
        locker.execute("PRAGMA locking_mode = EXCLUSIVE")
        locker.execute("BEGIN EXCLUSIVE")
        assert light_window.read_start(filled, TODAY, 100) is None
    finally:
        locker.close()
