"""The audit trail as a workbook a supervisor files or filters in Excel.

Write-only, so a long trail costs what its cells cost: Japanese headers, widths fitted to the
first rows, the header row frozen and repeated on every printed page, a filter over the whole
table, printed landscape one page wide, times as yyyy/mm/dd hh:mm cells in the office's
local time.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop_app.excel.cells import (
    cell,
    display_width,
    fit_to_page_width,
    header_cells,
    print_landscape_with_headers,
    set_widths,
)

HEADERS = ("日時", "職員", "操作", "対象", "受付番号", "対象ID", "項目", "変更前", "変更後")
SAMPLE_ROWS = 300
_TIME_WIDTH = 18


def write_audit(path: Path, rows: Iterable[Sequence[Any]], *, title: str = "操作記録") -> int:
    """Write the rows (in HEADERS order) to `path`; returns how many were written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    stream = iter(rows)
    sample = list(islice(stream, SAMPLE_ROWS))
    widths = [display_width(header) + 2 for header in HEADERS]
    for row in sample:
        for index, value in enumerate(row):
            shown = _TIME_WIDTH if index == 0 else display_width(str(value or ""))
            widths[index] = max(widths[index], shown)
    set_widths(sheet, widths)
    print_landscape_with_headers(sheet)
    fit_to_page_width(sheet)
    sheet.freeze_panes = "A2"
    sheet.append(header_cells(sheet, HEADERS))
    count = 0
    for row in _rows(sample, stream):
        sheet.append([cell(sheet, value) for value in row])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    book.save(path)
    return count


def _rows(sample: list[Sequence[Any]], rest: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    return chain(sample, rest)
