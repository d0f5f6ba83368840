"""Package files: what they carry, how they are protected, and every file that is refused."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import inquiries, package_key, sync_export, sync_import
from desktop_app.services.package_files import load_workbook
from tests.actors import actor_for
from tests.sync.conftest import dump

TODAY = dt.date(2026, 11, 1)
PASSWORD = "minato-renkei-2026"
TRICKY = ["=SUM(A1:A9)", "+81-3-5555", "-1", "@芝", "\t字下げ", "改行\r\nあり", "", "0120"]


def _case(db, **inquirer):
    return inquiries.add_inquiry(
        db,
        NewInquiry.read(
            {
                "received_at": "2026-10-01",
                "subject": "物産展への出店相談",
                "inquirer": {
                    "type": "resident",
                    "name": "鈴木 一郎",
                    "phone": "03-5555-0101",
                    **inquirer,
                },
            },
            today=TODAY,
        ),
        actor=actor_for("clerk"),
    )


def _import(db, path: Path, **options):
    return sync_import.import_sync(db, [path], actor=actor_for("supervisor"), **options)


def _refused(db, path: Path, code: str, **options) -> str:
    before = dump(db.path)
    report = _import(db, path, **options)
    [package] = report.packages
    assert package.refused_code == code, package.refused
    assert dump(db.path) == before
    assert path.name in (package.refused or "")
    return package.refused or ""


def test_the_workbook_reads_as_a_person_expects(office, tmp_path):
    shiba = office("SHIBA")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))

    book = openpyxl.load_workbook(tmp_path / "p.xlsx")

    assert book.sheetnames == ["表紙", "相談者", "受付", "対応履歴", "_manifest"]
    assert book["_manifest"].sheet_state == "hidden"
    cover = {row[0]: row[1] for row in book["表紙"].iter_rows(values_only=True)}
    assert cover["送付先"] == "本庁 企画経営部 全国連携推進担当（HQ）"
    assert "編集しないでください" in cover["ご注意"]
    sheet = book["受付"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["ID", "相談者ID", "受付番号", "事務所"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:")
    row = dict(zip(headers, [cell for cell in sheet[2]], strict=False))
    assert row["事務所"].value == "芝地区総合支所（SHIBA）"
    assert row["受付日"].number_format == "yyyy/mm/dd"
    assert sheet.column_dimensions["A"].width > 10
    assert "氏名" not in [cell.value for cell in book["相談者"][1]]  # no personal fields


def test_formula_like_text_and_empty_strings_travel_unchanged(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    receipts = []
    for text in TRICKY:
        record = inquiries.add_inquiry(
            shiba,
            NewInquiry.read(
                {
                    "received_at": "2026-10-01",
                    "subject": f"件名{text}" if not text else text,
                    "content": text,
                    "inquirer": {"type": "npo", "organization": f"団体{text}"},
                },
                today=TODAY,
            ),
            actor=actor_for("clerk"),
        )
        receipts.append(record.receipt_no)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))

    report = _import(hq, tmp_path / "p.xlsx").to_json()

    assert report["inserted"] == 2 * len(TRICKY)
    for receipt, text in zip(receipts, TRICKY, strict=True):
        here = inquiries.get_inquiry(shiba, receipt, actor=actor_for("x"))
        there = inquiries.get_inquiry(hq, receipt, actor=actor_for("x"))
        assert (there.subject, there.content) == (here.subject, here.content)
        assert there.content == text.strip()


def test_a_return_package_never_erases_the_branchs_personal_data(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba, email="suzuki@example.jp", address="港区芝1-1")
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    _import(hq, tmp_path / "p.xlsx")
    inquiries.update_inquiry(
        hq,
        InquiryChange.read(case.receipt_no, {"inquirer": {"notes": "本庁で追記"}}),
        actor=actor_for("hq"),
    )
    sync_export.export_sync(hq, tmp_path / "r.xlsx", actor=actor_for("hq"), to_office="SHIBA")

    report = _import(shiba, tmp_path / "r.xlsx").to_json()

    assert report["conflicts"] == 0
    person = inquiries.get_inquiry(shiba, case.receipt_no, actor=actor_for("x")).inquirer
    assert (person.name, person.phone, person.email, person.address) == (
        "鈴木 一郎",
        "03-5555-0101",
        "suzuki@example.jp",
        "港区芝1-1",
    )
    assert person.notes == "本庁で追記"


def test_personal_fields_need_the_password_and_the_file_is_encrypted(office, tmp_path, monkeypatch):
    monkeypatch.delenv(package_key.ENVIRONMENT, raising=False)
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    with pytest.raises(UserError) as refused:
        sync_export.export_sync(
            shiba, tmp_path / "p.xlsx", actor=actor_for("c"), include_personal=True
        )
    assert "共有パスワード" in refused.value.message("ja")
    assert not (tmp_path / "p.xlsx").exists()

    for db in (shiba, hq):
        package_key.set_password(db, PASSWORD, actor=actor_for())
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("c"), include_personal=True)

    with (tmp_path / "p.xlsx").open("rb") as stream:
        assert msoffcrypto.OfficeFile(stream).is_encrypted()
    report = _import(hq, tmp_path / "p.xlsx").to_json()
    assert report["inserted"] == 2
    assert (
        inquiries.get_inquiry(hq, case.receipt_no, actor=actor_for("x")).inquirer.name
        == "鈴木 一郎"
    )


def test_a_wrong_or_missing_password_or_a_foreign_key_is_refused(office, tmp_path, monkeypatch):
    monkeypatch.delenv(package_key.ENVIRONMENT, raising=False)
    shiba, hq = office("SHIBA"), office("HQ")
    _case(shiba)
    package_key.set_password(shiba, PASSWORD, actor=actor_for())
    sync_export.export_sync(
        shiba, tmp_path / "secret.xlsx", actor=actor_for("c"), include_personal=True
    )
    sync_export.export_sync(shiba, tmp_path / "signed.xlsx", actor=actor_for("c"), full=True)

    assert "パスワードで保護" in _refused(hq, tmp_path / "secret.xlsx", "workbook_needs_password")
    assert "共有パスワード" in _refused(hq, tmp_path / "signed.xlsx", "package_key_missing")
    package_key.set_password(hq, "another-ward-password", actor=actor_for())
    assert "違います" in _refused(hq, tmp_path / "secret.xlsx", "workbook_password_wrong")
    assert "区外" in _refused(hq, tmp_path / "signed.xlsx", "package_key_mismatch")


def test_an_edited_package_is_refused_naming_the_row_unless_accepted(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    headers = [cell.value for cell in book["受付"][1]]
    book["受付"].cell(2, headers.index("件名") + 1).value = "書き換えた件名"
    book.save(tmp_path / "edited.xlsx")

    message = _refused(hq, tmp_path / "edited.xlsx", "package_edited")

    assert "受付 2行目" in message
    accepted = _import(hq, tmp_path / "edited.xlsx", accept_edited=True).to_json()
    assert accepted["inserted"] == 2
    # The visible cell a person corrected is taken as a typed entry, and said so exactly.
    assert "訂正を取り込みました: 受付 2行目（件名）" in accepted["warnings"][0]
    taken = inquiries.get_inquiry(hq, case.receipt_no, actor=actor_for("x"))
    assert taken.subject == "書き換えた件名"


def test_a_package_for_another_office_is_refused(office, tmp_path):
    shiba, azabu = office("SHIBA"), office("AZABU")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    assert "HQ 宛て" in _refused(azabu, tmp_path / "p.xlsx", "package_wrong_office")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("notes.xlsx", b"plain text, not a workbook", "workbook_is_csv"),
        ("empty.xlsx", b"", "workbook_empty"),
        ("ole.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2048, "workbook_damaged"),
    ],
)
def test_files_that_are_no_workbook_are_refused(office, tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    _refused(office("HQ"), tmp_path / name, code)


def test_a_workbook_that_is_no_package_or_of_an_unknown_version_is_refused(office, tmp_path):
    hq = office("HQ")
    book = openpyxl.Workbook()
    book.active["A1"] = "相談受付簿"
    book.save(tmp_path / "ledger.xlsx")
    assert "送付ファイルではありません" in _refused(
        hq, tmp_path / "ledger.xlsx", "package_not_package"
    )

    shiba = office("SHIBA")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    newer = openpyxl.load_workbook(tmp_path / "p.xlsx")
    newer["_manifest"]["B2"] = 99
    newer.save(tmp_path / "v99.xlsx")
    assert "版 99" in _refused(hq, tmp_path / "v99.xlsx", "package_version_unknown")


def test_a_package_of_the_earlier_format_asks_for_one_made_again(office, tmp_path):
    """Format 1 rows name no `_seen_personal`: their personal fields cannot be merged safely."""
    shiba, hq = office("SHIBA"), office("HQ")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    older = openpyxl.load_workbook(tmp_path / "p.xlsx")
    assert older["_manifest"]["A2"].value == "format_version"
    older["_manifest"]["B2"] = 1
    older.save(tmp_path / "v1.xlsx")
    message = _refused(hq, tmp_path / "v1.xlsx", "package_version_older")
    assert message.startswith("v1.xlsx は以前の版の連携デスク（送付ファイルの版 1）で")
    assert "送り元でプログラムを更新してから、送付ファイルを作り直してもらってください" in message


def test_a_truncated_package_is_refused(office, tmp_path):
    shiba = office("SHIBA")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    data = (tmp_path / "p.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    assert "途中で切れて" in _refused(office("HQ"), tmp_path / "cut.xlsx", "workbook_damaged")


def test_a_dry_run_reports_the_same_and_writes_nothing(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    before = dump(hq.path)

    dry = _import(hq, tmp_path / "p.xlsx", dry_run=True).to_json()

    assert dump(hq.path) == before
    real = _import(hq, tmp_path / "p.xlsx").to_json()
    assert (dry["inserted"], dry["dry_run"]) == (real["inserted"], True)


def test_training_data_never_mixes_with_real_cases(office, tmp_path):
    from desktop_app.services.setup import mark_training

    shiba, hq = office("SHIBA"), office("HQ")
    with shiba.write() as session:
        mark_training(session)
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    real = office("HQ", "real")
    _case(real)

    assert "研修用" in _refused(real, tmp_path / "p.xlsx", "package_training_into_real")
    # A fresh HQ is a real database: it refuses too, and stays real (issue 17.9).
    assert "研修用" in _refused(hq, tmp_path / "p.xlsx", "package_training_into_real")
    with hq.write() as session:
        mark_training(session)
    taken = _import(hq, tmp_path / "p.xlsx").to_json()
    assert taken["inserted"] == 2


def test_the_manifest_says_what_the_package_is(office, tmp_path):
    shiba = office("SHIBA")
    _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p1.xlsx", actor=actor_for("clerk"))
    second = sync_export.export_sync(
        shiba, tmp_path / "p2.xlsx", actor=actor_for("clerk"), full=True
    )

    sheets = load_workbook(tmp_path / "p2.xlsx", password=None)
    facts = {row[0]: row[1] for row in sheets["_manifest"]}
    manifest = json.loads(facts["manifest"])

    assert (manifest["from_office"], manifest["to_office"], manifest["sequence"]) == (
        "SHIBA",
        "HQ",
        2,
    )
    assert manifest["full"] is True and manifest["previous_id"]
    assert manifest["counts"] == {"inquirer": 1, "inquiry": 1, "action": 0}
    assert set(manifest["sheets"]) == {"inquirer", "inquiry", "action"}
    assert second.package_id == manifest["package_id"]
    with zipfile.ZipFile(io.BytesIO((tmp_path / "p2.xlsx").read_bytes())) as archive:
        assert any(name.startswith("xl/worksheets/") for name in archive.namelist())


def test_a_package_past_a_sheets_rows_is_refused_before_anything_is_written(
    office, tmp_path, monkeypatch
):
    """An office past about 550,000 inquiries would fill 対応履歴 past Excel's 1,048,576 rows
    in a full package: refused up front, with what to do, instead of an internal error minutes
    into the writing. The sheet's capacity is lowered here so that three cases reach it."""
    from desktop_app.services import sync_export as exporting

    shiba = office("SHIBA")
    for name in ("一", "二", "三"):
        _case(shiba, name=f"鈴木 {name}郎")
    monkeypatch.setattr(exporting, "RECORDS_PER_SHEET", 2)
    before = dump(shiba.path)
    out = tmp_path / "full.xlsx"

    with pytest.raises(UserError) as refused:
        sync_export.export_sync(shiba, out, actor=actor_for("clerk"), full=True)

    assert refused.value.code == "package_sheet_overfull"
    assert refused.value.message("ja") == (
        "送付ファイルのシート「相談者」が 3 行になり、Excel の 1 シートに入る 2 行を超えるため"
        "作れません。何も書き出していません。全件ではなく前回からの差分で作るか、"
        "システム担当に相談してください。"
    )
    assert not out.exists() and list(tmp_path.glob("full*")) == []
    assert dump(shiba.path) == before


def test_an_export_that_fails_after_writing_leaves_no_file_its_office_has_no_record_of(
    office, tmp_path, monkeypatch
):
    # A package renamed into place before its record commits would leave, on a failure (or a
    # kill) between the two, a file on the stick whose number the office gives again to a
    # different package. The fault is made in the last step of the transaction.
    shiba = office("SHIBA")
    _case(shiba)
    before = dump(shiba.path)
    stick = tmp_path / "usb"
    stick.mkdir()
    out = stick / "SHIBA-HQ.xlsx"

    def fails(*_args, **_kwargs):
        raise RuntimeError("the disk was pulled out")

    monkeypatch.setattr(sync_export.audit, "log", fails)
    with pytest.raises(RuntimeError):
        sync_export.export_sync(shiba, out, actor=actor_for("clerk"))

    assert list(stick.iterdir()) == []  # neither the package nor its temporary
    assert dump(shiba.path) == before
