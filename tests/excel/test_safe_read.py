"""The good paths of safe_read: what a real workbook gives back, cell by cell, and encryption."""

from __future__ import annotations

import datetime as dt
import io

import msoffcrypto
import olefile
import openpyxl
import pytest
from openpyxl.cell import WriteOnlyCell

from desktop_app.domain.errors import UserError
from desktop_app.excel.ooxml_text import escape_text
from desktop_app.excel.safe_read import encrypt_xlsx, open_xlsx, read_rows, sniff
from tests.excel import hostile

TRICKY = [
    "=1+2", "+81-3-5555-0101", "-5", "@SUM(A1)", "\t先頭タブ", "\r先頭CR", "改行\r\nあり",
    "LF\nのみ", " 前後の空白 ", "０１２３", "𠮷野家", "髙島屋", "001", "1e5", "TRUE",
    "_x000D_ は文字として", "x" * 32_767,
]  # fmt: skip


def _workbook(build) -> bytes:
    book = openpyxl.Workbook(write_only=True)
    build(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text(sheet, value: str) -> WriteOnlyCell:
    """A cell written the way a package writer must: forced to text, CR escaped."""
    cell = WriteOnlyCell(sheet, value=escape_text(value))
    cell.data_type = "s"
    return cell


def _open(tmp_path, data: bytes, password: str | None = None, name: str = "b.xlsx"):
    path = hostile.write(tmp_path, name, data)
    return read_rows(open_xlsx(path, password=password), name=name)


def test_openpyxl_parses_through_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_tricky_text_reads_back_exactly(tmp_path):
    def build(book):
        sheet = book.create_sheet("文字")
        sheet.append([_text(sheet, value) for value in TRICKY])

    rows = _open(tmp_path, _workbook(build))
    assert rows["文字"] == [TRICKY]


def test_cr_written_raw_comes_back_as_lf_which_is_why_writers_escape_it(tmp_path):
    def build(book):
        sheet = book.create_sheet("S")
        sheet.append(["a\rb", "a_x000D_b"])

    assert _open(tmp_path, _workbook(build))["S"] == [["a\nb", "a\rb"]]


def test_empty_cell_and_empty_string_both_read_as_empty_string(tmp_path):
    """calamine cannot tell them apart; positions from A1 are kept (no trimming)."""

    def build(book):
        sheet = book.create_sheet("S")
        sheet.append([])
        sheet.append([None, "", "x"])

    assert _open(tmp_path, _workbook(build))["S"] == [["", "", ""], ["", "", "x"]]


def test_dates_numbers_and_hidden_sheets(tmp_path):
    def build(book):
        sheet = book.create_sheet("見える")
        date = WriteOnlyCell(sheet, value=dt.date(2026, 4, 1))
        date.number_format = "yyyy/mm/dd"
        stamp = WriteOnlyCell(sheet, value=dt.datetime(2026, 4, 1, 9, 30))
        stamp.number_format = "yyyy/mm/dd hh:mm"
        sheet.append([date, stamp, 312345678, 1.5, True])
        hidden = book.create_sheet("隠し")
        hidden.sheet_state = "hidden"
        hidden.append(["manifest"])
        very = book.create_sheet("とても隠し")
        very.sheet_state = "veryHidden"
        very.append(["secret"])

    rows = _open(tmp_path, _workbook(build))
    assert list(rows) == ["見える", "隠し", "とても隠し"]
    values = rows["見える"][0]
    assert values == [dt.date(2026, 4, 1), dt.datetime(2026, 4, 1, 9, 30), 312345678, 1.5, True]
    assert type(values[2]) is int
    assert rows["隠し"] == [["manifest"]] and rows["とても隠し"] == [["secret"]]


def test_only_the_sheets_asked_for_and_a_missing_one_is_named(tmp_path):
    data = open_xlsx(hostile.write(tmp_path, "b.xlsx", hostile.plain_workbook()), password=None)
    assert list(read_rows(data, sheets=["受付"])) == ["受付"]
    with pytest.raises(UserError) as refused:
        read_rows(data, sheets=["manifest"], name="b.xlsx")
    assert refused.value.code == "workbook_sheet_missing"
    assert refused.value.message() == "「b.xlsx」にシート「manifest」がありません。"


def test_encryption_round_trip_is_excels_agile_and_opens_with_openpyxl(tmp_path):
    plain = hostile.plain_workbook("氏名", "鈴木 一郎", "03-5555-0101")
    encrypted = encrypt_xlsx(plain, "支所の合言葉-2026")
    assert b"03-5555-0101" not in encrypted and "鈴木".encode() not in encrypted
    office = msoffcrypto.OfficeFile(io.BytesIO(encrypted))
    assert office.is_encrypted() and office.type == "agile"
    # decrypted by the library on its own, then opened by openpyxl
    office.load_key(password="支所の合言葉-2026", verify_password=True)
    out = io.BytesIO()
    office.decrypt(out)
    sheet = openpyxl.load_workbook(out).active
    assert [cell.value for cell in sheet[1]] == ["氏名", "鈴木 一郎", "03-5555-0101"]
    # and through safe_read, by content, whatever the file is called
    path = hostile.write(tmp_path, "送付.xlsx", encrypted)
    assert sniff(path) == "encrypted"
    rows = read_rows(open_xlsx(path, password="支所の合言葉-2026"))
    assert rows["受付"] == [["氏名", "鈴木 一郎", "03-5555-0101"]]


def test_sniff_tells_kinds_by_content_not_name(tmp_path):
    kinds = {
        "a.csv": hostile.plain_workbook(),
        "b.xlsx": hostile.legacy_xls(),
        "c.xls": "受付日,件名\n".encode("cp932"),
        "d.dat": "\ufeff受付日,件名\n".encode(),
        "e.txt": "受付日\t件名\n".encode("utf-16"),
    }
    found = {name: sniff(hostile.write(tmp_path, name, data)) for name, data in kinds.items()}
    assert found == {
        "a.csv": "xlsx",
        "b.xlsx": "xls",
        "c.xls": "csv",
        "d.dat": "csv",
        "e.txt": "csv",
    }


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(UserError) as refused:
        open_xlsx(tmp_path / "ない.xlsx", password=None)
    assert refused.value.code == "file_not_found"
    assert "ない.xlsx" in refused.value.message()


def test_a_zip_that_is_not_a_workbook(tmp_path):
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(UserError) as refused:
        open_xlsx(hostile.write(tmp_path, "x.xlsx", out.getvalue()), password=None)
    assert refused.value.code == "workbook_not_xlsx"
    assert "「x.xlsx」はZIP形式ですが" in refused.value.message()


def test_a_tampered_encrypted_file_is_refused_as_damaged(tmp_path):
    encrypted = bytearray(encrypt_xlsx(hostile.plain_workbook(), "pw-2026-abcd"))
    with olefile.OleFileIO(bytes(encrypted)) as ole:  # where the encrypted payload starts
        entry = ole.direntries[ole._find("EncryptedPackage")]
        assert entry.size >= ole.minisectorcutoff  # so it lives in ordinary sectors
        start = (entry.isectStart + 1) * ole.sectorsize
    encrypted[start + 200] ^= 0xFF
    with pytest.raises(UserError) as refused:
        open_xlsx(hostile.write(tmp_path, "x.xlsx", bytes(encrypted)), password="pw-2026-abcd")
    assert refused.value.code == "workbook_damaged"


def test_a_panic_in_calamine_is_refused_as_an_unreadable_sheet_and_nothing_else_is_caught(
    tmp_path,
):
    """python-calamine panics on a date cell of -1e300; the panic is no Exception."""
    from python_calamine import CalamineWorkbook

    from desktop_app.excel.ledger_reader import open_ledger
    from desktop_app.excel.safe_read import calamine_errors

    data = hostile.date_before_year_one()
    with pytest.raises(BaseException) as panicked:
        CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    assert not isinstance(panicked.value, Exception)
    assert type(panicked.value).__name__ == "PanicException"
    path = hostile.write(tmp_path, "受付簿.xlsx", data)
    for read in (
        lambda: read_rows(open_xlsx(path, password=None), name=path.name),
        lambda: open_ledger(path).rows("受付"),
    ):
        with pytest.raises(UserError) as refused:
            read()
        assert refused.value.code == "workbook_unreadable"
        assert refused.value.message("ja") == (
            "「受付簿.xlsx」のシートを読めません。"
            "壊れているか、Excel以外のプログラムで作られた読めない形式です。"
        )
    for stop in (KeyboardInterrupt, SystemExit):
        with pytest.raises(stop), calamine_errors("受付簿.xlsx"):
            raise stop()
