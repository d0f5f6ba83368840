"""The one way every importer reads a file: sync packages, master packages and ledgers.

    kind = sniff(path)                                   # "xlsx" | "xls" | "csv" | "encrypted"
    plain = open_xlsx(path, password=secret)             # checked, decrypted .xlsx bytes
    rows = read_rows(plain, name=path.name)              # {sheet: [[value, ...], ...]}

`open_xlsx` refuses, with a UserError naming the file, everything that is not a sane .xlsx
(see zip_guard for the bombs it stops) before a byte of XML is parsed; `read_rows` reads
with python-calamine, about twenty times faster than openpyxl's read-only mode on a large
sheet. What calamine gives back, and so what importers see, is in docs/excel.md: an empty
cell and a cell holding "" both read as "" (a format that must tell them apart says so in
its own columns), whole numbers as int, dates as date or datetime, text exactly as written.
Nothing here writes a file, a temporary file included.
"""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NewType

from python_calamine import CalamineWorkbook, SheetTypeEnum

from desktop_app.domain.errors import UserError
from desktop_app.excel.crypto import decrypt_xlsx, encrypt_xlsx
from desktop_app.excel.sniff import Kind, sniff_bytes
from desktop_app.excel.zip_guard import DEFAULT_LIMITS, MB, Limits, check_xlsx

__all__ = [
    "DEFAULT_LIMITS",
    "CheckedXlsx",
    "Kind",
    "Limits",
    "calamine_errors",
    "encrypt_xlsx",
    "open_xlsx",
    "read_file",
    "read_rows",
    "sniff",
    "whole_numbers_of",
]

# .xlsx bytes that passed check_xlsx: only these are handed to calamine, which would abort the
# process on a sheet spanning an absurd range instead of raising.
CheckedXlsx = NewType("CheckedXlsx", bytes)

_EXACT_FLOAT = 2.0**53  # past this a float no longer holds every whole number


def read_file(path: Path, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file, and anything that is
    no regular file (a device such as /dev/zero, a pipe, a folder), which could be read without
    end: at most `limits.file_bytes` + 1 bytes are ever read, whatever its size claimed."""
    try:
        # Looked at before opening (opening a pipe waits for a writer), and again once open.
        _regular(path, path.stat())
        with path.open("rb") as file:
            status = os.fstat(file.fileno())
            _regular(path, status)
            if status.st_size > limits.file_bytes:
                _too_big(path, status.st_size, limits)
            data = file.read(limits.file_bytes + 1)
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=str(path)) from exc
    except OSError as exc:
        raise UserError("workbook_cannot_open", path=path.name) from exc
    if len(data) > limits.file_bytes:  # it grew while being read
        _too_big(path, len(data), limits)
    return data


def _regular(path: Path, status: os.stat_result) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise UserError("file_not_regular", path=path.name)


def _too_big(path: Path, size: int, limits: Limits) -> None:
    raise UserError(
        "workbook_file_too_big",
        path=path.name,
        size=f"{size / MB:,.0f}",
        limit=f"{limits.file_bytes / MB:,.0f}",
    )


def sniff(path: Path, limits: Limits = DEFAULT_LIMITS) -> Kind:
    """What the file is by its content: "xlsx", "xls", "csv" or "encrypted" (an .xlsx with
    Excel's password). UserError for an empty file or one that is none of these."""
    return sniff_bytes(read_file(path, limits), path.name)


def open_xlsx(path: Path, *, password: str | None, limits: Limits = DEFAULT_LIMITS) -> CheckedXlsx:
    """The plain .xlsx bytes of the workbook at `path`, decrypted with `password` when it is
    encrypted, after every check in zip_guard. UserError (naming the file) otherwise: a legacy
    .xls or a CSV where an .xlsx is needed, no or a wrong password, a damaged or hostile file.
    """
    name = path.name
    data = read_file(path, limits)
    kind = sniff_bytes(data, name)
    if kind == "xls":
        raise UserError("workbook_is_xls", path=name)
    if kind == "csv":
        raise UserError("workbook_is_csv", path=name)
    if kind == "encrypted":
        data = decrypt_xlsx(data, name, password)
    check_xlsx(data, name, limits)
    return CheckedXlsx(data)


def read_rows(
    xlsx_bytes: CheckedXlsx,
    *,
    sheets: Iterable[str] | None = None,
    name: str = "",
    whole_numbers: bool = True,
) -> dict[str, list[list[Any]]]:
    """Every worksheet (hidden and very hidden ones too), or those named in `sheets`, as rows
    of cell values from A1 (leading empty rows and columns kept, so positions are Excel's).

    `whole_numbers=False` leaves numbers as calamine gives them (floats): for a reader that
    looks at few of its cells as numbers (a sync package, whose rows carry their content as
    text) and converts those itself with `whole_numbers_of`, a pass over every cell of a
    large sheet costs a sixth of calamine's whole read.
    """
    with calamine_errors(name):
        book = CalamineWorkbook.from_filelike(io.BytesIO(xlsx_bytes))
        present = [
            sheet.name for sheet in book.sheets_metadata if sheet.typ == SheetTypeEnum.WorkSheet
        ]
        wanted = present if sheets is None else list(sheets)
        missing = [title for title in wanted if title not in present]
        if missing:
            raise UserError("workbook_sheet_missing", path=name, sheet=missing[0])
        tables = {
            title: book.get_sheet_by_name(title).to_python(skip_empty_area=False)
            for title in wanted
        }
    if whole_numbers:
        for rows in tables.values():
            for row in rows:
                row[:] = whole_numbers_of(row)
    return tables


@contextmanager
def calamine_errors(name: str) -> Iterator[None]:
    """python-calamine's errors, for every damaged part, as the refusal of an unreadable sheet
    (`workbook_unreadable`, naming the file); a UserError passes. So do its panics: a Rust
    panic (a date cell of -1e300: "TimeDelta::milliseconds out of bounds") reaches Python as
    pyo3's PanicException, which derives from BaseException, not Exception. Nothing else that
    is no Exception (KeyboardInterrupt, SystemExit) is caught."""
    try:
        yield
    except UserError:
        raise
    except Exception as exc:
        raise UserError("workbook_unreadable", path=name) from exc
    except BaseException as exc:
        if (type(exc).__module__, type(exc).__name__) != ("pyo3_runtime", "PanicException"):
            raise
        raise UserError("workbook_unreadable", path=name) from exc


def whole_numbers_of(values: Iterable[Any]) -> list[Any]:
    """Whole numbers as int: an .xlsx stores every number as a double, and a phone number or
    a code typed as a number should not come back as "312345678.0"."""
    return [
        int(value)
        if type(value) is float and value.is_integer() and abs(value) < _EXACT_FLOAT
        else value
        for value in values
    ]
