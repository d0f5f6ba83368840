"""Fiscal years (年度) and Japanese era dates (和暦): how a ward office counts and writes time.

Every summary the desk produces is by fiscal year, printed dates show the era, and clerks type
dates in whatever form the paper in front of them uses. Parsing failures carry a stable `code`
instead of a Japanese message so that the services layer owns the wording.

Choices, written down once:

* The first year of an era is written 元年 in the long forms (令和元年5月1日, 令和元年度), as
  ward documents do; the short form uses the digit (R1.5.1), which is how it is typed. Parsing
  accepts 元 and 1 in every form.
* 明治 is supported from 1873-01-01 (明治6年) only: before that Japan used the lunisolar
  calendar, and a Gregorian date would name the wrong day.
* A month that straddles an era change (1989-01, 1926-12) is named by the era in force on its
  last day, as statistical tables do: 1989-01 is 平成元年1月.
* A fiscal year is named by the era in force on 31 December of the year it starts in, which is
  how the government renamed 平成31年度 to 令和元年度: FY2019 is 令和元年度, FY1988 昭和63年度.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

DATE_FORMAT = "date_format"
DATE_INVALID = "date_invalid"

FISCAL_YEAR_START_MONTH = 4


class DateParseError(ValueError):
    """Text that is not a date; `code` is DATE_FORMAT or DATE_INVALID for the message lookup."""

    def __init__(self, code: str, text: str, detail: str) -> None:
        super().__init__(f"{detail}: {text!r}")
        self.code = code
        self.text = text


@dataclass(frozen=True)
class Era:
    """An era and the first day this module accepts in it.

    `first_year` is the western year of its 元年; it differs from `start.year` only for 明治,
    whose supported range begins years after its first year.
    """

    name: str
    letter: str
    start: date
    first_year: int

    def year_of(self, western_year: int) -> int:
        return western_year - self.first_year + 1

    def western_year(self, era_year: int) -> int:
        return self.first_year + era_year - 1


# Oldest first. 明治 starts where the solar calendar does (see the module docstring).
ERAS: tuple[Era, ...] = (
    Era("明治", "M", date(1873, 1, 1), 1868),
    Era("大正", "T", date(1912, 7, 30), 1912),
    Era("昭和", "S", date(1926, 12, 25), 1926),
    Era("平成", "H", date(1989, 1, 8), 1989),
    Era("令和", "R", date(2019, 5, 1), 2019),
)
_ERA_BY_KEY = {era.name: era for era in ERAS} | {era.letter: era for era in ERAS}


def fiscal_year(d: date) -> int:
    """The western year in which the fiscal year containing `d` began (April to March)."""
    return d.year if d.month >= FISCAL_YEAR_START_MONTH else d.year - 1


def fiscal_year_bounds(fy: int) -> tuple[date, date]:
    """First and last day of fiscal year `fy`, both inclusive, for period filters."""
    return date(fy, FISCAL_YEAR_START_MONTH, 1), date(fy + 1, FISCAL_YEAR_START_MONTH - 1, 31)


def era_of(d: date) -> Era:
    """The era in force on `d`; ValueError before 明治6年 (the lunisolar calendar)."""
    for era in reversed(ERAS):
        if d >= era.start:
            return era
    raise ValueError(f"no supported Japanese era before {ERAS[0].start.isoformat()}: {d}")


def _year_text(era_year: int) -> str:
    return "元" if era_year == 1 else str(era_year)


def format_wareki(d: date) -> str:
    """令和8年10月3日: the form printed on case sheets and approval documents."""
    era = era_of(d)
    return f"{era.name}{_year_text(era.year_of(d.year))}年{d.month}月{d.day}日"


def format_wareki_short(d: date) -> str:
    """R8.10.3: the compact form used in tables and typed at the desk."""
    era = era_of(d)
    return f"{era.letter}{era.year_of(d.year)}.{d.month}.{d.day}"


def format_wareki_month(year: int, month: int) -> str:
    """令和8年10月: titles of monthly reports."""
    last_day = date(year, month, calendar.monthrange(year, month)[1])
    era = era_of(last_day)
    return f"{era.name}{_year_text(era.year_of(year))}年{month}月"


def format_fiscal_year(fy: int) -> str:
    """令和8年度: titles of fiscal-year summaries."""
    era = era_of(date(fy, 12, 31))
    return f"{era.name}{_year_text(era.year_of(fy))}年度"


_SEP = r"\s*([/.\-])\s*"
# ASCII: after NFKC every digit a clerk can type is ASCII; other scripts' digits are not dates.
_WESTERN_SEPARATED = re.compile(rf"(\d{{4}}){_SEP}(\d{{1,2}})\s*\2\s*(\d{{1,2}})", re.ASCII)
_WESTERN_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})", re.ASCII)
_WESTERN_KANJI = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日", re.ASCII)
_ERA_KEYS = "|".join(re.escape(key) for key in _ERA_BY_KEY)
_ERA_SEPARATED = re.compile(
    rf"({_ERA_KEYS})\s*(\d{{1,2}}|元){_SEP}(\d{{1,2}})\s*\3\s*(\d{{1,2}})", re.IGNORECASE | re.ASCII
)
_ERA_KANJI = re.compile(
    rf"({_ERA_KEYS})\s*(\d{{1,2}}|元)\s*年\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日",
    re.IGNORECASE | re.ASCII,
)


def parse_date(text: str) -> date:
    """Read a date typed the western way (2026/10/3, 20261003, 2026年10月3日) or the era way
    (R8.10.3, 令和8年10月3日, 令和元年5月1日), so clerks copy from any paper as it is written.

    NFKC first, so full-width digits and the ㋿/㍻ ligatures read like their plain forms.
    """
    normalized = unicodedata.normalize("NFKC", text).strip()
    if match := _WESTERN_SEPARATED.fullmatch(normalized):
        year, _, month, day = match.groups()
        return _make_date(text, int(year), int(month), int(day))
    if match := _WESTERN_COMPACT.fullmatch(normalized) or _WESTERN_KANJI.fullmatch(normalized):
        year, month, day = match.groups()
        return _make_date(text, int(year), int(month), int(day))
    if match := _ERA_SEPARATED.fullmatch(normalized):
        key, era_year, _, month, day = match.groups()
        return _make_era_date(text, key, era_year, int(month), int(day))
    if match := _ERA_KANJI.fullmatch(normalized):
        key, era_year, month, day = match.groups()
        return _make_era_date(text, key, era_year, int(month), int(day))
    raise DateParseError(DATE_FORMAT, text, "unrecognised date")


def _make_date(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(DATE_INVALID, text, "no such day") from None


def _make_era_date(text: str, key: str, era_year_text: str, month: int, day: int) -> date:
    era = _ERA_BY_KEY[key.upper()]
    era_year = 1 if era_year_text == "元" else int(era_year_text)
    if era_year < 1:
        raise DateParseError(DATE_INVALID, text, "era year out of range")
    result = _make_date(text, era.western_year(era_year), month, day)
    if _era_or_none(result) is not era:
        raise DateParseError(DATE_INVALID, text, "date outside its era")
    return result


def _era_or_none(d: date) -> Era | None:
    try:
        return era_of(d)
    except ValueError:
        return None


# The earliest date a record may carry: receipt numbers and fiscal years have four-digit
# years, and no desk kept records before this (a date such as 0001-01-01 is a typing slip).
EARLIEST_DATE = date(1900, 1, 1)
