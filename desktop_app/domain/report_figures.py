"""The figures of a report and of the dashboard, as plain frozen data.

Counted by services.reports, written by excel.report_workbook and drawn by the dashboard; kept
here, below all three, so that none of them needs another's layer.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from desktop_app.domain import dates, fields
from desktop_app.domain.errors import UserError

PeriodKind = Literal["month", "fiscal_year", "custom"]
FIRST_YEAR, LAST_YEAR = 1900, 2999  # a year outside is a typo, not a report anyone wants
# The breakdowns, in the report's order: the field catalogue's tallies (domain/fields.py).
BREAKDOWNS = tuple(f.tally.key for f in fields.tallied() if f.tally)
# What a person reads for each figure and table, in the workbook, the PDF and the screens.
HEADLINE_LABELS = (
    ("new", "新規受付"),
    ("closed", "完了"),
    ("matched", "連携成立"),
    ("still_open", "期末未完了"),
    ("overdue", "期限超過（作成時点）"),
)
BREAKDOWN_TITLES = {f.tally.key: f.tally.title for f in fields.tallied() if f.tally}
KIND_TITLES = {"month": "月次報告", "fiscal_year": "年度報告", "custom": "期間報告"}
CHARTED = ("relationship", "field")  # the breakdowns drawn as bars beside their tables


@dataclass(frozen=True)
class Period:
    """A report's period: both days inclusive, and its title in 和暦 (令和8年10月分, 令和8年度)."""

    kind: PeriodKind
    first: dt.date
    last: dt.date
    title: str

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        _check_year(year)
        if not 1 <= month <= 12:
            raise UserError("month_invalid", value=f"{year}-{month:02d}")
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return cls(
            "month", dt.date(year, month, 1), last, f"{dates.format_wareki_month(year, month)}分"
        )

    @classmethod
    def parse_month(cls, text: str) -> Period:
        """`2026-10` (what `--month` takes); 2026-13 and 10-2026 are refused."""
        year, sep, month = text.strip().partition("-")
        if not (sep and len(year) == 4 and year.isdigit() and month.isdigit() and len(month) <= 2):
            raise UserError("month_invalid", value=text)
        if not 1 <= int(month) <= 12:
            raise UserError("month_invalid", value=text)
        return cls.month(int(year), int(month))

    @classmethod
    def fiscal_year(cls, fy: int) -> Period:
        _check_year(fy)
        first, last = dates.fiscal_year_bounds(fy)
        return cls("fiscal_year", first, last, dates.format_fiscal_year(fy))

    @classmethod
    def custom(cls, first: dt.date, last: dt.date) -> Period:
        if last < first:
            raise UserError("period_invalid", first=first.isoformat(), last=last.isoformat())
        title = f"{dates.format_wareki(first)}〜{dates.format_wareki(last)}"
        return cls("custom", first, last, title)

    @property
    def fy(self) -> int:
        return dates.fiscal_year(self.first)

    def months(self) -> tuple[tuple[int, int], ...]:
        """(year, month) of every month the period touches, in order."""
        result, year, month = [], self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return tuple(result)


@dataclass(frozen=True)
class Headline:
    new: int
    closed: int
    matched: int
    still_open: int
    overdue: int


@dataclass(frozen=True)
class Count:
    """One line of a breakdown: a code, its label, how many."""

    code: str
    label: str
    count: int


@dataclass(frozen=True)
class Breakdown:
    key: str  # one of BREAKDOWNS
    rows: tuple[Count, ...]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass(frozen=True)
class CrossTable:
    """Offices down, relationships across; `cells[i][j]` counts office i × relationship j."""

    rows: tuple[Count, ...]  # offices with their totals
    columns: tuple[Count, ...]  # relationships with their totals
    cells: tuple[tuple[int, ...], ...]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


@dataclass(frozen=True)
class MonthFigures:
    """One month of a fiscal year beside the same month of the year before; a figure of a
    month after the report's last day (or after today) is None: not happened, not zero."""

    year: int
    month: int
    new: int | None
    closed: int | None
    matched: int | None
    previous_new: int | None
    previous_closed: int | None
    previous_matched: int | None


@dataclass(frozen=True)
class OfficeAsOf:
    """How current this database's copy of an office's inquiries is: for this database's own
    office, the moment the report is made; for another, when its latest package imported here
    was made (None: nothing from it yet), so a reader sees that a late branch is missing."""

    code: str
    name: str
    as_of: dt.datetime | None  # office-local wall-clock time
    own: bool


@dataclass(frozen=True)
class Report:
    period: Period
    office: str | None  # the office asked for; None: every office in this database
    offices: tuple[OfficeAsOf, ...]
    made_at: dt.datetime  # office-local
    made_by: str
    today: dt.date
    training: bool
    open_conflicts: int
    headline: Headline
    by_office_relationship: CrossTable
    breakdowns: tuple[Breakdown, ...]
    months: tuple[MonthFigures, ...]  # April→March of the period's fiscal year, all twelve

    def breakdown(self, key: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.key == key)

    def month_total(self, key: str) -> int | None:
        """A column of the month table added up (its months that happened; None: none did)."""
        shown = [getattr(m, key) for m in self.months if getattr(m, key) is not None]
        return sum(shown) if shown else None


@dataclass(frozen=True)
class MonthRelationship:
    """The dashboard's stacked bars: one month, one relationship, how many new inquiries."""

    year: int
    month: int
    relationship: str
    label: str
    count: int


@dataclass(frozen=True)
class Place:
    """A partner municipality of the period's inquiries, placed by the master's coordinates."""

    code: str
    name: str  # 釧路市 (a prefecture: 北海道)
    prefecture: str  # 北海道
    kind: str  # the master's kind: prefecture, city, town, village, ward, ...
    lat: float | None
    lng: float | None
    count: int

    @property
    def full_name(self) -> str:
        """北海道釧路市 (a prefecture by its name alone)."""
        return self.name if self.kind == "prefecture" else f"{self.prefecture}{self.name}"


@dataclass(frozen=True)
class Dashboard:
    period: Period
    office: str | None
    headline: Headline
    by_month: tuple[MonthRelationship, ...]
    status: Breakdown
    fields: Breakdown
    places: tuple[Place, ...]  # most inquiries first


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise UserError("year_invalid", value=year, first=FIRST_YEAR, last=LAST_YEAR)
