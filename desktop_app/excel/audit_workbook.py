"""The audit trail as a workbook a supervisor files or filters in Excel.

Write-only, so a long trail costs what its cells cost: Japanese headers and labels (the
caller's, from `domain.audit_labels`), widths fitted to the first rows and capped, long or
multi-line values wrapped with rows tall enough for them, the header row frozen and repeated
on every printed page, a filter over the whole table, printed on A4 landscape one page wide
with page numbers (`excel.layout`). Times are yyyy/mm/dd hh:mm cells in the office's local
time, 日時 and a 変更前/変更後 moment alike (the caller gives them as local date-times:
domain.audit_display.cell_value); a 変更前/変更後 value that is a date (2026-10-05) is a date
cell, so it sorts and filters as one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain, islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop_app.excel import layout
from desktop_app.excel.cells import header_cells, set_widths

HEADERS = ("日時", "職員", "操作", "対象", "受付番号", "対象ID", "項目", "変更前", "変更後")
SAMPLE_ROWS = 300
_VALUE_COLUMNS = (7, 8)  # 変更前, 変更後
_CAPS = (16, 16, 20, 12, 14, 20, 20, 36, 36)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def write_audit(path: Path, rows: Iterable[Sequence[Any]], *, title: str = "操作記録") -> int:
    """Write the rows (in HEADERS order) to `path`; returns how many were written."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title)
    stream = (_typed(row) for row in rows)
    sample = list(islice(stream, SAMPLE_ROWS))
    widths = layout.fitted_widths(HEADERS, sample, caps=_CAPS)
    set_widths(sheet, widths)
    layout.print_setup(sheet, landscape=True)
    sheet.freeze_panes = "A2"
    sheet.append(header_cells(sheet, HEADERS))
    writer = layout.RowWriter(sheet, [w + 2 for w in widths], first_row=2)
    count = 0
    for row in _rows(sample, stream):
        writer.append(row)
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    book.save(path)
    return count


def _typed(row: Sequence[Any]) -> list[Any]:
    """A row with its before/after values as date cells where they are ISO dates."""
    values = list(row)
    for index in _VALUE_COLUMNS:
        values[index] = as_date(values[index])
    return values


def as_date(value: Any) -> Any:
    """`2026-10-05` as a date; anything else as it is."""
    if isinstance(value, str) and len(value) == 10 and _ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _rows(
    sample: Sequence[Sequence[Any]], rest: Iterator[Sequence[Any]]
) -> Iterator[Sequence[Any]]:
    return chain(sample, rest)
