"""Changing an inquiry's status (状況を変更) along the workflow.

Only the statuses `domain.workflow` allows from the current one are offered; closing needs the
outcome (結果), reopening a closed case is logged by the service. If another window changed the
case meanwhile, the service refuses and the message says what is allowed now. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from desktop_app.domain import workflow
from desktop_app.domain.changes import CASES
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange
from desktop_app.services import inquiries
from desktop_app.services.records import InquiryRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.saving_dialog import SavingDialog


class StatusDialog(SavingDialog):
    """Pick the next status; the outcome box is required when the new status closes the case."""

    def __init__(
        self, ctx: AppContext, record: InquiryRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("状況を変更 — {0}").format(record.receipt_no))
        self._record = record
        self.status = QComboBox(self, objectName="newStatus")
        for code in workflow.allowed_transitions(record.status):
            self.status.addItem(ctx.vocab.label("status", code), code)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.first_field = self.status
        self.outcome = QPlainTextEdit(self, objectName="outcome")
        self.outcome.setTabChangesFocus(True)
        self.outcome.setPlainText(record.outcome or "")
        self.hint = QLabel(self, wordWrap=True)
        form = QFormLayout(self)
        form.addRow(self.tr("現在の状況"), QLabel(ctx.vocab.label("status", record.status), self))
        form.addRow(self.tr("新しい状況"), self.status)
        form.addRow(self.tr("結果"), self.boxed("outcome", self.outcome))
        form.addRow(self.hint)
        form.addRow(self.buttons)
        self._status_changed()
        self.resize(460, 0)

    def select_status(self, code: str) -> None:
        self.status.setCurrentIndex(self.status.findData(code))

    def save(self) -> None:
        new = self.status.currentData()
        changes: dict[str, str] = {"status": new}
        if workflow.needs_outcome(new):
            outcome = self.outcome.toPlainText().strip()
            if not outcome:
                raise UserError("field_required", at="outcome", label=self.tr("結果"))
            changes["outcome"] = outcome
        receipt, actor = self._record.receipt_no, self.ctx.actor
        self.submit(
            lambda db: inquiries.update_inquiry(
                db, InquiryChange.read(receipt, changes), actor=actor
            ),
            CASES,
        )

    @Slot()
    def _status_changed(self) -> None:
        new = self.status.currentData() or ""
        closing = workflow.needs_outcome(new)
        self.outcome.setEnabled(closing)
        if closing:
            self.hint.setText(self.tr("完了にするには結果を入力してください。"))
        elif workflow.is_reopening(self._record.status, new):
            self.hint.setText(self.tr("完了した相談を再開します（記録されます）。"))
        else:
            self.hint.setText("")
