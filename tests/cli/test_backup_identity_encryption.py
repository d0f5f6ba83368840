"""Backups that leave the database's folder are encrypted; restores take only this database's
backups (its identity), with the backup password; backup and restore are for administrators
and audited. Real files, real commands, the bytes of every backup read."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.services import backup_cipher

BACKUP_PASSWORD = "usb-stick-passphrase-2026"
RESIDENT = ("鈴木 一郎", "03-5555-0101", "港区高輪1-1-1")


@pytest.fixture
def desk(run, template_db, tmp_path, write_json, sample_inquiry, monkeypatch) -> Path:
    """SHIBA in its own folder with one resident's inquiry; no backup password in the air."""
    monkeypatch.delenv("RENKEI_DESK_BACKUP_PASSWORD", raising=False)
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(template_db, path)
    added = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=path)
    assert added.code == 0, added.err
    return path


def _rows(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(sql).fetchall()
    conn.close()
    return rows


def _contents(path: Path) -> dict[str, list[tuple]]:
    tables = ("inquiry", "inquirer", "setting", "staff")
    return {table: _rows(path, f"SELECT * FROM {table} ORDER BY 1") for table in tables}


def _with_password(run, desk, monkeypatch) -> None:
    monkeypatch.setenv("RENKEI_DESK_BACKUP_PASSWORD", BACKUP_PASSWORD)
    done = run("config", "set", "backup-password", db=desk)
    assert done.code == 0, done.err
    assert "バックアップのパスワードを設定しました" in done.out


def _assert_no_personal_data(raw: bytes) -> None:
    for value in RESIDENT:
        for encoding in ("utf-8", "utf-16-le", "cp932"):
            assert value.encode(encoding) not in raw
    assert b"SQLite format 3" not in raw


def test_no_backup_leaves_the_folder_before_a_backup_password_is_set(run, desk, tmp_path):
    usb = tmp_path / "usb"
    before = _contents(desk)

    to = run("backup", "--to", str(usb), db=desk)
    folder = run("backup-folder", "set", str(usb), db=desk)

    for refused in (to, folder):
        assert refused.code == 2
        assert "バックアップのパスワードが未設定のため" in refused.err
        assert "config set backup-password" in refused.err
    assert not usb.exists() or not any(usb.iterdir())
    after = _contents(desk)
    assert after["inquiry"] == before["inquiry"] and after["setting"] == before["setting"]
    # Beside the database a backup is still made (plain: it stays where the database is).
    beside = run("backup", "--json", db=desk)
    assert beside.code == 0 and Path(beside.json()["path"]).parent == desk.parent / "backups"


def test_a_backup_outside_the_folder_is_encrypted_and_reveals_nothing(
    run, desk, tmp_path, monkeypatch
):
    _with_password(run, desk, monkeypatch)
    # The database keeps no copy of the backup password, only the key it locks.
    assert BACKUP_PASSWORD.encode() not in desk.read_bytes()

    made = run("backup", "--to", str(tmp_path / "usb"), "--json", db=desk)
    assert made.code == 0, made.err
    raw = Path(made.json()["path"]).read_bytes()

    assert raw.startswith(backup_cipher.MAGIC)
    _assert_no_personal_data(raw)
    assert b"$argon2" not in raw  # not even the staff's password hashes
    # No plain snapshot is left anywhere.
    assert not list(desk.parent.glob(".*snapshot*")) and not list((tmp_path / "usb").glob(".*"))
    # The automatic backups, pointed at the stick, are encrypted too.
    assert run("backup-folder", "set", str(tmp_path / "usb"), db=desk).code == 0
    automatic = run("backup", "--json", db=desk)
    _assert_no_personal_data(Path(automatic.json()["path"]).read_bytes())


def test_restore_of_an_encrypted_backup_needs_its_password(run, desk, tmp_path, monkeypatch):
    _with_password(run, desk, monkeypatch)
    made = Path(run("backup", "--to", str(tmp_path / "usb"), "--json", db=desk).json()["path"])
    assert run("inquiry", "delete", _receipt(desk), db=desk).code == 0
    before = desk.read_bytes()

    monkeypatch.setenv("RENKEI_DESK_BACKUP_PASSWORD", "not-the-password-at-all")
    wrong = run("restore", str(made), db=desk)
    monkeypatch.delenv("RENKEI_DESK_BACKUP_PASSWORD")
    missing = run("restore", str(made), db=desk, stdin="")

    assert wrong.code == 2 and "バックアップのパスワードが違います" in wrong.err
    assert missing.code == 2 and "暗号化されたバックアップです" in missing.err
    assert desk.read_bytes() == before
    assert not list(desk.parent.glob(".restoring-*"))
    assert not list(desk.parent.glob("*.replaced-*"))

    monkeypatch.setenv("RENKEI_DESK_BACKUP_PASSWORD", BACKUP_PASSWORD)
    restored = run("restore", str(made), db=desk)
    assert restored.code == 0, restored.err
    assert _rows(desk, "SELECT count(*) FROM inquiry WHERE deleted_at IS NULL") == [(1,)]
    assert _rows(desk, "SELECT staff, entity_id FROM audit_log WHERE action = 'restore'") == [
        ("admin", made.name)
    ]
    assert not list(desk.parent.glob(".restoring-*"))


def test_a_new_pc_is_set_up_from_an_encrypted_backup(run, desk, tmp_path, monkeypatch):
    _with_password(run, desk, monkeypatch)
    made = run("backup", "--to", str(tmp_path / "usb"), "--json", db=desk).json()["path"]
    new_pc = tmp_path / "new-pc" / "desk.sqlite3"

    restored = run("restore", made, db=new_pc)

    assert restored.code == 0, restored.err
    assert _rows(new_pc, "SELECT count(*) FROM inquiry") == [(1,)]
    assert run("inquiry", "list", "--json", db=new_pc).code == 0


def test_an_altered_encrypted_backup_is_refused(run, desk, tmp_path, monkeypatch):
    _with_password(run, desk, monkeypatch)
    made = Path(run("backup", "--to", str(tmp_path / "usb"), "--json", db=desk).json()["path"])
    raw = bytearray(made.read_bytes())
    raw[-20] ^= 0x01
    made.write_bytes(bytes(raw))
    before = desk.read_bytes()

    refused = run("restore", str(made), db=desk)

    assert refused.code == 2 and "読めない" in refused.err
    assert desk.read_bytes() == before


def test_backup_and_restore_are_for_administrators_and_audited(run, desk, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "shinbashi-2026")
    assert run("staff", "add", "tanaka", "--name", "田中", "--role", "clerk", db=desk).code == 0
    made = run("backup", "--json", db=desk)
    assert made.code == 0
    assert _rows(desk, "SELECT staff FROM audit_log WHERE action = 'backup'") == [("admin",)]
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "shinbashi-2026")
    files = set((desk.parent / "backups").iterdir())

    by_clerk = run("--user", "tanaka", "backup", db=desk)
    restore_by_clerk = run("--user", "tanaka", "restore", made.json()["path"], db=desk)

    for refused in (by_clerk, restore_by_clerk):
        assert refused.code == 2 and "システム管理者" in refused.err
    assert set((desk.parent / "backups").iterdir()) == files
    assert _rows(desk, "SELECT count(*) FROM audit_log WHERE action = 'restore'") == [(0,)]


def _another_database(run, tmp_path: Path, office: str = "SHIBA") -> Path:
    other = tmp_path / "other" / "desk.sqlite3"
    assert run("init", "--office", office, db=other).code == 0
    return other


def test_restore_refuses_another_database_of_the_same_office(run, desk, tmp_path):
    other = _another_database(run, tmp_path)
    theirs = run("backup", "--json", db=other).json()["path"]
    before = _contents(desk)

    refused = run("restore", theirs, db=desk)

    assert refused.code == 2
    assert "別のデータベース（SHIBA）のバックアップです" in refused.err
    assert _contents(desk) == before
    # Moving an office to this PC by hand: the one exception, audited in the restored file.
    moved = run("restore", theirs, "--other-office", db=desk)
    assert moved.code == 0, moved.err
    assert _rows(desk, "SELECT field FROM audit_log WHERE action = 'restore'") == [
        ("other_office",)
    ]


@pytest.mark.parametrize("other_office", [False, True])
def test_training_and_real_never_replace_each_other(run, desk, tmp_path, other_office):
    made = Path(run("backup", "--json", db=desk).json()["path"])
    training_backup = tmp_path / "training-backup.sqlite3"
    shutil.copyfile(made, training_backup)
    with sqlite3.connect(training_backup) as conn:
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('training', '1')")
    conn.close()
    extra = ["--other-office"] if other_office else []
    before = _contents(desk)

    into_real = run("restore", str(training_backup), *extra, db=desk)

    assert into_real.code == 2
    assert "研修用データベースのバックアップです" in into_real.err
    assert _contents(desk) == before

    with sqlite3.connect(desk) as conn:
        conn.execute("INSERT OR REPLACE INTO setting (key, value) VALUES ('training', '1')")
    conn.close()
    training_before = _contents(desk)
    into_training = run("restore", str(made), *extra, db=desk)
    assert into_training.code == 2
    assert "研修用データベースには復元できません" in into_training.err
    assert _contents(desk) == training_before


def test_check_names_only_a_backup_of_this_database(run, desk, tmp_path):
    from tests.damage import break_an_index

    own = run("backup", "--json", db=desk).json()["path"]
    other = _another_database(run, tmp_path)
    theirs = Path(run("backup", "--json", db=other).json()["path"])
    # The other database's newer backup, in this database's folder under this one's name.
    shutil.copyfile(theirs, desk.parent / "backups" / "desk-SHIBA-29991231-235959-manual.sqlite3")
    break_an_index(desk)

    result = run("check", "--json", db=desk)

    assert result.code == 3
    assert result.json()["newest_good_backup"] == own


def _receipt(path: Path) -> str:
    return str(_rows(path, "SELECT receipt_no FROM inquiry")[0][0])
