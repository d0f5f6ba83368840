"""`export-sync` killed with SIGKILL while it writes the package (issue 18, defect 1): the
destination never exists half-written, an existing file stays as it was, and what is left is
only a hidden `.part` temporary that no importer or file dialog takes for a package."""

from __future__ import annotations

import hashlib
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database
from tests.crash.conftest import ROOT, child_env, integrity, scalar

INQUIRIES = 1_500  # a full package of these takes a few seconds to write here


@pytest.fixture(scope="module")
def busy_branch(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    """A SHIBA database (with its init admin) holding INQUIRIES cases."""
    path = tmp_path_factory.mktemp("crash-export") / "shiba.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    generate_demo_data(db, count=INQUIRIES, seed=3)
    db.dispose()
    return path


def _kill_while_writing(db: Path, out: Path, tmp_path: Path, *extra: str) -> None:
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "export-sync", "--full"]
        + ["--out", str(out), *extra],
        cwd=ROOT,
        env={**child_env(tmp_path), "RENKEI_DESK_PACKAGE_PASSWORD": "kyouyuu-pass-2026"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not list(out.parent.glob(f".{out.name}.*.part")):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.002)
    time.sleep(0.3)  # well into the writing
    assert child.poll() is None, "the export finished before it could be killed"
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)


def _left(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name != "backups"]


def test_a_killed_export_leaves_no_package(busy_branch, tmp_path):
    db = tmp_path / "shiba.sqlite3"
    shutil.copyfile(busy_branch, db)
    out_dir = tmp_path / "usb"
    out_dir.mkdir()
    out = out_dir / "SHIBA-HQ.xlsx"

    _kill_while_writing(db, out, tmp_path)

    assert not out.exists()
    leftovers = _left(out_dir)
    assert all(p.name.startswith(".") and p.suffix == ".part" for p in leftovers), leftovers
    assert not list(out_dir.glob("*.xlsx"))
    assert integrity(db) == "ok"
    assert scalar(db, "SELECT count(*) FROM sync_package") == 0  # no export was recorded


def test_a_killed_overwrite_keeps_the_old_file_whole(busy_branch, tmp_path):
    db = tmp_path / "shiba.sqlite3"
    shutil.copyfile(busy_branch, db)
    out = tmp_path / "SHIBA-HQ.xlsx"
    out.write_bytes(b"last week's package")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()

    _kill_while_writing(db, out, tmp_path, "--overwrite")

    assert hashlib.sha256(out.read_bytes()).hexdigest() == digest
    assert [p.name for p in tmp_path.glob("*.xlsx")] == [out.name]


def test_a_killed_personal_export_leaves_nothing_in_clear(busy_branch, tmp_path):
    """The personal package is encrypted in memory: a temporary left behind holds no
    readable workbook (a USB stick has no file permissions to protect it)."""
    db = tmp_path / "shiba.sqlite3"
    shutil.copyfile(busy_branch, db)
    out = tmp_path / "usb" / "SHIBA-HQ-personal.xlsx"
    out.parent.mkdir()

    _kill_while_writing(db, out, tmp_path, "--include-personal")

    assert not out.exists()
    for left in _left(out.parent):
        assert not left.read_bytes().startswith(b"PK"), left  # never a plain zip (xlsx)
