"""Damaging database files the way a disk or a power cut does, for the tests that must notice.

`break_an_index` overwrites one index's root page: the schema still reads (the file opens, its
office and revision are known) but `PRAGMA integrity_check` fails, which is the damage a
check must find. `break_the_header` makes the file no database at all.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

INDEX = "ix_inquiry_received"


def break_an_index(path: Path, index: str = INDEX) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)
        ).fetchone()
    finally:
        conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)


def break_the_header(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.write(b"\x00" * 100)


def integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
