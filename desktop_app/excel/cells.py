"""Writing cells a spreadsheet shows as they are, and widths that fit Japanese text.

Text that starts like a formula (`=`, `+`, `-`, `@`) or with a tab or CR would be run or
mangled by some readers; such a cell is written with the string type forced, so it reads back
as the text it was. Column widths count East Asian wide characters double, as Excel does.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties

DATE_FORMAT = "yyyy/mm/dd"
DATETIME_FORMAT = "yyyy/mm/dd hh:mm"
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
WRAP = Alignment(wrap_text=True, vertical="top")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_MAX_WIDTH = 60


# What a workbook cannot hold (XML 1.0 forbids these characters; UTF-8 cannot encode a lone
# surrogate): each is shown as its Unicode control picture (ESC as ␛), or U+FFFD.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel counts days from 1900 (with its 1900-02-29 that never was): earlier dates are written
# as ISO text, which every reader reads back unchanged.
_FIRST_EXCEL_DATE = dt.date(1900, 3, 1)


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def printable(value: Any) -> Any:
    """The value as a cell can hold it: text without unwritable characters, early dates as text.

    Values stored before the entry rules (domain/entry_rules) may hold such characters; the
    workbook still gets written, and a sync package carries the exact value in `_data`.
    """
    if isinstance(value, str):
        return _UNWRITABLE.sub(_picture, value) if _UNWRITABLE.search(value) else value
    if isinstance(value, dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        if day < _FIRST_EXCEL_DATE:
            return value.isoformat()
    return value


_DATE_TYPES = (dt.date, dt.datetime)


def printable_row(values: list[Any]) -> list[Any]:
    """`printable` of every value of a row, with one search over all its text (the common row
    holds nothing to change, and a sync package writes hundreds of thousands of them)."""
    if _UNWRITABLE.search("".join([v for v in values if type(v) is str])):
        return [printable(value) for value in values]
    return [printable(v) if type(v) in _DATE_TYPES else v for v in values]


def cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """A value for a write-only row: formula-like text forced to text, dates formatted."""
    if value is None or type(value) is int:
        return value
    return printable_cell(sheet, printable(value))


def printable_cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """`cell` of a value that `printable` has already given."""
    if value is None or type(value) is int:
        return value
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        forced = WriteOnlyCell(sheet, value=value)
        forced.data_type = "s"
        return forced
    if isinstance(value, dt.datetime):
        stamped = WriteOnlyCell(sheet, value=value)
        stamped.number_format = DATETIME_FORMAT
        return stamped
    if isinstance(value, dt.date):
        dated = WriteOnlyCell(sheet, value=value)
        dated.number_format = DATE_FORMAT
        return dated
    return value


def style_id(
    sheet: WriteOnlyWorksheet,
    *,
    number_format: str | None = None,
    alignment: Alignment | None = None,
) -> int:
    """The workbook's style id for cells with `number_format` and `alignment`, registered if
    new, for cells written as XML (`sheet_rows`) rather than by openpyxl."""
    sample = WriteOnlyCell(sheet)
    if number_format is not None:
        sample.number_format = number_format
    if alignment is not None:
        sample.alignment = alignment
    return int(sample.style_id)


def format_style_id(sheet: WriteOnlyWorksheet, number_format: str) -> int:
    """The style id of date or datetime cells in the report's lists."""
    return style_id(sheet, number_format=number_format)


def wrap_style_id(sheet: WriteOnlyWorksheet) -> int:
    """The style id for wrapped, top-aligned text: multi-line text in the report's lists."""
    return style_id(sheet, alignment=WRAP)


def header_cells(sheet: WriteOnlyWorksheet, labels: Iterable[str]) -> list[WriteOnlyCell]:
    cells = []
    for label in labels:
        head = WriteOnlyCell(sheet, value=label)
        head.font = HEADER_FONT
        head.fill = HEADER_FILL
        cells.append(head)
    return cells


def display_width(text: str) -> int:
    """Columns a text takes in Excel: wide (CJK) characters count two."""
    if text.isascii():
        return len(text)
    return sum(map(_char_width, text))


@functools.cache
def _char_width(ch: str) -> int:
    """One character's columns, looked up once per character: a package measures the text of
    hundreds of thousands of cells, and the Unicode lookup is the slow part."""
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def set_widths(sheet: WriteOnlyWorksheet, widths: Iterable[int]) -> None:
    """Fixed widths, set before the first row is written (write-only sheets need it then)."""
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(_MAX_WIDTH, width + 2)


def hide_columns(sheet: WriteOnlyWorksheet, first: int, last: int) -> None:
    for index in range(first, last + 1):
        sheet.column_dimensions[get_column_letter(index)].hidden = True


def fit_to_page_width(sheet: WriteOnlyWorksheet) -> None:
    """Printed on one page wide (a cover sheet of two columns)."""
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0


def print_landscape_with_headers(sheet: WriteOnlyWorksheet) -> None:
    """A wide table printed across, its header row repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "1:1"
