"""`--db` naming another program's SQLite database (a browser's history, an accounting tool's
file): refused as not the desk's, with the file left exactly as it was. It used to be given
the desk's tables and switched to WAL by any command, the light list's opening included."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.domain.messages import render


def _foreign(path: Path) -> bytes:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.jp/')")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "command",
    [("inquiry", "list"), ("--json", "inquiry", "list", "--month", "2026-10"), ("check",)],
    ids=["light list", "light list json", "check"],
)
def test_another_programs_database_is_refused_and_left_as_it_was(run, tmp_path, command):
    path = tmp_path / "places.sqlite"
    before = _foreign(path)
    refused = run(*command, db=path)

    assert refused.code == 2, refused.err
    assert render("database_foreign", "ja", path=path) in refused.err
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("places")) == [
        "places.sqlite"
    ]
