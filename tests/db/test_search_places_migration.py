"""Migration 0004: an upgraded file finds its cases by the places they are about."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from db import migrate, search_index
from db.engine import open_engine
from desktop_app.services import database, search
from desktop_app.services.search import InquiryFilter

INQUIRER = "11111111-1111-1111-1111-111111111111"
INQUIRY = "00000000-0000-0000-0000-000000000001"


def _file_at_0003(path: Path) -> Path:
    """A 0003 file with one inquiry about 釧路市 and 北海道町村会, written as that program did."""
    engine = open_engine(path, database.SQL_FUNCTIONS)
    migrate.upgrade(engine, "0003")
    with engine.begin() as conn:
        for statement in (
            "INSERT INTO setting (key, value) VALUES ('office_code', 'SHIBA')",
            "INSERT INTO municipality (code, prefecture_code, prefecture, name, kana, kind)"
            " VALUES ('012068', '01', '北海道', '釧路市', 'くしろし', 'city')",
            "INSERT INTO agreement_body (code, name, kind)"
            " VALUES ('hokkaido_towns', '北海道町村会', 'wide_area')",
            "INSERT INTO inquirer (id, origin, rev, updated_at, updated_by, deleted, type,"
            " organization, name, kana, phone, phone_digits, email, postal_code, address,"
            f" corporate_number, notes, match_key) VALUES ('{INQUIRER}', 'SHIBA', 1,"
            " '2025-06-01 00:00:00', 'clerk', 0, 'resident', '', '鈴木 一郎', '', '', '',"
            " '', '', '', '', '', 'すずきいちろう')",
            "INSERT INTO inquiry (id, origin, rev, updated_at, updated_by, deleted, receipt_no,"
            " office_code, received_at, staff, inquirer_id, subject, content, status)"
            f" VALUES ('{INQUIRY}', 'SHIBA', 1, '2025-06-01 00:00:00', 'clerk', 0,"
            f" 'SHIBA-2025-00001', 'SHIBA', '2025-06-01', 'clerk', '{INQUIRER}',"
            " '物産展の出店相談', '', 'received')",
            "INSERT INTO inquiry_municipality (inquiry_pk, code) VALUES (1, '012068')",
            "INSERT INTO inquiry_agreement (inquiry_pk, code) VALUES (1, 'hokkaido_towns')",
        ):
            conn.execute(text(statement))
    engine.dispose()
    return path


def _found(db, term: str) -> list[str]:
    return [row.receipt_no for row in search.first_rows(db, InquiryFilter(text=term))]


def test_a_0003_file_upgrades_and_finds_its_case_by_place(tmp_path):
    path = _file_at_0003(tmp_path / "at0003.sqlite3")
    db = database.connect(path)
    try:
        assert migrate.current_revision(db.engine) == migrate.HEAD
        for term in ("釧路", "北海道", "釧路市", "町村会", "物産展"):
            assert _found(db, term) == ["SHIBA-2025-00001"], term
    finally:
        db.dispose()


def test_the_migration_writes_the_same_text_as_a_new_file(tmp_path):
    """0004's frozen DDL and the live index module agree, so new and upgraded files match."""
    upgraded = _file_at_0003(tmp_path / "up.sqlite3")
    database.connect(upgraded).dispose()
    engine = open_engine(upgraded, database.SQL_FUNCTIONS)
    with engine.begin() as conn:
        kept = conn.exec_driver_sql("SELECT folded FROM search_text").scalar_one()
        search_index.rebuild(conn)
        rebuilt = conn.exec_driver_sql("SELECT folded FROM search_text").scalar_one()
    engine.dispose()
    assert kept == rebuilt
    assert "北海道釧路市" in kept and "北海道町村会" in kept
    with sqlite3.connect(upgraded) as conn:
        triggers = {
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")
            if not name.startswith("audit_log_")  # the audit log's own guards (0006)
        }
    conn.close()
    live = {
        statement.split()[2]
        for statement in search_index.CREATE_STATEMENTS
        if "TRIGGER" in statement.split()[1]
    }
    assert triggers == live
