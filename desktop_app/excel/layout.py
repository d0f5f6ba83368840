"""How every written sheet looks on screen and on paper: one set of conventions for packages,
master packages, the audit export, the ledger rejects and the report.

A receiver opens these files in Excel or LibreOffice and prints them, so each sheet:

* prints on A4, landscape when its columns are wider than a portrait page, scaled to one page
  wide (as many pages down as it needs), its header row repeated on every page, the sheet's
  name at the top and 「1 / 3 ページ」 at the bottom;
* has columns as wide as their label and their typical value (from the first rows), capped,
  so one long value does not make a column a page wide; what does not fit wraps;
* shows a cell holding line breaks (or wider than its column) wrapped, with a row tall enough
  for its lines, capped at `MAX_LINES` (the whole text stays in the cell; the formula bar or a
  taller row shows the rest).

Only styles and sheet settings are set here, never a value: a package's hash covers its
visible cells, and a style changes none of them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.styles import Alignment
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.excel.cells import cell, display_width

SAMPLE_ROWS = 300  # rows read ahead to fit column widths
MAX_WIDTH = 40  # a column's width at most, in Excel's character units
MIN_WIDTH = 4
MAX_LINES = 8  # a wrapped row's height at most, in lines
LINE_POINTS = 17.0  # one line of 11 pt text with a Japanese font, as LibreOffice spaces it
PORTRAIT_WIDTH = 95  # character units that print on a portrait A4 page at 100 %
FOOTER = "&P / &N ページ"
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def print_setup(
    sheet: WriteOnlyWorksheet | Worksheet,
    *,
    title_rows: str | None = "1:1",
    landscape: bool = True,
) -> None:
    """A4, one page wide, the header rows repeated, the sheet's name and page numbers."""
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = (
        Worksheet.ORIENTATION_LANDSCAPE if landscape else Worksheet.ORIENTATION_PORTRAIT
    )
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddHeader.right.text = "&A"
    sheet.oddFooter.center.text = FOOTER


def is_wide(widths: Sequence[float]) -> bool:
    """Wider than a portrait A4 page prints at full size: printed landscape."""
    return sum(widths) > PORTRAIT_WIDTH


def text_width(value: Any) -> int:
    """The widest line of a value as shown (dates as their yyyy/mm/dd [hh:mm] format)."""
    if value is None or value == "":
        return 0
    if hasattr(value, "hour"):
        return 16
    if hasattr(value, "isoformat"):
        return 10
    return max(display_width(line) for line in str(value).split("\n"))


def fitted_widths(
    headers: Sequence[str],
    sample: Iterable[Sequence[Any]],
    *,
    caps: Sequence[int] | None = None,
) -> list[int]:
    """Each column as wide as its label and its widest sampled value, at most its cap
    (`MAX_WIDTH` unless `caps` says otherwise, never narrower than its label)."""
    widths = [max(MIN_WIDTH, display_width(header)) for header in headers]
    for row in sample:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], text_width(value))
    limits = caps or [MAX_WIDTH] * len(headers)
    return [
        min(width, max(limit, display_width(header)))
        for width, limit, header in zip(widths, limits, headers, strict=True)
    ]


def lines_of(value: Any, width: float) -> int:
    """How many lines a cell's text takes in a column `width` wide when wrapped."""
    if not isinstance(value, str) or not value:
        return 1
    room = max(1.0, width)
    return sum(max(1, math.ceil(display_width(line) / room)) for line in value.split("\n"))


class RowWriter:
    """Appends rows to a write-only sheet: formula-like text kept as text, dates formatted,
    text that does not fit on one line wrapped, and the row made tall enough (capped).

    `widths` are the shown columns' widths as set (the cells past them are written as they
    are: a package's hidden machine columns). A package writes hundreds of thousands of rows,
    so each alignment is registered with the workbook once and its id given to the cells that
    need it (what openpyxl's `cell.alignment = ...` does, without hashing the style per cell).
    """

    def __init__(self, sheet: WriteOnlyWorksheet, widths: Sequence[float], *, first_row: int = 1):
        self.sheet = sheet
        self.widths = list(widths)
        self.row = first_row - 1
        self._alignment_ids = {id(a): _alignment_id(sheet, a) for a in (WRAP, TOP)}

    def append(self, values: Sequence[Any]) -> None:
        self.row += 1
        counts = [lines_of(value, width) for value, width in zip(values, self.widths, strict=False)]
        lines = max(counts, default=1)
        if lines <= 1:
            self.sheet.append([cell(self.sheet, value) for value in values])
            return
        self.sheet.row_dimensions[self.row].height = min(lines, MAX_LINES) * LINE_POINTS
        shown = len(self.widths)
        self.sheet.append(
            [
                self._aligned(value, WRAP if index < shown and isinstance(value, str) else TOP)
                if index < shown
                else cell(self.sheet, value)
                for index, value in enumerate(values)
            ]
        )

    def _aligned(self, value: Any, alignment: Alignment) -> Any:
        if value is None or value == "":
            return value
        made = cell(self.sheet, value)
        if not isinstance(made, Cell):
            made = WriteOnlyCell(self.sheet, value=value)
        if not made._style:
            made._style = StyleArray()
        made._style.alignmentId = self._alignment_ids[id(alignment)]
        return made


def _alignment_id(sheet: WriteOnlyWorksheet, alignment: Alignment) -> int:
    """The workbook's id of `alignment`, registered once."""
    probe = WriteOnlyCell(sheet)
    probe.alignment = alignment
    return int(probe._style.alignmentId)
