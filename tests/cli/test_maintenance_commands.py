"""`check`, `backup --to DIR` and `restore FILE` on real files, sound and damaged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.services import database, inquiries
from tests.actors import actor_for


@pytest.fixture(scope="module")
def filled_template(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory, contract_example: dict
) -> Path:
    path = tmp_path_factory.mktemp("filled") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        for _ in range(30):
            inquiries.add_inquiry(db, contract_example, actor=actor_for("clerk"))
    finally:
        db.dispose()
    return path


@pytest.fixture
def filled(filled_template: Path, tmp_path: Path) -> Path:
    """A database of 30 inquiries, this test's own copy."""
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(filled_template, path)
    return path


def _count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        value = conn.execute("SELECT count(*) FROM inquiry").fetchone()[0]
    conn.close()
    return int(value)


def test_check_passes_a_sound_file(run, filled):
    result = run("check", "--json", db=filled)
    assert result.code == 0
    assert result.json() == {"ok": True, "problems": []}
    assert "問題は見つかりませんでした" in run("check", db=filled).out


def _damaged_copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    size = target.stat().st_size
    with target.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\xa5" * 4096 * 4)
    return target


@pytest.mark.parametrize("as_json", [False, True])
def test_check_reports_a_file_damaged_in_the_middle(run, filled, tmp_path, as_json):
    damaged = _damaged_copy(filled, tmp_path / "damaged.sqlite3")

    result = run("check", *(["--json"] if as_json else []), db=damaged)

    assert result.code == 3, (result.out, result.err)
    text = result.out + result.err
    assert "Traceback" not in text
    if as_json:
        figures = result.json()
        assert figures["ok"] is False
        assert figures["problems"]
    else:
        assert "件の問題が見つかりました" in result.out


@pytest.mark.parametrize(
    "content",
    [b"this is not a database\n" * 100, b"SQLite format 3\x00" + b"\xff" * 5000, b""],
    ids=["text", "bad-header", "empty"],
)
def test_check_on_a_file_that_is_not_a_sound_sqlite_database(run, tmp_path, content):
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(content)

    result = run("check", db=path)

    assert result.code != 0
    assert result.err or result.out
    assert "Traceback" not in result.out + result.err


def test_check_on_a_file_that_is_not_sqlite_says_it_cannot_open_it(run, tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database\n" * 100)
    result = run("check", db=path)
    assert result.code == 2
    assert "を開けません" in result.err


def test_backup_then_restore_brings_the_rows_back(
    run, filled, tmp_path, write_json, sample_inquiry
):
    backups = tmp_path / "backups"
    made = run("backup", "--to", str(backups), "--json", db=filled)
    assert made.code == 0, made.err
    backup_file = Path(made.json()["path"])
    assert backup_file.parent == backups
    assert made.json()["bytes"] == backup_file.stat().st_size
    assert _count(backup_file) == 30
    # Work goes on after the backup: one more inquiry and a deletion.
    run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=filled)
    run("inquiry", "delete", "SHIBA-2026-00001", db=filled)

    restored = run("restore", str(backup_file), "--json", db=filled)

    assert restored.code == 0, restored.err
    assert _count(filled) == 30
    shown = run("inquiry", "show", "SHIBA-2026-00001", "--json", db=filled)
    assert shown.code == 0
    safety = list(filled.parent.glob(f"{filled.stem}.before-restore-*{filled.suffix}"))
    assert len(safety) == 1
    assert _count(safety[0]) == 31
    assert run("check", db=filled).code == 0


def test_backup_defaults_to_the_current_folder(run, filled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("backup", "--json", db=filled)
    assert result.code == 0
    assert Path(result.json()["path"]).resolve().parent == tmp_path.resolve()


def test_backup_while_another_connection_holds_uncommitted_work(filled, tmp_path):
    # Through the service: the command's sign-in is audited, a write the held lock would delay.
    from desktop_app.services import maintenance

    db = database.connect(filled)
    writer = sqlite3.connect(filled, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE inquiry SET outcome = 'uncommitted' WHERE pk = 1")
    try:
        made = maintenance.backup(db, tmp_path / "b")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        db.dispose()
    with sqlite3.connect(made.path) as conn:
        assert (
            conn.execute("SELECT count(*) FROM inquiry WHERE outcome = 'uncommitted'").fetchone()[0]
            == 0
        )
    conn.close()


def test_messages_of_backup_and_restore(run, filled, tmp_path):
    made = run("backup", "--to", str(tmp_path / "b"), db=filled)
    assert made.out.startswith("バックアップを作成しました: ")
    path = made.out.split(": ", 1)[1].strip()
    restored = run("restore", path, db=filled)
    assert "バックアップから復元しました" in restored.out
