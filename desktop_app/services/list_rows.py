"""What the inquiry list is made of, without SQLAlchemy: its filter, its orders, its rows.

services/search.py reads them; the window's list (ui/inquiry_list/) is built from these types
alone, so its modules import no SQLAlchemy, the models or the search service at their top, and
the first page can be shown before the database layer has finished importing (docs/gui.md,
"Start-up after the sign-in").
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.workflow import OPEN_STATUSES

SortKey = Literal["received_at", "receipt_no", "status", "follow_up_due", "office"]
SORT_KEYS: tuple[SortKey, ...] = ("received_at", "receipt_no", "status", "follow_up_due", "office")


@dataclass(frozen=True)
class InquiryFilter:
    text: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    statuses: tuple[str, ...] = ()
    office: str | None = None
    field: str | None = None
    relationship: str | None = None
    inquirer_type: str | None = None
    overdue_only: bool = False
    today: dt.date | None = None
    # Places: a prefecture by its 2-digit code (any target municipality in it, or the
    # prefecture itself), one municipality by its 6-digit code, one agreement body by its code.
    prefecture: str | None = None
    municipality: str | None = None
    agreement_body: str | None = None
    # For a role that sees phones masked: digits match a phone only as the whole number.
    phones_whole: bool = False


def for_actor(flt: InquiryFilter, actor: Actor) -> InquiryFilter:
    """`flt` as `actor` may search: phones matched whole unless the role lists them."""
    return dataclasses.replace(flt, phones_whole=not actor.may(Permission.PERSONAL_LISTS))


@dataclass(frozen=True)
class InquiryRow:
    """One line of the inquiry list: only what the list shows."""

    pk: int
    receipt_no: str
    received_at: dt.date
    office_code: str
    status: str
    subject: str
    inquirer_label: str
    relationship: str | None
    channel: str | None
    follow_up_due: dt.date | None
    overdue: bool
    # The inquiry's other list columns of the field catalogue (`in_list`), by key.
    extra: Mapping[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class ListHead:
    """The first rows of a list, and its count when it was asked for or came for free."""

    count: int | None
    rows: list[InquiryRow]


def is_overdue(status: str, due: dt.date | None, today: dt.date) -> bool:
    """services.followups.overdue_clause for one row already read."""
    return due is not None and due < today and status in OPEN_STATUSES


EXTRA = "extra_"  # the label of a list column a row does not name (services.search)


def list_row(values: Mapping[str, Any], today: dt.date) -> InquiryRow:
    """One line of the list from its columns as services.search reads them (by label, dates
    as dates), judged overdue on `today`: the search service and the start-up's light read
    (services/light_window.py) make their rows here."""
    return InquiryRow(
        pk=values["pk"],
        receipt_no=values["receipt_no"],
        received_at=values["received_at"],
        office_code=values["office_code"],
        status=values["status"],
        subject=values["subject"],
        inquirer_label=" ".join(p for p in (values["organization"], values["name"]) if p),
        relationship=values["relationship_code"],
        channel=values["channel"],
        follow_up_due=values["follow_up_due"],
        overdue=is_overdue(values["status"], values["follow_up_due"], today),
        extra={k.removeprefix(EXTRA): v for k, v in values.items() if k.startswith(EXTRA)},
    )
