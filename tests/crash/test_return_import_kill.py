"""HQ's full return package killed with SIGKILL while the branch imports it: its rows echo the
branch's own versions (sorted out in bulk, sync_apply._echoes), a few HQ changed. Reopened,
the branch's file is sound and holds either nothing of the package or all of it."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, setup, staff, sync_export, sync_import
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD
from tests.crash.conftest import integrity
from tests.crash.test_import_kill import _import, _wait_for_write

INQUIRIES = 1_500
# After the backup that precedes the write transaction appears; the whole import takes about
# 0.45 s from there (1,500 cases here, 15 changed at HQ, 5,411 rows echoed).
DELAYS_S = (0.0, 0.15, 0.3)
# What an import changes at the branch (the audit log, with its clock, left out).
_TABLES = ("inquirer", "inquiry", "action", "sync_base", "sync_package", "change_counter")


def _training(path: Path, office: str) -> database.Database:
    db = database.connect(path)
    setup.initialise(db, office)
    staff.create_first_admin(db, ADMIN_PASSWORD)  # the command signs in as admin
    with db.write() as session:
        setup.mark_training(session)  # demo cases go only into a training database
    return db


@pytest.fixture(scope="module")
def return_package(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """HQ's full return package to SHIBA after SHIBA's full package of INQUIRIES demo cases,
    HQ having changed a few of them; and SHIBA's database before it."""
    folder = tmp_path_factory.mktemp("crash-return")
    shiba = _training(folder / "shiba.sqlite3", "SHIBA")
    generate_demo_data(shiba, count=INQUIRIES, seed=7)
    going = folder / "shiba-full.xlsx"
    sync_export.export_sync(shiba, going, actor=actor_for("clerk"), full=True)
    shiba.dispose()
    hq = _training(folder / "hq.sqlite3", "HQ")
    sync_import.import_sync(hq, [going], actor=actor_for("hq"))
    with hq.write() as session:  # a few rows changed at HQ: merged one by one at the branch
        session.connection().exec_driver_sql(
            "UPDATE inquiry SET subject = subject || '（本庁）', rev = rev + 1,"
            " change_seq = change_seq + 100000 WHERE rowid % 97 = 0"
        )
    back = folder / "hq-return.xlsx"
    sync_export.export_sync(hq, back, actor=actor_for("hq"), to_office="SHIBA", full=True)
    hq.dispose()
    return back, folder / "shiba.sqlite3"


def _state(path: Path) -> dict[str, Any]:
    with sqlite3.connect(path) as conn:
        found = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in _TABLES}
    conn.close()
    return found


@pytest.mark.parametrize("delay", DELAYS_S)
def test_a_return_package_import_killed_is_all_or_nothing(return_package, tmp_path, delay):
    package, template = return_package
    db = tmp_path / "shiba.sqlite3"
    shutil.copyfile(template, db)
    before = _state(db)
    child = _import(package, db, tmp_path)

    _wait_for_write(child, tmp_path / "backups")
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=60)

    assert integrity(db) == "ok"
    after = _state(db)
    if delay == DELAYS_S[0]:  # otherwise the test would prove nothing: enlarge the package
        assert child.returncode == -signal.SIGKILL
    if after["sync_package"] == before["sync_package"]:
        assert child.returncode == -signal.SIGKILL
        assert after == before
    else:  # the whole package: every case still there, the changed subjects taken
        assert len(after["sync_package"]) == len(before["sync_package"]) + 1
        assert len(after["inquiry"]) == len(before["inquiry"]) == INQUIRIES
        assert after != before
