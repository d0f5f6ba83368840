"""Busy is not damaged at open either (issue 18, defect 3): a file another program holds is
refused as busy, never as unreadable (which the window answers with its restore dialog)."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.services import database


def test_a_file_held_by_another_program_is_busy_not_unreadable(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM sqlite_stat1")  # so that opening has to write (ANALYZE)
    conn.close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(UserError) as refused:
            database.connect(db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert refused.value.code == "database_busy"
    assert "壊れてはいません" in refused.value.message("ja")
    database.connect(db_path).dispose()  # free again: it opens
