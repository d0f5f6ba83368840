"""Which automatic backups to keep: 7 daily, 4 weekly, 12 monthly (issue 11), and their names.

Pure logic over the office's local wall-clock times, so it is tested with dates alone.

The rule, as a grandfather-father-son rotation counts it (restic's `--keep-daily 7
--keep-weekly 4 --keep-monthly 12`): of the days that have backups, the newest backup of each
of the 7 latest days is kept; likewise the newest of each of the 4 latest ISO weeks and of the
12 latest months. Counting days *that have backups* rather than calendar days means a PC left
off for a fortnight still keeps seven days' worth. Every backup of the current day is kept
too: a day takes several (the first start, before each import or upgrade), and the one taken
before this morning's import must survive this afternoon's. Backups a person made by hand
(`manual`) are never deleted automatically.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass

DAILY, WEEKLY, MONTHLY = 7, 4, 12
MANUAL = "manual"
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(
    r"^(?P<prefix>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][a-z0-9]*(?:-[a-z0-9]+)*)"
    + re.escape(SUFFIX)
    + "$"
)
_REASON = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, order=True)
class BackupName:
    """`<database stem>-<office>-<yyyymmdd-hhmmss>-<reason>.sqlite3`, in local time.

    The office in the name keeps two offices' backups apart when an admin points both PCs at
    one removable drive; the reason says why it was made (daily, before-sync-import, ...).
    """

    taken_at: dt.datetime
    prefix: str
    reason: str

    @property
    def file_name(self) -> str:
        return f"{self.prefix}-{self.taken_at.strftime(_STAMP)}-{self.reason}{SUFFIX}"

    @property
    def manual(self) -> bool:
        return self.reason == MANUAL

    @classmethod
    def parse(cls, file_name: str) -> BackupName | None:
        """The name's parts, or None for a file that is not an automatic backup's."""
        match = _NAME.match(file_name)
        if match is None:
            return None
        try:
            taken = dt.datetime.strptime(match["stamp"], _STAMP)
        except ValueError:
            return None
        return cls(taken_at=taken, prefix=match["prefix"], reason=match["reason"])


def backup_prefix(database_stem: str, office: str) -> str:
    return f"{database_stem}-{office}"


def reason_slug(reason: str) -> str:
    """`reason` as it may stand in a file name: lower-case letters, digits and hyphens."""
    slug = _REASON.sub("-", reason.lower()).strip("-")
    return slug if slug and slug[0].isalpha() else f"r-{slug or 'backup'}"


def to_keep(names: Iterable[BackupName], *, today: dt.date) -> set[BackupName]:
    """The backups the rotation keeps; every other one of `names` may be deleted."""
    automatic = sorted((name for name in names if not name.manual), reverse=True)
    kept = {name for name in names if name.manual or name.taken_at.date() >= today}
    kept |= _newest_per(automatic, lambda moment: moment.date(), DAILY)
    kept |= _newest_per(automatic, lambda moment: moment.isocalendar()[:2], WEEKLY)
    kept |= _newest_per(automatic, lambda moment: (moment.year, moment.month), MONTHLY)
    return kept


def _newest_per(
    newest_first: list[BackupName], period: Callable[[dt.datetime], Hashable], count: int
) -> set[BackupName]:
    """The newest backup of each of the `count` latest periods that have one."""
    chosen: dict[Hashable, BackupName] = {}
    for name in newest_first:
        key = period(name.taken_at)
        if key not in chosen:
            if len(chosen) == count:
                break
            chosen[key] = name
    return set(chosen.values())
