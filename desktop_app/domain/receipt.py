"""Receipt numbers (受付番号): SHIBA-2026-00042.

Branches cannot reach each other, so a number must be unique without asking anyone: the office
code makes it so, and the fiscal year restarts the sequence each April as ward ledgers do. The
year is the western fiscal year, so numbers sort and compare without knowing about eras.

The sequence is padded to five digits; a sequence past 99999 simply grows a digit rather than
refusing to save an inquiry (order by the parsed sequence, not by the text, if that ever matters).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OFFICE_CODE_RE = re.compile(r"[A-Z][A-Z0-9_]{0,15}")
MIN_FISCAL_YEAR, MAX_FISCAL_YEAR = 1000, 9999

# Leading zeros beyond the five-digit padding would make two texts for one number.
_RECEIPT_RE = re.compile(r"([A-Z][A-Z0-9_]{0,15})-([1-9]\d{3})-(\d{5}|[1-9]\d{5,})", re.ASCII)
# What a Japanese IME types for the hyphen key, besides the hyphens NFKC already folds.
_DASHES_RE = re.compile("[‐‑‒–—―−ー]")


def is_office_code(code: str) -> bool:
    """Office codes go into receipt numbers and file names, hence plain ASCII."""
    return OFFICE_CODE_RE.fullmatch(code) is not None


def format_receipt(office: str, fiscal_year: int, seq: int) -> str:
    if not is_office_code(office):
        raise ValueError(f"not an office code: {office!r}")
    if not MIN_FISCAL_YEAR <= fiscal_year <= MAX_FISCAL_YEAR:
        raise ValueError(f"fiscal year must have four digits: {fiscal_year}")
    if seq < 1:
        raise ValueError(f"sequence must be positive: {seq}")
    return f"{office}-{fiscal_year}-{seq:05d}"


def parse_receipt(text: str) -> tuple[str, int, int]:
    """(office, fiscal year, sequence) of a receipt number typed or pasted any common way.

    Clerks search by receipt number with the IME still on, so full-width letters, lower case and
    the long-vowel mark typed for a hyphen are accepted.
    """
    normalized = _DASHES_RE.sub("-", unicodedata.normalize("NFKC", text).strip().upper())
    match = _RECEIPT_RE.fullmatch(normalized)
    if match is None:
        raise ValueError(f"not a receipt number: {text!r}")
    office, fiscal_year, seq = match.groups()
    if int(seq) < 1:
        raise ValueError(f"sequence must be positive: {text!r}")
    return office, int(fiscal_year), int(seq)


# A receipt number as a clerk reads it off a 相談票 or hears it on the phone: the whole number,
# its year and serial (2026-01412), or the serial alone with or without its zeros (01412, 1412).
_YEAR_SERIAL_RE = re.compile(r"([1-9]\d{3})-(\d{1,7})", re.ASCII)
_SERIAL_RE = re.compile(r"\d{1,7}", re.ASCII)


@dataclass(frozen=True)
class ReceiptQuery:
    """How a search term names receipt numbers: the exact number, or the end of numbers
    (`-2026-01412`, `-01412`) that matches every office's and year's number with it."""

    exact: str | None = None
    suffix: str | None = None


def receipt_query(term: str) -> ReceiptQuery | None:
    """The receipt numbers a search term names, or None when it is not written like one.

    Full-width digits and letters, lower case and the IME's long-vowel hyphen are taken as
    `parse_receipt` takes them. A serial of more than seven digits is a phone number, not a
    receipt number.
    """
    normalized = _DASHES_RE.sub("-", unicodedata.normalize("NFKC", term).strip().upper())
    try:
        return ReceiptQuery(exact=format_receipt(*parse_receipt(normalized)))
    except ValueError:
        pass
    year_serial = _YEAR_SERIAL_RE.fullmatch(normalized)
    if year_serial is not None and int(year_serial[2]) > 0:
        return ReceiptQuery(suffix=f"-{year_serial[1]}-{int(year_serial[2]):05d}")
    if _SERIAL_RE.fullmatch(normalized) and int(normalized) > 0:
        return ReceiptQuery(suffix=f"-{int(normalized):05d}")
    return None
