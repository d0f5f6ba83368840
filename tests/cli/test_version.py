"""`renkei-desk --version`: the version, the schema revisions and where the data lives."""

from __future__ import annotations

from importlib import metadata

from db import migrate


def test_without_a_database_it_says_the_first_start_will_make_one(run, new_db_path):
    result = run("--version", db=new_db_path)
    assert result.code == 0
    assert result.out.splitlines() == [
        f"renkei-desk {metadata.version('renkei-desk')}",
        f"データベースの版: まだありません（このプログラムの版: {migrate.HEAD}。"
        "最初の起動で作成します）",
        f"データベース: {new_db_path}",
        f"データの場所: {new_db_path.parent}（更新前の写しもここに保存します）",
    ]
    assert not new_db_path.parent.exists()  # asking never creates anything


def test_the_default_database_is_in_the_user_data_folder(run, tmp_path):
    lines = run("--version").out.splitlines()
    default = tmp_path / "xdg-data" / "renkei-desk" / "renkei-desk.sqlite3"
    assert lines[2] == f"データベース: {default}"


def test_json_names_the_revision_of_an_initialised_database(run, new_db_path, set_language):
    assert run("init", "--office", "SHIBA", db=new_db_path).code == 0
    assert run("--json", "--version", db=new_db_path).json() == {
        "version": metadata.version("renkei-desk"),
        "schema": migrate.HEAD,
        "database": str(new_db_path),
        "data_dir": str(new_db_path.parent),
        "exists": True,
        "revision": migrate.HEAD,
    }
    set_language("en")
    assert run("--version", db=new_db_path).out.splitlines()[1] == (
        f"Database schema revision: {migrate.HEAD} (this program's: {migrate.HEAD})"
    )


def test_a_file_that_is_not_a_database_has_no_revision(run, tmp_path):
    notes = tmp_path / "notes.sqlite3"
    notes.write_text("not a database", encoding="utf-8")
    assert run("--json", "--version", db=notes).json()["revision"] is None
    assert notes.read_text(encoding="utf-8") == "not a database"
