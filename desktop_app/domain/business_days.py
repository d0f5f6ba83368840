"""開庁日: the days the ward office is open, which is what a clerk's deadlines count.

An office is closed on Saturdays, Sundays, national holidays (国民の祝日 and 振替休日, from
the `jpholiday` package, which follows the Cabinet Office's list) and over 年末年始, 29 December
to 3 January (the closing days set by the ward's ordinance on office hours). "Reply within
5 開庁日" therefore skips Golden Week and the year end, as every ward document does.
"""

from __future__ import annotations

import datetime as dt

import jpholiday

# (month, day) of the year-end closing days (年末年始の休日).
_YEAR_END = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})
_SATURDAY = 5


def is_business_day(day: dt.date) -> bool:
    """Whether the office is open on `day`."""
    if day.weekday() >= _SATURDAY or (day.month, day.day) in _YEAR_END:
        return False
    return not jpholiday.is_holiday(day)


def add_business_days(start: dt.date, count: int) -> dt.date:
    """The `count`-th 開庁日 after `start` (`start` itself is not counted); count >= 1."""
    if count < 1:
        raise ValueError(f"count must be at least 1, not {count}")
    day = start
    while count:
        day += dt.timedelta(days=1)
        if is_business_day(day):
            count -= 1
    return day


def business_days_until(today: dt.date, due: dt.date) -> int:
    """開庁日 left before `due`: those after `today` up to and including `due`.

    0 when `due` is today (or no open day comes before it); once `due` has passed, minus the
    開庁日 since then (-1 on the first open day after it).
    """
    if due >= today:
        return _count(today, due)
    return -_count(due, today)


def _count(after: dt.date, until: dt.date) -> int:
    days = (until - after).days
    return sum(is_business_day(after + dt.timedelta(days=n)) for n in range(1, days + 1))
