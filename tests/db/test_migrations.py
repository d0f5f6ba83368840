"""Opening an older database upgrades it after a backup, and loses no row."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import migrate
from db.engine import open_engine
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, search, setup
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for

INQUIRER_ID = "11111111-1111-1111-1111-111111111111"
SUBJECTS = [
    "東京の物産展に出店したい",
    "防災訓練への参加自治体を探している",
    "京都の大学と連携したい",
]


def _baseline_file(path: Path, revision: str = "0001") -> Path:
    """A database at an old revision, with rows written by plain SQL as an old program did."""
    engine = open_engine(path, database.SQL_FUNCTIONS)
    migrate.upgrade(engine, revision)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO setting (key, value) VALUES ('office_code', 'SHIBA')"))
        conn.execute(
            text(
                "INSERT INTO inquirer (id, origin, rev, updated_at, updated_by, deleted, type,"
                " organization, name, kana, phone, phone_digits, email, postal_code, address,"
                " corporate_number, notes, match_key)"
                " VALUES (:id, 'SHIBA', 1, '2025-06-01 00:00:00', 'clerk', 0, 'resident', '',"
                " '鈴木 一郎', 'スズキ イチロウ', '03-5555-0101', '0355550101', '', '', '', '',"
                " '', 'すずきいちろう')"
            ),
            {"id": INQUIRER_ID},
        )
        for number, subject in enumerate(SUBJECTS, start=1):
            conn.execute(
                text(
                    "INSERT INTO inquiry (id, origin, rev, updated_at, updated_by, deleted,"
                    " receipt_no, office_code, received_at, staff, inquirer_id, subject, content,"
                    " status) VALUES (:id, 'SHIBA', 1, '2025-06-01 00:00:00', 'clerk', 0,"
                    " :receipt, 'SHIBA', '2025-06-01', 'clerk', :inquirer, :subject, '',"
                    " 'received')"
                ),
                {
                    "id": f"00000000-0000-0000-0000-00000000000{number}",
                    "receipt": f"SHIBA-2025-0000{number}",
                    "inquirer": INQUIRER_ID,
                    "subject": subject,
                },
            )
        conn.execute(
            text(
                "INSERT INTO receipt_counter (office_code, fiscal_year, last)"
                " VALUES ('SHIBA', 2025, 3)"
            )
        )
        conn.execute(
            text(
                "UPDATE inquiry SET status = 'info_only', outcome = '案内済',"
                " closed_at = '2026-03-31 15:30:00.000000' WHERE receipt_no = 'SHIBA-2025-00003'"
            )
        )
    assert migrate.current_revision(engine) == revision
    engine.dispose()
    return path


@pytest.fixture(scope="module")
def baseline_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _baseline_file(tmp_path_factory.mktemp("baseline") / "old.sqlite3")


@pytest.fixture
def old_file(baseline_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "old.sqlite3"
    shutil.copyfile(baseline_template, path)
    return path


def _rows(path: Path, like: dict[str, list[dict]] | None = None) -> dict[str, list[dict]]:
    """Every row of the tables that hold data, as dicts; with `like`, only the columns it has."""
    with sqlite3.connect(path) as conn:
        conn.row_factory = sqlite3.Row
        result = {
            table: [dict(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            for table in ("setting", "inquirer", "inquiry", "receipt_counter")
        }
    conn.close()
    if like is not None:
        # The identity that 0007 gives every database is new, not a changed row.
        result["setting"] = [row for row in result["setting"] if row["key"] != "database_id"]
        result = {
            table: [
                {key: row.get(key, _DROPPED.get(key)) for key in old}
                for row, old in zip(rows, like[table], strict=True)
            ]
            for table, rows in result.items()
        }
    return result


# Columns a later revision drops, with the only value they ever held before it (0003 replaced
# base_rev, unused until sync existed, with the sync_base table).
_DROPPED = {"base_rev": None}


def test_opening_a_baseline_file_upgrades_it_after_a_backup(old_file):
    before = _rows(old_file)

    db = database.connect(old_file)
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision() != "0001"
        # Into the backup folder beside the file, named for the office and the revision.
        backups = list(
            (old_file.parent / "backups").glob("old-SHIBA-*-before-upgrade-0001.sqlite3")
        )
        assert len(backups) == 1
        assert _rows(backups[0]) == before
        assert _rows(old_file, like=before) == before
        with db.read() as session:
            assert session.execute(text("SELECT count(*) FROM search_text")).scalar() == 3
    finally:
        db.dispose()


@pytest.mark.parametrize(
    ("query", "subjects"),
    [
        ("東", [SUBJECTS[0]]),
        ("京", [SUBJECTS[2], SUBJECTS[0]]),
        ("東京", [SUBJECTS[0]]),
        ("大学", [SUBJECTS[2]]),
        ("物産展", [SUBJECTS[0]]),
        ("防災訓練", [SUBJECTS[1]]),
        ("すずき", SUBJECTS[::-1]),
        ("5555-0101", SUBJECTS[::-1]),
    ],
)
def test_inquiries_of_the_old_file_are_found_after_the_upgrade(old_file, query, subjects):
    db = database.connect(old_file)
    try:
        rows = search.first_rows(db, InquiryFilter(text=query), sort="receipt_no")
        assert sorted(row.subject for row in rows) == sorted(subjects)
    finally:
        db.dispose()


def test_the_upgraded_file_takes_new_inquiries_with_the_next_number(old_file):
    from desktop_app.services import inquiries

    db = database.connect(old_file)
    try:
        record = inquiries.add_inquiry(
            db,
            NewInquiry.read(
                {"received_at": "2025-07-01", "subject": "追加", "inquirer": {"id": INQUIRER_ID}}
            ),
            actor=actor_for("clerk"),
        )
        assert record.receipt_no == "SHIBA-2025-00004"
        assert setup.office_of(db) == "SHIBA"
    finally:
        db.dispose()


def test_a_0002_file_with_rows_upgrades_to_0003_losing_none_and_filling_the_new_keys(tmp_path):
    path = _baseline_file(tmp_path / "at0002.sqlite3", "0002")
    before = _rows(path)

    database.connect(path).dispose()

    after = _rows(path)
    assert _rows(path, like=before) == before
    assert [row["name_key"] for row in after["inquirer"]] == ["鈴木一郎"]
    assert [row["kana_key"] for row in after["inquirer"]] == ["すずきいちろう"]
    # Closed at 00:30 on 1 April in Tokyo: fiscal year 2026, although it was still 31 March UTC.
    assert [row["closed_on"] for row in after["inquiry"]] == [None, None, "2026-04-01"]
    sequences = [row["change_seq"] for table in ("inquirer", "inquiry") for row in after[table]]
    assert sequences == [1, 2, 3, 4]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT last FROM change_counter").fetchall() == [(4,)]
        indexes = {
            name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")
        }
    conn.close()
    assert {f"ix_{table}_change_seq" for table in ("inquirer", "inquiry", "action")} <= indexes


def test_opening_twice_upgrades_and_backs_up_once(old_file):
    database.connect(old_file).dispose()
    database.connect(old_file).dispose()
    assert len(list(old_file.parent.glob("backups/*before-upgrade*"))) == 1


def test_a_database_newer_than_the_program_is_refused(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.close()
    before = db_path.read_bytes()

    with pytest.raises(UserError) as refused:
        database.connect(db_path)

    assert refused.value.code == "database_newer"
    assert "ffff9999" in refused.value.message("ja")
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("**/*before-upgrade*"))


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "x.sqlite3"
    path.write_bytes(b"definitely not sqlite" * 50)
    with pytest.raises(UserError) as refused:
        database.connect(path)
    assert refused.value.code == "database_unreadable"


def test_every_revision_downgrades_and_upgrades_again(tmp_path):
    engine = open_engine(tmp_path / "round.sqlite3", database.SQL_FUNCTIONS)
    try:
        migrate.upgrade(engine)
        from alembic import command

        config = migrate._config()
        with engine.begin() as conn:
            config.attributes["connection"] = conn
            command.downgrade(config, "base")
        assert migrate.current_revision(engine) is None
        migrate.upgrade(engine)
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()


def test_the_migrated_schema_matches_the_models(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from db.models import Base

    index_tables = {"search_text", "inquirer_search_text"}
    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    relevant = [
        diff
        for diff in differences
        if not (
            isinstance(diff, tuple)
            and diff[0] == "remove_table"
            and (diff[1].name in index_tables or diff[1].name.startswith(("inquiry_", "inquirer_")))
        )
    ]
    assert relevant == []


def test_head_constant_names_the_newest_migration_script() -> None:
    """Opening a file compares with migrate.HEAD so that start-up need not import Alembic."""
    assert migrate.HEAD == migrate.script_head()


def test_an_upgraded_file_gets_statistics_for_its_new_indexes(tmp_path):
    path = _baseline_file(tmp_path / "at0002.sqlite3", "0002")
    with sqlite3.connect(path) as conn:
        conn.execute("ANALYZE")  # as the old program left it: statistics of the 0002 indexes
    conn.close()

    database.connect(path).dispose()

    with sqlite3.connect(path) as conn:
        analysed = {idx for (idx,) in conn.execute("SELECT idx FROM sqlite_stat1")}
    conn.close()
    assert {"ix_inquiry_closed", "ix_inquiry_change_seq", "ix_inquirer_kana_key"} <= analysed
