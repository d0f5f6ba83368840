"""A status change as a line of 対応履歴, so the history tells the whole story of a case.

The line is an action of kind `status_change` (状況変更, a term of the action_kind vocabulary
that only this module writes: the 対応を追加 dialog and `action add` do not offer it). Its note
reads 「受付 → 連携成立」 in the status labels of the master list, with the outcome when the
change closed the case; it changes no due date.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.models import Action, Inquiry
from desktop_app.domain.local_time import local_today
from desktop_app.domain.workflow import STATUS_LABELS
from desktop_app.services import writer

STATUS_CHANGE = "status_change"


def record_status_change(
    session: Session,
    inquiry: Inquiry,
    old: str,
    new: str,
    outcome: str | None,
    *,
    staff: str,
    on: dt.date | None = None,
) -> None:
    """Log a status change in the history, dated `on` (today unless the change belongs to an
    action of another day, such as the referral that moved the case to 紹介済)."""
    note = f"{STATUS_LABELS.get(old, old)} → {STATUS_LABELS.get(new, new)}"
    if outcome:
        note += f"（結果: {outcome}）"
    row = Action(
        id="",
        inquiry_id=inquiry.id,
        action_date=on or local_today(),
        staff=staff,
        kind=STATUS_CHANGE,
        note=note,
        referred_to="",
    )
    writer.create(session, row, staff=staff, origin=inquiry.origin)
