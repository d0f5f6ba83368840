"""Package files on disk: written all or nothing, opened with the shared password.

Writing goes through services/output_files (a temporary file beside the target, renamed into
place when complete and after the export is recorded; never the database or a backup; an
existing file only when the person said so), so a failed, cancelled or killed export leaves
no partial file and no package its office has no record of; a package with personal data is
encrypted before the rename.

Reading goes through excel/safe_read (checked, decrypted in memory, read with
python-calamine).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app.excel import safe_read
from desktop_app.excel.package_row import PackageRow
from desktop_app.excel.sync_package import Manifest, SheetSpec, write_package
from desktop_app.services import package_key


def load_workbook(
    path: Path,
    *,
    password: str | None,
    limits: safe_read.Limits = safe_read.DEFAULT_LIMITS,
    whole_numbers: bool = True,
) -> dict[str, list[list[Any]]]:
    """Every sheet of the workbook at `path` (hidden ones too) as lists of cell values.

    Through excel/safe_read: hostile, damaged, legacy and wrongly encrypted files are refused
    (UserError naming the file) before any XML is parsed; `limits` are a sync package's
    (excel/package_limits) for import-sync, the default ones for a master package.
    `whole_numbers` as safe_read.read_rows takes it (excel/sync_package reads the few numbers
    it needs itself).
    """
    checked = safe_read.open_xlsx(path, password=password, limits=limits)
    return safe_read.read_rows(checked, name=path.name, whole_numbers=whole_numbers)


def save_package(
    temporary: Path,
    manifest: Manifest,
    sheets: Sequence[tuple[SheetSpec, Sequence[PackageRow]]],
    *,
    cover: Sequence[tuple[str, str]],
    secret: str | None,
) -> None:
    """Write the package into `temporary` (encrypted when it holds personal data).

    `temporary` is the caller's `output_files.writing`, entered before its database
    transaction, so that the file is renamed into place only after the export is recorded: a
    package on the stick that its office has no record of would have its number given again
    to a different package. Recorded without its file (killed between the two), the next
    package makes it good (services/sync_acks)."""
    key = package_key.hmac_key(secret)
    if manifest.personal and secret is not None:
        # Personal data never touches the disk in clear, not even in the temporary file a
        # killed export leaves behind (a USB stick has no file permissions).
        plain = io.BytesIO()
        write_package(plain, manifest, sheets, cover=cover, key=key)
        temporary.write_bytes(safe_read.encrypt_xlsx(plain.getvalue(), secret))
    else:
        with temporary.open("wb") as stream:
            write_package(stream, manifest, sheets, cover=cover, key=key)


_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel's password-protected .xlsx


def is_encrypted(path: Path) -> bool:
    """Whether the package at `path` (already read as an .xlsx) was encrypted on disk, so that
    a personal package saved back unencrypted (opened with the password in Excel or
    LibreOffice and saved) is told apart from one as it was sent."""
    with path.open("rb") as stream:
        return stream.read(len(_OLE2_MAGIC)) == _OLE2_MAGIC
