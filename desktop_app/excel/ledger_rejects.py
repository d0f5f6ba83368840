"""The rows of a ledger that could not be imported, as a workbook to fix and import again.

The ledger's own header row comes first, then each refused row as it was, with two columns
added at the end: the row it had in the ledger and why it was refused, one reason a line.
Importing the fixed workbook finds the same headers; the two added columns match no field and
are left out. Laid out as every other workbook (`excel.layout`): columns as wide as their
label and values (capped, the rest wrapped, rows tall enough), a filter, the header frozen and
repeated on every printed page, A4 one page wide with page numbers. The caller
(services/ledger_import) gives the temporary path of services/output_files, which renames it
into place when complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from desktop_app.excel import cells, layout

ROW_HEADER = "元の行"
REASON_HEADER = "取り込めなかった理由"


def write_rejects(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[tuple[int, Sequence[Any], str]],
) -> None:
    """`rows` are (ledger row number, its cells, the reasons, one a line)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("取込不可")
    labels = [str(label) for label in (*headers, ROW_HEADER, REASON_HEADER)]
    table = [
        [*[*values, *[""] * (len(headers) - len(values))][: len(headers)], number, reason]
        for number, values, reason in rows
    ]
    caps = [layout.MAX_WIDTH] * len(headers) + [8, 50]
    widths = layout.fitted_widths(labels, table[:300], caps=caps)
    cells.set_widths(sheet, widths)
    sheet.freeze_panes = "A2"
    layout.print_setup(sheet, landscape=layout.is_wide(widths))
    sheet.append(cells.header_cells(sheet, labels))
    writer = layout.RowWriter(sheet, [w + 2 for w in widths], first_row=2)
    for row in table:
        writer.append(row)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(labels))}{len(table) + 1}"
    book.save(path)
