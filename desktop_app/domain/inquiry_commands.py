"""What a service is asked to write about an inquiry: typed, already read and checked.

The record contract (JSON of the command line, the intake form's values) is read once, at the
edge, into one of these frozen commands; `inquiry_input` does the reading, so a bad value is
refused with the same message wherever it came from, every problem at once. The services then
take the command, not a mapping of anything: what they may receive is spelt out here.
Knows nothing of Qt or the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from desktop_app.domain import inquiry_input
from desktop_app.domain.local_time import local_today

# A field's value once read: text, a date, a set of codes (sorted tuple), or nothing.
Value = str | dt.date | tuple[str, ...] | None
Values = Mapping[str, Value]


class Snapshot(Protocol):
    """The version of an inquiry an edit started from (services.records.InquiryRecord)."""

    def to_json(self) -> dict[str, Any]: ...


@dataclass(frozen=True)
class NewInquiry:
    """A new inquiry: its contract keys' values and its inquirer's.

    `inquirer` holds the inquirer's fields, or `id` to link an existing inquirer (any other
    field given with it changes that inquirer).
    """

    values: Values
    inquirer: Values

    @classmethod
    def read(cls, data: Mapping[str, Any], *, today: dt.date | None = None) -> NewInquiry:
        """From the record contract; refuses (InputErrors) what `inquiry_input` refuses.

        `today` is the day dates are checked against (受付日 not in the future): the local
        date unless a test says otherwise.
        """
        values = inquiry_input.read_inquiry(data, today=today or local_today())
        inquirer = values.pop("inquirer")
        return cls(_frozen(values), _frozen(inquirer))


@dataclass(frozen=True)
class InquiryChange:
    """A change of the inquiry `receipt_no`: the contract keys it sets, and its inquirer's.

    With `base`, the version the edit started from, only the keys whose value differs from
    `base` are changes, merged field by field with anything stored since (services.inquiries).
    """

    receipt_no: str
    changes: Values
    inquirer: Values = field(default_factory=lambda: MappingProxyType({}))
    base: Snapshot | None = None

    @classmethod
    def read(
        cls,
        receipt_no: str,
        data: Mapping[str, Any],
        *,
        today: dt.date | None = None,
        base: Snapshot | None = None,
    ) -> InquiryChange:
        """From the record contract (any subset of its keys); refuses what `inquiry_input`
        refuses."""
        values = inquiry_input.read_changes(data, today=today or local_today())
        inquirer = values.pop("inquirer", None) or {}
        return cls(receipt_no, _frozen(values), _frozen(inquirer), base)

    def values(self) -> dict[str, Any]:
        """The changes as the writer takes them (the inquirer's under "inquirer"), a copy."""
        out: dict[str, Any] = dict(self.changes)
        if self.inquirer:
            out["inquirer"] = dict(self.inquirer)
        return out


def _frozen(values: Mapping[str, Any]) -> Values:
    return MappingProxyType(dict(values))


@dataclass(frozen=True)
class NewAction:
    """One action (対応) to log on the inquiry `receipt_no`.

    `action_date` None is today; `reply_due` counts only for a referral. Whether `kind` is a
    known code and the dates agree is checked by services.actions, every problem at once.
    """

    receipt_no: str
    kind: str
    note: str
    action_date: dt.date | None = None
    next_due: dt.date | None = None
    referred_to: str = ""
    reply_due: dt.date | None = None
