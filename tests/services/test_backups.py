"""Automatic backups on real files: where they go, when, what the rotation leaves, who may move
them, and the backups the importers make before they write."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor, Role, system_actor
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import backups, inquiries
from tests.actors import actor_for
from tests.damage import break_an_index

ADMIN = system_actor("SHIBA", "admin")
CLERK = Actor(login="clerk", name="窓口 花子", role=Role.CLERK, office="SHIBA")


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


def test_a_backup_goes_beside_the_database_as_one_consistent_file(db, sample_inquiry):
    inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("s"))

    made = backups.backup_before(db, "before-ledger-import")

    assert made.path.parent == db.path.parent / "backups"
    assert made.path.name.startswith("desk-SHIBA-")
    assert made.path.name.endswith("-before-ledger-import.sqlite3")
    assert _files(made.path.parent) == [made.path.name]  # no -wal, no partial file
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT count(*) FROM inquiry").fetchone()[0] == 1
    conn.close()


def test_two_backups_in_one_second_both_stay(db):
    first = backups.backup_before(db, "before-sync-import")
    second = backups.backup_before(db, "before-sync-import")
    assert first.path != second.path
    assert first.path.exists() and second.path.exists()


def test_the_daily_backup_is_made_once_a_day(db):
    first = backups.daily(db)
    again = backups.daily(db)
    assert first.made is not None and first.made.path.name.endswith("-daily.sqlite3")
    assert again.made is None and again.problems == ()
    assert len(_files(db.path.parent / "backups")) == 1


def test_a_damaged_database_makes_no_daily_backup_and_says_so(db_path):
    from desktop_app.services import database

    break_an_index(db_path)
    damaged = database.connect(db_path)
    try:
        outcome = backups.daily(damaged)
    finally:
        damaged.dispose()
    assert outcome.made is None
    assert outcome.problems
    assert _files(db_path.parent / "backups") == []


def test_rotation_deletes_only_what_it_no_longer_keeps(db, tmp_path):
    folder = db.path.parent / "backups"
    folder.mkdir()
    seed = db.path
    for day in range(1, 29):  # 28 days of September, one backup each
        shutil.copyfile(seed, folder / f"desk-SHIBA-202609{day:02d}-090000-daily.sqlite3")
    shutil.copyfile(seed, folder / "desk-SHIBA-20200101-090000-manual.sqlite3")
    shutil.copyfile(seed, folder / "desk-AZABU-20200101-090000-daily.sqlite3")
    (folder / "readme.txt").write_text("USB")
    _all = _files(folder)

    gone = backups.rotate(folder, "desk-SHIBA", today=dt.date(2026, 9, 28))  # a Monday

    left = _files(folder)
    assert sorted(path.name for path in gone) == sorted(set(_all) - set(left))
    september = [name for name in left if "-202609" in name]
    # The 7 latest days (22..28) and the newest of the earlier ISO weeks (Sundays 13 and 20).
    assert september[:3] == [
        "desk-SHIBA-20260913-090000-daily.sqlite3",
        "desk-SHIBA-20260920-090000-daily.sqlite3",
        "desk-SHIBA-20260922-090000-daily.sqlite3",
    ]
    assert len([name for name in september if name >= "desk-SHIBA-20260922"]) == 7
    assert "desk-SHIBA-20200101-090000-manual.sqlite3" in left  # made by hand
    assert "desk-AZABU-20200101-090000-daily.sqlite3" in left  # another office's
    assert "readme.txt" in left
    assert "desk-SHIBA-20260901-090000-daily.sqlite3" not in left
    assert len(left) == 9 + 3


def test_only_an_admin_points_the_backups_elsewhere(db, tmp_path, snapshot):
    before = snapshot(db.path)
    with pytest.raises(UserError) as refused:
        backups.set_folder(db, tmp_path / "usb", actor=CLERK)
    assert refused.value.code == "permission_denied"
    assert "設定の変更" in refused.value.message("ja")
    assert snapshot(db.path) == before
    assert backups.folder_of(db) == db.path.parent / "backups"

    chosen = backups.set_folder(db, tmp_path / "usb", actor=ADMIN)
    assert backups.folder_of(db) == chosen == (tmp_path / "usb").resolve()
    assert backups.backup_before(db, "x").path.parent == chosen
    assert backups.set_folder(db, None, actor=ADMIN) == db.path.parent / "backups"


def test_a_folder_that_cannot_be_written_is_refused_when_set(db, tmp_path, snapshot):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    before = snapshot(db.path)
    with pytest.raises(UserError) as refused:
        backups.set_folder(db, blocker / "backups", actor=ADMIN)
    assert refused.value.code == "backup_folder_unavailable"
    assert "に書き込めません" in refused.value.message("ja")
    assert snapshot(db.path) == before
