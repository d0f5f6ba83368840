"""The light `inquiry list` stopped once its first line is out (a terminal closed, `timeout`,
a service stop, Ctrl+C): the sign-in is in the trail and the chain holds, as when the full
path recorded it before listing (docs/architecture.md, "The command line's light read")."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import audit_chain, database, inquiries
from tests.conftest import SAMPLE_INQUIRY

ROOT = Path(__file__).resolve().parents[2]
ADMIN = Actor(login="admin", name="管理者", role=Role.ADMIN, office="SHIBA")


@pytest.fixture(scope="module")
def listed_desk(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Path:
    path = tmp_path_factory.mktemp("interrupted") / "desk.sqlite3"
    path.write_bytes(template_db.read_bytes())
    db = database.connect(path)
    try:
        for n in range(40):
            data = json.loads(json.dumps(SAMPLE_INQUIRY))
            data["subject"] = f"相談 {n}"
            inquiries.add_inquiry(db, NewInquiry.read(data), actor=ADMIN)
    finally:
        db.dispose()
    return path


def _sign_ins(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'sign_in' AND entity = 'staff'"
        ).fetchone()
    conn.close()
    return count


ENDINGS = ["SIGTERM", "SIGINT"] + (["SIGHUP"] if hasattr(signal, "SIGHUP") else [])


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("ending", ENDINGS)
def test_a_list_stopped_after_its_first_line_leaves_its_sign_in_in_the_trail(
    listed_desk, tmp_path, ending
):
    desk = tmp_path / "desk.sqlite3"
    desk.write_bytes(listed_desk.read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    lost: list[str] = []  # what each child that left no sign-in said, to tell why
    for _ in range(3):
        before = _sign_ins(desk)
        child = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "--db", str(desk), "inquiry", "list"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdout is not None
        assert "40" in child.stdout.readline().decode()  # the count: the list is being printed
        child.send_signal(getattr(signal, ending))
        child.stdout.close()
        assert child.stderr is not None
        said = child.stderr.read().decode(errors="replace")
        code = child.wait(timeout=60)
        if _sign_ins(desk) == before:
            lost.append(f"exit {code}: {said[-3000:]}")

    assert not lost, "\n".join(lost)
    db = database.connect(desk)
    try:
        assert audit_chain.first_broken(db) is None
    finally:
        db.dispose()
