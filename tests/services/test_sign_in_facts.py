"""What the sign-in dialog reads with plain sqlite3 before the database is opened, and which
files it leaves to the usual path (opened, perhaps upgraded, first)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, setup
from desktop_app.services.sign_in_facts import SignInFacts, sign_in_facts


def test_a_desk_database_with_accounts(db, db_path: Path):
    assert sign_in_facts(db_path) == SignInFacts(office="SHIBA", training=False, accounts=True)


def test_a_training_database(db, db_path: Path):
    generate_demo_data(db, count=5, seed=3)
    facts = sign_in_facts(db_path)
    assert facts is not None and facts.training and facts.office == "SHIBA"


def test_a_file_without_accounts_is_said_so(new_db_path: Path):
    opened = database.connect(new_db_path)
    try:
        setup.initialise(opened, "SHIBA")
    finally:
        opened.dispose()
    assert sign_in_facts(new_db_path) == SignInFacts("SHIBA", training=False, accounts=False)


def test_files_that_must_be_opened_first_get_no_facts(tmp_path: Path, db_path: Path):
    assert sign_in_facts(tmp_path / "missing.sqlite3") is None
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_bytes(b"not a database at all, " * 100)
    assert sign_in_facts(not_a_database) is None
    never_initialised = tmp_path / "empty.sqlite3"
    sqlite3.connect(never_initialised).close()
    assert sign_in_facts(never_initialised) is None
    with sqlite3.connect(db_path) as conn:  # an older schema: upgraded (with a backup) first
        conn.execute("UPDATE alembic_version SET version_num = '0008'")
    conn.close()
    assert sign_in_facts(db_path) is None
