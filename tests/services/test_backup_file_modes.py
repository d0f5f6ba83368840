"""Backups hold every resident's name, phone and address: like the database they are created
readable by their owner only (0600 on Linux and macOS; services/owner_only.py), whatever the
umask, in the automatic folder and in a folder named for one backup."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from desktop_app.services import backups
from tests.actors import actor_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


@pytest.fixture
def open_umask():
    before = os.umask(0o022)  # the usual default: files readable by everyone
    yield
    os.umask(before)


def test_every_backup_is_its_owners_alone(db, sample_inquiry, open_umask, tmp_path):
    before = backups.backup_before(db, "before-ledger-import")
    daily = backups.daily(db).made
    beside = db.path.parent / "by-hand"
    beside.mkdir()
    manual = backups.manual_backup(db, actor=actor_for(), folder=beside)

    made = [before.path, manual.path] + ([daily.path] if daily else [])
    assert {path: stat.S_IMODE(path.stat().st_mode) for path in made} == dict.fromkeys(made, 0o600)
