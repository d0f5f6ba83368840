"""A command on a database path that does not exist (a typo) is refused and creates nothing.

Only `init` and the window make a new database; `restore` writes one from a checked backup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

READ_COMMANDS = [
    ("inquiry", "show", "SHIBA-2026-00001"),
    ("inquiry", "list"),
    ("inquiry", "list", "--all", "--json"),
    ("inquiry", "update", "SHIBA-2026-00001", "--set", "subject=x"),
    ("inquiry", "delete", "SHIBA-2026-00001"),
    ("action", "add", "SHIBA-2026-00001", "--kind", "call", "--note", "電話した"),
    ("check",),
    ("backup",),
    ("demo-data", "--count", "5"),
]


def _everything_under(root: Path) -> list[Path]:
    return sorted(root.rglob("*"))


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_command_on_a_missing_database_is_refused_and_creates_nothing(
    run, tmp_path, command, monkeypatch
):
    monkeypatch.chdir(tmp_path)  # backup's default target is the working folder
    typo = tmp_path / "typo" / "desk.sqlite3"
    before = _everything_under(tmp_path)

    result = run(*command, db=typo)

    assert result.code == 2
    assert result.err.strip() == (
        f"データベースがありません: {typo}。`renkei-desk init --office CODE` で作成してください。"
    )
    assert not typo.parent.exists()
    assert _everything_under(tmp_path) == before


def test_inquiry_add_on_a_missing_database_reads_no_file_and_creates_none(
    run, tmp_path, write_json, sample_inquiry
):
    source = write_json(sample_inquiry)
    typo = tmp_path / "typo.sqlite3"
    result = run("inquiry", "add", "--json-file", str(source), db=typo)
    assert result.code == 2
    assert "データベースがありません" in result.err
    assert not typo.exists()


def test_the_refusal_speaks_english_under_an_english_locale(run, tmp_path, set_language):
    set_language("en")
    typo = tmp_path / "nowhere" / "desk.sqlite3"
    result = run("inquiry", "list", db=typo)
    assert result.code == 2
    assert result.err.strip() == (
        f"There is no database at {typo}. Create one with `renkei-desk init --office CODE`."
    )
    assert not typo.parent.exists()


def test_json_mode_refuses_with_the_code_on_standard_output(run, tmp_path):
    result = run("check", "--json", db=tmp_path / "none.sqlite3")
    assert result.code == 2
    assert result.json()["error"] == "database_missing"


def test_the_default_database_is_not_created_by_a_read_command(run, tmp_path):
    data_home = tmp_path / "xdg-data"  # the conftest points the user data dir here
    result = run("inquiry", "list")
    assert result.code == 2
    assert not data_home.exists()


def test_init_creates_the_database_and_its_folders(run, tmp_path):
    target = tmp_path / "new" / "folder" / "desk.sqlite3"
    assert run("init", "--office", "SHIBA", db=target).code == 0
    assert target.is_file()
    assert run("inquiry", "list", "--json", db=target).json() == {"count": 0, "items": []}


def test_a_refused_restore_onto_a_missing_path_creates_nothing(run, tmp_path):
    target = tmp_path / "new" / "desk.sqlite3"
    result = run("restore", str(tmp_path / "no-such-backup.sqlite3"), db=target)
    assert result.code == 2
    assert "見つかりません" in result.err
    assert not target.parent.exists()


def test_restore_onto_a_new_folder_writes_the_database(run, db_path, tmp_path):
    target = tmp_path / "fresh-pc" / "desk.sqlite3"
    result = run("restore", str(db_path), db=target)
    assert result.code == 0, result.err
    assert run("check", db=target).code == 0
