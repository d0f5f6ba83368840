"""A database whose own file may be written but whose write-ahead log may not (copied from a
read-only share with its -wal, permissions changed by hand): the light read must not list and
then fail to record the sign-in; the full path refuses it before reading, as for a read-only
file (tests/cli/test_light_list.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.cli.test_check_states import _as_non_privileged

ROOT = Path(__file__).resolve().parents[2]


def test_a_read_only_write_ahead_log_is_refused_before_anything_is_listed(template_db, tmp_path):
    desk = tmp_path / "desk.sqlite3"
    shutil.copyfile(template_db, desk)
    wal = desk.with_name(desk.name + "-wal")
    wal.write_bytes(b"")
    wal.chmod(0o444)
    try:
        done = subprocess.run(
            _as_non_privileged([sys.executable, "-m", "desktop_app", "--db", str(desk)])
            + ["inquiry", "list"],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        wal.chmod(0o644)

    assert done.returncode == 2, done.stderr
    assert "読み取り専用のため、保存できませんでした。何も変更していません。" in done.stderr
    assert done.stdout == ""  # not the count, not a line of the list
