"""Hostile and broken files offered as ledgers: each refused with a Japanese message naming the
file, and nothing changed."""

from __future__ import annotations

import io

import pytest
import xlwt

from desktop_app.domain.errors import UserError
from desktop_app.excel.crypto import encrypt_xlsx
from desktop_app.services import ledger_import
from tests.excel import hostile
from tests.ledger import ledgers


def huge_xls() -> bytes:
    """Two cells at A1 and IV65536: calamine would allocate 16.7 million cells."""
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("受付簿")
    sheet.write(0, 0, "受付日")
    sheet.write(65535, 255, "x")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def million_commas() -> bytes:
    return ("受付日,相談内容" + "," * 1_000_000 + "\r\n").encode("cp932")


def word_file() -> bytes:
    """An OLE2 file that is no workbook (as a Word .doc is), renamed .xlsx."""
    import olefile

    data = bytearray(hostile.legacy_xls())
    # rename the Workbook stream's directory entry (UTF-16 "Workbook" -> "WordDocu")
    at = bytes(data).find("Workbook".encode("utf-16-le"))
    data[at : at + 16] = "WordDocu".encode("utf-16-le")
    assert olefile.isOleFile(io.BytesIO(bytes(data)))
    return bytes(data)


CASES = [
    ("entity bomb", hostile.entity_bomb_in_shared_strings, "workbook_xml_forbidden", "XMLの定義"),
    ("zip bomb", hostile.declares_gigabytes, "workbook_inflates_too_much", "展開すると"),
    ("lying zip", hostile.inflates_past_its_claim, "workbook_inflates_too_much", "展開すると"),
    ("a million columns", hostile.claims_a_million_columns, "workbook_sheet_too_large", "範囲が大きすぎる"),  # noqa: E501
    ("far apart cells", hostile.far_apart_cells, "workbook_sheet_too_large", "範囲が大きすぎる"),
    ("truncated", hostile.truncated, "workbook_damaged", "途中で切れて"),
    ("password", lambda: encrypt_xlsx(hostile.plain_workbook(), "合言葉2026"), "ledger_password_protected", "パスワードを解除"),  # noqa: E501
    ("huge xls", huge_xls, "workbook_sheet_too_large", "範囲が大きすぎる"),
    ("csv of a million columns", million_commas, "workbook_sheet_too_large", "範囲が大きすぎる"),
    ("not a spreadsheet", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "workbook_not_spreadsheet", "ExcelのブックでもCSVでもありません"),  # noqa: E501
    ("a Word file renamed", word_file, "workbook_not_spreadsheet", "ExcelのブックでもCSVでもありません"),  # noqa: E501
    ("empty", lambda: b"", "workbook_empty", "空のファイル"),
    ("one long shared string in 3,000 cells", hostile.one_long_string_in_many_cells, "workbook_text_too_large", "共有文字列を各セルに展開すると文字が多すぎる"),  # noqa: E501
    ("a date of -1e300: calamine panics", hostile.date_before_year_one, "workbook_unreadable", "のシートを読めません"),  # noqa: E501
    ("5.2 million cell tags in 26,000 places", lambda: hostile.many_cell_tags(5_200_000), "workbook_too_many_cells", "セルの数が多すぎる"),  # noqa: E501
]  # fmt: skip


@pytest.mark.parametrize(("label", "build", "code", "words"), CASES, ids=[c[0] for c in CASES])
def test_refused_with_a_japanese_message_and_nothing_changed(
    db, db_path, supervisor, tmp_path, snapshot, label, build, code, words
):
    path = hostile.write(tmp_path, "受付簿.xlsx", build())
    before = snapshot(db_path)
    with pytest.raises(UserError) as refused:
        ledger_import.import_ledger(db, supervisor, path)
    assert refused.value.code == code, label
    message = refused.value.message("ja")
    assert words in message and "受付簿.xlsx" in message
    assert snapshot(db_path) == before
    written = {p.name for p in tmp_path.iterdir()} - {"desk.sqlite3-wal", "desk.sqlite3-shm"}
    assert written == {"desk.sqlite3", "受付簿.xlsx"}  # no file left behind


def test_an_xls_renamed_xlsx_is_read_as_the_xls_it_is(db, supervisor, tmp_path):
    """Content, not the name, says what a file is (the issue's first point)."""
    path = ledgers.write_xls(tmp_path / "受付簿.xls").rename(tmp_path / "受付簿.xlsx")
    report = ledger_import.import_ledger(db, supervisor, path)
    assert (report.kind, report.imported) == ("xls", 7)


def test_a_csv_named_xlsx_is_read_as_csv(db, supervisor, tmp_path):
    path = ledgers.write_csv(tmp_path / "受付簿.xlsx")
    assert ledger_import.import_ledger(db, supervisor, path).kind == "csv"
