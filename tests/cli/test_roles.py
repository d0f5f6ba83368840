"""Each role through the command line: what it may and may not do, and what a clerk's list
shows of personal data (masked) against the opened record (in full)."""

from __future__ import annotations

import sqlite3

import pytest

PASSWORD = "shinbashi-2026"


@pytest.fixture
def desk(run, db_path, monkeypatch, write_json, sample_inquiry):
    """SHIBA with one inquiry (phone, e-mail, address) and a clerk and a supervisor."""
    sample_inquiry["inquirer"]["email"] = "taro@example.jp"
    assert (
        run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path).code == 0
    )
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", PASSWORD)
    for login, role in (("tanaka", "clerk"), ("sato", "supervisor")):
        assert run("staff", "add", login, "--name", login, "--role", role, db=db_path).code == 0
    monkeypatch.delenv("RENKEI_DESK_NEW_PASSWORD")
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", PASSWORD)
    return db_path


def test_a_clerks_list_masks_personal_fields_and_the_opened_record_shows_them(run, desk):
    listed = run("--user", "tanaka", "--json", "inquiry", "list", db=desk).json()["items"][0]
    inquirer = listed["inquirer"]
    assert inquirer["phone"] == "03-****-0101"
    assert inquirer["email"] == "ta***@example.jp"
    assert not inquirer["address"] and not inquirer["postal_code"]
    assert inquirer["name"] == "鈴木 一郎"  # by which the desk finds the person
    streamed = run("--user", "tanaka", "--json", "inquiry", "list", "--all", db=desk)
    assert '"03-****-0101"' in streamed.out and "5555" not in streamed.out
    plain = run("--user", "tanaka", "inquiry", "list", db=desk)
    assert "5555" not in plain.out and "港区高輪1-1-1" not in plain.out
    shown = run("--user", "tanaka", "--json", "inquiry", "show", listed["receipt_no"], db=desk)
    assert shown.json()["inquirer"]["phone"] == "03-5555-0101"
    assert shown.json()["inquirer"]["address"] == "港区高輪1-1-1"


def test_a_supervisors_list_shows_personal_fields(run, desk):
    listed = run("--user", "sato", "--json", "inquiry", "list", db=desk).json()["items"][0]
    assert listed["inquirer"]["phone"] == "03-5555-0101"


@pytest.mark.parametrize(
    ("user", "command", "what", "needed"),
    [
        ("tanaka", ("export-sync", "--out", "{tmp}/p.xlsx"), "データの送付・取込", "係長・管理職"),
        ("tanaka", ("import-sync", "{tmp}/p.xlsx"), "データの送付・取込", "係長・管理職"),
        ("tanaka", ("conflict", "list"), "データの送付・取込", "係長・管理職"),
        (
            "tanaka",
            ("conflict", "resolve", "1", "--keep", "ours"),
            "データの送付・取込",
            "係長・管理職",
        ),
        ("sato", ("export-masters", "--out", "{tmp}/m.xlsx"), "マスタの変更", "システム管理者"),
        ("sato", ("import-masters", "{tmp}/m.xlsx"), "マスタの変更", "システム管理者"),
        ("sato", ("staff", "list"), "職員アカウントの管理", "システム管理者"),
        ("sato", ("config", "set", "package-password"), "設定の変更", "システム管理者"),
    ],
)
def test_what_a_role_may_not_do_is_refused_naming_what_is_missing(
    run, desk, snapshot, tmp_path, user, command, what, needed
):
    before = snapshot(desk)
    args = [part.format(tmp=tmp_path) for part in command]
    result = run("--user", user, *args, db=desk, stdin="a-shared-secret\n")
    assert result.code == 2
    assert result.err.strip().startswith(f"{what}は{needed}以上の権限が必要です")
    assert snapshot(desk) == before
    assert not list(tmp_path.glob("*.xlsx"))
    # The attempt is in the trail: who tried what their role does not cover.
    conn = sqlite3.connect(desk)
    with conn:
        denied = conn.execute(
            "SELECT staff, entity, new FROM audit_log WHERE action = 'denied'"
        ).fetchall()
    conn.close()
    role = "clerk" if user == "tanaka" else "supervisor"
    assert denied == [(user, "permission", role)]


def test_a_clerk_records_and_follows_up(run, desk, write_json, sample_inquiry):
    added = run("--user", "tanaka", "--json", "inquiry", "add", "--json-file",
                str(write_json(sample_inquiry)), db=desk)  # fmt: skip
    receipt = added.json()["receipt_no"]
    assert added.json()["staff"] == "tanaka"
    assert run("--user", "tanaka", "action", "add", receipt, "--kind", "call", "--note", "折り返し",
               db=desk).code == 0  # fmt: skip
    assert run("--user", "tanaka", "inquiry", "update", receipt, "--set", "status=in_progress",
               db=desk).code == 0  # fmt: skip


def test_a_supervisor_exports_but_a_clerk_cannot_get_personal_data_out(run, desk, tmp_path):
    out = tmp_path / "p.xlsx"
    refused = run("--user", "tanaka", "export-sync", "--out", str(out), "--include-personal",
                  db=desk)  # fmt: skip
    assert refused.code == 2 and not out.exists()
    assert run("--user", "sato", "export-sync", "--out", str(out), db=desk).code == 0
