"""What the desk must follow up (対応予定): due and overdue inquiries, unanswered referrals.

`services.actions.add_action` copies an action's next due date or a referral's reply deadline
into the inquiry's `follow_up_due`, so one indexed column answers "what is due" and the start
screen's counts. Referrals are read from the actions only for the overdue replies (回答待ち
past 回答期限), because a later action may have moved the inquiry's date past an unanswered
referral. Closed and deleted inquiries never appear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Row, Select, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute

from db.engine import Database
from db.models import Action, Inquirer, Inquiry
from desktop_app.domain.workflow import OPEN_STATUSES

Reason = Literal["follow_up", "reply"]
DEFAULT_WITHIN_DAYS = 7
DEFAULT_LIMIT = 500
# The terms of the partial index ix_action_open_reply, written as the index writes them: SQLite
# uses a partial index only when the query's WHERE contains its terms, and a bound parameter
# ('referral' as ?) or `deleted IS 0` (what is_(False) renders) would not match.
_OPEN_REPLY = (
    Action.kind == literal_column("'referral'"),
    Action.replied_on.is_(None),
    Action.deleted == literal_column("0"),
)


@dataclass(frozen=True)
class FollowUpRow:
    """One line of 対応予定. `reason` is "reply" for a referral waiting for its reply."""

    receipt_no: str
    subject: str
    inquirer_label: str
    office_code: str
    status: str
    due: dt.date
    reason: Reason
    referred_to: str
    action_id: str | None
    overdue: bool


def due_followups(
    db: Database,
    today: dt.date,
    office: str | None = None,
    *,
    within_days: int = DEFAULT_WITHIN_DAYS,
    limit: int = DEFAULT_LIMIT,
) -> list[FollowUpRow]:
    """Open inquiries due by `today + within_days` and referrals whose reply is overdue.

    Sorted by due date (oldest first). An inquiry's own row is left out when an overdue referral
    of it carries the same date: that date came from the referral, and one line says it better.
    """
    horizon = today + dt.timedelta(days=within_days)
    due = (
        _open_inquiries(office)
        .where(Inquiry.follow_up_due.is_not(None), Inquiry.follow_up_due <= horizon)
        .order_by(Inquiry.follow_up_due, Inquiry.receipt_no)
        .limit(limit)
    )
    replies = (
        _open_inquiries(office, by_id_only=True)
        .add_columns(Action.reply_due, Action.referred_to, Action.id)
        .join(Action, Action.inquiry_id == Inquiry.id)
        .where(*_OPEN_REPLY, Action.reply_due < today)
        .order_by(Action.reply_due, Inquiry.receipt_no)
        .limit(limit)
    )
    with db.read() as session:
        reply_rows = [
            _row(r, r.reply_due, "reply", r.referred_to, r.id, today)
            for r in session.execute(replies)
        ]
        covered = {(row.receipt_no, row.due) for row in reply_rows}
        due_rows = [
            _row(r, r.follow_up_due, "follow_up", "", None, today)
            for r in session.execute(due)
            if (r.receipt_no, r.follow_up_due) not in covered
        ]
    rows = sorted(reply_rows + due_rows, key=lambda row: (row.due, row.receipt_no, row.reason))
    return rows[:limit]


def start_counts(db: Database, today: dt.date, office: str | None = None) -> tuple[int, int]:
    """(due today, overdue) open inquiries, for the start screen; one indexed column each."""
    with db.read() as session:
        due_today: int = session.scalar(_count(office, Inquiry.follow_up_due == today)) or 0
        overdue: int = session.scalar(_count(office, Inquiry.follow_up_due < today)) or 0
    return due_today, overdue


def _count(office: str | None, condition: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    statement = (
        select(func.count())
        .select_from(Inquiry)
        .where(Inquiry.deleted.is_(False), Inquiry.status.in_(OPEN_STATUSES), condition)
    )
    if office:
        statement = statement.where(Inquiry.office_code == office)
    return statement


def _open_inquiries(office: str | None, *, by_id_only: bool = False) -> Select[*tuple[Any, ...]]:
    """Open, live inquiries with their inquirer's name.

    `by_id_only` keeps SQLite from driving the query by the inquiry's own indexes (unary plus
    on the filtered columns), so that a join reaches each inquiry by its id from the other
    table: the overdue replies start from the few open referrals in their partial index
    instead of visiting every open inquiry (0.8 s at 1,000,000 inquiries).
    """

    def column(attribute: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
        return literal_column(f"+inquiry.{attribute.key}") if by_id_only else attribute.expression

    deleted, status, office_code = (
        column(a) for a in (Inquiry.deleted, Inquiry.status, Inquiry.office_code)
    )
    statement: Select[*tuple[Any, ...]] = (
        select(
            Inquiry.receipt_no,
            Inquiry.subject,
            Inquirer.organization,
            Inquirer.name,
            Inquiry.office_code,
            Inquiry.status,
            Inquiry.follow_up_due,
        )
        .join(Inquirer, Inquirer.id == Inquiry.inquirer_id)
        .where(deleted.is_(False), status.in_(OPEN_STATUSES))
    )
    if office:
        statement = statement.where(office_code == office)
    return statement


def _row(
    r: Row[Any],
    due: dt.date,
    reason: Reason,
    referred_to: str,
    action_id: str | None,
    today: dt.date,
) -> FollowUpRow:
    return FollowUpRow(
        receipt_no=r.receipt_no,
        subject=r.subject,
        inquirer_label=" ".join(part for part in (r.organization, r.name) if part),
        office_code=r.office_code,
        status=r.status,
        due=due,
        reason=reason,
        referred_to=referred_to,
        action_id=action_id,
        overdue=due < today,
    )
