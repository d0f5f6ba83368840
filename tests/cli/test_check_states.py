"""`check` says busy, read-only, damaged or inconsistent, and advises a restore for damage only
(issue 18 defect 3); other offices' receipt counters are no finding at HQ (issue 17 defect 10).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop_app.services import maintenance
from tests.crash.conftest import ROOT, child_env

BUSY = "別のプログラムが書き込み中で"
READ_ONLY = "は読み取り専用です"
INCONSISTENT = "件の不整合があります。壊れてはいないので復元はしないでください"
RESTORE_WORDS = ("restore", "復元できます", "正常なバックアップ", "復元を検討")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def _held_write(path: Path) -> Iterator[None]:
    """Another program's write transaction, held open (and rolled back at the end)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO setting (key, value) VALUES ('other-program', '1')")
        yield
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def _no_restore_advice(text: str) -> None:
    for words in RESTORE_WORDS:
        assert words not in text, text


def test_a_busy_database_is_busy_not_damaged(run, db_path, snapshot):
    before = snapshot(db_path)
    with _held_write(db_path):
        result = run("check", db=db_path)
        figures = run("check", "--json", db=db_path).json()
    assert result.code == 3
    assert BUSY in result.out and "壊れてはいません" in result.out
    _no_restore_advice(result.out + result.err)
    assert figures["ok"] is False and figures["state"] == "busy"
    assert "newest_good_backup" not in figures
    assert snapshot(db_path) == before
    assert run("check", db=db_path).code == 0  # once the other program let go


def test_the_service_tells_busy_within_its_timeout(db_path):
    with _held_write(db_path):
        report = maintenance.check_file(db_path, busy_timeout_s=0.2)
    assert report.state is maintenance.CheckState.BUSY
    assert report.newest_good is None and not report.damaged


def _as_non_privileged(command: list[str]) -> list[str]:
    """Run a child so that file permissions bind it: root's override of them is dropped."""
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot bind")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]


def test_a_read_only_database_is_read_only_not_damaged(db_path, tmp_path):
    db_path.chmod(0o444)
    kept = _digest(db_path)
    try:
        child = subprocess.run(
            _as_non_privileged([sys.executable, "-m", "desktop_app", "--db", str(db_path)])
            + ["check"],
            check=False,
            cwd=ROOT,
            env=child_env(tmp_path),
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        db_path.chmod(0o644)
    assert child.returncode == 3, child.stdout + child.stderr
    assert READ_ONLY in child.stdout and "壊れてはいません" in child.stdout
    assert "Traceback" not in child.stdout + child.stderr
    _no_restore_advice(child.stdout + child.stderr)
    assert _digest(db_path) == kept


def test_an_inconsistency_in_a_readable_file_advises_no_restore(
    run, db_path, write_json, sample_inquiry
):
    for _ in range(2):
        assert (
            run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path).code
            == 0
        )
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE receipt_counter SET last = 1")
    conn.close()
    result = run("check", db=db_path)
    figures = run("check", "--json", db=db_path).json()
    assert result.code == 3
    assert INCONSISTENT in result.out
    assert "receipt counter SHIBA 2026 is below 2" in result.out
    _no_restore_advice(result.out)
    assert figures["state"] == "inconsistent" and "newest_good_backup" not in figures


def test_in_english_too(run, db_path, set_language):
    set_language("en")
    with _held_write(db_path):
        result = run("check", db=db_path)
    assert result.code == 3 and "It is not damaged: do not restore" in result.out


def test_hq_after_ordinary_imports_is_sound(run, db_path, tmp_path, write_json, sample_inquiry):
    """Issue 17 defect 10: SHIBA's receipt numbers at HQ are SHIBA's counter's business."""
    for _ in range(3):
        assert (
            run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path).code
            == 0
        )
    package = tmp_path / "shiba.xlsx"
    assert run("export-sync", "--out", str(package), db=db_path).code == 0
    hq = tmp_path / "hq" / "desk.sqlite3"
    assert run("init", "--office", "HQ", db=hq).code == 0
    imported = run("import-sync", str(package), db=hq)
    assert imported.code == 0, imported.out + imported.err
    result = run("check", "--json", db=hq)
    assert result.code == 0, result.out
    assert result.json() == {"ok": True, "problems": []}
