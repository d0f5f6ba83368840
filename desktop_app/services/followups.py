"""What the desk must follow up (対応予定): due and overdue inquiries, unanswered referrals.

`services.actions.add_action` copies an action's next due date or a referral's reply deadline
into the inquiry's `follow_up_due`, so one indexed column answers "what is due", the start
screen's counts and the list's 期限超過 filter, all with one definition of overdue
(`overdue_clause`): each inquiry is one line, never one per deadline. Closed and deleted
inquiries never appear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, func, select

from db.engine import Database
from db.models import Action, Inquirer, Inquiry
from desktop_app.domain.workflow import OPEN_STATUSES
from desktop_app.services.list_rows import is_overdue

Reason = Literal["follow_up", "reply"]
DEFAULT_WITHIN_DAYS = 7
DEFAULT_LIMIT = 500
_IN_CHUNK = 500  # stays well under SQLite's bound-parameter limit


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
    """Open inquiries due by `today + within_days`, each once, by due date (oldest first).

    Overdue means what it means on 受付一覧 (`overdue_clause`). An inquiry with a referral
    still waiting for its reply is a 回答待ち line naming where it went (the earliest waiting
    referral), so the reply can be logged from there.
    """
    horizon = today + dt.timedelta(days=within_days)
    due = (
        _open_inquiries(office)
        .add_columns(Inquiry.id)
        .where(Inquiry.follow_up_due.is_not(None), Inquiry.follow_up_due <= horizon)
        .order_by(Inquiry.follow_up_due, Inquiry.receipt_no)
        .limit(limit)
    )
    with db.read() as session:
        rows = list(session.execute(due))
        waiting: dict[str, Any] = {}  # inquiry id -> its earliest waiting referral
        for start in range(0, len(rows), _IN_CHUNK):
            ids = [r.id for r in rows[start : start + _IN_CHUNK]]
            referrals = (
                select(Action.inquiry_id, Action.id, Action.referred_to)
                .where(
                    Action.inquiry_id.in_(ids),
                    Action.kind == "referral",
                    Action.deleted.is_(False),
                    Action.replied_on.is_(None),
                )
                .order_by(Action.reply_due.desc(), Action.pk.desc())
            )
            # Descending, so the earliest waiting referral of each inquiry is the one kept.
            waiting.update((r.inquiry_id, r) for r in session.execute(referrals))
    result = []
    for r in rows:
        referral = waiting.get(r.id)
        result.append(
            FollowUpRow(
                receipt_no=r.receipt_no,
                subject=r.subject,
                inquirer_label=" ".join(part for part in (r.organization, r.name) if part),
                office_code=r.office_code,
                status=r.status,
                due=r.follow_up_due,
                reason="reply" if referral else "follow_up",
                referred_to=referral.referred_to if referral else "",
                action_id=referral.id if referral else None,
                overdue=is_overdue(r.status, r.follow_up_due, today),
            )
        )
    return result


def start_counts(db: Database, today: dt.date, office: str | None = None) -> tuple[int, int]:
    """(due today, overdue) open inquiries, for the start screen; one indexed column each."""
    with db.read() as session:
        due_today: int = session.scalar(_count(office, Inquiry.follow_up_due == today)) or 0
        overdue: int = session.scalar(_count(office, overdue_clause(today))) or 0
    return due_today, overdue


def overdue_clause(today: dt.date) -> ColumnElement[bool]:
    """The one definition of overdue (期限超過), in SQL: an open inquiry whose follow-up date is
    before today. An inquiry counts once, however many deadlines it had: its `follow_up_due`
    is the earliest of its latest action's next due date and reply deadline."""
    return and_(Inquiry.follow_up_due < today, Inquiry.status.in_(OPEN_STATUSES))


def _count(office: str | None, condition: ColumnElement[bool]) -> Select[*tuple[Any, ...]]:
    statement = (
        select(func.count())
        .select_from(Inquiry)
        .where(Inquiry.deleted.is_(False), Inquiry.status.in_(OPEN_STATUSES), condition)
    )
    if office:
        statement = statement.where(Inquiry.office_code == office)
    return statement


def _open_inquiries(office: str | None) -> Select[*tuple[Any, ...]]:
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
        .where(Inquiry.deleted.is_(False), Inquiry.status.in_(OPEN_STATUSES))
    )
    if office:
        statement = statement.where(Inquiry.office_code == office)
    return statement
