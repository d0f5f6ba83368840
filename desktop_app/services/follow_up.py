"""Keeping an inquiry's follow-up date (`follow_up_due`) after a change of its actions.

The rule itself is domain/follow_up.py (the earliest open deadline; the form's date when no
action ever set one), shared with the bulk writer. The result is written through the one
writer, so it is stamped, audited and travels like any other change.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from db.models import Action, Inquiry
from desktop_app.domain import follow_up, workflow
from desktop_app.services import writer


def recompute(session: Session, inquiry: Inquiry, *, staff: str) -> None:
    """Set `inquiry.follow_up_due` from its actions (one query on the action's inquiry index)."""
    if workflow.is_closed(inquiry.status):
        return
    session.flush()
    deadlines = [
        follow_up.Deadlines(day, pk, kind, next_due, reply_due, replied_on)
        for day, pk, kind, next_due, reply_due, replied_on in session.execute(
            deadlines_query(inquiry.id)
        )
    ]
    due = follow_up.follow_up_due(inquiry.status, inquiry.follow_up_due, deadlines)
    if due != inquiry.follow_up_due:
        writer.change(session, inquiry, {"follow_up_due": due}, staff=staff)


def deadlines_query(
    inquiry_id: str,
) -> Select[dt.date, int, str, dt.date | None, dt.date | None, dt.date | None]:
    """The deadlines of the inquiry's live actions, as the rule reads them."""
    return select(
        Action.action_date,
        Action.pk,
        Action.kind,
        Action.next_due,
        Action.reply_due,
        Action.replied_on,
    ).where(Action.inquiry_id == inquiry_id, Action.deleted.is_(False))
