"""Sync packages carry the sending database's id in their manifest; a package written before
the id existed (no `database_id`) is still read, its HMAC unchanged."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl

from desktop_app.excel.sync_package import Manifest, sign


def _manifest(path: Path) -> dict:
    book = openpyxl.load_workbook(path)
    facts = {row[0]: row[1] for row in book["_manifest"].iter_rows(values_only=True)}
    return json.loads(facts["manifest"])


def test_an_exported_package_names_its_database(run, db_path, tmp_path):
    out = tmp_path / "p.xlsx"
    assert run("export-sync", "--out", str(out), db=db_path).code == 0
    with sqlite3.connect(db_path) as conn:
        (own,) = conn.execute("SELECT value FROM setting WHERE key = 'database_id'").fetchone()
    conn.close()

    assert _manifest(out)["database_id"] == own


def test_a_manifest_without_the_id_signs_as_before():
    facts = {
        "kind": "sync",
        "package_id": "p-1",
        "from_office": "SHIBA",
        "to_office": "HQ",
        "sequence": 1,
        "previous_id": None,
        "created_at": "2026-12-01T00:00:00+00:00",
        "created_by": "admin",
        "full": True,
        "personal": False,
        "training": False,
    }
    older = Manifest(**facts)  # what a package of the previous build holds

    assert "database_id" not in older.signed_text()
    key = b"k" * 32
    assert sign(older, key) == sign(Manifest(**facts, database_id=None), key)
    assert sign(older, key) != sign(Manifest(**facts, database_id="another"), key)
