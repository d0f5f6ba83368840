"""A database made at the previous schema revision opens in this build with every row intact,
after a backup, and the person is told: on the command line and in the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import migrate
from db.engine import open_engine
from desktop_app import cli
from desktop_app.demo.service import generate_demo_data
from desktop_app.services import about, database, setup, staff
from desktop_app.ui.app import DeskApp, open_desk_database
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD

previous_revision = migrate.previous_revision

# The search index's own tables are rebuilt by an upgrade (their text is what changes).
REBUILT = ("search_text", "inquiry_trigram", "inquiry_bigram", "inquirer_search_text",
           "inquirer_trigram", "inquirer_bigram", "alembic_version")  # fmt: skip


def _tables(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table that holds data (FTS shadow tables and the rebuilt index aside)."""
    with sqlite3.connect(path) as conn:
        names = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'"
            )
            if not name.startswith(REBUILT) and not name.startswith("sqlite_")
        ]
        tables = {name: sorted(conn.execute(f'SELECT * FROM "{name}"')) for name in names}
    conn.close()
    return tables


@pytest.fixture(scope="module")
def previous_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A desk with demo data (inquiries, inquirers, actions, codes, counters, audit rows),
    taken down to the previous revision by its own migration."""
    path = tmp_path_factory.mktemp("previous") / "desk.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "SHIBA")
    staff.create_first_admin(db, ADMIN_PASSWORD)
    generate_demo_data(db, count=60, seed=4)
    db.dispose()
    engine = open_engine(path, database.SQL_FUNCTIONS)
    migrate.downgrade(engine, previous_revision())
    assert migrate.current_revision(engine) == previous_revision()
    engine.dispose()
    return path


@pytest.fixture
def previous_file(previous_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    path.write_bytes(previous_template.read_bytes())
    return path


def test_the_command_line_upgrades_after_a_backup_and_says_so(previous_file, capsys):
    before = _tables(previous_file)
    assert sum(len(rows) for rows in before.values()) > 2000
    assert cli.main(["--db", str(previous_file), "check"]) == 0
    err = capsys.readouterr().err
    old, new = previous_revision(), migrate.head_revision()
    assert f"データベースをこのプログラムの版に更新しました（{old} → {new}）" in err
    # The message names the copy, wherever backups are kept.
    backup = Path(err.split("更新前の写し: ", 1)[1].split()[0])
    assert f"before-upgrade-{old}" in backup.name
    assert about.describe(previous_file).revision == new
    assert about.describe(backup).revision == old
    after = _tables(previous_file)
    for table, rows in before.items():  # every old row, every old column, unchanged
        width = len(rows[0]) if rows else 0
        kept = [row[:width] for row in after[table]]
        if table == "audit_log":  # the command's own sign-in is logged after them
            kept = kept[: len(rows)]
        assert kept == rows, table
    assert _tables(backup) == before
    # Said once: the next open finds the file at the newest revision.
    assert cli.main(["--db", str(previous_file), "check"]) == 0
    assert "更新しました" not in capsys.readouterr().err


def test_version_names_the_older_revision_without_touching_the_file(previous_file, capsys):
    before = previous_file.read_bytes()
    with pytest.raises(SystemExit):
        cli.main(["--db", str(previous_file), "--version"])
    lines = capsys.readouterr().out.splitlines()
    assert lines[1] == (
        f"データベースの版: {previous_revision()}（このプログラムの版: {migrate.head_revision()}。"
        "開くときに写しを取ってから更新します）"
    )
    assert previous_file.read_bytes() == before
    assert not list(previous_file.parent.glob("*before-upgrade*"))


def test_the_window_says_so(qtbot, previous_file, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    from PySide6.QtWidgets import QApplication, QMessageBox

    upgrades: list[database.Upgrade] = []
    db, office = open_desk_database(previous_file, on_upgrade=upgrades.append)
    desk = DeskApp(QApplication.instance(), db, office, actor_for(office=office))
    try:
        window = desk.build("ja", restore=False)  # desk.close() below destroys it
        assert len(upgrades) == 1
        window.say_upgraded(upgrades[0].message("ja"), modal=True)
        box = window.findChild(QMessageBox, "upgradeNotice")
        assert box is not None and box.isVisible()
        assert f"（{previous_revision()} → {migrate.head_revision()}）" in box.text()
        assert str(upgrades[0].backup) in window.statusBar().currentMessage()
    finally:
        desk.close()
