"""The lists' own writer: rows as sheet XML streamed into an openpyxl placeholder, read back by
openpyxl (structure, styles, settings) and by safe_read/calamine (the text exactly)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.utils.datetime import to_excel

from desktop_app.excel.cells import DATE_FORMAT, DATETIME_FORMAT, format_style_id, header_cells
from desktop_app.excel.safe_read import open_xlsx, read_rows
from desktop_app.excel.sheet_fill import SheetFill, fill_sheets
from desktop_app.excel.sheet_rows import (
    MAX_ROWS,
    CellStyles,
    cell_text,
    date_serial,
    datetime_serial,
    sheet_rows,
)
from tests.excel.test_safe_read import TRICKY

PART = "xl/worksheets/sheet1.xml"


def write(tmp_path: Path, rows: Sequence[Sequence[Any]], *, header: bool = True) -> Path:
    """A one-sheet workbook: openpyxl's placeholder (header, frozen pane, filter), then rows."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("一覧")
    sheet.column_dimensions["A"].width = 30
    sheet.freeze_panes = "B2"
    if header:
        sheet.append(header_cells(sheet, ("文字", "数", "日付")))
        sheet.auto_filter.ref = "A1:C1"
    styles = CellStyles(
        format_style_id(sheet, DATE_FORMAT), format_style_id(sheet, DATETIME_FORMAT)
    )
    placeholder = io.BytesIO()
    book.save(placeholder)
    out = tmp_path / "list.xlsx"
    first = 2 if header else 1
    written = fill_sheets(placeholder.getvalue(), out, {PART: SheetFill(rows, first, styles)})
    assert written == {PART: len(rows)}
    return out


def calamine(path: Path) -> list[list[Any]]:
    return read_rows(open_xlsx(path, password=None))["一覧"]


def test_markup_characters_and_tricky_text_round_trip(tmp_path: Path) -> None:
    texts = ["<b>&amp;</b> \"quoted\" 'single'", "a < b > c & d", *TRICKY]
    out = write(tmp_path, [[text] for text in texts])
    assert [row[0] for row in calamine(out)[1:]] == texts
    sheet = openpyxl.load_workbook(out)["一覧"]
    assert sheet["A2"].value == texts[0] and sheet["A3"].value == texts[1]
    assert sheet["A4"].value == "=1+2" and sheet["A4"].data_type == "s"  # text, not a formula
    assert len(sheet["A20"].value) == 32_767  # the longest text a cell holds


def test_control_characters_are_escaped_as_excel_does(tmp_path: Path) -> None:
    texts = ["a\x01b\x1fc", "NUL\x00", "\x0b\x0c", "CR\rLF\nTAB\t", "_x0041_"]
    out = write(tmp_path, [[text] for text in [*texts, "非\ufffe文字\uffff"]])
    assert [row[0] for row in calamine(out)[1:]] == [*texts, "非\ufffd文字\ufffd"]
    with zipfile.ZipFile(out) as archive:
        xml = archive.read(PART).decode()
    assert "a_x0001_b_x001F_c" in xml and "CR_x000D_LF\nTAB\t" in xml and "_x005F_x0041_" in xml
    # openpyxl reads the file (it would refuse raw control characters) and shows the escapes.
    assert openpyxl.load_workbook(out)["一覧"]["A2"].value == "a_x0001_b_x001F_c"


def test_cell_text_leaves_ordinary_text_alone() -> None:
    plain = "千葉県長柄町の昆布を使った新商品を共同開発したい"
    assert cell_text(plain) is plain
    assert cell_text("R&D <1>") == "R&amp;D &lt;1&gt;"


def test_dates_datetimes_and_numbers(tmp_path: Path) -> None:
    moment = dt.datetime(2026, 10, 31, 23, 59, 30, 500_000)
    rows = [
        ["日付", 0, dt.date(2026, 10, 1)],
        ["日時", -12, moment],
        ["古い日付", 2**53, dt.date(1900, 1, 15)],
        ["小数", 1.5, dt.datetime(1900, 2, 28, 12)],
        ["真偽", True, None],
    ]
    out = write(tmp_path, rows)
    sheet = openpyxl.load_workbook(out)["一覧"]
    assert (
        sheet["C2"].value == dt.datetime(2026, 10, 1) and sheet["C2"].number_format == DATE_FORMAT
    )
    assert sheet["C3"].number_format == DATETIME_FORMAT
    assert abs(sheet["C3"].value - moment) < dt.timedelta(milliseconds=1)
    assert sheet["C4"].value == dt.datetime(1900, 1, 15)  # before Excel's phantom 29 Feb 1900
    assert sheet["C5"].value == dt.datetime(1900, 2, 28, 12)
    assert [sheet.cell(r, 2).value for r in range(2, 7)] == [0, -12, 2**53, 1.5, True]
    read = calamine(out)
    assert read[1][2] == dt.date(2026, 10, 1) and abs(read[2][2] - moment) < dt.timedelta(
        milliseconds=1
    )
    for value in (dt.date(2026, 10, 1), dt.date(1900, 1, 15), dt.date(1900, 3, 1)):
        assert date_serial(value) == to_excel(value)
    for moment in (dt.datetime(2026, 10, 31, 23, 59, 30, 500_000), dt.datetime(1900, 2, 1, 6)):
        assert datetime_serial(moment) == pytest.approx(to_excel(moment), abs=1e-9)


def test_empty_cells_are_left_out_and_the_rest_keep_their_columns(tmp_path: Path) -> None:
    out = write(tmp_path, [[None, "", "C"], ["A", None, None], [None, None, None], []])
    sheet = openpyxl.load_workbook(out)["一覧"]
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=2, max_row=3)] == [
        [None, None, "C"],
        ["A", None, None],
    ]
    assert calamine(out)[1:3] == [["", "", "C"], ["A", "", ""]]
    with zipfile.ZipFile(out) as archive:
        xml = archive.read(PART).decode()
    assert '<row r="2"><c r="C2"' in xml and '<row r="4"></row><row r="5"></row>' in xml


def test_the_placeholders_settings_stay_and_its_filter_stretches(tmp_path: Path) -> None:
    rows = [[f"行{i}", i, dt.date(2026, 4, 1) + dt.timedelta(days=i % 365)] for i in range(2500)]
    out = write(tmp_path, rows)  # more rows than one batch
    sheet = openpyxl.load_workbook(out)["一覧"]
    assert (
        sheet.max_row == 2501 and sheet["A2501"].value == "行2499" and sheet["B1000"].value == 998
    )
    assert sheet.auto_filter.ref == "A1:C2501" and sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width == 30
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb == "00DDE7F0"
    assert len(calamine(out)) == 2501


def test_no_header_and_no_filter(tmp_path: Path) -> None:
    out = write(tmp_path, [["一"], ["二"]], header=False)
    sheet = openpyxl.load_workbook(out)["一覧"]
    assert [sheet["A1"].value, sheet["A2"].value] == ["一", "二"] and sheet.auto_filter.ref is None


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (float("nan"), ValueError),
        (float("inf"), ValueError),
        (dt.datetime(2026, 1, 1, tzinfo=dt.UTC), ValueError),
        (b"bytes", TypeError),
        (dt.time(12, 0), TypeError),
    ],
)
def test_values_a_cell_cannot_hold_are_refused(
    tmp_path: Path, value: Any, error: type[Exception]
) -> None:
    with pytest.raises(error):
        write(tmp_path, [["ok"], [value]])


def test_rows_past_the_last_row_a_sheet_holds_are_refused() -> None:
    styles = CellStyles(0, 0)
    last = list(sheet_rows([["最後"]], first_row=MAX_ROWS, styles=styles))
    assert last == [
        f'<row r="{MAX_ROWS}"><c r="A{MAX_ROWS}" t="inlineStr">'
        '<is><t xml:space="preserve">最後</t></is></c></row>'
    ]
    with pytest.raises(ValueError, match="1,048,576"):
        list(sheet_rows([["最後"], ["一行多い"]], first_row=MAX_ROWS, styles=styles))


def test_a_part_that_is_not_in_the_workbook_is_refused(tmp_path: Path) -> None:
    book = openpyxl.Workbook(write_only=True)
    book.create_sheet("一覧")
    placeholder = io.BytesIO()
    book.save(placeholder)
    fill = SheetFill([["x"]], 1, CellStyles(0, 0))
    with pytest.raises(KeyError, match="sheet9"):
        fill_sheets(placeholder.getvalue(), tmp_path / "x.xlsx", {"xl/worksheets/sheet9.xml": fill})
    with pytest.raises(ValueError, match="sheetData"):
        fill_sheets(placeholder.getvalue(), tmp_path / "x.xlsx", {"xl/styles.xml": fill})
