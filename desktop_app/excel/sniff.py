"""What kind of file a byte string is, told by its content and never by its name.

People rename files: an .xls saved as .xlsx, a CSV called 受付簿.xlsx. An .xlsx is a ZIP
archive; an encrypted .xlsx and a legacy .xls are both OLE2 compound files, told apart by
their streams (`EncryptionInfo` against `Workbook`/`Book`); anything else that decodes as
text is taken as CSV. The reader for each kind then refuses what it cannot take, by name.
"""

from __future__ import annotations

import codecs
import io
from typing import Literal

import olefile

from desktop_app.domain.errors import UserError

Kind = Literal["xlsx", "xls", "csv", "encrypted"]

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_SAMPLE = 64 * 1024
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def sniff_bytes(data: bytes, name: str) -> Kind:
    """The kind of `data`; UserError (naming `name`) for an empty or non-spreadsheet file."""
    if not data:
        raise UserError("workbook_empty", path=name)
    if data.startswith((ZIP_MAGIC, EMPTY_ZIP_MAGIC)):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return _ole_kind(data, name)
    if _looks_like_text(data[:_TEXT_SAMPLE]):
        return "csv"
    raise UserError("workbook_not_spreadsheet", path=name)


def _ole_kind(data: bytes, name: str) -> Kind:
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.exists("EncryptionInfo") and ole.exists("EncryptedPackage"):
                return "encrypted"
            if ole.exists("Workbook") or ole.exists("Book"):
                return "xls"
    except Exception as exc:  # olefile raises several kinds for a cut-short or mangled file
        raise UserError("workbook_damaged", path=name) from exc
    raise UserError("workbook_not_spreadsheet", path=name)  # a Word or PowerPoint file


def _looks_like_text(sample: bytes) -> bool:
    """UTF-16 with a BOM (Excel's "Unicode text"), or NUL-free UTF-8 or cp932 (Shift_JIS)."""
    if sample.startswith(_UTF16_BOMS):
        return True
    if b"\x00" in sample:
        return False
    for encoding in ("utf-8-sig", "cp932"):
        try:
            # Incremental, so that a character cut at the end of the sample is no error.
            codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except UnicodeDecodeError:
            continue
        return True
    return False
