"""Package integrity: sorted sheets, the cover, values that cannot be typed any more, and what
`--accept-edited` takes (visible cells only, checked like typed entries, said exactly).

Real office databases, real workbooks edited with openpyxl (and LibreOffice where installed).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange, NewAction, NewInquiry
from desktop_app.services import actions, inquiries, masters_sync, sync_export, sync_import
from desktop_app.services.database import SQL_FUNCTIONS
from tests.actors import actor_for
from tests.sync.conftest import dump

TODAY = dt.date(2026, 11, 1)
SUBJECTS = ("物産展の相談", "防災訓練の相談", "観光PRの相談", "移住相談会", "姉妹都市交流")


def _cases(db, subjects=SUBJECTS) -> list[Any]:
    return [
        inquiries.add_inquiry(
            db,
            NewInquiry.read(
                {
                    "received_at": "2026-10-01",
                    "subject": subject,
                    "content": f"{subject}について",
                    "inquirer": {"type": "resident", "name": f"相談者 {n}"},
                },
                today=TODAY,
            ),
            actor=actor_for("clerk"),
        )
        for n, subject in enumerate(subjects)
    ]


def _export(db, path: Path, **options) -> Path:
    sync_export.export_sync(db, path, actor=actor_for("clerk"), **options)
    return path


def _import(db, path: Path, **options):
    [package] = sync_import.import_sync(
        db, [path], actor=actor_for("supervisor"), **options
    ).packages
    return package


def _refused(db, path: Path, code: str, **options) -> str:
    before = dump(db.path)
    package = _import(db, path, **options)
    assert package.refused_code == code, package.refused
    assert dump(db.path) == before
    return package.refused or ""


def _column(sheet, header: str) -> int:
    return [cell.value for cell in sheet[1]].index(header) + 1


def _edit(source: Path, target: Path, sheet: str, row: int, header: str, value: Any) -> Path:
    book = openpyxl.load_workbook(source)
    book[sheet].cell(row, _column(book[sheet], header)).value = value
    book.save(target)
    return target


def _row_of(path: Path, sheet: str, subject: str) -> int:
    book = openpyxl.load_workbook(path)
    column = _column(book[sheet], "件名")
    return next(
        r for r in range(2, book[sheet].max_row + 1) if book[sheet].cell(r, column).value == subject
    )


def _sort(source: Path, target: Path, sheet: str, header: str) -> Path:
    """As a person sorts a sheet by a column in Excel: whole rows, the header kept."""
    book = openpyxl.load_workbook(source)
    work = book[sheet]
    rows = [[cell.value for cell in row] for row in work.iter_rows(min_row=2)]
    column = _column(work, header) - 1
    rows.sort(key=lambda row: str(row[column]), reverse=True)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            work.cell(r, c).value = value
    book.save(target)
    return target


def _subjects(db) -> dict[str, str]:
    with sqlite3.connect(f"file:{db.path}?mode=ro", uri=True) as conn:
        rows = dict(conn.execute("SELECT id, subject FROM inquiry"))
    conn.close()
    return rows


# --- sorting and filtering ----------------------------------------------------------------


def test_a_sheet_sorted_by_a_column_imports_cleanly(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba)
    exported = _export(shiba, tmp_path / "p.xlsx")
    sorted_ = _sort(exported, tmp_path / "sorted.xlsx", "受付", "件名")
    sorted_ = _sort(sorted_, sorted_, "相談者", "ID")
    assert _row_of(sorted_, "受付", "防災訓練の相談") != _row_of(exported, "受付", "防災訓練の相談")

    package = _import(hq, sorted_)

    assert package.refused is None
    assert package.edited_rows == []
    assert package.warnings == []
    assert package.counts["inquiry"]["inserted"] == len(SUBJECTS)
    assert sorted(_subjects(hq).values()) == sorted(SUBJECTS)


def test_a_filtered_sheet_imports_cleanly(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba)
    exported = _export(shiba, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(exported)
    work = book["受付"]
    work.auto_filter.add_filter_column(_column(work, "件名") - 1, ["防災訓練の相談"])
    for r in range(2, work.max_row + 1):
        work.row_dimensions[r].hidden = (
            work.cell(r, _column(work, "件名")).value != "防災訓練の相談"
        )
    book.save(tmp_path / "filtered.xlsx")

    package = _import(hq, tmp_path / "filtered.xlsx")

    assert (package.refused, package.edited_rows) == (None, [])
    assert package.counts["inquiry"]["inserted"] == len(SUBJECTS)


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_a_package_sorted_and_saved_by_libreoffice_imports_cleanly(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba)
    sorted_ = (
        _sort(_export(shiba, tmp_path / "p.xlsx"), tmp_path / "in" / "p.xlsx", "受付", "件名")
        if (tmp_path / "in").mkdir() is None
        else None
    )
    assert sorted_ is not None
    out = tmp_path / "out"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [_soffice(), f"-env:UserInstallation={profile}", "--headless", "--calc",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(sorted_)],
        check=True, capture_output=True, timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},
    )  # fmt: skip
    saved = out / "p.xlsx"
    assert saved.read_bytes() != sorted_.read_bytes()

    package = _import(hq, saved)

    assert (package.refused, package.edited_rows, package.warnings) == (None, [], [])
    assert sorted(_subjects(hq).values()) == sorted(SUBJECTS)


# --- the cover ------------------------------------------------------------------------------


def test_the_cover_says_what_may_be_done_and_an_edited_cover_is_named(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:1])
    exported = _export(shiba, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(exported)
    cover = {row[0].value: row[1].value for row in book["表紙"].iter_rows()}
    assert "並べ替えと絞り込みは自由です" in cover["ご注意"]
    book["表紙"]["B3"] = "麻布地区総合支所（AZABU）"
    book.save(tmp_path / "cover.xlsx")

    assert "表紙" in _refused(hq, tmp_path / "cover.xlsx", "package_edited")
    package = _import(hq, tmp_path / "cover.xlsx", accept_edited=True)
    assert package.refused is None
    assert any("表紙の編集は取り込みに使われません" in line for line in package.warnings)
    assert list(_subjects(hq).values()) == [SUBJECTS[0]]


# --- --accept-edited ----------------------------------------------------------------------


def test_edited_machine_columns_are_never_taken(office, tmp_path):
    """A hand-edited `_rev` once stored rev 99 at HQ and made the branch's next package stale."""
    shiba, hq = office("SHIBA"), office("HQ")
    [case] = _cases(shiba, SUBJECTS[:1])
    exported = _export(shiba, tmp_path / "p1.xlsx")
    edited = _edit(exported, tmp_path / "rev.xlsx", "受付", 2, "_rev", 99)
    edited = _edit(edited, edited, "受付", 2, "_seen", "7@2026-01-01T00:00:00+00:00")

    assert "受付 2行目" in _refused(hq, edited, "package_edited")
    package = _import(hq, edited, accept_edited=True)

    assert package.refused is None
    assert package.counts["inquiry"]["inserted"] == 0
    text = "\n".join(package.warnings)
    assert "取り込んだ訂正はありません" in text
    assert (
        "受付 2行目（隠し列が編集されているか、行が壊れています。この行は取り込んでいません）"
        in text
    )
    assert _subjects(hq) == {}
    # The branch's next real package is taken, not skipped as stale.
    inquiries.update_inquiry(
        shiba,
        InquiryChange.read(case.receipt_no, {"subject": "件名を直した"}),
        actor=actor_for("clerk"),
    )
    following = _import(hq, _export(shiba, tmp_path / "p2.xlsx"))
    assert following.counts["inquiry"]["inserted"] == 1
    assert following.counts["inquiry"]["stale"] == 0
    assert list(_subjects(hq).values()) == ["件名を直した"]


def test_a_visible_correction_is_taken_as_a_typed_entry_and_said_exactly(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba)
    exported = _export(shiba, tmp_path / "p.xlsx")
    sorted_ = _sort(exported, tmp_path / "sorted.xlsx", "受付", "件名")
    row = _row_of(sorted_, "受付", "移住相談会")
    edited = _edit(sorted_, tmp_path / "e.xlsx", "受付", row, "件名", "移住相談会（第2回）")
    edited = _edit(edited, edited, "受付", row, "状況", "対応中（in_progress）")

    package = _import(hq, edited, accept_edited=True)

    assert package.refused is None
    assert package.warnings[0] == (
        f"e.xlsx: 編集を承認し、訂正を取り込みました: 受付 {row}行目（件名、状況）"
    )
    assert len(package.warnings) == 1
    assert sorted(_subjects(hq).values()) == sorted(
        [s for s in SUBJECTS if s != "移住相談会"] + ["移住相談会（第2回）"]
    )
    with sqlite3.connect(f"file:{hq.path}?mode=ro", uri=True) as conn:
        status, rev, by = conn.execute(
            "SELECT status, rev, updated_by FROM inquiry WHERE subject = '移住相談会（第2回）'"
        ).fetchone()
        audited = conn.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'accept_edited'"
        ).fetchone()[0]
    conn.close()
    # The correction is the supervisor's own change: a new version that travels back.
    assert (status, rev, by, audited) == ("in_progress", 2, "supervisor", 2)


@pytest.mark.parametrize(
    ("header", "value", "reason"),
    [
        ("状況", "pwned", "状況"),
        ("状況", "連携成立（matched）", "結果"),
        ("件名", "", "件名"),
        ("受付日", "1868/01/01", "1868-01-01 は入力できません"),
        ("受付方法", "伝書鳩", "受付方法"),
    ],
    ids=["unknown-status", "matched-without-outcome", "empty-subject", "1868", "channel"],
)
def test_a_correction_that_a_typed_entry_would_refuse_refuses_the_package(
    office, tmp_path, header, value, reason
):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:2])
    exported = _export(shiba, tmp_path / "p.xlsx")
    edited = _edit(exported, tmp_path / "e.xlsx", "受付", 2, header, value)

    message = _refused(hq, edited, "package_edit_refused", accept_edited=True)

    assert message.startswith("e.xlsx の 受付 2行目 の「")
    assert reason in message
    assert message.endswith("何も取り込みませんでした。")


def test_cells_that_cannot_be_corrected_are_left_out_and_named(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:1])
    exported = _export(shiba, tmp_path / "p.xlsx")
    edited = _edit(exported, tmp_path / "e.xlsx", "受付", 2, "削除", "削除")
    edited = _edit(edited, edited, "受付", 2, "受付番号", "HQ-2026-99999")

    package = _import(hq, edited, accept_edited=True)

    assert package.refused is None
    assert package.warnings == [
        "e.xlsx: 編集を承認しましたが、取り込んだ訂正はありません",
        "e.xlsx: 取り込まなかった編集: 受付 2行目の「受付番号」（訂正できない欄です）、"
        "受付 2行目の「削除」（訂正できない欄です）",
    ]
    # The row itself comes in as exported: its machine columns are intact.
    assert list(_subjects(hq).values()) == [SUBJECTS[0]]


def test_a_removed_row_is_named_and_said_missing(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:3])
    exported = _export(shiba, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(exported)
    book["受付"].delete_rows(3)
    book.save(tmp_path / "removed.xlsx")

    assert "受付（1 行の削除）" in _refused(hq, tmp_path / "removed.xlsx", "package_edited")
    package = _import(hq, tmp_path / "removed.xlsx", accept_edited=True)
    assert package.refused is None
    assert any("受付 の 1 行がファイルにありません" in line for line in package.warnings)
    assert len(_subjects(hq)) == 2


# --- values stored before the entry rules -------------------------------------------------


def test_values_no_entry_path_takes_any_more_still_travel_losslessly(office, tmp_path):
    """Control characters and an 1868 date put straight into the database (as older versions
    let them in): every later package is still written, imports without "edited", and carries
    the exact values; a deleted case's tombstone too."""
    shiba, hq = office("SHIBA"), office("HQ")
    first, second = _cases(shiba, SUBJECTS[:2])
    odd = "ESC\x1b BEL\x07 NUL\x00 US\x1f DEL\x7f 改行\r\nタブ\t"
    with sqlite3.connect(shiba.path) as conn:
        for name, function in SQL_FUNCTIONS.items():  # what the search index's triggers call
            conn.create_function(name, 1, function)
        conn.execute(
            "UPDATE inquiry SET subject = ?, content = ?, received_at = '1868-01-01'"
            " WHERE receipt_no = ?",
            (odd, odd, first.receipt_no),
        )
        conn.execute("UPDATE inquirer SET organization = ?", ("団体\x1b",))
    conn.close()
    inquiries.delete_inquiry(shiba, second.receipt_no, actor=actor_for("clerk"))

    package = _import(hq, _export(shiba, tmp_path / "p.xlsx", full=True))

    assert (package.refused, package.edited_rows) == (None, [])
    with sqlite3.connect(f"file:{hq.path}?mode=ro", uri=True) as conn:
        stored = conn.execute(
            "SELECT subject, content, received_at FROM inquiry WHERE receipt_no = ?",
            (first.receipt_no,),
        ).fetchone()
        names = {name for (name,) in conn.execute("SELECT organization FROM inquirer")}
        deleted = conn.execute(
            "SELECT deleted FROM inquiry WHERE receipt_no = ?", (second.receipt_no,)
        ).fetchone()
    conn.close()
    assert stored == (odd, odd, "1868-01-01")
    assert names == {"団体\x1b"}
    assert deleted == (1,)
    # The cells for people show the characters as pictures, the early date as text.
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    work = book["受付"]
    [row] = [r for r in range(2, work.max_row + 1)
             if work.cell(r, _column(work, "受付番号")).value == first.receipt_no]  # fmt: skip
    assert "ESC␛ BEL␇ NUL␀ US␟" in work.cell(row, _column(work, "件名")).value
    assert work.cell(row, _column(work, "受付日")).value == "1868-01-01"


def test_a_row_copied_within_a_sheet_is_taken_once(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:2])
    exported = _export(shiba, tmp_path / "p.xlsx")
    book = openpyxl.load_workbook(exported)
    work = book["受付"]
    work.append([cell.value for cell in work[2]])
    book.save(tmp_path / "copied.xlsx")

    package = _import(hq, tmp_path / "copied.xlsx")

    assert (package.refused, package.edited_rows) == (None, [])
    assert package.counts["inquiry"]["inserted"] == 2
    assert len(_subjects(hq)) == 2


def test_rows_pasted_from_another_package_are_refused_even_when_accepted(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:1])
    first = _export(shiba, tmp_path / "p1.xlsx")
    _cases(shiba, SUBJECTS[1:2])
    second = openpyxl.load_workbook(_export(shiba, tmp_path / "p2.xlsx"))
    book = openpyxl.load_workbook(first)
    # the second package carries the first case again (HQ has acknowledged nothing): paste the
    # row that only it holds
    pasted = second["受付"][second["受付"].max_row]
    assert pasted[1].value not in {cell.value for cell in book["受付"]["B"]}
    book["受付"].append([cell.value for cell in pasted])
    book.save(tmp_path / "pasted.xlsx")

    assert "受付（書き出した時になかった行）" in _refused(
        hq, tmp_path / "pasted.xlsx", "package_edited"
    )
    message = _refused(hq, tmp_path / "pasted.xlsx", "package_rows_foreign", accept_edited=True)
    assert "書き出した時になかった行が加えられています。承認しても取り込めません。" in message


def test_corrections_of_an_action_and_an_inquirer_are_taken_and_checked(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    [case] = _cases(shiba, SUBJECTS[:1])
    actions.add_action(
        shiba,
        NewAction(
            case.receipt_no, kind="call", note="折り返し電話", action_date=dt.date(2026, 10, 2)
        ),
        actor=actor_for("clerk"),
    )
    exported = _export(shiba, tmp_path / "p.xlsx")
    edited = _edit(exported, tmp_path / "e.xlsx", "対応履歴", 2, "内容", "折り返し電話（不在）")
    edited = _edit(edited, edited, "相談者", 2, "団体名", "芝商店会")
    bad_date = _edit(edited, tmp_path / "bad.xlsx", "対応履歴", 2, "対応日", "1868/01/01")

    refused = _refused(hq, bad_date, "package_edit_refused", accept_edited=True)
    assert "bad.xlsx の 対応履歴 2行目 の「対応日」の訂正は取り込めません" in refused
    package = _import(hq, edited, accept_edited=True)

    assert package.warnings == [
        "e.xlsx: 編集を承認し、訂正を取り込みました: 相談者 2行目（団体名）、対応履歴 2行目（内容）"
    ]
    with sqlite3.connect(f"file:{hq.path}?mode=ro", uri=True) as conn:
        note = conn.execute("SELECT note FROM action").fetchone()[0]
        organization = conn.execute("SELECT organization FROM inquirer").fetchone()[0]
    conn.close()
    assert (note, organization) == ("折り返し電話（不在）", "芝商店会")


def test_a_master_package_with_an_edited_cover_is_refused_and_a_sorted_one_taken(office, tmp_path):
    hq, shiba = office("HQ"), office("SHIBA")
    masters_sync.export_masters(hq, tmp_path / "m.xlsx", actor=actor_for("hq"))
    book = openpyxl.load_workbook(tmp_path / "m.xlsx")
    book["表紙"]["B2"] = "AZABU"
    book.save(tmp_path / "cover.xlsx")
    before = dump(shiba.path)

    with pytest.raises(UserError) as refused:
        masters_sync.import_masters(shiba, tmp_path / "cover.xlsx", actor=actor_for("s"))

    assert refused.value.code == "package_edited"
    assert "（表紙）" in refused.value.message("ja")
    assert dump(shiba.path) == before
    data_sheet = next(name for name in book.sheetnames if name not in ("表紙", "_manifest"))
    sorted_ = _sort(tmp_path / "m.xlsx", tmp_path / "sorted.xlsx", data_sheet, "_id")
    taken = masters_sync.import_masters(shiba, sorted_, actor=actor_for("s")).counts()
    assert taken["unchanged"] + taken["updated"] + taken["inserted"] > 0


def test_rows_hanging_on_a_row_left_out_are_left_out_too(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    [case] = _cases(shiba, SUBJECTS[:1])
    actions.add_action(
        shiba, NewAction(case.receipt_no, kind="call", note="電話"), actor=actor_for("c")
    )
    exported = _export(shiba, tmp_path / "p.xlsx")
    edited = _edit(exported, tmp_path / "e.xlsx", "相談者", 2, "_rev", 99)

    package = _import(hq, edited, accept_edited=True)

    assert package.refused is None
    assert package.warnings[1] == (
        "e.xlsx: 取り込まなかった編集: 相談者 2行目（隠し列が編集されているか、行が壊れています。"
        "この行は取り込んでいません）、受付 1 行（つながる相談者の行を取り込まなかったため）、"
        "対応履歴 1 行（つながる受付の行を取り込まなかったため）"
    )
    assert dump(hq.path, audit=False)["inquiry"] == []


def test_a_status_correction_is_recorded_like_a_typed_status_change(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:1])
    exported = _export(shiba, tmp_path / "p.xlsx")
    edited = _edit(exported, tmp_path / "e.xlsx", "受付", 2, "状況", "連携成立（matched）")
    edited = _edit(edited, edited, "受付", 2, "結果", "協定締結へ")

    package = _import(hq, edited, accept_edited=True)

    assert package.warnings == [
        "e.xlsx: 編集を承認し、訂正を取り込みました: 受付 2行目（状況、結果）"
    ]
    with sqlite3.connect(f"file:{hq.path}?mode=ro", uri=True) as conn:
        status, closed = conn.execute(
            "SELECT status, closed_at IS NOT NULL FROM inquiry"
        ).fetchone()
        history = [note for (note,) in conn.execute("SELECT note FROM action")]
    conn.close()
    assert (status, closed) == ("matched", 1)
    assert len(history) == 1 and "（結果: 協定締結へ）" in history[0]


def test_a_number_typed_into_a_text_cell_is_taken_as_its_digits(office, tmp_path):
    """A package is read with numbers as calamine gives them (floats); the cells of an edited
    row are made whole numbers again: 団体名 typed as 1050001 is 「1050001」, not 「1050001.0」.
    """
    shiba, hq = office("SHIBA"), office("HQ")
    _cases(shiba, SUBJECTS[:1])
    exported = _export(shiba, tmp_path / "p.xlsx")
    edited = _edit(exported, tmp_path / "e.xlsx", "相談者", 2, "団体名", 1050001)

    package = _import(hq, edited, accept_edited=True)

    assert package.warnings == [
        "e.xlsx: 編集を承認し、訂正を取り込みました: 相談者 2行目（団体名）"
    ]
    with sqlite3.connect(f"file:{hq.path}?mode=ro", uri=True) as conn:
        organization = conn.execute("SELECT organization FROM inquirer").fetchone()[0]
    conn.close()
    assert organization == "1050001"
