"""`idle-lock set`: the office's longest idle time, an administrator's setting, audited;
refused for anyone else and outside 1-120 minutes, changing nothing."""

from __future__ import annotations

import sqlite3

import pytest

PASSWORD = "shinbashi-2026"


@pytest.fixture
def desk(run, db_path, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", PASSWORD)
    for login, role in (("tanaka", "clerk"), ("sato", "supervisor")):
        assert run("staff", "add", login, "--name", login, "--role", role, db=db_path).code == 0
    monkeypatch.delenv("RENKEI_DESK_NEW_PASSWORD")
    return db_path


def _setting(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    with conn:
        rows = conn.execute(
            "SELECT value FROM setting WHERE key = 'idle_lock_max_minutes'"
        ).fetchall()
    conn.close()
    return rows


def test_the_default_is_fifteen_and_an_admin_sets_it(run, desk):
    shown = run("--json", "idle-lock", "show", db=desk)
    assert shown.json() == {"minutes": 15}
    done = run("idle-lock", "set", "5", db=desk)
    assert done.code == 0
    assert done.out.strip() == "操作がないときの画面ロックを最長 5 分にしました（全職員・全端末）。"
    assert _setting(desk) == [("5",)]
    entries = run("--json", "audit", "list", "--action", "setting", db=desk).json()["items"]
    assert [(e["staff"], e["entity_id"], e["old"], e["new"]) for e in entries] == [
        ("admin", "idle_lock_max_minutes", None, "5")
    ]


@pytest.mark.parametrize("user", ["tanaka", "sato"])
def test_nobody_but_an_administrator_may_lengthen_it(run, desk, monkeypatch, snapshot, user):
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", PASSWORD)
    before = snapshot(desk)
    refused = run("--user", user, "idle-lock", "set", "120", db=desk)
    assert refused.code == 2
    assert "設定の変更はシステム管理者以上の権限が必要です" in refused.err
    assert snapshot(desk) == before and _setting(desk) == []


@pytest.mark.parametrize("minutes", ["0", "121", "-5"])
def test_a_time_outside_the_range_is_refused(run, desk, snapshot, minutes):
    before = snapshot(desk)
    refused = run("idle-lock", "set", "--", minutes, db=desk)
    assert refused.code == 2
    assert f"画面ロックまでの時間「{minutes}」は使えません: 1〜120 分" in refused.err
    assert snapshot(desk) == before
