"""Recording, reading, changing and deleting inquiries: one transaction per call.

Rows are born and changed through the one writer (services/writer.py), which keeps their sync
columns, keys and audit entries. An edit made from an older version of the row (a form left
open while an action moved the due date, another window, a sync import) is merged field by
field against that version (domain/merge.py): nothing newer is overwritten silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Inquirer, Inquiry, utc_now
from desktop_app.domain import inquiry_input, workflow
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry, Snapshot
from desktop_app.domain.merge import FieldConflict, three_way
from desktop_app.domain.pii import has_personal_data
from desktop_app.services import audit, writer
from desktop_app.services.codes import check_codes
from desktop_app.services.records import InquiryRecord, inquiry_record
from desktop_app.services.setup import require_office
from desktop_app.services.status_history import record_status_change


class EditConflict(UserError):
    """A field was changed both in the edit and in the stored row since the edit began.

    Nothing was written. `conflicts` holds both values of each such field (contract keys,
    inquirer fields as `inquirer.phone`, values in the record's JSON form); `current` is the
    stored row now, the base for saving again once a person has chosen.
    """

    def __init__(
        self, receipt_no: str, conflicts: tuple[FieldConflict, ...], current: InquiryRecord
    ):
        super().__init__("edit_conflict", value=receipt_no, count=len(conflicts))
        self.conflicts = conflicts
        self.current = current


def add_inquiry(db: Database, new: NewInquiry, *, actor: Actor) -> InquiryRecord:
    """Record a new inquiry (and its inquirer, unless `inquirer.id` links an existing one)."""
    actor.require(Permission.RECORD)
    staff = actor.login
    values: dict[str, Any] = dict(new.values)
    with db.write() as session:
        office = require_office(session)
        check_codes(session, {**values, "inquirer": new.inquirer})
        inquirer = _inquirer_for(session, dict(new.inquirer), office=office, staff=staff)
        status = values.pop("status", None) or "received"
        row = Inquiry(office_code=office, staff=staff, inquirer_id=inquirer.id, status=status)
        row.closed_at = utc_now() if workflow.is_closed(status) else None
        for key, value in values.items():
            writer.set_value(row, key, value)
        writer.create(session, row, staff=staff, origin=office)
        return inquiry_record(row)


def get_inquiry(db: Database, receipt_no: str, *, actor: Actor) -> InquiryRecord:
    """One inquiry, personal fields in full (every role opens its records); showing them is
    logged as a read."""
    actor.require(Permission.RECORD)
    staff = actor.login
    with db.write() as session:
        row = _find(session, receipt_no)
        record = inquiry_record(row)
        if has_personal_data(record.inquirer.to_json()):
            audit.log(
                session, staff=staff, action="read", entity="inquirer", entity_id=row.inquirer_id
            )
        return record


def update_inquiry(db: Database, change: InquiryChange, *, actor: Actor) -> InquiryRecord:
    """Change some contract keys; a status change must follow the workflow (reopening is logged).

    With `change.base`, the version the edit started from, only the keys whose value differs
    from it are changes; if the stored row has moved on, they are merged with its newer values
    field by field, and a field changed differently on both sides raises EditConflict.
    """
    actor.require(Permission.RECORD)
    staff = actor.login
    values = change.values()
    with db.write() as session:
        row = _find(session, change.receipt_no)
        if change.base is not None:
            values = _merged_changes(row, change.base, values)
        kept = {item.code for item in row.municipalities}
        check_codes(session, values, received_at=row.received_at, kept=kept)
        if "inquirer" in values:
            _change_inquirer(session, row, values.pop("inquirer"), staff=staff)
        if "status" in values:
            _change_status(session, row, values.pop("status"), values, staff=staff)
        writer.change(session, row, values, staff=staff)
        inquiry_input.check_due(row.received_at, row.follow_up_due)
        if workflow.is_closed(row.status):
            inquiry_input.check_outcome(row.status, row.outcome)
        session.flush()
        return inquiry_record(row)


def delete_inquiry(db: Database, receipt_no: str, *, actor: Actor) -> None:
    """Mark an inquiry deleted (a tombstone, so the deletion reaches the central office)."""
    actor.require(Permission.RECORD)
    with db.write() as session:
        writer.delete(session, _find(session, receipt_no), staff=actor.login)


def find_live(session: Session, receipt_no: str) -> Inquiry:
    """The inquiry with this receipt number, refusing unknown and deleted ones."""
    return _find(session, receipt_no)


def _find(session: Session, receipt_no: str) -> Inquiry:
    key = receipt_no.strip().upper()
    row = session.scalar(select(Inquiry).where(Inquiry.receipt_no == key))
    if row is None:
        raise UserError("receipt_unknown", value=receipt_no)
    if row.deleted:
        raise UserError("already_deleted", value=receipt_no)
    return row


def _merged_changes(row: Inquiry, base: Snapshot, values: dict[str, Any]) -> dict[str, Any]:
    """The changes an edit from `base` makes to `row` now, or EditConflict."""
    was = _flat(base.to_json())
    ours = {**was, **_flat(_as_json(values))}
    current = inquiry_record(row)
    merge = three_way(was, ours, _flat(current.to_json()))
    if merge.conflicts:
        raise EditConflict(row.receipt_no, merge.conflicts, current)
    changed = set(merge.ours_changed)
    inquirer = {
        key: value
        for key, value in values.get("inquirer", {}).items()
        if f"inquirer.{key}" in changed
    }
    kept = {key: value for key, value in values.items() if key in changed}
    if inquirer:
        kept["inquirer"] = inquirer
    return kept


# The keys an edit is compared on: the record's own fields, not its bookkeeping.
_BOOKKEEPING = ("receipt_no", "id", "office", "rev", "updated_at", "staff", "closed_at")


def _flat(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record's JSON with the inquirer's fields as `inquirer.x`; empty text as None."""
    flat: dict[str, Any] = {}
    for key, value in record.items():
        if key == "inquirer":
            for sub, sub_value in value.items():
                flat[f"inquirer.{sub}"] = sub_value or None
        elif key not in _BOOKKEEPING:
            flat[key] = value if value != "" else None
    return flat


def _as_json(values: Mapping[str, Any]) -> dict[str, Any]:
    """Typed input values in the record's JSON form, so they compare with a record."""
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key == "inquirer":
            out[key] = dict(value)
        elif isinstance(value, dt.date):
            out[key] = value.isoformat()
        elif isinstance(value, tuple):
            out[key] = sorted(value)
        else:
            out[key] = value
    return out


def _change_status(
    session: Session, row: Inquiry, new: str, values: dict[str, Any], *, staff: str
) -> None:
    old = row.status
    if new == old:
        return
    inquiry_input.check_transition(old, new)
    values["status"] = new
    record_status_change(session, row, old, new, values.get("outcome"), staff=staff)
    if workflow.is_closed(new):
        values["closed_at"] = utc_now()
        values["follow_up_due"] = None  # a closed case has nothing left to follow up
    elif workflow.is_reopening(old, new):
        audit.log(
            session,
            staff=staff,
            action="reopen",
            entity="inquiry",
            entity_id=row.id,
            field="status",
            old=old,
            new=new,
        )
        values["closed_at"] = None
        values.setdefault("outcome", None)


def _inquirer_for(session: Session, values: dict[str, Any], *, office: str, staff: str) -> Inquirer:
    if "id" in values:
        existing = session.scalar(select(Inquirer).where(Inquirer.id == values["id"]))
        if existing is None or existing.deleted:
            raise UserError("inquirer_unknown", at="inquirer.name", value=values["id"])
        _update_inquirer(session, existing, values, staff=staff)
        return existing
    inquirer = Inquirer(id="", type=values["type"])
    for key, value in values.items():
        writer.set_value(inquirer, key, value)
    writer.create(session, inquirer, staff=staff, origin=office)
    return inquirer


def _change_inquirer(session: Session, row: Inquiry, values: dict[str, Any], *, staff: str) -> None:
    if "id" in values and values["id"] != row.inquirer_id:
        linked = _inquirer_for(session, values, office=row.origin, staff=staff)
        writer.change(session, row, {"inquirer": linked.id}, staff=staff)
        session.flush()
        session.expire(row, ["inquirer"])
        return
    _update_inquirer(session, row.inquirer, values, staff=staff)


def _update_inquirer(
    session: Session, inquirer: Inquirer, values: Mapping[str, Any], *, staff: str
) -> None:
    fields = {key: value for key, value in values.items() if key != "id"}
    if "type" in fields and fields["type"] is None:
        raise UserError(
            "field_required", at="inquirer.type", label=inquiry_input.label("inquirer.type")
        )
    named = bool(inquirer.name or inquirer.organization)
    writer.change(session, inquirer, fields, staff=staff)
    # Refuse an edit that blanks the last name; a resident's record at the central office
    # may have no name at all (packages leave personal fields out), and stays editable.
    if named and not (inquirer.name or inquirer.organization):
        raise UserError("inquirer_name_required", at="inquirer.name")
