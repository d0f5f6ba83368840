"""Importing ledgers through the service, in each format a branch saves them in."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from openpyxl import load_workbook

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.ledger_profile import Profile
from desktop_app.services import inquiries, ledger_import, ledger_profiles, search
from tests.actors import actor_for
from tests.ledger import ledgers

TODAY = dt.date(2026, 3, 1)
WRITERS = {
    "xlsx": lambda tmp: ledgers.write_xlsx(tmp / "受付簿.xlsx"),
    "xls": lambda tmp: ledgers.write_xls(tmp / "受付簿.xls"),
    "csv-cp932": lambda tmp: ledgers.write_csv(tmp / "受付簿.csv"),
    "csv-utf8-bom": lambda tmp: ledgers.write_csv(tmp / "受付簿.csv", encoding="utf-8-sig"),
}


def run(db, actor, path, **options):
    return ledger_import.import_ledger(db, actor, path, today=TODAY, **options)


def stored(db_path):
    with sqlite3.connect(db_path) as conn:
        conn.row_factory = sqlite3.Row
        return conn.execute(
            "SELECT i.*, p.type, p.organization, p.name, p.phone, p.phone_digits, p.notes,"
            " (SELECT group_concat(code) FROM inquiry_field f WHERE f.inquiry_pk = i.pk) AS fields"
            " FROM inquiry i JOIN inquirer p ON p.id = i.inquirer_id ORDER BY i.pk"
        ).fetchall()


@pytest.mark.parametrize("kind", WRITERS)
def test_the_standard_ledger_in_every_format(kind, db, db_path, supervisor, tmp_path):
    path = WRITERS[kind](tmp_path)
    report = run(db, supervisor, path)
    assert report.layout.header_row + 1 == ledgers.HEADER_ROW
    assert (report.rows, report.imported, report.skipped) == (9, 7, 2)
    assert {p.row: (p.column, p.error.code) for p in report.rejected} == ledgers.REFUSED
    assert [(p.row, p.column, p.value) for p in report.read.unplaced] == [(7, "G", "まちおこし")]
    assert report.exit_code == 3
    rows = stored(db_path)
    assert [row["source"].rsplit(" / ", 2)[1] for row in rows] == [
        f"行 {n}" for n in ledgers.IMPORTED_ROWS
    ]
    assert rows[0]["source"] == f"{path.name} / {report.sheet} / 行 4 / No. 1"
    assert [row["received_at"] for row in rows] == [
        "2025-04-03", "2025-04-10", "2025-05-20", "2025-06-01", "2025-07-01", "2019-04-30",
        "2019-05-01",
    ]  # fmt: skip
    assert [row["phone_digits"] for row in rows[:3]] == ["0355550101", "0355550202", "0355550303"]
    assert rows[1]["phone"] == "03-5555-0202"  # full-width digits and dashes folded
    assert [row["fields"] for row in rows] == [
        "disaster", "food", "tourism", "other", "tourism", "disaster", "university",
    ]  # fmt: skip
    assert [row["status"] for row in rows] == [
        "info_only", "in_progress", "referred", "info_only", "received", "info_only", "info_only",
    ]  # fmt: skip
    assert [row["type"] for row in rows] == [
        "resident", "npo", "shopping_street", "business", "business", "neighborhood", "education",
    ]  # fmt: skip
    assert (rows[1]["organization"], rows[1]["name"]) == ("ＮＰＯ法人みなと", "佐藤花子")
    assert (rows[5]["organization"], rows[5]["name"]) == ("高輪一丁目町会", "髙橋")
    # ㈱ミナト商事 and 株式会社ミナト商事 with one phone: one inquirer
    assert rows[3]["inquirer_id"] == rows[4]["inquirer_id"]
    assert rows[0]["channel"] is None  # no channel column: left empty
    assert rows[1]["subject"] == "物産展を開きたい"  # no subject column: the content's start
    assert rows[3]["outcome"] == "紹介で完了"  # 備考
    assert rows[0]["closed_on"] == "2025-04-03"


def test_dry_run_writes_nothing(db, db_path, supervisor, tmp_path, snapshot):
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx")
    before = snapshot(db_path)
    report = run(db, supervisor, path, dry_run=True)
    assert report.imported == 7 and report.dry_run
    assert snapshot(db_path) == before


def test_importing_again_adds_nothing_even_renamed_or_with_rows_above(
    db, db_path, supervisor, tmp_path, snapshot
):
    first = run(db, supervisor, ledgers.write_xlsx(tmp_path / "受付簿.xlsx"))
    assert first.imported == 7
    before = snapshot(db_path)
    again = run(db, supervisor, ledgers.write_xlsx(tmp_path / "受付簿.xlsx"))
    renamed = run(db, supervisor, ledgers.write_xls(tmp_path / "コピー ～ 受付簿.xls"))
    assert (again.imported, again.already_imported) == (0, 7)
    assert (renamed.imported, renamed.already_imported) == (0, 7)
    # Two rows inserted above the old ones and a column added: only the new row comes in.
    new_row = (
        10,
        "R7.8.1",
        "区民",
        "伊藤 二郎",
        "03-5555-0606",
        "新しい相談",
        "観光",
        "受付",
        "",
        "",
    )
    cells = ledgers.table((new_row, ledgers.ROWS[0], *ledgers.ROWS))
    grown = run(db, supervisor, ledgers.write_xlsx(tmp_path / "受付簿2.xlsx", cells))
    after = snapshot(db_path)
    assert (grown.imported, grown.already_imported) == (1, 7)
    assert after["inquiry"] == before["inquiry"] + 1
    assert again.exit_code == 3  # the refused rows are still refused


def test_identical_rows_of_one_ledger_are_each_imported_once(db, supervisor, tmp_path):
    twice = ledgers.table((ledgers.ROWS[0], ledgers.ROWS[0]))
    path = ledgers.write_xlsx(tmp_path / "二重.xlsx", twice)
    assert run(db, supervisor, path).imported == 2
    assert run(db, supervisor, path).imported == 0


def test_rows_matching_a_desk_inquiry_are_offered_as_duplicates(
    db, db_path, supervisor, tmp_path, sample_inquiry
):
    sample_inquiry.update(
        received_at="2025-04-03", subject="町会の防災訓練に連携自治体の職員を招きたい"
    )
    sample_inquiry["inquirer"].update(
        organization="", name="鈴木一郎", phone="０３（５５５５）０１０１"
    )
    desk = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("desk"))
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx")
    held = run(db, supervisor, path, dry_run=True)
    assert held.duplicates == {4: desk.receipt_no}
    assert held.imported == 6
    added = run(db, supervisor, path, add_duplicates=True)
    assert added.imported == 7 and added.duplicates_added
    rows = stored(db_path)
    # the desk's inquirer (鈴木一郎 / 鈴木 一郎, the same phone written otherwise) is reused
    assert rows[1]["inquirer_id"] == rows[0]["inquirer_id"]


@pytest.mark.parametrize(
    ("known", "written"),
    [
        ({"organization": "高橋商店", "name": ""}, "髙橋商店"),
        ({"organization": "株式会社ミナト", "name": ""}, "㈱ミナト"),
        ({"organization": "ＭＩＮＡＴＯ企画", "name": ""}, "MINATO企画"),
        ({"organization": "", "name": "スズキ タロウ"}, "すずきたろう"),
    ],
)
def test_inquirers_are_recognised_by_the_desks_rules(
    db, db_path, supervisor, tmp_path, sample_inquiry, known, written
):
    sample_inquiry["inquirer"].update(known, kana="", phone="03-5555-9999", type="business")
    desk = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("desk"))
    row = (1, "R7.4.3", "企業", written, "", "別の相談", "", "", "", "")
    run(db, supervisor, ledgers.write_xlsx(tmp_path / "l.xlsx", ledgers.table((row,))))
    assert stored(db_path)[-1]["inquirer_id"] == desk.inquirer.id


def test_a_different_phone_is_a_different_person(db, db_path, supervisor, tmp_path, sample_inquiry):
    sample_inquiry["inquirer"].update(organization="", name="鈴木一郎", phone="03-5555-0000")
    desk = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("desk"))
    row = (1, "R7.4.3", "区民", "鈴木一郎", "03-5555-7777", "別の相談", "", "", "", "")
    run(db, supervisor, ledgers.write_xlsx(tmp_path / "l.xlsx", ledgers.table((row,))))
    assert stored(db_path)[-1]["inquirer_id"] != desk.inquirer.id


def test_unknown_extra_column_and_column_headers_with_notes(db, db_path, supervisor, tmp_path):
    headers = ("受付日（曜日）", "氏名", "団体名", "件名", "連絡先電話", "メモ欄")
    cells = [["相談受付簿"], list(headers), ["R7.4.3", "鈴木", "", "件名あり", "0355550101", "x"]]
    report = run(db, supervisor, ledgers.write_xlsx(tmp_path / "l.xlsx", cells))
    targets = [column.target for column in report.layout.columns]
    assert targets == ["received_at", "inquirer.name", "inquirer.organization", "subject",
                       "inquirer.phone", None]  # fmt: skip
    assert report.exit_code == 0
    assert stored(db_path)[0]["subject"] == "件名あり"


def test_a_two_row_header_under_merged_cells(db, db_path, supervisor, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["相談受付簿"])
    sheet.append(["受付日", "相談者", None, "相談内容"])
    sheet.append([None, "団体名", "氏名", None])
    sheet.append(["R7.4.3", "港南商店会", "田中", "イベントの相談"])
    sheet.append(["R7.4.4", None, "鈴木", "移住の相談"])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("B2:C2")
    sheet.merge_cells("D2:D3")
    sheet.merge_cells("A4:A5")  # one day, two inquiries: the date merged over both rows
    path = tmp_path / "二段.xlsx"
    book.save(path)
    report = run(db, supervisor, path)
    assert report.layout.header_row + 1 == 3
    assert report.imported == 2
    assert [row["received_at"] for row in stored(db_path)] == ["2025-04-03", "2025-04-03"]


def test_the_mapping_corrected_and_saved_as_a_profile(db, db_path, supervisor, tmp_path):
    cells = [
        ["受付日", "相談者", "話の中身", "区分け"],
        ["R7.4.3", "鈴木", "物産展の相談", "まちおこし"],
    ]
    path = ledgers.write_xlsx(tmp_path / "l.xlsx", cells)
    guessed = run(db, supervisor, path, dry_run=True)
    assert [c.target for c in guessed.layout.columns] == [
        "received_at",
        "inquirer.name",
        None,
        "inquirer.type",
    ]
    profile = (
        Profile()
        .with_column("話の中身", "content")
        .with_column("区分け", "fields")
        .with_value("fields", "まちおこし", "tourism")
        .named("芝の受付簿")
    )
    ledger_profiles.save_profile(db, profile, actor=supervisor)
    assert ledger_profiles.profile_names(db) == ["芝の受付簿"]
    loaded = ledger_profiles.load_profile(db, "芝の受付簿")
    report = run(db, supervisor, path, profile=loaded)
    assert report.exit_code == 0
    row = stored(db_path)[0]
    assert (row["content"], row["fields"], row["subject"]) == (
        "物産展の相談",
        "tourism",
        "物産展の相談",
    )


def test_the_closed_status_can_be_chosen(db, db_path, supervisor, tmp_path):
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx")
    run(db, supervisor, path, profile=Profile(closed_status="matched"))
    assert stored(db_path)[0]["status"] == "matched"


def test_refused_rows_written_to_a_workbook_to_fix_and_import_again(
    db, db_path, supervisor, tmp_path
):
    report = run(db, supervisor, ledgers.write_xlsx(tmp_path / "受付簿.xlsx"))
    out = tmp_path / "取込不可.xlsx"
    assert ledger_import.write_rejected(report, ledger_import.rejects_target(db, out)) == 2
    sheet = load_workbook(out).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][: len(ledgers.HEADERS)] == list(ledgers.HEADERS)
    assert values[0][-2:] == ["元の行", "取り込めなかった理由"]
    assert [row[-2] for row in values[1:]] == [9, 12]
    assert "存在しない日付" in values[1][-1]
    sheet.cell(row=2, column=2, value="令和7年2月28日")
    sheet.cell(row=3, column=4, value="伊藤")
    sheet.parent.save(out)
    fixed = run(db, supervisor, out)
    assert (fixed.imported, fixed.exit_code) == (2, 0)
    assert len(stored(db_path)) == 9


@pytest.mark.parametrize(
    ("cells", "code"),
    [
        ([["件名だけ"], ["何か"]], "ledger_no_header"),
        ([["受付日", "相談内容"]], "ledger_no_rows"),
    ],
)
def test_a_ledger_without_headers_or_rows_is_refused(
    db, db_path, supervisor, tmp_path, snapshot, cells, code
):
    before = snapshot(db_path)
    with pytest.raises(UserError) as refused:
        run(db, supervisor, ledgers.write_xlsx(tmp_path / "l.xlsx", cells))
    assert refused.value.code == code
    assert "見出し" in refused.value.message("ja")
    assert snapshot(db_path) == before


def test_every_row_refused_is_nothing_usable(db, db_path, supervisor, tmp_path, snapshot):
    before = snapshot(db_path)
    rows = (ledgers.ROWS[5], ledgers.ROWS[8])
    report = run(db, supervisor, ledgers.write_xlsx(tmp_path / "l.xlsx", ledgers.table(rows)))
    assert report.exit_code == 2 and report.imported == 0
    assert snapshot(db_path) == before


def test_a_clerk_may_not_import(db, db_path, clerk, tmp_path, snapshot):
    before = snapshot(db_path)
    with pytest.raises(UserError) as refused:
        run(db, clerk, ledgers.write_xlsx(tmp_path / "受付簿.xlsx"))
    assert refused.value.code == "permission_denied"
    assert "データの送付・取込" in refused.value.message("ja")
    assert snapshot(db_path) == before


def test_the_import_is_one_audited_event_and_receipts_continue(
    db, db_path, supervisor, tmp_path, sample_inquiry
):
    report = run(db, supervisor, ledgers.write_xlsx(tmp_path / "受付簿.xlsx"))
    assert report.receipts == ("SHIBA-2025-00001", "SHIBA-2019-00002")
    sample_inquiry["received_at"] = "2025-09-01"
    assert (
        inquiries.add_inquiry(
            db, NewInquiry.read(sample_inquiry), actor=actor_for("desk")
        ).receipt_no
        == "SHIBA-2025-00006"
    )
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT staff, entity_id, new FROM audit_log WHERE action = 'import_ledger'"
        ).fetchall() == [("tanaka", "受付簿.xlsx / 受付簿", "7")]
    # found by search: the full-text index knows the imported rows
    assert search.count_inquiries(db, search.InquiryFilter(text="物産展")) == 1
    assert search.count_inquiries(db, search.InquiryFilter(text="髙橋")) == 1
