"""開庁日 across Golden Week and the year end, the two stretches a wrong rule gets wrong."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.business_days import (
    add_business_days,
    business_days_until,
    is_business_day,
)

D = dt.date


@pytest.mark.parametrize(
    ("day", "open_"),
    [
        (D(2026, 4, 28), True),  # Tuesday
        (D(2026, 4, 29), False),  # 昭和の日
        (D(2026, 5, 2), False),  # Saturday
        (D(2026, 5, 6), False),  # 振替休日 for 憲法記念日 on a Sunday
        (D(2026, 5, 7), True),
        (D(2026, 12, 28), True),  # 御用納め
        (D(2026, 12, 29), False),  # 年末年始, a Tuesday
        (D(2027, 1, 3), False),
        (D(2027, 1, 4), True),  # 御用始め
        (D(2027, 1, 11), False),  # 成人の日
    ],
)
def test_which_days_the_office_is_open(day, open_):
    assert is_business_day(day) is open_


@pytest.mark.parametrize(
    ("start", "count", "due"),
    [
        (D(2026, 4, 27), 3, D(2026, 5, 1)),  # Mon + 3 skips 昭和の日 (Wed)
        (D(2026, 4, 30), 3, D(2026, 5, 8)),  # Thu: 5/1, then 5/7, 5/8 after Golden Week
        (D(2026, 4, 30), 5, D(2026, 5, 12)),
        (D(2026, 12, 25), 3, D(2027, 1, 5)),  # Fri: 12/28, then 1/4, 1/5 after 年末年始
        (D(2026, 12, 25), 10, D(2027, 1, 15)),  # ... and 成人の日 on 1/11
        (D(2026, 5, 2), 1, D(2026, 5, 7)),  # from a closed day
    ],
)
def test_adding_business_days(start, count, due):
    assert add_business_days(start, count) == due


def test_a_count_below_one_is_refused():
    with pytest.raises(ValueError):
        add_business_days(D(2026, 4, 30), 0)


@pytest.mark.parametrize(
    ("today", "due", "left"),
    [
        (D(2026, 4, 30), D(2026, 5, 8), 3),
        (D(2026, 12, 25), D(2027, 1, 5), 3),
        (D(2026, 12, 25), D(2026, 12, 25), 0),
        (D(2026, 5, 1), D(2026, 5, 6), 0),  # Fri, due on a holiday: nothing open before it
        (D(2026, 5, 8), D(2026, 4, 30), -3),  # overdue by 5/1, 5/7, 5/8
    ],
)
def test_business_days_left_until_a_due_date(today, due, left):
    assert business_days_until(today, due) == left


@pytest.mark.parametrize("count", [1, 3, 5, 10])
def test_counting_back_agrees_with_adding(count):
    start = D(2026, 12, 20)
    for offset in range(40):
        day = start + dt.timedelta(days=offset)
        assert business_days_until(day, add_business_days(day, count)) == count
