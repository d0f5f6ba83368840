"""A database whose own file may be written but whose write-ahead log may not (copied from a
read-only share with its -wal, permissions changed by hand): the light read must not list and
then fail to record the sign-in; the full path refuses it before reading, as for a read-only
file (tests/cli/test_light_list.py)."""

from __future__ import annotations

import shutil
import sys

from tests.cli.test_light_list import list_unprivileged


def test_a_read_only_write_ahead_log_is_refused_before_anything_is_listed(template_db, tmp_path):
    desk = tmp_path / "desk.sqlite3"
    shutil.copyfile(template_db, desk)
    wal = desk.with_name(desk.name + "-wal")
    wal.write_bytes(b"")
    wal.chmod(0o444)
    try:
        done = list_unprivileged([sys.executable, "-m", "desktop_app", "--db", str(desk)], tmp_path)
    finally:
        wal.chmod(0o644)

    assert done.returncode == 2, done.stderr
    assert "読み取り専用のため、保存できませんでした。何も変更していません。" in done.stderr
    assert done.stdout == ""  # not the count, not a line of the list
