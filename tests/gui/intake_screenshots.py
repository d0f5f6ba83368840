"""The intake form's screenshots (called by make_screenshots for each language).

intake_new: a new inquiry being typed (postal code filled the address, +5 開庁日 the due date);
intake_validation: a blank form saved, every error at once; intake_duplicates: an earlier
inquirer offered for a phone number; intake_municipality: kana completion (its popup painted
in); intake_conflict: the side-by-side dialog after an action moved a case's due date and
another window changed its subject while the form was open.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from desktop_app.domain.inquiry_commands import InquiryChange, NewAction
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, followups, inquiries
from desktop_app.ui.context import AppContext
from desktop_app.ui.intake.intake_form import IntakeForm
from desktop_app.ui.widgets.conflict_dialog import ConflictDialog
from tests.actors import actor_for


def shoot_intake(ctx: AppContext, out: Path, lang: str, settle: Callable[[], None]) -> None:
    drafts = tempfile.TemporaryDirectory()
    form = IntakeForm(ctx, draft_dir=Path(drafts.name))
    form.resize(1280, 800)
    form.show()
    settle()

    def shot(
        name: str, widget: QWidget | None = None, *, popup: tuple[QWidget, QWidget] | None = None
    ) -> None:
        settle()
        path = out / f"{name}_{lang}.png"
        _grab(widget or form, popup).save(str(path), "PNG")
        print(path)

    person = form.inquirer
    person.type.setCurrentIndex(person.type.findData("neighborhood"))
    person.edits["organization"].setText("芝五丁目町会")
    person.name.setText("佐藤 花子")
    person.edits["kana"].setText("サトウ ハナコ")
    person.edits["phone"].setText("03-5555-0199")
    person.edits["postal_code"].setText("105-0014")
    person.edits["postal_code"].textEdited.emit("105-0014")
    form.inquiry.subject.setText("町会の防災訓練に連携自治体の職員を招きたい")
    due = form.inquiry.follow_up_due.business_days
    assert due is not None
    due.add(5)
    shot("intake_new")

    form.new()
    form.save()
    shot("intake_validation")

    form.new()
    earlier = next(
        record
        for record in _open_records(ctx)
        if record.inquirer.phone and record.inquirer.type == "resident"
    )
    person.edits["phone"].setText(earlier.inquirer.phone)
    person.edits["phone"].textEdited.emit(earlier.inquirer.phone)
    settle()
    form._scroll.ensureWidgetVisible(form.suggestions)  # English labels make the form scroll
    shot("intake_duplicates")

    form.new()
    picker = form.inquiry.municipalities
    form.inquiry.subject.setText("物産展への出店について")
    picker.search.setFocus()
    picker.search.setText("くしろ")
    picker.search.textEdited.emit("くしろ")
    settle()
    picker.completer.complete()
    shot("intake_municipality", popup=(picker.completer.popup(), picker.search))

    case = next(iter(_open_records(ctx)))
    form.load(case.receipt_no)
    settle()
    form.inquiry.subject.setText(case.subject + "（日程調整中）")
    inquiries.update_inquiry(
        ctx.db,
        InquiryChange.read(case.receipt_no, {"subject": case.subject + "（先方の回答待ち）"}),
        actor=actor_for("sato"),
    )
    actions.add_action(
        ctx.db,
        NewAction(
            case.receipt_no,
            kind="call",
            note="先方から日程の連絡",
            next_due=local_today() + dt.timedelta(days=20),
        ),
        actor=actor_for("sato"),
    )
    form.save()
    settle()
    dialog = form.findChild(ConflictDialog)
    assert dialog is not None, "the stale save did not ask"
    shot("intake_conflict", dialog)
    dialog.reject()
    form.close()
    form.deleteLater()
    settle()
    drafts.cleanup()


def _open_records(ctx: AppContext) -> list[inquiries.InquiryRecord]:
    rows = followups.due_followups(ctx.db, local_today(), within_days=60)
    seen = dict.fromkeys(row.receipt_no for row in rows if row.reason != "reply")
    return [inquiries.get_inquiry(ctx.db, no, actor=ctx.actor) for no in list(seen)[:40]]


def _grab(widget: QWidget, popup: tuple[QWidget, QWidget] | None) -> QPixmap:
    """The widget as shown, with a popup window painted under the field it belongs to (the
    offscreen platform does not place popups, so their own position means nothing)."""
    pixmap = widget.grab()
    if popup is not None and popup[0].isVisible():
        window, field = popup
        painter = QPainter(pixmap)
        painter.drawPixmap(field.mapTo(widget, QPoint(0, field.height())), window.grab())
        painter.end()
    return pixmap
