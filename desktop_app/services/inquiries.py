"""Recording, reading, changing and deleting inquiries: one transaction per call.

Every change bumps the row's `rev` and `updated_at` (the sync merge depends on it) and writes
field-level audit entries; a deletion is a tombstone so that it travels to the central office.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    Inquirer,
    Inquiry,
    InquiryAgreement,
    InquiryField,
    InquiryForm,
    InquiryMunicipality,
    ReceiptCounter,
    utc_now,
)
from desktop_app.domain import inquiry_input, workflow
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.errors import UserError
from desktop_app.domain.pii import has_personal_data
from desktop_app.domain.receipt import format_receipt
from desktop_app.services import audit
from desktop_app.services.codes import check_codes
from desktop_app.services.records import InquiryRecord, inquiry_record
from desktop_app.services.row_upkeep import refresh_inquirer_keys, touch
from desktop_app.services.setup import require_office

_LIST_MODELS: dict[
    str, type[InquiryField | InquiryForm | InquiryMunicipality | InquiryAgreement]
] = {
    "fields": InquiryField,
    "forms": InquiryForm,
    "municipalities": InquiryMunicipality,
    "agreement_bodies": InquiryAgreement,
}
# Contract key -> model attribute, where they differ.
_ATTRIBUTE = {"relationship": "relationship_code"}


def add_inquiry(
    db: Database, data: Mapping[str, Any], *, staff: str, today: dt.date | None = None
) -> InquiryRecord:
    """Record a new inquiry (and its inquirer, unless `inquirer.id` links an existing one)."""
    values = inquiry_input.read_inquiry(data, today=today or dt.date.today())
    with db.write() as session:
        office = require_office(session)
        check_codes(session, values)
        inquirer = _inquirer_for(session, values.pop("inquirer"), office=office, staff=staff)
        received: dt.date = values["received_at"]
        row = Inquiry(
            id=str(uuid.uuid4()),
            origin=office,
            updated_by=staff,
            receipt_no=_next_receipt(session, office, fiscal_year(received)),
            office_code=office,
            staff=staff,
            inquirer_id=inquirer.id,
            status=values.pop("status", None) or "received",
        )
        if workflow.is_closed(row.status):
            row.closed_at = utc_now()
        _apply(row, values)
        session.add(row)
        session.flush()
        audit.log(session, staff=staff, action="create", entity="inquiry", entity_id=row.id)
        return inquiry_record(row)


def get_inquiry(db: Database, receipt_no: str, *, staff: str) -> InquiryRecord:
    """One inquiry; showing an inquirer's personal fields is logged as a read."""
    with db.write() as session:
        row = _find(session, receipt_no)
        record = inquiry_record(row)
        if has_personal_data(record.inquirer.to_json()):
            audit.log(
                session, staff=staff, action="read", entity="inquirer", entity_id=row.inquirer_id
            )
        return record


def update_inquiry(
    db: Database,
    receipt_no: str,
    changes: Mapping[str, Any],
    *,
    staff: str,
    today: dt.date | None = None,
) -> InquiryRecord:
    """Change some contract keys; a status change must follow the workflow (reopening is logged)."""
    values = inquiry_input.read_changes(changes, today=today or dt.date.today())
    with db.write() as session:
        row = _find(session, receipt_no)
        kept = {item.code for item in row.municipalities}
        check_codes(session, values, received_at=row.received_at, kept=kept)
        before = inquiry_record(row).to_json()
        if "inquirer" in values:
            _change_inquirer(session, row, values.pop("inquirer"), staff=staff)
        if "status" in values:
            _change_status(session, row, values.pop("status"), values, staff=staff)
        _apply(row, values)
        inquiry_input.check_due(row.received_at, row.follow_up_due)
        if workflow.is_closed(row.status):
            inquiry_input.check_outcome(row.status, row.outcome)
        session.flush()
        after = inquiry_record(row).to_json()
        changed = {
            key: (before[key], after[key])
            for key in after
            if key not in ("inquirer", "rev", "updated_at") and before[key] != after[key]
        }
        if changed:
            touch(row, staff)
            audit.log_changes(
                session,
                staff=staff,
                action="update",
                entity="inquiry",
                entity_id=row.id,
                changes=changed,
            )
        session.flush()
        return inquiry_record(row)


def delete_inquiry(db: Database, receipt_no: str, *, staff: str) -> None:
    """Mark an inquiry deleted (a tombstone, so the deletion reaches the central office)."""
    with db.write() as session:
        row = _find(session, receipt_no)
        row.deleted = True
        touch(row, staff)
        audit.log(session, staff=staff, action="delete", entity="inquiry", entity_id=row.id)


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


def _next_receipt(session: Session, office: str, year: int) -> str:
    """The next 受付番号 of this office and fiscal year; the write lock makes it race-free."""
    counter = session.get(ReceiptCounter, (office, year))
    if counter is None:
        counter = ReceiptCounter(office_code=office, fiscal_year=year, last=0)
        session.add(counter)
    counter.last += 1
    return format_receipt(office, year, counter.last)


def _apply(row: Inquiry, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if key in _LIST_MODELS:
            model = _LIST_MODELS[key]
            # In code order, as the relationship loads them: add and update print what show will.
            setattr(row, key, [model(code=code) for code in sorted(value)])
        else:
            setattr(row, _ATTRIBUTE.get(key, key), value)


def _change_status(
    session: Session, row: Inquiry, new: str, values: dict[str, Any], *, staff: str
) -> None:
    old = row.status
    if new == old:
        return
    try:
        workflow.check_transition(old, new)
    except workflow.TransitionError as exc:
        raise UserError(
            exc.code,
            old=workflow.status_display(old),
            new=workflow.status_display(new),
            value=new,
            allowed=workflow.statuses_display(workflow.allowed_transitions(old)),
        ) from exc
    row.status = new
    if workflow.is_closed(new):
        row.closed_at = utc_now()
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
        row.closed_at = None
        values.setdefault("outcome", None)


def _inquirer_for(session: Session, values: dict[str, Any], *, office: str, staff: str) -> Inquirer:
    if "id" in values:
        existing = session.scalar(select(Inquirer).where(Inquirer.id == values["id"]))
        if existing is None or existing.deleted:
            raise UserError("inquirer_unknown", value=values["id"])
        _update_inquirer(session, existing, values, staff=staff)
        return existing
    inquirer = Inquirer(id=str(uuid.uuid4()), origin=office, updated_by=staff, type=values["type"])
    _set_inquirer_fields(inquirer, values)
    session.add(inquirer)
    session.flush()
    audit.log(session, staff=staff, action="create", entity="inquirer", entity_id=inquirer.id)
    return inquirer


def _change_inquirer(session: Session, row: Inquiry, values: dict[str, Any], *, staff: str) -> None:
    if "id" in values and values["id"] != row.inquirer_id:
        linked = _inquirer_for(session, values, office=row.origin, staff=staff)
        audit.log(
            session,
            staff=staff,
            action="update",
            entity="inquiry",
            entity_id=row.id,
            field="inquirer",
            old=row.inquirer_id,
            new=linked.id,
        )
        row.inquirer_id = linked.id
        session.flush()
        session.expire(row, ["inquirer"])
        return
    _update_inquirer(session, row.inquirer, values, staff=staff)


def _update_inquirer(
    session: Session, inquirer: Inquirer, values: Mapping[str, Any], *, staff: str
) -> None:
    before = {key: getattr(inquirer, key) for key in values if key != "id"}
    _set_inquirer_fields(inquirer, values)
    if not (inquirer.name or inquirer.organization):
        raise UserError("inquirer_name_required")
    changed = {
        key: (old, getattr(inquirer, key))
        for key, old in before.items()
        if getattr(inquirer, key) != old
    }
    if changed:
        touch(inquirer, staff)
    audit.log_changes(
        session,
        staff=staff,
        action="update",
        entity="inquirer",
        entity_id=inquirer.id,
        changes=changed,
    )


def _set_inquirer_fields(inquirer: Inquirer, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        if key == "id":
            continue
        if key == "type":
            if value is None:
                raise UserError(
                    "field_required", at="inquirer.type", label=inquiry_input.label("inquirer.type")
                )
            inquirer.type = value
        else:
            setattr(inquirer, key, value or "")
    refresh_inquirer_keys(inquirer)
