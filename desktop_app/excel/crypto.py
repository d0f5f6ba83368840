"""Excel's own password encryption of a workbook (ECMA-376 Agile), with msoffcrypto-tool.

Packages with personal data leave the PC on USB sticks, which get lost; they are encrypted the
way Excel encrypts a workbook with 「パスワードを使用して暗号化」, so that a person with the
password still opens them in Excel, and this program opens them in memory (nothing decrypted
is ever written to disk). A wrong password is refused from the key verifier, before the
payload is touched; the payload's HMAC is checked, so a tampered file is refused as damaged.
"""

from __future__ import annotations

import io

from desktop_app.domain.errors import UserError

# msoffcrypto, olefile and defusedxml (with cryptography under them) are imported by the
# functions that use them: every importer reads through excel/safe_read.py, and a ledger or a
# plain package never needs them (a third of what a ledger's dry run imports).

_INFO_LIMIT = 1024 * 1024  # a real EncryptionInfo stream is about 1 KB
_AGILE_VERSION = b"\x04\x00\x04\x00"


def encrypt_xlsx(xlsx_bytes: bytes, password: str) -> bytes:
    """The workbook encrypted with `password` as Excel does it (Agile, AES-256, SHA-512)."""
    if not password:
        raise ValueError("an empty password encrypts nothing")
    from msoffcrypto.format.ooxml import OOXMLFile

    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(xlsx_bytes)).encrypt(password, encrypted)
    return encrypted.getvalue()


def decrypt_xlsx(data: bytes, name: str, password: str | None) -> bytes:
    """The plain .xlsx inside an encrypted one; UserError (naming `name`) when it cannot be."""
    _check_encryption_info(data, name)
    if not password:
        raise UserError("workbook_needs_password", path=name)
    import msoffcrypto
    from msoffcrypto import exceptions as crypto_errors

    plain = io.BytesIO()
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=password, verify_password=True)
    except crypto_errors.InvalidKeyError as exc:
        raise UserError("workbook_password_wrong", path=name) from exc
    except crypto_errors.DecryptionError as exc:
        raise UserError("workbook_encryption_unsupported", path=name) from exc
    except Exception as exc:  # msoffcrypto and olefile raise many kinds on a mangled file
        raise UserError("workbook_damaged", path=name) from exc
    try:
        office.decrypt(plain, verify_integrity=True)
    except crypto_errors.InvalidKeyError as exc:  # the payload fails its HMAC: tampered
        raise UserError("workbook_damaged", path=name) from exc
    except crypto_errors.DecryptionError as exc:
        raise UserError("workbook_encryption_unsupported", path=name) from exc
    except Exception as exc:  # a payload cut short
        raise UserError("workbook_damaged", path=name) from exc
    return plain.getvalue()


def _check_encryption_info(data: bytes, name: str) -> None:
    """Parse the Agile description with defusedxml before msoffcrypto (which uses minidom)
    does, so that an entity bomb hidden in it is refused; bound its size."""
    import defusedxml
    import defusedxml.ElementTree
    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if ole.get_size("EncryptionInfo") > _INFO_LIMIT:
                raise UserError("workbook_damaged", path=name)
            info = ole.openstream("EncryptionInfo").read()
    except UserError:
        raise
    except Exception as exc:  # olefile's errors for a cut-short container
        raise UserError("workbook_damaged", path=name) from exc
    if info[:4] != _AGILE_VERSION:
        return  # Standard encryption (Excel 2007): a binary header, no XML
    try:
        defusedxml.ElementTree.fromstring(info[8:], forbid_dtd=True)
    except defusedxml.DefusedXmlException as exc:
        raise UserError("workbook_xml_forbidden", path=name, member="EncryptionInfo") from exc
    except Exception as exc:  # ParseError: not XML at all
        raise UserError("workbook_damaged", path=name) from exc
