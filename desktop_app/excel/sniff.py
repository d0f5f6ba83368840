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
    sample = data[:_TEXT_SAMPLE]
    if _looks_like_text(sample):
        return "csv"
    if b"\x00" not in sample:
        # Text (no NUL, as binary files have) that no encoding reads: a CSV with broken
        # bytes, most often cp932 cut or mixed. Named by the row the bytes are on.
        raise bad_bytes(sample, name, final=False)
    raise UserError("workbook_not_spreadsheet", path=name)


def _ole_kind(data: bytes, name: str) -> Kind:
    import olefile  # loaded (with logging) only for an OLE2 file, not for every .xlsx or CSV

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


_TEXT_ENCODINGS = ("utf-8", "cp932")
_ENCODING_NAMES = "UTF-8、Shift_JIS（cp932）"


def bad_bytes(data: bytes, name: str, *, final: bool = True) -> UserError:
    """The refusal of text that neither UTF-8 nor cp932 reads: it names the row (line) of the
    first bad bytes for the encoding that reads furthest, and shows them."""
    furthest: UnicodeDecodeError | None = None
    for encoding in _TEXT_ENCODINGS:
        try:
            codecs.getincrementaldecoder(encoding)().decode(data, final=final)
        except UnicodeDecodeError as exc:
            if furthest is None or exc.start > furthest.start:
                furthest = exc
    start, end = (furthest.start, furthest.end) if furthest else (0, 0)
    shown = " ".join(f"0x{byte:02X}" for byte in data[start : max(end, start + 1)][:4])
    return UserError(
        "csv_bad_bytes",
        path=name,
        row=data.count(b"\n", 0, start) + 1,
        encodings=_ENCODING_NAMES,
        bytes=shown,
    )
