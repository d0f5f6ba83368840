"""How far a due date is, in 開庁日, as a clerk says it: 「期限まであと3開庁日」."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.business_days import business_days_until


def due_text(due: dt.date | None, today: dt.date | None = None) -> str:
    """期限まであと3開庁日 / 本日が期限 / 期限を2開庁日過ぎています; empty without a due date."""
    if due is None:
        return ""
    when = today or dt.date.today()
    left = business_days_until(when, due)
    if due < when:
        return QCoreApplication.translate("DueText", "期限を{0}開庁日過ぎています").format(
            max(-left, 0)
        )
    if due == when:
        return QCoreApplication.translate("DueText", "本日が期限")
    return QCoreApplication.translate("DueText", "期限まであと{0}開庁日").format(left)
