"""A report's month or fiscal year, typed as a clerk writes it on ward paper.

Months: 2026-11, 2026/11, 2026年11月, 令和8年11月, R8.11, R8/11 (元 for the first year).
Fiscal years: 2026, 2026年度, 令和8年度, R8, R8年度. Full-width digits read as plain ones (NFKC),
as in every date box (domain.dates). Returns None for text in none of these forms, so the
caller words the refusal.
"""

from __future__ import annotations

import re
import unicodedata

from desktop_app.domain.dates import ERAS

_ERA_BY_KEY = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}
_ERA_KEYS = "|".join(re.escape(key) for key in _ERA_BY_KEY)
_WESTERN_MONTH = re.compile(r"(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?", re.ASCII)
_ERA_MONTH = re.compile(
    rf"({_ERA_KEYS})\s*(\d{{1,2}}|元)\s*(?:[-/.]|年)\s*(\d{{1,2}})\s*月?", re.IGNORECASE | re.ASCII
)
_WESTERN_YEAR = re.compile(r"(\d{4})\s*(?:年度|年)?", re.ASCII)
_ERA_YEAR = re.compile(rf"({_ERA_KEYS})\s*(\d{{1,2}}|元)\s*(?:年度|年)?", re.IGNORECASE | re.ASCII)


def _normalized(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _western(key: str, era_year: str) -> int | None:
    year = 1 if era_year == "元" else int(era_year)
    return _ERA_BY_KEY[key.upper()].western_year(year) if year >= 1 else None


def parse_month(text: str) -> tuple[int, int] | None:
    """(year, month) of a month written the western or the era way; None if it is neither."""
    normalized = _normalized(text)
    if match := _WESTERN_MONTH.fullmatch(normalized):
        year, month = int(match[1]), int(match[2])
    elif match := _ERA_MONTH.fullmatch(normalized):
        western = _western(match[1], match[2])
        if western is None:
            return None
        year, month = western, int(match[3])
    else:
        return None
    return (year, month) if 1 <= month <= 12 else None


def parse_fiscal_year(text: str) -> int | None:
    """The fiscal year (by the western year it starts in) of 2026 / 令和8年度 / R8; None if
    the text is none of these."""
    normalized = _normalized(text)
    if match := _WESTERN_YEAR.fullmatch(normalized):
        return int(match[1])
    if match := _ERA_YEAR.fullmatch(normalized):
        return _western(match[1], match[2])
    return None
