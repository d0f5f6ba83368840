"""Package files on disk: written all or nothing, opened with the shared password.

Writing goes to a temporary file beside the target and is renamed into place, so a failed or
cancelled export leaves no partial file; a package with personal data is encrypted before the
rename.

Reading goes through python-calamine, which is about ten times faster than openpyxl's
read-only mode on large sheets and refuses XML entity bombs; an encrypted workbook (Excel's own
password protection) is decrypted in memory with msoffcrypto-tool first.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import msoffcrypto
from python_calamine import CalamineWorkbook

from desktop_app.domain.errors import UserError
from desktop_app.excel import encryption
from desktop_app.excel.sync_package import Manifest, PackageRow, SheetSpec, write_package
from desktop_app.services import package_key

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def load_workbook(path: Path, *, password: str | None) -> dict[str, list[list[Any]]]:
    """Every sheet of the workbook at `path` (hidden ones too) as lists of cell values."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=path) from exc
    except OSError as exc:
        raise UserError("file_unreadable", path=path.name) from exc
    if data.startswith(_OLE_MAGIC):
        data = _decrypted(data, path, password)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise UserError("package_not_workbook", path=path.name)
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}
    except Exception as exc:  # calamine raises its own error kinds for every damaged file
        raise UserError("package_not_workbook", path=path.name) from exc


def _decrypted(data: bytes, path: Path, password: str | None) -> bytes:
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        encrypted = office.is_encrypted()
    except Exception as exc:
        raise UserError("package_not_workbook", path=path.name) from exc
    if not encrypted:
        raise UserError("package_not_workbook", path=path.name)
    if password is None:
        raise UserError("package_needs_password", path=path.name)
    plain = io.BytesIO()
    try:
        office.load_key(password=password)
        office.decrypt(plain)
    except Exception as exc:
        raise UserError("package_password_wrong", path=path.name) from exc
    return plain.getvalue()


def save_package(
    out: Path,
    manifest: Manifest,
    sheets: Sequence[tuple[SheetSpec, Sequence[PackageRow]]],
    *,
    cover: Sequence[tuple[str, str]],
    secret: str | None,
) -> None:
    """Write the package to `out` (encrypted when it holds personal data), or nothing at all."""
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise UserError("path_not_writable", path=out)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".renkei-", suffix=".xlsx", dir=folder)
    except OSError as exc:
        raise UserError("path_not_writable", path=out) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            write_package(stream, manifest, sheets, cover=cover, key=package_key.hmac_key(secret))
        if manifest.personal and secret is not None:
            encryption.encrypt_file(Path(temporary), secret)
        os.replace(temporary, out)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserError("path_not_writable", path=out) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
