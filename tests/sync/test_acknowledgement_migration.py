"""Migration 0014 adds what a package acknowledged and where its rows begin to `sync_package`;
the packages recorded before it keep their rows, read as packages of an earlier build."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import migrate
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquiries, sync_export, sync_import
from tests.actors import actor_for
from tests.sync.test_exchange_orders import _manifest_of

CASE = {"received_at": "2026-10-01", "subject": "物産展", "channel": "phone",
        "inquirer": {"type": "resident", "name": "鈴木 一郎"}}  # fmt: skip


def _packages(path: Path) -> tuple[list[str], list[tuple]]:
    with sqlite3.connect(path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(sync_package)")]
        rows = conn.execute(
            "SELECT id, direction, from_office, to_office, sequence, full FROM sync_package"
        ).fetchall()
    conn.close()
    return columns, rows


def test_0014_goes_down_and_up_keeping_the_packages_recorded(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    inquiries.add_inquiry(shiba, NewInquiry.read(CASE), actor=actor_for("c"))
    sync_export.export_sync(shiba, tmp_path / "s1.xlsx", actor=actor_for("c"))
    assert not sync_import.import_sync(hq, [tmp_path / "s1.xlsx"], actor=actor_for("s")).refused
    columns, recorded = _packages(hq.path)
    assert {"acknowledged", "since"} <= set(columns) and len(recorded) == 1

    migrate.downgrade(hq.engine, "0009")
    columns, rows = _packages(hq.path)
    assert "acknowledged" not in columns and "since" not in columns
    assert rows == recorded

    migrate.upgrade(hq.engine)
    columns, rows = _packages(hq.path)
    assert {"acknowledged", "since"} <= set(columns) and rows == recorded
    with sqlite3.connect(hq.path) as conn:
        assert conn.execute("SELECT acknowledged, since FROM sync_package").fetchall() == [
            (None, None)
        ]
    conn.close()
    # the package recorded before is read as one of an earlier build: SHIBA's package 1 held
    sync_export.export_sync(hq, tmp_path / "h1.xlsx", actor=actor_for("s"), to_office="SHIBA")
    assert _manifest_of(tmp_path / "h1.xlsx")["acknowledged"] == 1
