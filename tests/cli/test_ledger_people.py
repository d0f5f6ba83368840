"""Issue 18, defect 7: a ledger's rows go to the right person, with the right type and note.

- 「山田 次郎 / ヤマダ ハナコ」 without a phone is not 山田 花子 because their readings agree: the
  row is held back for a person (exit 3, its own message, nothing changed), and imported anyway
  it gets an inquirer of its own (his name, not her phone or address);
- the same name and reading is still the same inquirer;
- a row naming an organisation where the ledger has no organisation column gets the matching
  相談者区分 (町会, 商店会, 株式会社, ㈱, NPO法人, 有限会社, 社団法人, 財団法人, 協同組合);
- 備考 of a case still open is kept as a メモ action, never as its 結果.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for
from tests.ledger import ledgers

HEADERS = ("No.", "受付日", "相談者", "フリガナ", "電話", "相談内容", "対応状況", "備考")
HANAKO = {
    "type": "resident",
    "name": "山田 花子",
    "kana": "ヤマダ ハナコ",
    "phone": "03-5555-0303",
    "address": "港区芝1-1-1",
}
HANAKO_CASE = "SHIBA-2026-00001"


@pytest.fixture
def desk(db_path: Path, sample_inquiry: dict[str, Any]) -> Path:
    """The SHIBA database where 山田 花子 is a known inquirer (one inquiry)."""
    db = database.connect(db_path)
    try:
        inquiries.add_inquiry(
            db, NewInquiry.read({**sample_inquiry, "inquirer": HANAKO}), actor=actor_for("clerk")
        )
    finally:
        db.dispose()
    return db_path


def ledger(tmp_path: Path, *rows: tuple[Any, ...]) -> Path:
    return ledgers.write_xlsx(tmp_path / "受付簿.xlsx", [list(HEADERS), *map(list, rows)])


def shown(run: Any, db: Path, receipt: str) -> dict[str, Any]:
    result = run("inquiry", "show", receipt, "--json", db=db)
    assert result.code == 0, result.err
    return result.json()


def test_the_same_reading_under_another_name_is_held_back(run, desk, tmp_path, snapshot):
    path = ledger(
        tmp_path, (1, "R7.4.3", "山田 次郎", "ヤマダ ハナコ", "", "防災訓練の相談", "受付", "")
    )
    before = snapshot(desk)

    for dry_run in ((), ("--dry-run",)):
        result = run("import-ledger", str(path), *dry_run, db=desk)
        assert result.code == 3, result.err
        assert (
            f"2 行目の相談者は、登録済みの相談者（{HANAKO_CASE} の相談者）とフリガナが同じで"
            "氏名が違います。同じ人か確認してください"
        ) in result.out
        assert "取込 0" in result.out and "重複候補 1" in result.out
        assert snapshot(desk) == before

    as_json = run("import-ledger", str(path), "--dry-run", "--json", db=desk).json()
    assert as_json["doubtful_inquirer_rows"] == [{"row": 2, "receipt_no": HANAKO_CASE}]


def test_imported_anyway_it_gets_an_inquirer_of_its_own(run, desk, tmp_path):
    path = ledger(
        tmp_path, (1, "R7.4.3", "山田 次郎", "ヤマダ ハナコ", "", "防災訓練の相談", "受付", "")
    )
    result = run("import-ledger", str(path), "--add-duplicates", db=desk)
    assert result.code == 0, result.out + result.err

    jiro = shown(run, desk, "SHIBA-2025-00001")["inquirer"]
    hanako = shown(run, desk, HANAKO_CASE)["inquirer"]
    assert jiro["id"] != hanako["id"]
    assert (jiro["name"], jiro["kana"], jiro["phone"], jiro["address"]) == (
        "山田 次郎", "ヤマダ ハナコ", None, None,
    )  # fmt: skip
    assert hanako["name"] == "山田 花子"


def test_the_same_name_and_reading_is_the_same_inquirer(run, desk, tmp_path):
    path = ledger(
        tmp_path, (1, "R7.4.3", "山田 花子", "ヤマダ ハナコ", "", "防災訓練の相談", "受付", "")
    )
    result = run("import-ledger", str(path), db=desk)
    assert result.code == 0, result.out + result.err
    again = shown(run, desk, "SHIBA-2025-00001")["inquirer"]
    assert again["id"] == shown(run, desk, HANAKO_CASE)["inquirer"]["id"]


ORGANISATIONS = [
    ("高輪一丁目町会", "neighborhood"),
    ("港南商店会 田中", "shopping_street"),
    ("株式会社ミナト", "business"),
    ("㈱シバ商事", "business"),
    ("NPO法人みなと", "npo"),
    ("有限会社タナカ", "business"),
    ("一般社団法人港まちづくり", "public_interest"),
    ("公益財団法人芝文化", "public_interest"),
    ("港区事業協同組合", "business"),
    ("鈴木 一郎", "resident"),
]


def test_an_organisation_in_the_name_column_gets_its_type(run, desk, tmp_path):
    rows = [
        (number, "R7.4.3", name, "", "", f"相談 {number}", "受付", "")
        for number, (name, _) in enumerate(ORGANISATIONS, start=1)
    ]
    result = run("import-ledger", str(ledger(tmp_path, *rows)), db=desk)
    assert result.code == 0, result.out + result.err

    for number, (name, expected) in enumerate(ORGANISATIONS, start=1):
        inquirer = shown(run, desk, f"SHIBA-2025-{number:05d}")["inquirer"]
        assert inquirer["type"] == expected, (name, inquirer)
        if expected != "resident":
            assert name.startswith(inquirer["organization"]), (name, inquirer)
    assert shown(run, desk, "SHIBA-2025-00002")["inquirer"]["name"] == "田中"


def test_a_note_of_an_open_case_is_no_outcome(run, desk, tmp_path):
    path = ledger(
        tmp_path,
        (1, "R7.4.3", "鈴木 一郎", "", "", "防災訓練の相談", "対応中", "来週に折り返す"),
        (2, "R7.4.4", "佐藤 二郎", "", "", "物産展の相談", "完了", "資料を渡して完了"),
    )
    result = run("import-ledger", str(path), db=desk)
    assert result.code == 0, result.out + result.err

    open_case = shown(run, desk, "SHIBA-2025-00001")
    assert open_case["status"] == "in_progress"
    assert open_case["outcome"] is None
    [note] = open_case["actions"]
    assert (note["kind"], note["note"], note["action_date"]) == (
        "note", "備考: 来週に折り返す", "2025-04-03",
    )  # fmt: skip
    closed = shown(run, desk, "SHIBA-2025-00002")
    assert closed["outcome"] == "資料を渡して完了" and closed["actions"] == []
