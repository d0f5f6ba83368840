"""A sync import of a few thousand rows killed with SIGKILL while it writes: reopened, the file
is sound and the import is all or nothing (one transaction per package)."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, setup, staff, sync_export
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD
from tests.crash.conftest import ROOT, child_env, integrity, scalar

INQUIRIES = 1_500  # about 2 s of writing here, 4,500 rows with their inquirers
# After the backup that precedes the write transaction appears: early in it, and well into it.
DELAYS_S = (0.05, 0.6)


@pytest.fixture(scope="module")
def large_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A full SHIBA package of INQUIRIES demo cases, and an HQ training database for it."""
    folder = tmp_path_factory.mktemp("crash-import")
    shiba = database.connect(folder / "shiba.sqlite3")
    setup.initialise(shiba, "SHIBA")
    generate_demo_data(shiba, count=INQUIRIES, seed=7)
    package = folder / "shiba-full.xlsx"
    sync_export.export_sync(shiba, package, actor=actor_for("clerk"), full=True)
    shiba.dispose()
    hq = database.connect(folder / "hq.sqlite3")
    setup.initialise(hq, "HQ")
    staff.create_first_admin(hq, ADMIN_PASSWORD)  # the command signs in as admin
    with hq.write() as session:
        setup.mark_training(session)  # demo cases go only into a training database
    hq.dispose()
    return package, folder / "hq.sqlite3"


def _import(package: Path, db: Path, tmp_path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "--db", str(db), "import-sync", str(package)],
        cwd=ROOT,
        env=child_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_write(child: subprocess.Popen[str], backups: Path) -> None:
    deadline = time.monotonic() + 60
    while not list(backups.glob("*-before-sync-import.sqlite3")):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.005)


@pytest.mark.parametrize("delay", DELAYS_S)
def test_an_import_killed_while_writing_is_all_or_nothing(large_package, tmp_path, delay):
    package, template = large_package
    db = tmp_path / "hq.sqlite3"
    shutil.copyfile(template, db)
    before = scalar(db, "SELECT count(*) FROM inquiry")
    child = _import(package, db, tmp_path)

    _wait_for_write(child, tmp_path / "backups")
    time.sleep(delay)
    alive = child.poll() is None
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)

    assert integrity(db) == "ok"
    stored = scalar(db, "SELECT count(*) FROM inquiry")
    packages = scalar(db, "SELECT count(*) FROM sync_package")
    if delay == DELAYS_S[0]:  # otherwise the test would prove nothing: enlarge the package
        assert alive and child.returncode == -signal.SIGKILL
    if child.returncode == -signal.SIGKILL:
        assert (stored, packages) in {(before, 0), (before + INQUIRIES, 1)}
    else:  # finished before the kill: the whole package
        assert child.returncode == 0
        assert (stored, packages) == (before + INQUIRIES, 1)
    assert scalar(db, "SELECT count(*) FROM search_text") == stored
