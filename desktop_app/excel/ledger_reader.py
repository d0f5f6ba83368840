"""Opening a hand-kept ledger, whatever it was saved as: .xlsx, .xls (Excel 97-2003) or CSV.

The kind is told by content, never by name (an .xls renamed .xlsx is read as the .xls it is).
An .xlsx passes zip_guard and an .xls xls_guard before python-calamine reads it; a workbook with
Excel's password is refused (a ledger has no shared password: remove it in Excel first). CSV
is UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode text") or cp932 (Shift_JIS,
as Excel and kintone write it), bounded in columns and cells like a sheet.

Cells come back as calamine gives them (docs/excel.md), whole floats as int, from A1 so that
row numbers are Excel's; a merged range's value is copied into every cell it covers, so a date
merged over the day's three rows belongs to each of them. No database, no Qt, no file written.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook, SheetTypeEnum

from desktop_app.domain.errors import UserError
from desktop_app.excel.safe_read import calamine_errors, read_file
from desktop_app.excel.sniff import Kind, bad_bytes, sniff_bytes
from desktop_app.excel.zip_guard import DEFAULT_LIMITS, Limits, check_xlsx

Rows = list[list[Any]]
_EXACT_FLOAT = 2.0**53
_CSV_SHEET = "CSV"
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class LedgerBook:
    """An opened ledger file: its kind, its sheets in order, and their rows on demand."""

    file: str
    kind: Kind
    sheets: tuple[str, ...]
    _data: bytes
    _limits: Limits

    def rows(self, sheet: str) -> Rows:
        if sheet not in self.sheets:
            raise UserError("workbook_sheet_missing", path=self.file, sheet=sheet)
        if self.kind == "csv":
            return _csv_rows(self._data, self.file, self._limits)
        with calamine_errors(self.file):
            book = CalamineWorkbook.from_filelike(io.BytesIO(self._data))
            worksheet = book.get_sheet_by_name(sheet)
            rows = worksheet.to_python(skip_empty_area=False)
            merged = worksheet.merged_cell_ranges or []
        return _fill_merged(_whole_numbers(rows), merged)


def open_ledger(path: Path, limits: Limits = DEFAULT_LIMITS) -> LedgerBook:
    """The ledger at `path`, checked; UserError naming the file for what cannot be a ledger."""
    name = path.name
    data = read_file(path, limits)
    kind = sniff_bytes(data, name)
    if kind == "encrypted":
        raise UserError("ledger_password_protected", path=name)
    if kind == "csv":
        return LedgerBook(name, kind, (_CSV_SHEET,), data, limits)
    if kind == "xlsx":
        check_xlsx(data, name, limits)
    else:
        from desktop_app.excel.xls_guard import check_xls  # and olefile: only for an .xls

        check_xls(data, name, limits)
    with calamine_errors(name):
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheets = tuple(
            sheet.name for sheet in book.sheets_metadata if sheet.typ == SheetTypeEnum.WorkSheet
        )
    if not sheets:
        raise UserError("workbook_unreadable", path=name)
    return LedgerBook(name, kind, sheets, data, limits)


def _whole_numbers(rows: Rows) -> Rows:
    for row in rows:
        for at, value in enumerate(row):
            if type(value) is float and value.is_integer() and abs(value) < _EXACT_FLOAT:
                row[at] = int(value)
    return rows


def _fill_merged(rows: Rows, merged: Sequence[Any]) -> Rows:
    """Each merged range's top-left value copied into the cells it covers (within the sheet)."""
    for (top, left), (bottom, right) in merged:
        if top >= len(rows):
            continue
        row = rows[top]
        value = row[left] if left < len(row) else ""
        if value == "":
            continue
        for at in range(top, min(bottom, len(rows) - 1) + 1):
            target = rows[at]
            for col in range(left, min(right, len(target) - 1) + 1):
                if target[col] == "":
                    target[col] = value
    return rows


def _csv_rows(data: bytes, name: str, limits: Limits) -> Rows:
    text = _decode(data, name)
    # Bounded before parsing: csv.reader builds a whole row before it can be counted, and a
    # line of a million commas is a million cells.
    if text.count(",") > limits.cells or text.count("\n") > limits.rows:
        raise _too_large(name, text.count(","), text.count("\n"), limits)
    rows: Rows = []
    cells = 0
    try:
        for row in csv.reader(io.StringIO(text, newline="")):
            if len(row) > limits.columns or len(rows) >= limits.rows:
                raise _too_large(name, len(row), len(rows) + 1, limits)
            cells += len(row)
            if cells > limits.cells:
                raise _too_large(name, len(row), len(rows) + 1, limits)
            rows.append([cell.strip() for cell in row])
    except csv.Error as exc:
        raise UserError("workbook_unreadable", path=name) from exc
    width = max((len(row) for row in rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    return rows


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UserError("ledger_csv_encoding", path=name) from exc
    for encoding in ("utf-8", "cp932"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise bad_bytes(data, name)


def _too_large(name: str, columns: int, rows: int, limits: Limits) -> UserError:
    return UserError(
        "workbook_sheet_too_large",
        path=name,
        member=_CSV_SHEET,
        columns=columns,
        rows=rows,
        limit=f"{limits.cells:,}",
    )
