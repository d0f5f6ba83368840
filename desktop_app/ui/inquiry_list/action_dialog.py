"""Adding a follow-up action (対応を追加) to one inquiry from the detail pane.

A referral also names where the case went (a department, one of the ward's partner
municipalities, or an organisation) and its reply deadline (回答期限); it then shows as 回答待ち
until the reply is logged. The next due date, or the reply deadline, becomes the inquiry's
follow-up date (services.actions). GUI thread only; the save runs on the DbRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.changes import CASES
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, lookup
from desktop_app.services.lookup import PartnerItem
from desktop_app.services.status_history import STATUS_CHANGE
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.business_day_buttons import due_row
from desktop_app.ui.widgets.date_field import DateField
from desktop_app.ui.widgets.saving_dialog import SavingDialog

REFERRAL = "referral"
# Stored in front of the name so the ledger says what kind of place it went to (data, not UI).
TARGET_PREFIXES = {"department": "所管課", "partner": "交流自治体", "organisation": "団体"}


class AddActionDialog(SavingDialog):
    """Kind, date, note, next due date; for a referral also where to and the reply deadline."""

    def __init__(self, ctx: AppContext, receipt_no: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("対応を追加 — {0}").format(receipt_no))
        self._receipt_no = receipt_no
        self.kind = QComboBox(self, objectName="actionKind")
        for code, label in ctx.vocab.choices("action_kind"):
            if code != STATUS_CHANGE:  # written by the status change itself
                self.kind.addItem(label, code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.action_date = DateField(self.tr("対応日"), self, at="action_date")
        self.action_date.set_value(local_today())
        self.note = QPlainTextEdit(self, objectName="actionNote")
        self.note.setTabChangesFocus(True)
        self.next_due = DateField(self.tr("次回対応期限"), self, at="next_due")

        self.target_kind = QComboBox(self, objectName="targetKind")
        self.target_kind.addItem(self.tr("所管課"), "department")
        self.target_kind.addItem(self.tr("交流自治体"), "partner")
        self.target_kind.addItem(self.tr("団体・その他"), "organisation")
        self.target_kind.currentIndexChanged.connect(self._target_kind_changed)
        self.target = QComboBox(self, objectName="referredTo", editable=True)
        self.reply_due = DateField(self.tr("回答期限"), self, at="reply_due")
        self.referral = QGroupBox(self.tr("紹介先"), self)
        referral_form = QFormLayout(self.referral)
        referral_form.addRow(self.tr("紹介先の種類"), self.target_kind)
        referral_form.addRow(self.tr("紹介先"), self.boxed("referred_to", self.target))
        reply_box = self.boxed("reply_due", self.reply_due)
        referral_form.addRow(self.tr("回答期限"), due_row(self.reply_due, reply_box, self.referral))

        form = QFormLayout()
        form.addRow(self.tr("種類"), self.boxed("kind", self.kind))
        form.addRow(self.tr("対応日"), self.boxed("action_date", self.action_date))
        form.addRow(self.tr("内容"), self.boxed("note", self.note))
        next_box = self.boxed("next_due", self.next_due)
        form.addRow(self.tr("次回対応期限"), due_row(self.next_due, next_box, self))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.referral)
        layout.addWidget(self.buttons)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        chain: tuple[QWidget, ...] = (
            self.kind, self.action_date, self.note, self.next_due, self.target_kind
        )  # fmt: skip
        chain += (self.target, self.reply_due, save, cancel)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)  # as the dialog reads, whatever was built first
        self._partners: list[PartnerItem] = []
        ctx.query(lookup.partners, on_done=self._partners_loaded, owner=self)
        self._kind_changed()
        self.resize(520, 0)

    def select_kind(self, code: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(code))

    def save(self) -> None:
        kind = self.kind.currentData()
        referred_to, reply_due = "", None
        if kind == REFERRAL:
            name = self.target.currentText().strip()
            if not name:
                raise UserError("field_required", at="referred_to", label=self.tr("紹介先"))
            referred_to = f"{TARGET_PREFIXES[self.target_kind.currentData()]}：{name}"
            reply_due = self.reply_due.value()
        receipt, note, actor = self._receipt_no, self.note.toPlainText(), self.ctx.actor
        action_date, next_due = self.action_date.value(), self.next_due.value()
        self.submit(
            lambda db: actions.add_action(
                db,
                NewAction(
                    receipt,
                    kind=kind,
                    note=note,
                    action_date=action_date,
                    next_due=next_due,
                    referred_to=referred_to,
                    reply_due=reply_due,
                ),
                actor=actor,
            ),
            CASES,
        )

    @Slot()
    def _kind_changed(self) -> None:
        self.referral.setVisible(self.kind.currentData() == REFERRAL)
        self.adjustSize()

    @Slot()
    def _target_kind_changed(self) -> None:
        self.target.clear()
        if self.target_kind.currentData() == "partner":
            for partner in self._partners:
                self.target.addItem(partner.municipality.display)
        self.target.setCurrentText("")

    def _partners_loaded(self, partners: list[PartnerItem]) -> None:
        self._partners = partners
        self._target_kind_changed()
