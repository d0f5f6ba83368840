"""The rows of a ledger that could not be imported, as a workbook to fix and import again.

The ledger's own header row comes first, then each refused row as it was, with two columns
added at the end: the row it had in the ledger and why it was refused. Importing the fixed
workbook finds the same headers; the two added columns match no field and are left out.
The caller (services/ledger_import) gives the temporary path of services/output_files, which
renames it into place when complete.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from desktop_app.excel import cells

ROW_HEADER = "元の行"
REASON_HEADER = "取り込めなかった理由"


def write_rejects(
    path: Path,
    headers: Sequence[str],
    rows: Sequence[tuple[int, Sequence[Any], str]],
) -> None:
    """`rows` are (ledger row number, its cells, the reasons as one text)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("取込不可")
    labels = [*headers, ROW_HEADER, REASON_HEADER]
    widths = [max(8, cells.display_width(str(label))) for label in labels]
    widths[-1] = 60
    cells.set_widths(sheet, widths)
    sheet.freeze_panes = "A2"
    sheet.append(cells.header_cells(sheet, labels))
    for number, values, reason in rows:
        padded = [*values, *[""] * (len(headers) - len(values))][: len(headers)]
        sheet.append([cells.cell(sheet, value) for value in (*padded, number, reason)])
    book.save(path)
