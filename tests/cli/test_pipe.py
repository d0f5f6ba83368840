"""`renkei-desk inquiry list | head -n 1` ends quietly: a real pipe to a reader that leaves.

Run as a separate process, because only a real pipe whose reader exits raises BrokenPipeError
where Python would otherwise print tracebacks (in the handler and again at exit).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database

ROWS = 2_000  # far more output than a pipe buffer (64 KiB) holds


@pytest.fixture(scope="module")
def filled(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipe") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        generate_demo_data(db, count=ROWS, seed=5)
    finally:
        db.dispose()
    return path


@pytest.mark.parametrize(
    "arguments",
    [
        "inquiry list --limit 2000",
        "inquiry list --all",
        "inquiry list --all --json",
    ],
)
def test_a_reader_that_stops_early_gets_no_traceback(filled, tmp_path, arguments):
    command = f"{sys.executable} -m desktop_app --db {filled} {arguments} | head -n 1"
    env = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "LANG": "ja_JP.UTF-8",
    }
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.stderr == ""
    assert done.returncode == 0  # with pipefail: the desk's own exit status too
    assert len(done.stdout.splitlines()) == 1
    assert not (tmp_path / "state").exists()  # nothing was logged as an internal error
