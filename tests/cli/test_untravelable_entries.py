"""Every entry path refuses what cannot travel in a package (domain/entry_rules): a control
character other than tab and line breaks, a date before 2000 or more than a year ahead.

Each refusal: exit 2 (a ledger row: the row is refused, exit 3), the Japanese message naming
the field, and not one row changed in any table. Tab and line breaks still come in.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.local_time import local_today
from desktop_app.services.database import SQL_FUNCTIONS
from tests.conftest import not_signing_in
from tests.ledger import ledgers

CONTROL_MESSAGE = (
    "に制御文字（U+{code}）が含まれています。タブと改行以外の制御文字は入力できません。"
)


def every_row(path: Path) -> dict[str, Any]:
    """Every row of every table (sign-ins left out: each command signs in)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " AND name NOT LIKE '%search%'"
            )
        ]
        result = {
            table: sorted(map(repr, conn.execute(f"SELECT * FROM {table}{not_signing_in(table)}")))
            for table in tables
        }
    conn.close()
    return result


@pytest.fixture
def receipt(run, db_path, write_json, sample_inquiry) -> str:
    added = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )
    assert added.code == 0, added.err
    return str(added.json()["receipt_no"])


def refused(run, db_path: Path, *args: str, expected: str, code: int = 2) -> None:
    before = every_row(db_path)
    result = run(*args, db=db_path)
    assert result.code == code, result.out + result.err
    assert expected in result.err + result.out
    assert every_row(db_path) == before


@pytest.mark.parametrize(
    ("key", "value", "code"),
    [("subject", "防災\x1b訓練", "001B"), ("content", "ベル\x07です", "0007"),
     ("outcome", "NUL\x00", "0000"), ("subject", "受付\u202e1024", "202E"),
     ("content", "\u2066芝\u2069", "2066")],
)  # fmt: skip
def test_inquiry_add_refuses_a_control_character(
    run, db_path, write_json, sample_inquiry, key, value, code
):
    sample_inquiry[key] = value
    path = str(write_json(sample_inquiry))
    label = {"subject": "件名", "content": "相談内容", "outcome": "結果"}[key]
    refused(
        run,
        db_path,
        "inquiry",
        "add",
        "--json-file",
        path,
        expected=f"「{label}」{CONTROL_MESSAGE.format(code=code)}",
    )


def test_inquiry_add_refuses_a_control_character_in_the_inquirer(
    run, db_path, write_json, sample_inquiry
):
    sample_inquiry["inquirer"]["name"] = "鈴木\x1b[31m一郎"
    path = str(write_json(sample_inquiry))
    refused(
        run, db_path, "inquiry", "add", "--json-file", path, expected="「氏名」に制御文字（U+001B）"
    )


def test_inquiry_add_keeps_tabs_and_line_breaks(run, db_path, write_json, sample_inquiry):
    sample_inquiry["content"] = "一行目\n\t二行目\r\n三行目"
    added = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )
    assert added.code == 0, added.err
    assert added.json()["content"] == "一行目\n\t二行目\r\n三行目"


@pytest.mark.parametrize("date", ["1868-01-01", "1999-12-31"])
def test_inquiry_add_refuses_a_date_before_2000(run, db_path, write_json, sample_inquiry, date):
    sample_inquiry["received_at"] = date
    path = str(write_json(sample_inquiry))
    refused(
        run, db_path, "inquiry", "add", "--json-file", path,
        expected=f"「受付日」の日付 {date} は入力できません（2000-01-01 から",
    )  # fmt: skip


def test_inquiry_update_refuses_a_control_character_and_a_far_date(run, db_path, receipt):
    refused(
        run, db_path, "inquiry", "update", receipt, "--set", "subject=件名\x1b",
        expected="「件名」に制御文字（U+001B）",
    )  # fmt: skip
    far = (local_today() + dt.timedelta(days=400)).isoformat()
    refused(
        run, db_path, "inquiry", "update", receipt, "--set", f"follow_up_due={far}",
        expected=f"「次回対応期限」の日付 {far} は入力できません",
    )  # fmt: skip


def test_action_add_refuses_a_control_character_in_the_note(run, db_path, receipt):
    refused(
        run, db_path, "action", "add", receipt, "--kind", "call", "--note", "折り返し\x1b",
        expected="「内容」に制御文字（U+001B）",
    )  # fmt: skip


def test_action_add_refuses_a_date_before_2000(run, db_path, receipt):
    refused(
        run, db_path, "action", "add", receipt, "--kind", "call", "--note", "電話",
        "--date", "1868-01-01", expected="「対応日」の日付 1868-01-01 は入力できません",
    )  # fmt: skip


def test_staff_add_refuses_a_control_character_in_the_name(run, db_path, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "shibakoen-2026")
    refused(
        run, db_path, "staff", "add", "tanaka", "--name", "田中\x07花子", "--role", "clerk",
        expected="「氏名」に制御文字（U+0007）",
    )  # fmt: skip


def test_a_ledger_row_with_a_control_character_or_an_old_date_is_refused(run, db_path, tmp_path):
    rows = (
        (1, "R7.4.3", "区民", "鈴木 一郎", "03-5555-0101", "防災訓練\x1bの相談", "防災", "完了", "", ""),  # noqa: E501
        (2, "1868/1/1", "区民", "佐藤 花子", "03-5555-0202", "物産展", "物産", "対応中", "", ""),
        (3, "R7.4.10", "区民", "田中 次郎", "03-5555-0303", "観光\tPR", "観光", "対応中", "", ""),
    )  # fmt: skip
    # A CSV ledger can hold any character (a workbook cannot hold ESC at all).
    path = ledgers.write_csv(tmp_path / "受付簿.csv", ledgers.table(rows), encoding="utf-8")
    result = run("import-ledger", str(path), "--json", db=db_path)
    assert result.code == 3, result.err
    report = result.json()
    assert report["imported"] == 1
    reasons = " ".join(str(item) for item in report["rejected"])
    assert "制御文字（U+001B）" in reasons
    assert "1868-01-01 は入力できません" in reasons
    listed = run("inquiry", "list", "--json", db=db_path).json()
    assert [item["subject"] for item in listed["items"]] == ["観光\tPR"]


def test_export_sync_still_works_with_values_stored_before_the_rule(
    run, db_path, receipt, tmp_path
):
    """A control character and an 1868 date already in the database (put there directly, as
    older versions let them in) no longer stop every export; a deleted case's tombstone too."""
    with sqlite3.connect(db_path) as conn:
        for name, function in SQL_FUNCTIONS.items():  # what the search index's triggers call
            conn.create_function(name, 1, function)
        conn.execute(
            "UPDATE inquiry SET subject = ?, received_at = '1868-01-01' WHERE receipt_no = ?",
            ("件名\x1b\x00", receipt),
        )
        conn.execute("UPDATE action SET note = ?, action_date = '1868-01-01'", ("メモ\x07",))
    conn.close()
    assert run("inquiry", "delete", receipt, db=db_path).code == 0

    result = run("export-sync", "--out", str(tmp_path / "p.xlsx"), db=db_path)

    assert result.code == 0, result.err
    assert (tmp_path / "p.xlsx").stat().st_size > 0


def test_the_refusals_read_in_english_too(run, db_path, receipt, set_language):
    set_language("en")
    refused(
        run, db_path, "action", "add", receipt, "--kind", "call", "--note", "call\x1b",
        "--date", "1999-12-31",
        expected='"Note" holds a control character (U+001B). Control characters other than tab',
    )  # fmt: skip
    refused(
        run, db_path, "action", "add", receipt, "--kind", "call", "--note", "call",
        "--date", "1999-12-31", expected='The date 1999-12-31 for "Date" cannot be entered',
    )  # fmt: skip
