"""What services hand out: frozen records, and their JSON form (the CLI and sync contract).

Records are built inside the session that read the rows, so nothing outside a service ever
touches an ORM object or triggers a lazy load. The records and their JSON follow the field
catalogue (domain/fields.py): an inquiry's, an inquirer's or an action's field the catalogue
has but the record names no attribute for (a field newly added) is kept in `extra`, so it is read,
printed and sent without an edit here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as attribute
from dataclasses import fields as attributes
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind

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
    extra: Mapping[str, Any] = attribute(default_factory=lambda: MappingProxyType({}))

    def value(self, key: str) -> Any:
        """The value of a catalogue field by its key (a field without an attribute: `extra`)."""
        return getattr(self, key) if key in _INQUIRER_ATTRIBUTES else self.extra.get(key)

    def with_values(self, values: Mapping[str, Any]) -> InquirerRecord:
        """A copy with the fields of `values` replaced (attributes and `extra` alike)."""
        named = {key: value for key, value in values.items() if key in _INQUIRER_ATTRIBUTES}
        rest = {key: value for key, value in values.items() if key not in _INQUIRER_ATTRIBUTES}
        return replace(self, **named, extra=MappingProxyType({**self.extra, **rest}))

    @property
    def display_name(self) -> str:
        """Organisation and person as a clerk reads them: 高輪一丁目町会 鈴木 一郎."""
        return " ".join(part for part in (self.organization, self.name) if part)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id} | {
            f.key: _json(f, self.value(f.key)) for f in fields.INQUIRER_FIELDS
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
    extra: Mapping[str, Any] = attribute(default_factory=lambda: MappingProxyType({}))

    def value(self, key: str) -> Any:
        """The value of a catalogue field by its key (a field without an attribute: `extra`)."""
        return getattr(self, key) if key in _INQUIRY_ATTRIBUTES else self.extra.get(key)

    def to_json(self) -> dict[str, Any]:
        values = {f.key: _json(f, self.value(f.key)) for f in fields.INQUIRY_FIELDS}
        head = {"receipt_no": values.pop("receipt_no"), "id": self.id}
        head |= {"office": values.pop("office"), "rev": self.rev}
        return (
            head
            | {"updated_at": _iso(self.updated_at)}
            | values
            | {"inquirer": self.inquirer.to_json()}
        )


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
    extra: Mapping[str, Any] = attribute(default_factory=lambda: MappingProxyType({}))

    def value(self, key: str) -> Any:
        """The value of a catalogue field by its key (a field without an attribute: `extra`)."""
        return getattr(self, key) if key in _ACTION_ATTRIBUTES else self.extra.get(key)

    @property
    def awaiting_reply(self) -> bool:
        """A referral waits for its reply (回答待ち) until the reply is logged."""
        return self.kind == "referral" and self.replied_on is None

    def to_json(self) -> dict[str, Any]:
        values = {f.key: _json(f, self.value(f.key)) for f in fields.ACTION_FIELDS}
        return (
            {"id": self.id, "inquiry_id": self.inquiry_id}
            | values
            | {"awaiting_reply": self.awaiting_reply}
        )


def _iso(value: dt.date | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds") + "Z"
    return value.isoformat()


def inquirer_record(row: Inquirer) -> InquirerRecord:
    values = _values(row, fields.INQUIRER_FIELDS)
    return InquirerRecord(id=row.id, **_split(values, _INQUIRER_ATTRIBUTES))


def inquiry_record(row: Inquiry) -> InquiryRecord:
    values = _values(row, fields.INQUIRY_FIELDS)
    return InquiryRecord(
        id=row.id,
        rev=row.rev,
        updated_at=row.updated_at,
        inquirer=inquirer_record(row.inquirer),
        **_split(values, _INQUIRY_ATTRIBUTES),
    )


def _values(row: Inquiry | Inquirer, catalogue: tuple[Field, ...]) -> dict[str, Any]:
    """Every catalogue field of `row`, by key (a code list as a tuple, in stored order)."""
    values = {}
    for f in catalogue:
        stored = getattr(row, f.attribute)
        values[f.key] = tuple(item.code for item in stored) if f.table else stored
    return values


def _split(values: dict[str, Any], named: frozenset[str]) -> dict[str, Any]:
    """The record's keyword arguments: its attributes, and the rest of the fields as `extra`."""
    rest = {key: value for key, value in values.items() if key not in named}
    return {key: value for key, value in values.items() if key in named} | {
        "extra": MappingProxyType(rest)
    }


def _json(f: Field, value: Any) -> Any:
    """A field's value as the record contract writes it (dates ISO, code lists as lists)."""
    if f.kind is Kind.CODES:
        return list(value or ())
    if f.kind in (Kind.DATE, Kind.TIME):
        return _iso(value)
    if f.kind in (Kind.TEXT, Kind.NOTE):
        return value or f.blank  # an empty text as the contract prints it (null, mostly)
    return value


def action_record(row: Action) -> ActionRecord:
    values = {f.key: getattr(row, f.attribute) for f in fields.ACTION_FIELDS}
    return ActionRecord(id=row.id, inquiry_id=row.inquiry_id, **_split(values, _ACTION_ATTRIBUTES))


_INQUIRY_ATTRIBUTES = frozenset(a.name for a in attributes(InquiryRecord)) - {"extra"}
_INQUIRER_ATTRIBUTES = frozenset(a.name for a in attributes(InquirerRecord)) - {"extra"}
_ACTION_ATTRIBUTES = frozenset(a.name for a in attributes(ActionRecord)) - {"extra"}
