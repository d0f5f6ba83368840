"""Corporate numbers (法人番号): 13 digits, the first a check digit over the other twelve.

The number identifies a firm or organisation for good, so de-duplication of inquirers trusts it
more than a name; a typing slip must therefore be caught before it is stored. The check is the
National Tax Agency's: 9 - (sum of digit x weight mod 9), the weights 1, 2, 1, 2, ... counted
from the rightmost base digit. Being mod 9, it cannot see a 0 typed for a 9 or a 9 for a 0.
"""

from __future__ import annotations

import re
import unicodedata

CORPORATE_NUMBER_FORMAT = "corporate_number_format"
CORPORATE_NUMBER_CHECK = "corporate_number_check"

_BASE_RE = re.compile(r"[0-9]{12}")
_NUMBER_RE = re.compile(r"[0-9]{13}")
# Separators people put in a long number when they copy it from a register or a letterhead.
_SEPARATORS_RE = re.compile(r"[\s\-‐‑‒–—―−ー]")


class CorporateNumberError(ValueError):
    """`code` tells the services layer which message to show; str() is for the log."""

    def __init__(self, code: str, text: str, detail: str) -> None:
        super().__init__(f"{detail}: {text!r}")
        self.code = code
        self.text = text


def check_digit(base12: str) -> int:
    """The check digit for the twelve base digits (always 1-9, never 0)."""
    if not _BASE_RE.fullmatch(base12):
        raise ValueError(f"expected 12 digits: {base12!r}")
    total = sum(int(ch) * (1 if i % 2 == 0 else 2) for i, ch in enumerate(reversed(base12)))
    return 9 - total % 9


def normalize_corporate_number(text: str) -> str:
    """The 13 digits to store, or CorporateNumberError (a ValueError) if wrong or mistyped."""
    compact = _SEPARATORS_RE.sub("", unicodedata.normalize("NFKC", text))
    if not _NUMBER_RE.fullmatch(compact):
        raise CorporateNumberError(CORPORATE_NUMBER_FORMAT, text, "expected 13 digits")
    if int(compact[0]) != check_digit(compact[1:]):
        raise CorporateNumberError(CORPORATE_NUMBER_CHECK, text, "check digit does not match")
    return compact


def is_valid_corporate_number(text: str) -> bool:
    try:
        normalize_corporate_number(text)
    except ValueError:
        return False
    return True
