"""Migration 0013: an inquiry's inquirer moves to a search text of its own, and back."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

from sqlalchemy import text

from db import migrate, search_index
from db.engine import open_engine
from desktop_app.services import database, search
from desktop_app.services.search import InquiryFilter

INQUIRER = "11111111-1111-1111-1111-111111111111"
PREVIOUS = "0009"
MIGRATION = importlib.import_module("db.migrations.versions.0013_search_inquirer_text")


def _file_at_0009(path: Path) -> Path:
    """A 0009 file with one inquirer who asked twice, written with plain SQL."""
    engine = open_engine(path, database.SQL_FUNCTIONS)
    migrate.upgrade(engine, PREVIOUS)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('office_code', 'SHIBA')"))
        conn.execute(
            text(
                "INSERT INTO inquirer (id, origin, rev, updated_at, updated_by, deleted, type,"
                " organization, name, kana, phone, phone_digits, email, postal_code, address,"
                " corporate_number, notes, match_key) VALUES (:id, 'SHIBA', 1,"
                " '2025-06-01 00:00:00', 'clerk', 0, 'resident', '港区商店会', '鈴木 一郎',"
                " 'スズキ', '03-5555-0101', '0355550101', '', '', '', '', '', 'すずきいちろう')"
            ),
            {"id": INQUIRER},
        )
        for number, subject in enumerate(("物産展の出店相談", "防災訓練の講師"), start=1):
            conn.execute(
                text(
                    "INSERT INTO inquiry (id, origin, rev, updated_at, updated_by, deleted,"
                    " receipt_no, office_code, received_at, staff, inquirer_id, subject,"
                    " content, status) VALUES (:id, 'SHIBA', 1, '2025-06-01 00:00:00', 'clerk',"
                    " 0, :receipt, 'SHIBA', '2025-06-01', 'clerk', :inquirer, :subject, '',"
                    " 'received')"
                ),
                {
                    "id": f"00000000-0000-0000-0000-00000000000{number}",
                    "receipt": f"SHIBA-2025-0000{number}",
                    "inquirer": INQUIRER,
                    "subject": subject,
                },
            )
    engine.dispose()
    return path


def _found(db, term: str) -> list[str]:
    rows = search.first_rows(db, InquiryFilter(text=term), sort="receipt_no", descending=False)
    return [row.receipt_no for row in rows]


def _texts(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(path) as conn:
        tables = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        found = {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY pk").fetchall()
            for table in ("search_text", "inquirer_search_text")
            if table in tables
        }
    conn.close()
    return found


def _created(statements: tuple[str, ...], kind: str) -> set[str]:
    """The names of the `kind` objects `statements` create (plain tables, not virtual ones)."""
    return {
        statement.split()[2]
        for statement in statements
        if statement.split()[:2] == ["CREATE", kind]
    }


def _triggers(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            if not name.startswith("audit_log_")  # the audit log's own guards (0006)
        }
    conn.close()
    return names


def test_a_0009_file_upgrades_and_finds_both_cases_by_who_asked(tmp_path):
    path = _file_at_0009(tmp_path / "at0009.sqlite3")
    assert "すずき" in _texts(path)["search_text"][0][1]  # the name in each inquiry's text

    db = database.connect(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD
        both = ["SHIBA-2025-00001", "SHIBA-2025-00002"]
        for term in ("鈴木", "すずき", "スズキ", "0355550101", "商店会", "鈴"):
            assert _found(db, term) == both, term
        assert _found(db, "物産展") == ["SHIBA-2025-00001"]
        assert _found(db, "鈴木 物産") == ["SHIBA-2025-00001"]  # one term in each text
    finally:
        db.dispose()
    after = _texts(path)
    assert [folded for _, folded in after["search_text"]] == [
        "物産展の出店相談|||",
        "防災訓練の講師|||",
    ]
    asker = "港区商店会|鈴木一郎|すずき|0355550101"
    assert after["inquirer_search_text"] == [(1, asker), (2, asker)]


def test_the_migration_makes_what_a_new_file_has(tmp_path):
    """0013's frozen DDL and the live index module agree: the same texts as a rebuild, the
    same triggers as a new file."""
    path = _file_at_0009(tmp_path / "up.sqlite3")
    database.connect(path).dispose()
    migrated = _texts(path)
    engine = open_engine(path, database.SQL_FUNCTIONS)
    with engine.begin() as conn:
        search_index.rebuild(conn)
    engine.dispose()
    assert _texts(path) == migrated
    assert _triggers(path) == _created(search_index.CREATE_STATEMENTS, "TRIGGER")


def test_the_downgrade_puts_the_words_back_into_each_inquiry(tmp_path):
    path = _file_at_0009(tmp_path / "down.sqlite3")
    before = _texts(path)
    database.connect(path).dispose()

    engine = open_engine(path, database.SQL_FUNCTIONS)
    migrate.downgrade(engine, PREVIOUS)
    assert migrate.current_revision(engine) == PREVIOUS
    with engine.begin() as conn:
        # The 0009 triggers work again: a renamed inquirer rewrites each inquiry's text.
        conn.execute(
            text("UPDATE inquirer SET name = '田中 一郎' WHERE id = :id"), {"id": INQUIRER}
        )
        renamed = conn.execute(
            text("SELECT count(*) FROM inquiry_trigram WHERE inquiry_trigram MATCH '\"田中一郎\"'")
        ).scalar_one()
    engine.dispose()
    assert renamed == 2
    # 0009's triggers, not one of the live design's (which 0002 also makes in a new file)
    assert _triggers(path) == _created(MIGRATION.DOWNGRADE, "TRIGGER")
    assert _created(MIGRATION.DOWNGRADE, "TABLE") == {"search_text"}
    assert [text.replace("田中", "鈴木") for _, text in _texts(path)["search_text"]] == [
        folded for _, folded in before["search_text"]
    ]
