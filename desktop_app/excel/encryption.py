"""Excel's own password encryption of a workbook (ECMA-376 Agile), with msoffcrypto-tool.

Packages with personal data leave the PC on USB sticks, which get lost; offices protect such
files with Excel's password, so the receiver opens them in Excel with the shared password.
"""

from __future__ import annotations

import io
from pathlib import Path

from msoffcrypto.format.ooxml import OOXMLFile


def encrypt_file(path: Path, password: str) -> None:
    """Encrypt the workbook at `path` in place."""
    plain = path.read_bytes()
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt(password, encrypted)
    path.write_bytes(encrypted.getvalue())
