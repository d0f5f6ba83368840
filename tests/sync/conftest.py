"""Offices for the exchange tests: real databases for HQ and branches, copied from templates."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from desktop_app.services import database, setup
from tests.conftest import not_signing_in

OFFICES = ("HQ", "SHIBA", "AZABU")
# Every table an import may write: "nothing changed" compares all their rows.
EXCHANGE_TABLES = (
    "inquirer",
    "inquiry",
    "action",
    "inquiry_field",
    "inquiry_municipality",
    "audit_log",
    "sync_base",
    "sync_package",
    "conflict",
    "setting",
    "receipt_counter",
    "vocab_term",
    "municipality",
)


def rows_by_id(path: Path, table: str, columns: str) -> dict[str, tuple[Any, ...]]:
    """`columns` of every row of `table` (the first column its id), keyed and ordered by id."""
    with sqlite3.connect(path) as plain:
        rows = plain.execute(f"SELECT {columns} FROM {table} ORDER BY id").fetchall()
    plain.close()
    return {row[0]: row for row in rows}


@pytest.fixture(scope="session")
def office_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("offices")
    templates = {}
    for office in OFFICES:
        path = folder / f"{office}.sqlite3"
        db = database.connect(path)
        setup.initialise(db, office)
        db.dispose()
        templates[office] = path
    return templates


@pytest.fixture
def office(office_templates: dict[str, Path], tmp_path: Path) -> Iterator[Callable[..., Database]]:
    """`office("SHIBA")`: that office's database for this test; `office("HQ", "hq2")` a second."""
    opened: dict[str, Database] = {}

    def make(code: str, name: str | None = None) -> Database:
        key = name or code
        if key not in opened:
            path = tmp_path / f"{key}.sqlite3"
            shutil.copyfile(office_templates[code], path)
            opened[key] = database.connect(path)
        return opened[key]

    yield make
    for db in opened.values():
        db.dispose()


def dump(path: Path, *, audit: bool = True) -> dict[str, Any]:
    """Every row of the exchange tables: equal before and after means nothing was written.

    `audit=False` leaves the audit log out, for an import that changed no data but was, as
    every import is, recorded as an event.
    """
    tables = [t for t in EXCHANGE_TABLES if audit or t != "audit_log"]
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        result = {
            table: conn.execute(
                f"SELECT * FROM {table}{not_signing_in(table)} ORDER BY 1, 2"
            ).fetchall()
            for table in tables
        }
    conn.close()
    return result
