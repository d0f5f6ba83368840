"""The one writer: the only place where an inquirer, inquiry or action is born or changed.

Everything a synced row must carry is kept here, so that no path can forget part of it
(docs/architecture.md, "The one writer"):

- `rev` +1, `updated_at`, `updated_by` on every change (a sync import keeps the incoming ones);
- the local change sequence, which the next package to a peer reads as one indexed range;
- derived keys: an inquirer's phone digits and matching keys, an inquiry's local closing date;
- the receipt number of a new inquiry;
- one audit entry per changed field, in the caller's transaction.

Single rows go through `create`, `change` and `delete` (the desk); thousands of rows through
`insert_many` (demo data, ledger import, sync import), which fills the same columns in plain
dicts and hands them to db.bulk's batched Core inserts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, update
from sqlalchemy.orm import Session

from db import bulk
from db.models import (
    Action,
    ChangeCounter,
    Inquirer,
    Inquiry,
    InquiryAgreement,
    InquiryField,
    InquiryForm,
    InquiryMunicipality,
    ReceiptCounter,
    utc_now,
)
from desktop_app.domain import fields, text
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.local_time import local_date
from desktop_app.domain.receipt import format_receipt
from desktop_app.services import audit

SyncedRow = Inquirer | Inquiry | Action

_ENTITY: dict[type[SyncedRow], str] = {Inquirer: "inquirer", Inquiry: "inquiry", Action: "action"}
_CODE_LISTS: dict[
    str, type[InquiryField | InquiryForm | InquiryMunicipality | InquiryAgreement]
] = {
    "fields": InquiryField,
    "forms": InquiryForm,
    "municipalities": InquiryMunicipality,
    "agreement_bodies": InquiryAgreement,
}
_BULK_SYNCED = ("inquirer", "inquiry", "action")
# An inquirer's text fields store "" for no value (the record contract prints it as null).
_INQUIRER_TEXT = frozenset(f.key for f in fields.INQUIRER_FIELDS if f.key != "type")
# Contract key -> model attribute, where they differ.
_ATTRIBUTE = {
    "relationship": "relationship_code",
    "office": "office_code",
    "inquirer": "inquirer_id",
}


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


def insert_many(conn: Connection, batch: Mapping[str, Sequence[dict[str, Any]]]) -> None:
    """Insert a batch of new rows given as plain dicts, table by table (db.bulk.TABLES).

    Each synced dict needs its own fields, `id`, `origin`, `updated_at` and `updated_by`;
    `prepare_batch` fills the rest exactly as `create` does for one row. Receipt numbers are
    the caller's (it knows the counters it advanced); no audit entries, because a bulk load is
    one audited event of its own.
    """
    total = sum(len(batch.get(name, ())) for name in _BULK_SYNCED)
    if total:
        prepare_batch(batch, first_seq=next_change_seq(conn, total) - total + 1)
    bulk.insert_batch(conn, batch)


def prepare_batch(batch: Mapping[str, Sequence[dict[str, Any]]], *, first_seq: int) -> None:
    """Fill `rev` (1 unless given), `deleted`, the change sequence and the derived keys."""
    seq = first_seq
    for name in _BULK_SYNCED:
        for row in batch.get(name, ()):
            row["change_seq"] = seq
            seq += 1
            row.setdefault("rev", 1)
            row.setdefault("deleted", False)
            row.setdefault("deleted_at", None)
    for row in batch.get("inquirer", ()):
        row.update(inquirer_keys(row))
    for row in batch.get("inquiry", ()):
        closed = row.get("closed_at")
        row["closed_on"] = local_date(closed) if closed else None


def inquirer_keys(values: Mapping[str, Any]) -> dict[str, str]:
    """The derived keys of an inquirer: what search and duplicate suggestions look up."""
    return {
        "phone_digits": text.digits(values.get("phone")),
        "match_key": text.match_key(values.get("organization"), values.get("name")),
        "name_key": text.name_key(values.get("name")),
        "kana_key": text.fold(values.get("kana")),
    }


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
    if isinstance(row, Inquiry) and key in _CODE_LISTS:
        return tuple(item.code for item in getattr(row, key))
    return getattr(row, _ATTRIBUTE.get(key, key))


def _set(row: SyncedRow, key: str, value: Any) -> None:
    if isinstance(row, Inquiry) and key in _CODE_LISTS:
        model = _CODE_LISTS[key]
        # In code order, as the relationship loads them: a save prints what show will.
        setattr(row, key, [model(code=code) for code in value])
    else:
        setattr(row, _ATTRIBUTE.get(key, key), value)


def _normalised(key: str, value: Any, row: SyncedRow) -> Any:
    """The value as the row stores it: code lists sorted, an inquirer's empty text as ""."""
    if isinstance(row, Inquiry) and key in _CODE_LISTS:
        return tuple(sorted(value or ()))
    if isinstance(row, Inquirer) and value is None and key in _INQUIRER_TEXT:
        return ""
    return value


def _audit_text(value: Any) -> Any:
    """Code lists are logged as lists (['disaster', 'tourism']), as the record shows them."""
    return list(value) if isinstance(value, tuple) else value
