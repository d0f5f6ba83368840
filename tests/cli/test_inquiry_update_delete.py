"""`inquiry update RECEIPT --set ...` and `inquiry delete RECEIPT` through the command line."""

from __future__ import annotations

import sqlite3

import pytest


@pytest.fixture
def receipt(run, db_path, write_json, sample_inquiry) -> str:
    result = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )
    assert result.code == 0
    return str(result.json()["receipt_no"])


def _audit(db_path, action: str) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT entity, field, old, new FROM audit_log WHERE action = ? ORDER BY pk", (action,)
        ).fetchall()
    conn.close()
    return rows


def test_update_sets_status_lists_and_inquirer_fields(run, db_path, receipt):
    result = run(
        "inquiry", "update", receipt,
        "--set", "status=in_progress",
        "--set", "fields=tourism,food",
        "--set", "inquirer.phone=03-1234-5678",
        "--json", db=db_path,
    )  # fmt: skip

    assert result.code == 0, result.err
    record = result.json()
    assert record["status"] == "in_progress"
    assert record["fields"] == ["food", "tourism"]
    assert record["inquirer"]["phone"] == "03-1234-5678"
    assert record["rev"] == 2
    shown = run("inquiry", "show", receipt, "--json", db=db_path).json()
    del shown["actions"]  # show adds the history
    assert shown == record
    assert ("inquiry", "status", "received", "in_progress") in _audit(db_path, "update")
    assert ("inquirer", "phone", "＊＊＊", "＊＊＊") in _audit(db_path, "update")


def test_the_new_phone_finds_the_inquiry_and_the_old_one_does_not(run, db_path, receipt):
    run("inquiry", "update", receipt, "--set", "inquirer.phone=03-1234-5678", db=db_path)

    def found(query: str) -> int:
        return int(run("inquiry", "list", "--query", query, "--json", db=db_path).json()["count"])

    assert found("(03)1234-5678") == 1
    assert found("03-5555-0101") == 0


def test_a_list_key_keeps_an_unchanged_code_and_can_be_cleared(run, db_path, receipt):
    kept = run(
        "inquiry", "update", receipt, "--set", "fields=disaster,tourism", "--json", db=db_path
    )
    assert kept.json()["fields"] == ["disaster", "tourism"]
    cleared = run("inquiry", "update", receipt, "--set", "fields=", "--json", db=db_path)
    assert cleared.json()["fields"] == []


@pytest.mark.parametrize(
    ("assignments", "key", "expected"),
    [
        (["received_at=R8.9.1"], "received_at", "2026-09-01"),
        (["received_at=令和８年９月１日"], "received_at", "2026-09-01"),
        (["follow_up_due=null"], "follow_up_due", None),
        (["channel=visit"], "channel", "visit"),
        (["municipalities=012068,016616"], "municipalities", ["012068", "016616"]),
        (["subject=件名 = 等号を含む"], "subject", "件名 = 等号を含む"),
    ],
    ids=[
        "wareki",
        "full-width-wareki",
        "clear-due",
        "channel",
        "municipalities",
        "equals-in-value",
    ],
)
def test_update_reads_values_as_the_contract_does(
    run, db_path, receipt, assignments, key, expected
):
    argv = [part for assignment in assignments for part in ("--set", assignment)]
    result = run("inquiry", "update", receipt, *argv, "--json", db=db_path)
    assert result.code == 0, result.err
    assert result.json()[key] == expected


def test_closing_needs_an_outcome_and_then_succeeds(run, db_path, receipt):
    refused = run("inquiry", "update", receipt, "--set", "status=matched", db=db_path)
    assert refused.code == 2
    assert "結果（outcome）" in refused.err

    closed = run(
        "inquiry", "update", receipt,
        "--set", "status=matched", "--set", "outcome=甲府市と協定締結",
        "--json", db=db_path,
    )  # fmt: skip
    assert closed.code == 0
    assert closed.json()["closed_at"] is not None
    assert closed.json()["outcome"] == "甲府市と協定締結"


def test_reopening_clears_closed_at_and_is_audited(run, db_path, receipt):
    run(
        "inquiry",
        "update",
        receipt,
        "--set",
        "status=info_only",
        "--set",
        "outcome=案内済",
        db=db_path,
    )

    reopened = run(
        "inquiry", "update", receipt, "--set", "status=in_progress", "--json", db=db_path
    )

    assert reopened.code == 0
    record = reopened.json()
    assert (record["status"], record["closed_at"], record["outcome"]) == ("in_progress", None, None)
    assert _audit(db_path, "reopen") == [("inquiry", "status", "info_only", "in_progress")]


def test_an_update_that_changes_nothing_keeps_the_rev(run, db_path, receipt, sample_inquiry):
    result = run(
        "inquiry", "update", receipt, "--set", f"subject={sample_inquiry['subject']}",
        "--json", db=db_path,
    )  # fmt: skip
    assert result.json()["rev"] == 1
    assert _audit(db_path, "update") == []


def test_delete_leaves_a_tombstone_that_show_refuses_and_list_skips(run, db_path, receipt):
    deleted = run("inquiry", "delete", receipt, "--json", db=db_path)

    assert deleted.code == 0
    assert deleted.json() == {"receipt_no": receipt, "deleted": True}
    shown = run("inquiry", "show", receipt, db=db_path)
    assert shown.code == 2
    assert "削除済みです" in shown.err
    listed = run("inquiry", "list", "--json", db=db_path).json()
    assert listed == {"count": 0, "items": []}
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT deleted, rev FROM inquiry").fetchall() == [(1, 2)]
    conn.close()
    assert len(_audit(db_path, "delete")) == 1


def test_delete_prints_a_japanese_confirmation(run, db_path, receipt):
    result = run("inquiry", "delete", receipt.lower(), db=db_path)
    assert result.out.strip() == f"受付番号「{receipt}」を削除しました。"
