"""Local dates of stored UTC times: the fiscal year and the day follow Tokyo's calendar."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.local_time import local_date, local_datetime, local_today


@pytest.mark.parametrize(
    ("stored_utc", "date", "year"),
    [
        # 23:59 on 31 March in Tokyo is still the old fiscal year...
        (dt.datetime(2026, 3, 31, 14, 59), dt.date(2026, 3, 31), 2025),
        # ...and 00:00 / 00:30 on 1 April is the new one, though UTC still says 31 March.
        (dt.datetime(2026, 3, 31, 15, 0), dt.date(2026, 4, 1), 2026),
        (dt.datetime(2026, 3, 31, 15, 30), dt.date(2026, 4, 1), 2026),
        # Midnight in the middle of a month moves the day only.
        (dt.datetime(2026, 10, 14, 14, 59, 59), dt.date(2026, 10, 14), 2026),
        (dt.datetime(2026, 10, 14, 15, 0, 0), dt.date(2026, 10, 15), 2026),
    ],
)
def test_a_stored_time_counts_by_the_offices_date(stored_utc, date, year):
    assert local_date(stored_utc) == date
    assert fiscal_year(local_date(stored_utc)) == year


def test_an_aware_time_is_converted_too():
    moment = dt.datetime(2026, 3, 31, 15, 30, tzinfo=dt.UTC)
    assert local_datetime(moment) == dt.datetime(2026, 4, 1, 0, 30)


def test_today_is_tokyos_today_whatever_the_pc_clock_zone():
    late_utc = dt.datetime(2026, 12, 31, 16, 0, tzinfo=dt.UTC)
    assert local_today(now=late_utc) == dt.date(2027, 1, 1)


def test_another_zone_can_be_named():
    assert local_date(dt.datetime(2026, 4, 1, 2, 0), "America/Los_Angeles") == dt.date(2026, 3, 31)
