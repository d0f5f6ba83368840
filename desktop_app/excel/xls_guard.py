"""Checks on a legacy .xls (Excel 97-2003, BIFF8) before python-calamine reads it.

calamine allocates the whole rectangle between a sheet's first and last cell; an .xls can
span 65,536 rows x 256 columns (16.7 million cells) in a file of a few hundred bytes. Like
zip_guard for an .xlsx, the workbook stream's records are walked here first and a sheet whose
cells, or whose DIMENSIONS claim, span more than `Limits.cells` is refused. Nothing is parsed
but record headers and the row/column fields of cell records.
"""

from __future__ import annotations

import io
import struct

import olefile

from desktop_app.domain.errors import UserError
from desktop_app.excel.zip_guard import Limits

_HEADER = struct.Struct("<HH")
_POSITION = struct.Struct("<HH")
_DIMENSIONS = 0x0200
_BOF, _EOF = 0x0809, 0x000A
_MULRK, _MULBLANK = 0x00BD, 0x00BE
# Records that start with the row and column of one cell.
_CELLS = frozenset((0x0006, 0x00FD, 0x0203, 0x027E, 0x0201, 0x0205, 0x0204, 0x00D6, 0x0207))


def workbook_stream(data: bytes, name: str) -> bytes:
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            stream = "Workbook" if ole.exists("Workbook") else "Book"
            return ole.openstream(stream).read()
    except Exception as exc:  # olefile raises several kinds for a cut-short container
        raise UserError("workbook_damaged", path=name) from exc


def check_xls(data: bytes, name: str, limits: Limits) -> None:
    """Refuse (UserError naming `name`) an .xls a sheet of which spans an absurd range."""
    stream = workbook_stream(data, name)
    box = _Box()
    at, end = 0, len(stream)
    while at + 4 <= end:
        kind, length = _HEADER.unpack_from(stream, at)
        body = at + 4
        if kind == _BOF:
            box = _Box()
        elif kind == _DIMENSIONS and length >= 14:
            first_row, last_row, first_col, last_col = struct.unpack_from("<IIHH", stream, body)
            box.claim(
                first_row, max(first_row, last_row - 1), first_col, max(first_col, last_col - 1)
            )
        elif kind in _CELLS and length >= 4:
            row, col = _POSITION.unpack_from(stream, body)
            box.claim(row, row, col, col)
        elif kind in (_MULRK, _MULBLANK) and length >= 6:
            row, col = _POSITION.unpack_from(stream, body)
            (last,) = struct.unpack_from("<H", stream, body + length - 2)
            box.claim(row, row, col, max(col, last))
        if box.cells() > limits.cells:
            raise UserError(
                "workbook_sheet_too_large",
                path=name,
                member="xls",
                columns=box.columns(),
                rows=box.rows(),
                limit=f"{limits.cells:,}",
            )
        at = body + length


class _Box:
    def __init__(self) -> None:
        self.top = self.left = 1 << 32
        self.bottom = self.right = -1

    def claim(self, top: int, bottom: int, left: int, right: int) -> None:
        self.top, self.bottom = min(self.top, top), max(self.bottom, bottom)
        self.left, self.right = min(self.left, left), max(self.right, right)

    def rows(self) -> int:
        return max(0, self.bottom - self.top + 1)

    def columns(self) -> int:
        return max(0, self.right - self.left + 1)

    def cells(self) -> int:
        return self.rows() * self.columns()
