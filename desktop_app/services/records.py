"""What services hand out: frozen records, and their JSON form (the CLI and sync contract).

Records are built inside the session that read the rows, so nothing outside a service ever
touches an ORM object or triggers a lazy load.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # at run time only their attributes are read: printing needs no SQLAlchemy
    from db.models import Action, Inquirer, Inquiry


@dataclass(frozen=True)
class InquirerRecord:
    id: str
    type: str
    organization: str
    name: str
    kana: str
    phone: str
    email: str
    postal_code: str
    address: str
    corporate_number: str
    notes: str

    @property
    def display_name(self) -> str:
        """Organisation and person as a clerk reads them: 高輪一丁目町会 鈴木 一郎."""
        return " ".join(part for part in (self.organization, self.name) if part)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "organization": self.organization or None,
            "name": self.name or None,
            "kana": self.kana or None,
            "phone": self.phone or None,
            "email": self.email or None,
            "postal_code": self.postal_code or None,
            "address": self.address or None,
            "corporate_number": self.corporate_number or None,
            "notes": self.notes or None,
        }


@dataclass(frozen=True)
class InquiryRecord:
    id: str
    receipt_no: str
    office: str
    rev: int
    updated_at: dt.datetime
    received_at: dt.date
    channel: str | None
    staff: str
    subject: str
    content: str
    relationship: str | None
    step: str | None
    domain: str | None
    fields: tuple[str, ...]
    forms: tuple[str, ...]
    municipalities: tuple[str, ...]
    agreement_bodies: tuple[str, ...]
    status: str
    follow_up_due: dt.date | None
    outcome: str | None
    closed_at: dt.datetime | None
    inquirer: InquirerRecord

    def to_json(self) -> dict[str, Any]:
        return {
            "receipt_no": self.receipt_no,
            "id": self.id,
            "office": self.office,
            "rev": self.rev,
            "updated_at": _iso(self.updated_at),
            "received_at": self.received_at.isoformat(),
            "channel": self.channel,
            "staff": self.staff or None,
            "subject": self.subject,
            "content": self.content,
            "relationship": self.relationship,
            "step": self.step,
            "domain": self.domain,
            "fields": list(self.fields),
            "forms": list(self.forms),
            "municipalities": list(self.municipalities),
            "agreement_bodies": list(self.agreement_bodies),
            "status": self.status,
            "follow_up_due": _iso(self.follow_up_due),
            "outcome": self.outcome,
            "closed_at": _iso(self.closed_at),
            "inquirer": self.inquirer.to_json(),
        }


@dataclass(frozen=True)
class ActionRecord:
    id: str
    inquiry_id: str
    action_date: dt.date
    staff: str
    kind: str
    note: str
    next_due: dt.date | None
    referred_to: str
    reply_due: dt.date | None
    replied_on: dt.date | None

    @property
    def awaiting_reply(self) -> bool:
        """A referral waits for its reply (回答待ち) until the reply is logged."""
        return self.kind == "referral" and self.replied_on is None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "inquiry_id": self.inquiry_id,
            "action_date": self.action_date.isoformat(),
            "staff": self.staff or None,
            "kind": self.kind,
            "note": self.note,
            "next_due": _iso(self.next_due),
            "referred_to": self.referred_to or None,
            "reply_due": _iso(self.reply_due),
            "replied_on": _iso(self.replied_on),
            "awaiting_reply": self.awaiting_reply,
        }


def _iso(value: dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds") + "Z"
    return value.isoformat()


def inquirer_record(row: Inquirer) -> InquirerRecord:
    return InquirerRecord(
        id=row.id,
        type=row.type,
        organization=row.organization,
        name=row.name,
        kana=row.kana,
        phone=row.phone,
        email=row.email,
        postal_code=row.postal_code,
        address=row.address,
        corporate_number=row.corporate_number,
        notes=row.notes,
    )


def inquiry_record(row: Inquiry) -> InquiryRecord:
    return InquiryRecord(
        id=row.id,
        receipt_no=row.receipt_no,
        office=row.office_code,
        rev=row.rev,
        updated_at=row.updated_at,
        received_at=row.received_at,
        channel=row.channel,
        staff=row.staff,
        subject=row.subject,
        content=row.content,
        relationship=row.relationship_code,
        step=row.step,
        domain=row.domain,
        fields=tuple(item.code for item in row.fields),
        forms=tuple(item.code for item in row.forms),
        municipalities=tuple(item.code for item in row.municipalities),
        agreement_bodies=tuple(item.code for item in row.agreement_bodies),
        status=row.status,
        follow_up_due=row.follow_up_due,
        outcome=row.outcome,
        closed_at=row.closed_at,
        inquirer=inquirer_record(row.inquirer),
    )


def action_record(row: Action) -> ActionRecord:
    return ActionRecord(
        id=row.id,
        inquiry_id=row.inquiry_id,
        action_date=row.action_date,
        staff=row.staff,
        kind=row.kind,
        note=row.note,
        next_due=row.next_due,
        referred_to=row.referred_to,
        reply_due=row.reply_due,
        replied_on=row.replied_on,
    )
