"""An inquiry's follow-up date (`follow_up_due`): the earliest of its open deadlines.

The open deadlines are the next due date of its latest action that set one, and the reply
deadline of every referral still waiting (`replied_on` empty). Taking only the newest action's
dates let a later call with a later next due date hide an earlier reply deadline, so a late
reply went unflagged; recomputing from the actions after every change of them cannot.

An inquiry none of whose actions ever carried a deadline keeps the date the clerk gave it on
the form. A closed case keeps what it has (closing clears it). One rule, used by the desk after
every change of an action (services/follow_up.py) and by the bulk writer for the inquiries it
loads with their actions (services/writer.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from desktop_app.domain import workflow

REFERRAL = "referral"  # the action kind that waits for a reply


class Deadlines(NamedTuple):
    """What one live (not deleted) action says about deadlines.

    `order` breaks ties between actions of the same date: later-made actions come later
    (the stored key, or the position in a batch).
    """

    action_date: dt.date
    order: int
    kind: str
    next_due: dt.date | None
    reply_due: dt.date | None
    replied_on: dt.date | None


def follow_up_due(
    status: str, given: dt.date | None, actions: Iterable[Deadlines]
) -> dt.date | None:
    """The inquiry's follow-up date from its live actions; `given` when they set none."""
    if workflow.is_closed(status):
        return given
    latest: Deadlines | None = None
    waiting: list[dt.date] = []
    ever = False
    for action in actions:
        if action.next_due is not None:
            ever = True
            if latest is None or (action.action_date, action.order) > (
                latest.action_date,
                latest.order,
            ):
                latest = action
        if action.reply_due is not None:
            ever = True
            if action.kind == REFERRAL and action.replied_on is None:
                waiting.append(action.reply_due)
    if not ever:
        return given
    dues = waiting + ([latest.next_due] if latest is not None and latest.next_due else [])
    return min(dues) if dues else None
