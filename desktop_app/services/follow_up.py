"""An inquiry's follow-up date (`follow_up_due`): the earliest of its open deadlines.

The open deadlines are the next due date of its latest action that set one, and the reply
deadline of every referral still waiting (`replied_on` empty). Taking only the newest action's
dates let a later call with a later next due date hide an earlier reply deadline, so a late
reply went unflagged; recomputing from the actions after every change of them cannot.

An inquiry none of whose actions ever carried a deadline keeps the date the clerk gave it on
the form. A closed case has none (inquiries clears it when closing). The result is written
through the one writer, so it is stamped, audited and travels like any other change.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, exists, func, or_, select, union_all
from sqlalchemy.orm import Session

from db.models import Action, Inquiry
from desktop_app.domain import workflow
from desktop_app.services import writer


def recompute(session: Session, inquiry: Inquiry, *, staff: str) -> None:
    """Set `inquiry.follow_up_due` from its actions (one query on the action's inquiry index)."""
    if workflow.is_closed(inquiry.status):
        return
    session.flush()
    due, has_deadlines = session.execute(deadline_query(inquiry.id)).one()
    if has_deadlines:
        writer.change(session, inquiry, {"follow_up_due": due}, staff=staff)


def deadline_query(inquiry_id: str) -> Select[dt.date | None, bool]:
    """(earliest open deadline, whether any action of it ever carried a deadline)."""
    live = (Action.inquiry_id == inquiry_id, Action.deleted.is_(False))
    latest_next = (
        select(Action.next_due.label("due"))
        .where(*live, Action.next_due.is_not(None))
        .order_by(Action.action_date.desc(), Action.pk.desc())
        .limit(1)
    )
    waiting = select(Action.reply_due.label("due")).where(
        *live,
        Action.kind == "referral",
        Action.replied_on.is_(None),
        Action.reply_due.is_not(None),
    )
    open_dues = union_all(latest_next.subquery().select(), waiting).subquery()
    ever = exists().where(*live, or_(Action.next_due.is_not(None), Action.reply_due.is_not(None)))
    earliest = select(func.min(open_dues.c.due)).scalar_subquery()
    return select(earliest.label("due"), ever.label("has_deadlines"))
