"""The one writer: the only place where an inquirer, inquiry or action is born or changed.

Everything a synced row must carry is kept here, so that no path can forget part of it
(docs/architecture.md, "The one writer"):

- `rev` +1, `updated_at`, `updated_by` on every change (a sync import keeps the incoming ones);
- the local change sequence, which the next package to a peer reads as one indexed range;
- derived keys: an inquirer's phone digits and matching keys, an inquiry's local closing date;
- the receipt number of a new inquiry;
- one audit entry per changed field, in the caller's transaction.

Single rows go through `create`, `change` and `delete` (the desk); thousands of new rows through
`insert_many` (demo data, ledger import, sync import): the callers only build contract-keyed
rows, and the writer fills the same columns, keys, code tables, counters and derived values
(services/bulk_rows.py, column by column) and hands them to db.bulk's executemany of tuples.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, insert, update
from sqlalchemy.orm import Session

from db import bulk
from db.models import (
    Action,
    ChangeCounter,
    Inquirer,
    Inquiry,
    ReceiptCounter,
    utc_now,
)
from desktop_app.domain import fields, follow_up
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.derived import inquirer_keys
from desktop_app.domain.local_time import local_date
from desktop_app.domain.receipt import format_receipt
from desktop_app.services import audit, bulk_rows, sync_rows

SyncedRow = Inquirer | Inquiry | Action

_ENTITY: dict[type[SyncedRow], str] = {Inquirer: "inquirer", Inquiry: "inquiry", Action: "action"}
# An inquirer's text fields store "" for no value (the record contract prints it as null).
_INQUIRER_TEXT = frozenset(f.key for f in fields.INQUIRER_FIELDS if f.key != "type")


@dataclass(frozen=True)
class Version:
    """A version to store as it came (a sync import): not bumped, not re-stamped."""

    rev: int
    updated_at: dt.datetime
    updated_by: str


def entity_of(row: SyncedRow) -> str:
    return _ENTITY[type(row)]


def create(
    session: Session,
    row: SyncedRow,
    *,
    staff: str,
    origin: str,
    version: Version | None = None,
) -> None:
    """Give a new row its id (unless it brought one), sync columns and keys; add and audit it."""
    if not row.id:
        row.id = str(uuid.uuid4())
    row.origin = origin
    _stamp(session, row, staff, version, first=True)
    _derive(row)
    if isinstance(row, Inquiry) and not row.receipt_no:
        row.receipt_no = next_receipt(session, row.office_code, fiscal_year(row.received_at))
    session.add(row)
    session.flush()
    audit.log(session, staff=staff, action="create", entity=entity_of(row), entity_id=row.id)


def change(
    session: Session,
    row: SyncedRow,
    values: Mapping[str, Any],
    *,
    staff: str,
    action: str = "update",
    version: Version | None = None,
) -> dict[str, tuple[Any, Any]]:
    """Set contract keys of `row`; when anything changed, stamp the row and audit each field.

    Returns {key: (old, new)} of what changed (empty: nothing was written).
    """
    changed = _apply(row, values)
    if changed or version is not None:
        _derive(row)
        _stamp(session, row, staff, version, first=False)
        _audit_changes(session, row, changed, staff=staff, action=action)
    return changed


def delete(
    session: Session,
    row: SyncedRow,
    *,
    staff: str,
    action: str = "delete",
    values: Mapping[str, Any] | None = None,
) -> None:
    """A tombstone: the row stays, marked deleted, so that the deletion travels to other offices.

    `values` are set in the same version (a merged inquirer's `merged_into`); the deletion
    itself is one audit entry.
    """
    changed = _apply(row, values or {})
    row.deleted = True
    row.deleted_at = utc_now()
    _stamp(session, row, staff, None, first=False)
    _audit_changes(session, row, changed, staff=staff, action=action)
    audit.log(session, staff=staff, action=action, entity=entity_of(row), entity_id=row.id)


def _apply(row: SyncedRow, values: Mapping[str, Any]) -> dict[str, tuple[Any, Any]]:
    changed: dict[str, tuple[Any, Any]] = {}
    for key, value in values.items():
        old = _get(row, key)
        new = _normalised(key, value, row)
        if old != new:
            changed[key] = (old, new)
            _set(row, key, new)
    return changed


def _audit_changes(
    session: Session,
    row: SyncedRow,
    changed: Mapping[str, tuple[Any, Any]],
    *,
    staff: str,
    action: str,
) -> None:
    audit.log_changes(
        session,
        staff=staff,
        action=action,
        entity=entity_of(row),
        entity_id=row.id,
        changes={key: (_audit_text(a), _audit_text(b)) for key, (a, b) in changed.items()},
    )


def next_receipt(session: Session, office: str, year: int) -> str:
    """The next 受付番号 of this office and fiscal year; the write lock makes it race-free."""
    counter = session.get(ReceiptCounter, (office, year))
    if counter is None:
        counter = ReceiptCounter(office_code=office, fiscal_year=year, last=0)
        session.add(counter)
    counter.last += 1
    return format_receipt(office, year, counter.last)


def next_change_seq(session: Session | Connection, count: int = 1) -> int:
    """Reserve `count` change sequence numbers; returns the last (the first is last-count+1)."""
    conn = session.connection() if isinstance(session, Session) else session
    last = conn.execute(
        update(ChangeCounter)
        .where(ChangeCounter.id == 1)
        .values(last=ChangeCounter.last + count)
        .returning(ChangeCounter.last)
    ).scalar()
    if last is None:
        conn.execute(insert(ChangeCounter).values(id=1, last=count))
        return count
    return int(last)


# --- the bulk path ------------------------------------------------------------------------


@dataclass
class NewRows:
    """New rows for the bulk path, each a dict keyed as the record contract keys it.

    Values are typed as `create` takes them (dates as dates, times as naive UTC, code lists as
    sequences of codes); a key left out is stored empty. Besides its fields a row may carry
    `id` (made when missing), `origin` (the loading office when missing), `receipt_no` (issued
    from the counters when missing) and its version, `rev`, `updated_at` and `updated_by`
    (version 1, now, by the loading staff when missing). Nothing else is the caller's.

    Rows `sent` are received rows as a package carries them: each a row's content with its
    version, dates and times as ISO text (services/sync_rows.SENT_FORM), keys of a later build
    ignored. The writer converts them as it binds them, so a sync import builds no typed copy.
    """

    inquirers: list[dict[str, Any]] = field(default_factory=list)
    inquiries: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    sent: bool = False

    def __len__(self) -> int:
        return len(self.inquirers) + len(self.inquiries) + len(self.actions)


@dataclass(frozen=True)
class BulkEvent:
    """The one audit entry of a bulk load (a load is one audited event, not one per row)."""

    action: str
    entity: str
    entity_id: str
    field: str | None = None
    new: Any = None


def insert_many(
    session: Session,
    rows: NewRows,
    *,
    staff: str,
    origin: str,
    received: bool = False,
    event: BulkEvent | None = None,
) -> list[str]:
    """Insert new rows in the caller's transaction; the receipt numbers of the inquiries.

    Everything `create` does for one row is done here for all of them: columns and empty
    values, the local keys, the code tables, receipt numbers and counters (which never go
    backwards), the change sequence, derived keys and dates, and the audit (`event`). Rows
    `received` from another office (a sync import) are stored as they came: their version
    is kept and their follow-up date is not derived again. Otherwise an inquiry loaded with
    its actions gets its follow-up date by the desk's rule (domain/follow_up.py).
    """
    session.flush()  # what the session holds comes first (its counters, its rows)
    conn = session.connection()
    if rows.sent and not received:
        raise ValueError("rows as a package carries them are received rows")
    plan = bulk_rows.Plan(conn, staff=staff, origin=origin, now=utc_now())
    if rows.inquiries and not received:
        _derive_follow_up(rows)
    first_seq = next_change_seq(conn, len(rows)) - len(rows) + 1 if len(rows) else 0
    bulk.insert_batch(conn, plan.batch(rows, first_seq=first_seq))
    plan.save_counters()
    for held in list(session.identity_map.values()):
        if isinstance(held, ReceiptCounter):
            session.expire(held)  # raised by the statement above, not through the session
    if event is not None:
        audit.log(
            session, staff=staff, action=event.action, entity=event.entity,
            entity_id=event.entity_id, field=event.field, new=event.new,
        )  # fmt: skip
    return plan.receipts


def _derive_follow_up(rows: NewRows) -> None:
    """Each new inquiry's follow-up date from its new actions, by the desk's rule (an action
    that sets no deadline says nothing to it, so only those that set one are looked at)."""
    deadlines: dict[str, list[follow_up.Deadlines]] = {}
    for order, action in enumerate(rows.actions):
        if action.get("deleted") or (
            action.get("next_due") is None and action.get("reply_due") is None
        ):
            continue
        deadlines.setdefault(action["inquiry_id"], []).append(
            follow_up.Deadlines(
                action["action_date"],
                order,
                action.get("kind") or "",
                action.get("next_due"),
                action.get("reply_due"),
                action.get("replied_on"),
            )
        )
    for inquiry in rows.inquiries:
        found = deadlines.get(inquiry.get("id", ""))
        if found:
            inquiry["follow_up_due"] = follow_up.follow_up_due(
                inquiry.get("status") or "", inquiry.get("follow_up_due"), found
            )


# --- one row ------------------------------------------------------------------------------


def _stamp(
    session: Session, row: SyncedRow, staff: str, version: Version | None, *, first: bool
) -> None:
    if version is not None:
        row.rev = version.rev
        row.updated_at = version.updated_at
        row.updated_by = version.updated_by
    else:
        row.rev = 1 if first else row.rev + 1
        row.updated_at = utc_now()
        row.updated_by = staff
    row.change_seq = next_change_seq(session)


def _derive(row: SyncedRow) -> None:
    if isinstance(row, Inquirer):
        for key, value in inquirer_keys(
            {key: getattr(row, key) for key in ("phone", "organization", "name", "kana")}
        ).items():
            setattr(row, key, value)
    elif isinstance(row, Inquiry):
        row.closed_on = local_date(row.closed_at) if row.closed_at else None


def set_value(row: SyncedRow, key: str, value: Any) -> None:
    """Set a contract key on a row being built, before `create` (code lists in stored order)."""
    _set(row, key, _normalised(key, value, row))


def _get(row: SyncedRow, key: str) -> Any:
    if isinstance(row, Inquiry) and key in sync_rows.LIST_TABLES:
        return tuple(item.code for item in getattr(row, key))
    return getattr(row, sync_rows.ATTRIBUTE.get(key, key))


def _set(row: SyncedRow, key: str, value: Any) -> None:
    if isinstance(row, Inquiry) and key in sync_rows.LIST_TABLES:
        model = sync_rows.LIST_TABLES[key]
        # In code order, as the relationship loads them: a save prints what show will.
        setattr(row, key, [model(code=code) for code in value])
    else:
        setattr(row, sync_rows.ATTRIBUTE.get(key, key), value)


def _normalised(key: str, value: Any, row: SyncedRow) -> Any:
    """The value as the row stores it: code lists sorted, an inquirer's empty text as ""."""
    if isinstance(row, Inquiry) and key in sync_rows.LIST_TABLES:
        return tuple(sorted(value or ()))
    if isinstance(row, Inquirer) and value is None and key in _INQUIRER_TEXT:
        return ""
    return value


def _audit_text(value: Any) -> Any:
    """Code lists are logged as lists (['disaster', 'tourism']), as the record shows them."""
    return list(value) if isinstance(value, tuple) else value
