"""Retention: personal fields of long-closed cases erased, statistics left whole.

An inquirer's personal fields (domain.pii: name, reading, phone, e-mail, postal code, address)
are erased once every live inquiry of theirs was closed before the cut-off day (the retention
period before today, 5 years unless 設定 says otherwise) and at least one was: a person who
still has an open or recent case keeps their data. An inquirer merged into an erased one
(its tombstone) is erased with it. At a branch, an inquirer this office erased before that is
no longer erased was refused by the centre (a person another office still serves:
`still_served`, docs/sync-format.md, "Erasure"): it is left to the centre's retention, which
sees every case, so the two never erase and restore it in turn. Nothing else changes: the
inquiries, their codes, dates and outcomes, the inquirer's type and organisation stay, so
every report counts the same.

Each erasure is a new version of the inquirer as the one writer makes it (`rev` + 1,
`updated_at`/`updated_by`, a change sequence number, the derived search keys), with
`erased_at`, so that the next package carries it (docs/sync-format.md, "Erasure"), and one
audit entry per erased inquirer (`erase`, who ran it, the inquirer, and in `new` the personal
fields that held a value; values are never in the log). The first run at an office erases
tens of thousands of inquirers, so the rows are changed with one UPDATE per chunk of
`_CHUNK` rather than loaded one by one, and each chunk is its own transaction (a run stopped
half-way is finished by the next one); `progress` hears how far it got. The copies of the
inquirer's versions the exchange keeps (merge bases, queued conflicts) are emptied of the
same fields. Run on demand (`retention apply`, 設定) or once a day at start (`run_daily`),
on the window's worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, and_, bindparam, exists, func, or_, select, true, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import BindParameter

from db import bulk, search_index
from db.engine import Database
from db.models import Inquirer, Inquiry, Setting, utc_now
from desktop_app.domain import erasure
from desktop_app.domain.actor import Actor, Permission, system_actor
from desktop_app.domain.changes import NOTHING, Changes, Kind
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services import audit, backups, erased_copies, writer
from desktop_app.services.setup import require_office
from desktop_app.services.sync_export import CENTRAL

YEARS_KEY = "retention_years"
LAST_RUN_KEY = "retention_last_run"
DEFAULT_YEARS = 5
MIN_YEARS, MAX_YEARS = 1, 30
_CHUNK = 500
LIMIT_INFO = "retention_cutoff"  # Session.info key: the cut-off `still_served` read, per day
_ERASE_CHUNK = 5_000  # inquirers erased per transaction
Progress = Callable[[int, int], None]  # (erased so far, to erase)


@dataclass(frozen=True)
class RetentionReport:
    """What an erasure did (or, in a dry run, would do)."""

    closed_before: dt.date
    erased: int  # inquirers whose personal fields were erased
    inquiries: int  # their inquiries closed before the cut-off
    dry_run: bool

    @property
    def changes(self) -> Changes:
        """What the screens must re-read: inquirers, when any was erased."""
        return Changes.of(Kind.INQUIRERS) if self.erased and not self.dry_run else NOTHING

    def to_json(self) -> dict[str, Any]:
        return {
            "erased": self.erased,
            "inquiries": self.inquiries,
            "closed_before": self.closed_before.isoformat(),
            "dry_run": self.dry_run,
        }


def period_years(db: Database) -> int:
    with db.read() as session:
        return _years(session)


def set_period(db: Database, years: int, *, actor: Actor) -> None:
    """Change the retention period (whole years, 1 to 30); audited."""
    actor.require(Permission.SETTINGS)
    if not MIN_YEARS <= years <= MAX_YEARS:
        raise UserError("retention_years_invalid", value=years, low=MIN_YEARS, high=MAX_YEARS)
    with db.write() as session:
        old = _years(session)
        if old != years:
            session.merge(Setting(key=YEARS_KEY, value=str(years)))
            audit.log(
                session, staff=actor.login, action="update", entity="retention",
                entity_id=YEARS_KEY, field="years", old=old, new=years,
            )  # fmt: skip


def cutoff(today: dt.date, years: int) -> dt.date:
    """The same calendar day `years` earlier (29 February becomes the 28th)."""
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)


def apply(
    db: Database,
    *,
    actor: Actor,
    closed_before: dt.date | None = None,
    dry_run: bool = False,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> RetentionReport:
    """Erase the personal fields of every inquirer whose cases all closed before the cut-off.

    `closed_before` defaults to the retention period before today; a later day than that is
    refused (it would erase data still within its period). `progress(done, total)` is called
    after each chunk (on the caller's thread).
    """
    actor.require(Permission.RETENTION)
    day = today or local_today()
    with db.read() as session:
        office = require_office(session)
        earliest = cutoff(day, _years(session))
        limit = closed_before or earliest
        if limit > earliest:
            raise UserError("retention_too_recent", value=limit, limit=earliest)
        ids = _due(session, limit, at_centre=office == CENTRAL)
        concerned = _closed_count(session, ids, limit)
    if ids and not dry_run:
        backups.backup_before(db, "before-retention")
    if not dry_run:
        for start in range(0, len(ids), _ERASE_CHUNK):
            with db.write() as session, bulk.large_cache(session.connection()):
                _erase(session, ids[start : start + _ERASE_CHUNK], limit, staff=actor.login)
            if progress is not None:
                progress(min(start + _ERASE_CHUNK, len(ids)), len(ids))
        with db.write() as session:
            session.merge(Setting(key=LAST_RUN_KEY, value=day.isoformat()))
            if ids:
                # One entry for the run besides the per-inquirer ones: the cut-off and how many.
                audit.log(
                    session, staff=actor.login, action="erase", entity="retention",
                    entity_id=limit.isoformat(), new=f"{len(ids)} / {concerned}",
                )  # fmt: skip
    return RetentionReport(limit, len(ids), concerned, dry_run)


def run_daily(
    db: Database, *, today: dt.date | None = None, progress: Progress | None = None
) -> RetentionReport | None:
    """At the window's start: the retention once a day (the program acting as `retention`;
    None when it already ran today). Every erasure that is not a dry run counts as the day's."""
    day = today or local_today()
    with db.read() as session:
        office = session.get(Setting, "office_code")
        last = session.get(Setting, LAST_RUN_KEY)
        if office is None or (last is not None and last.value == day.isoformat()):
            return None
    return apply(db, actor=system_actor(office.value, "retention"), today=day, progress=progress)


def last_run(db: Database) -> dt.date | None:
    with db.read() as session:
        setting = session.get(Setting, LAST_RUN_KEY)
        return dt.date.fromisoformat(setting.value) if setting is not None else None


def _years(session: Session) -> int:
    setting = session.get(Setting, YEARS_KEY)
    return int(setting.value) if setting is not None else DEFAULT_YEARS


def _has_personal() -> Any:
    return or_(*(getattr(Inquirer, key) != "" for key in PERSONAL_INQUIRER_FIELDS))


def _live() -> Any:
    return and_(Inquiry.inquirer_id == Inquirer.id, Inquiry.deleted.is_(False))


def _served(limit: dt.date | BindParameter[dt.date]) -> Any:
    """Whether an inquirer has a live case not closed before `limit` (open, or recent)."""
    return exists().where(_live(), or_(Inquiry.closed_on.is_(None), Inquiry.closed_on >= limit))


def _left_to_the_centre() -> Any:
    """Whether an inquirer this office erased is no longer erased: only the centre's refusal of
    the erasure clears `erased_at` (it holds a case of the person this office does not), so
    the erasure is the centre's to make (docs/sync-format.md, "Erasure")."""
    return and_(Inquirer.erased_at.is_(None), audit.has_entry("inquirer", Inquirer.id, "erase"))


def still_served(session: Session, inquirer_id: str, today: dt.date) -> bool:
    """Whether the inquirer has a live case here that this office's retention would not erase
    as of `today`: the centre refuses an incoming erasure of it (even holding no personal
    values itself: the office serving the person holds them). Asked for each erasure an
    import brings: the period read once per session, then one statement on the connection
    (through the ORM it cost x40 of sqlite3 alone)."""
    key = (LIMIT_INFO, today)
    if key not in session.info:  # read once per import: reading it for each doubled the cost
        session.info[key] = cutoff(today, _years(session))
    return (
        session.connection().scalar(_SERVED, {"b_id": inquirer_id, "b_limit": session.info[key]})
        is not None
    )


_SERVED = select(Inquirer.pk).where(
    Inquirer.id == bindparam("b_id"), _served(bindparam("b_limit", type_=Date()))
)


def _due(session: Session, limit: dt.date, *, at_centre: bool) -> list[str]:
    """Ids of the inquirers to erase: every live case closed before `limit`, at least one;
    at a branch, not one whose erasure the centre refused (the centre leaves nothing)."""
    old = exists().where(_live(), Inquiry.closed_on < limit)
    left = true() if at_centre else ~_left_to_the_centre()
    due = list(
        session.scalars(
            select(Inquirer.id)
            .where(
                Inquirer.deleted.is_(False),
                _has_personal(),
                old,
                ~_served(limit),
                left,
            )
            .order_by(Inquirer.pk)
        )
    )
    # Merged-away duplicates are few: read once and kept when merged into one due (there is no
    # index on merged_into, so asking per chunk of ids read the whole table each time), along
    # the whole chain (a into b, b into the one due), or a link's personal values stayed.
    merged = {
        row_id: into
        for row_id, into in session.execute(
            select(Inquirer.id, Inquirer.merged_into)
            .where(Inquirer.merged_into.is_not(None), _has_personal())
            .order_by(Inquirer.pk)
        )
    }
    erased, found = set(due), set[str]()
    while grown := {row for row, into in merged.items() if into in erased} - found:
        found |= grown
        erased |= grown
    return due + [row_id for row_id in merged if row_id in found]


def _closed_count(session: Session, ids: Sequence[str], limit: dt.date) -> int:
    total = 0
    for start in range(0, len(ids), _CHUNK):
        total += (
            session.scalar(
                select(func.count())
                .select_from(Inquiry)
                .where(
                    Inquiry.inquirer_id.in_(ids[start : start + _CHUNK]),
                    Inquiry.deleted.is_(False),
                    Inquiry.closed_on < limit,
                )
            )
            or 0
        )
    return total


def _still_due(limit: dt.date) -> Any:
    """Whether an inquirer counted as due is still due inside its chunk's transaction: a case
    opened or an inquirer edited since they were counted keeps its data."""
    return and_(_has_personal(), or_(Inquirer.merged_into.is_not(None), ~_served(limit)))


_ERASE = (
    update(Inquirer)
    .where(Inquirer.pk == bindparam("b_pk"))
    .values(
        {
            **dict.fromkeys(PERSONAL_INQUIRER_FIELDS, ""),
            "erased_at": bindparam("b_stamp"),
            "rev": Inquirer.rev + 1,
            "updated_at": bindparam("b_stamp"),
            "updated_by": bindparam("b_staff"),
            "change_seq": bindparam("b_seq"),
            **{key: bindparam(f"b_{key}") for key in ("phone_digits", "match_key", "name_key",
                                                      "kana_key")},
        }
    )
)  # fmt: skip


def _erase(session: Session, ids: Sequence[str], limit: dt.date, *, staff: str) -> None:
    """A new version of each of `ids` still due without its personal fields, as
    `writer.change` would make it (derived keys from what is left), and one audit entry for
    each."""
    stamp = utc_now()
    personal = [getattr(Inquirer, key) for key in PERSONAL_INQUIRER_FIELDS]
    rows: list[Any] = []
    for start in range(0, len(ids), _CHUNK):
        rows += session.execute(
            select(Inquirer.pk, Inquirer.id, Inquirer.organization, *personal)
            .where(Inquirer.id.in_(ids[start : start + _CHUNK]), _still_due(limit))
            .order_by(Inquirer.pk)
        ).all()
    if not rows:
        return
    first = writer.next_change_seq(session, len(rows)) - len(rows) + 1
    erased = erasure.erased_values()
    changes, entries = [], []
    for seq, (pk, row_id, organization, *values) in enumerate(rows, start=first):
        keys = writer.inquirer_keys({**erased, "organization": organization})
        changes.append(
            {"b_pk": pk, "b_stamp": stamp, "b_staff": staff, "b_seq": seq,
             **{f"b_{key}": value for key, value in keys.items()}}
        )  # fmt: skip
        held = [key for key, value in zip(PERSONAL_INQUIRER_FIELDS, values, strict=True) if value]
        entries.append(audit.Entry(staff, "erase", "inquirer", row_id, new=",".join(held) or None))
    erased_ids = [row_id for _, row_id, *_ in rows]
    with search_index.inquirers_changed_at_once(session.connection(), erased_ids):
        bulk.execute_many(session.connection(), _ERASE, changes)
    audit.log_many(session, entries)
    erased_copies.blank(session, erased_ids)
