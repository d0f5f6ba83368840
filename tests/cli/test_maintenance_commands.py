"""`check`, `backup --to DIR` and `restore FILE` on real files, sound and damaged."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
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
            inquiries.add_inquiry(db, NewInquiry.read(contract_example), actor=actor_for("clerk"))
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
    assert result.code == 3
    assert "を開けません" in result.out
    assert "正常なバックアップが見つかりません" in result.out
    assert path.read_bytes() == b"this is not a database\n" * 100


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
    safety = list(filled.parent.glob(f"{filled.stem}.replaced-*{filled.suffix}"))
    assert len(safety) == 1
    assert _count(safety[0]) == 31
    assert run("check", db=filled).code == 0


def test_backup_defaults_to_the_backup_folder(run, filled, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("backup", "--json", db=filled)
    assert result.code == 0
    made = Path(result.json()["path"])
    assert made.parent == filled.parent / "backups"
    assert made.name.startswith("desk-SHIBA-") and made.name.endswith("-manual.sqlite3")


def test_backup_while_another_connection_holds_uncommitted_work(filled, tmp_path):
    # Through the service: the command's sign-in is audited, a write the held lock would delay.
    from desktop_app.services import backups

    db = database.connect(filled)
    writer = sqlite3.connect(filled, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE inquiry SET outcome = 'uncommitted' WHERE pk = 1")
    try:
        made = backups.backup_now(db, backups.MANUAL_REASON, folder=tmp_path / "b")
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


def test_check_on_a_damaged_file_names_the_newest_good_backup(
    run, filled, write_json, sample_inquiry
):
    from tests.damage import break_an_index

    run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=filled)  # daily
    [daily] = (filled.parent / "backups").glob("*-daily.sqlite3")
    break_an_index(filled)

    result = run("check", db=filled)
    figures = run("check", "--json", db=filled).json()

    assert result.code == 3
    assert f"最新の正常なバックアップ: {daily}" in result.out
    assert f'renkei-desk restore "{daily}"' in result.out
    assert figures["ok"] is False and figures["newest_good_backup"] == str(daily)


def test_the_first_changing_command_of_the_day_backs_up_and_reads_do_not(run, filled):
    folder = filled.parent / "backups"
    run("inquiry", "list", db=filled)
    run("check", db=filled)
    assert not folder.exists()
    run("inquiry", "delete", "SHIBA-2026-00001", db=filled)
    run("inquiry", "delete", "SHIBA-2026-00002", db=filled)
    [daily] = folder.iterdir()
    assert daily.name.endswith("-daily.sqlite3")
    assert _count(daily) == 30  # taken before the first change


@pytest.mark.parametrize("damage", ["index", "header"])
def test_restore_refuses_a_damaged_backup_in_japanese_changing_nothing(
    run, filled, tmp_path, damage
):
    from tests.damage import break_an_index, break_the_header

    made = Path(run("backup", "--to", str(tmp_path / "b"), "--json", db=filled).json()["path"])
    (break_an_index if damage == "index" else break_the_header)(made)
    before = filled.read_bytes()

    result = run("restore", str(made), db=filled)

    assert result.code == 2
    expected = (
        "は壊れているため復元できません" if damage == "index" else "バックアップではありません"
    )
    assert expected in result.err
    assert filled.read_bytes() == before
    assert not list(filled.parent.glob("*.replaced-*"))


def test_restore_refuses_another_offices_backup_unless_told(run, filled, tmp_path):
    made = Path(run("backup", "--to", str(tmp_path / "b"), "--json", db=filled).json()["path"])
    with sqlite3.connect(made) as conn:
        conn.execute("UPDATE setting SET value = 'AKASAKA' WHERE key = 'office_code'")
    conn.close()
    before = _contents(filled)

    refused = run("restore", str(made), db=filled)
    assert refused.code == 2
    assert "「AKASAKA」のバックアップで、この端末は「SHIBA」です" in refused.err
    # Row for row (the file's bytes may move when a checkpoint folds in the WAL of earlier
    # commands: the same data, not a change).
    assert _contents(filled) == before

    taken = run("restore", str(made), "--other-office", "--json", db=filled)
    assert taken.code == 0 and taken.json()["office"] == "AKASAKA"


def test_restore_over_a_damaged_database_needs_no_readable_database(run, filled, tmp_path):
    from tests.damage import break_the_header

    made = Path(run("backup", "--to", str(tmp_path / "b"), "--json", db=filled).json()["path"])
    break_the_header(filled)

    result = run("restore", str(made), db=filled)

    assert result.code == 0, result.err
    assert "置き換えたファイルは" in result.out
    assert run("check", db=filled).code == 0


def test_restore_over_a_damaged_database_signs_in_against_the_backups_administrators(
    run, filled, tmp_path, monkeypatch
):
    """The damaged file cannot say who may restore: an administrator of the backup signs in
    against the backup's own accounts; its clerk, or a wrong password, is refused with one
    message (exit 2), the damaged file byte for byte as it was."""
    from desktop_app.services import staff
    from tests.conftest import ADMIN_PASSWORD
    from tests.damage import break_the_header

    db = database.connect(filled)
    try:
        staff.add_staff(
            db,
            login="tanaka",
            name="田中",
            role="clerk",
            password="hanamizuki-tsutsuji-77",
            actor=actor_for(),
        )
    finally:
        db.dispose()
    made = Path(run("backup", "--to", str(tmp_path / "b"), "--json", db=filled).json()["path"])
    break_the_header(filled)
    before = filled.read_bytes()

    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "hanamizuki-tsutsuji-77")
    clerk = run("--user", "tanaka", "restore", str(made), db=filled)
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "not-the-password")
    wrong = run("restore", str(made), db=filled)
    for refused in (clerk, wrong):
        assert refused.code == 2, refused.err
        assert "バックアップの管理者としてサインインできません" in refused.err
        assert filled.read_bytes() == before
        assert not list(filled.parent.glob("*.replaced-*"))

    monkeypatch.setenv("RENKEI_DESK_PASSWORD", ADMIN_PASSWORD)
    restored = run("restore", str(made), db=filled)
    assert restored.code == 0, restored.err
    with sqlite3.connect(filled) as conn:
        audited = conn.execute("SELECT staff FROM audit_log WHERE action = 'restore'").fetchall()
    conn.close()
    assert audited == [("admin",)]


def test_the_backup_folder_is_shown_and_set(run, filled, tmp_path):
    assert run("backup-folder", "show", "--json", db=filled).json() == {
        "folder": str(filled.parent / "backups")
    }
    usb = tmp_path / "usb"
    assert run("backup-folder", "set", str(usb), db=filled).out.startswith("バックアップ先: ")
    made = run("backup", "--json", db=filled).json()["path"]
    assert Path(made).parent == usb.resolve()
    run("backup-folder", "set", "default", db=filled)
    assert (
        run("backup-folder", "show", db=filled).out.strip().endswith(str(filled.parent / "backups"))
    )


def _contents(path: Path) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        dumped = list(conn.iterdump())
    conn.close()
    return dumped
