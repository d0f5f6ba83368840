"""The rotation of automatic backups (7 daily, 4 weekly, 12 monthly), over dates alone."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.backup_rotation import BackupName, reason_slug, to_keep

PREFIX = "renkei-desk-SHIBA"


def _name(day: dt.date, hour: int = 9, reason: str = "daily") -> BackupName:
    return BackupName(dt.datetime.combine(day, dt.time(hour)), PREFIX, reason)


def _every_day(last: dt.date, days: int) -> list[BackupName]:
    return [_name(last - dt.timedelta(days=n)) for n in range(days)]


def test_a_year_of_daily_backups_keeps_7_days_4_weeks_12_months():
    today = dt.date(2026, 10, 14)  # a Wednesday
    names = _every_day(today, 400)

    kept = {name.taken_at.date() for name in to_keep(names, today=today)}

    days = {today - dt.timedelta(days=n) for n in range(7)}
    # The newest backup of each of the 4 latest ISO weeks: the Sundays that end them, and today.
    weeks = {today, dt.date(2026, 10, 11), dt.date(2026, 10, 4), dt.date(2026, 9, 27)}
    # The newest of each of the 12 latest months (Nov 2025 .. Oct 2026): their last days.
    months = {today} | {
        (dt.date(y, m, 1) - dt.timedelta(days=1))
        for y, m in [(2026, m) for m in range(1, 11)] + [(2025, 12)]
    }
    assert kept == days | weeks | months
    assert len(kept) == len(days | weeks | months) <= 7 + 4 + 12


def test_days_without_backups_do_not_count():
    # A PC left off for a fortnight: the 7 latest days that have backups are still kept.
    today = dt.date(2026, 10, 14)
    before_holiday = _every_day(dt.date(2026, 9, 20), 10)
    kept = to_keep([*before_holiday, _name(today)], today=today)
    assert {_name(today), *before_holiday[:6]} <= kept


def test_every_backup_of_today_is_kept_and_a_past_day_keeps_its_newest():
    today = dt.date(2026, 10, 14)
    yesterday = today - dt.timedelta(days=1)
    names = [
        _name(today, 8),
        _name(today, 10, "before-sync-import"),
        _name(today, 15, "before-sync-import"),
        _name(yesterday, 8),
        _name(yesterday, 16, "before-masters-import"),
    ]
    kept = to_keep(names, today=today)
    assert kept == set(names) - {_name(yesterday, 8)}


def test_manual_backups_are_never_rotated_away():
    today = dt.date(2026, 10, 14)
    old = _name(dt.date(2020, 1, 1), reason="manual")
    names = [old, *_every_day(today, 400)]
    assert old in to_keep(names, today=today)


@pytest.mark.parametrize(
    "name",
    [
        "renkei-desk-SHIBA-20261014-083000-daily.sqlite3",
        "renkei-desk-SHIBA-20261014-083000-before-upgrade-0003.sqlite3",
        "my db-HQ-20261014-235959-daily-2.sqlite3",
    ],
)
def test_names_read_back(name):
    parsed = BackupName.parse(name)
    assert parsed is not None and parsed.file_name == name


@pytest.mark.parametrize(
    "name",
    [
        "renkei-desk.sqlite3",
        "notes-20261014-083000-daily.txt",
        "x-20261399-083000-daily.sqlite3",  # no 99th day
        "x-20261014-083000-.sqlite3",
        ".x-20261014-083000-daily.sqlite3.partial",
    ],
)
def test_other_files_are_not_taken_for_backups(name):
    assert BackupName.parse(name) is None


def test_reasons_become_file_name_words():
    assert reason_slug("Before Sync Import") == "before-sync-import"
    assert reason_slug("台帳取込") == "r-backup"
    assert reason_slug("0004") == "r-0004"
