"""The office's local date and time of a stored moment: the one place a time zone is applied.

Stored times (`updated_at`, `closed_at`, the audit log) are naive UTC, because SQLite has no
time zones; dates people and reports count by (受付日, 完了日, months, fiscal years) are the
office's local calendar. A case closed at 00:30 on 1 April in Tokyo is closed in the new fiscal
year although it is still 31 March in UTC, so every date a filter, a fiscal year or a report
uses comes from `local_date`. The zone is Asia/Tokyo unless an installation says otherwise;
`tzdata` is a dependency because Windows ships no zone database.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from zoneinfo import ZoneInfo

DEFAULT_ZONE = "Asia/Tokyo"


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def local_datetime(moment: dt.datetime, zone: str = DEFAULT_ZONE) -> dt.datetime:
    """A stored moment (naive UTC, or aware) as the office's wall-clock time, naive."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return aware.astimezone(_zone(zone)).replace(tzinfo=None)


def local_date(moment: dt.datetime, zone: str = DEFAULT_ZONE) -> dt.date:
    """The office's calendar date of a stored moment."""
    return local_datetime(moment, zone).date()


def local_today(zone: str = DEFAULT_ZONE, *, now: dt.datetime | None = None) -> dt.date:
    """Today at the office (a PC whose clock is set to UTC still counts Tokyo's days)."""
    return local_date(now or dt.datetime.now(dt.UTC), zone)


def utc_of_local(moment: dt.datetime, zone: str = DEFAULT_ZONE) -> dt.datetime:
    """The stored (naive UTC) form of a wall-clock time at the office."""
    return moment.replace(tzinfo=_zone(zone)).astimezone(dt.UTC).replace(tzinfo=None)
