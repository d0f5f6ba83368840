"""What the program writes on its own is its owner's alone and holds no personal value: the
database (0600, its WAL too) and the error log (0600, rotated, no exception message)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from desktop_app import config
from desktop_app.services import error_log, light_list, search

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")

RESIDENT, PHONE = "鈴木 一郎", "03-5555-0101"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_database_and_its_wal_are_the_owners_alone(run, new_db_path, write_json):
    old = os.umask(0o022)  # what most desktops have: files readable by everybody
    try:
        assert run("init", "--office", "SHIBA", db=new_db_path).code == 0
    finally:
        os.umask(old)
    assert _mode(new_db_path) == 0o600
    for sibling in new_db_path.parent.glob(new_db_path.name + "-*"):
        assert _mode(sibling) == 0o600, sibling


def test_a_database_left_readable_by_an_older_build_is_restricted_on_open(run, db_path):
    db_path.chmod(0o644)
    assert run("inquiry", "list", db=db_path).code == 0
    assert _mode(db_path) == 0o600


def test_a_crash_logs_the_stack_but_no_residents_data(run, db_path, monkeypatch, write_json,
                                                      sample_inquiry):  # fmt: skip
    assert (
        run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path).code == 0
    )

    def crash(*_args: object, **_kwargs: object) -> None:
        raise KeyError(f"{RESIDENT} {PHONE}") from ValueError(f"cell {RESIDENT}")

    monkeypatch.setattr(search, "list_inquiries", crash)
    monkeypatch.setattr(light_list.LightRead, "listing", crash)  # the light read's (issue 23)
    result = run("inquiry", "list", db=db_path)
    assert result.code not in (0, 2, 3)
    log = config.log_dir() / error_log.LOG_FILE
    assert str(log) in result.err
    written = log.read_bytes()
    for value in (RESIDENT, "鈴木", PHONE, "5555"):
        assert value.encode() not in written
    assert b"builtins.KeyError" in written and b"builtins.ValueError" in written
    assert b"test_private_files.py" in written  # the stack is there for a developer
    assert _mode(log) == 0o600


def test_the_log_is_rotated_and_every_file_is_the_owners_alone(monkeypatch):
    monkeypatch.setattr(error_log, "LIMIT", 2_000)
    for attempt in range(40):
        try:
            raise RuntimeError(f"resident number {attempt * 7919}")
        except RuntimeError as exc:
            path = error_log.log_exception(exc)
    files = sorted(path.parent.glob(error_log.LOG_FILE + "*"))
    assert [f.name for f in files] == [
        "renkei-desk.log", "renkei-desk.log.1", "renkei-desk.log.2", "renkei-desk.log.3",
    ]  # fmt: skip
    assert all(f.stat().st_size <= 4_000 for f in files)
    assert all(_mode(f) == 0o600 for f in files)
    # The source line is in the stack; the value the message held (39 * 7919) is not.
    assert not any(b"308841" in f.read_bytes() for f in files)
