"""Package files on disk: written all or nothing, opened with the shared password.

Writing goes to a temporary file beside the target and is renamed into place, so a failed or
cancelled export leaves no partial file; a package with personal data is encrypted before the
rename.

Reading goes through excel/safe_read (checked, decrypted in memory, read with
python-calamine).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app.domain.errors import UserError
from desktop_app.excel import safe_read
from desktop_app.excel.sync_package import Manifest, PackageRow, SheetSpec, write_package
from desktop_app.services import package_key


def load_workbook(path: Path, *, password: str | None) -> dict[str, list[list[Any]]]:
    """Every sheet of the workbook at `path` (hidden ones too) as lists of cell values.

    Through excel/safe_read: hostile, damaged, legacy and wrongly encrypted files are refused
    (UserError naming the file) before any XML is parsed.
    """
    return safe_read.read_rows(safe_read.open_xlsx(path, password=password), name=path.name)


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
            plain = Path(temporary).read_bytes()
            Path(temporary).write_bytes(safe_read.encrypt_xlsx(plain, secret))
        os.replace(temporary, out)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise UserError("path_not_writable", path=out) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel's password-protected .xlsx


def is_encrypted(path: Path) -> bool:
    """Whether the package at `path` (already read as an .xlsx) was encrypted on disk, so that
    a personal package saved back unencrypted (opened with the password in Excel or
    LibreOffice and saved) is told apart from one as it was sent."""
    with path.open("rb") as stream:
        return stream.read(len(_OLE2_MAGIC)) == _OLE2_MAGIC
