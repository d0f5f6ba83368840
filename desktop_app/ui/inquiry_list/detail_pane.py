"""The selected inquiry beside the list: its fields, its action history and what to do next.

From here a clerk adds an action, logs a referral's reply, changes the status, opens the case
in the intake form (`editRequested`) or prints its case sheet. Every save announces CASES
(domain.changes), so the list, the counts and 対応予定 re-read. Reads and writes run on the
DbRunner; GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import workflow
from desktop_app.domain.changes import CASES
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions
from desktop_app.services.records import ActionRecord
from desktop_app.ui.case_detail import CaseDetail, load_case
from desktop_app.ui.case_sheet.case_sheet_dialog import CaseSheetDialog
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.inquiry_fields import inquiry_lines, lines_html
from desktop_app.ui.inquiry_list.action_dialog import AddActionDialog
from desktop_app.ui.inquiry_list.action_model import ActionHistoryModel
from desktop_app.ui.inquiry_list.status_dialog import StatusDialog
from desktop_app.ui.vocab import format_date
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.columns import fit_columns
from desktop_app.ui.widgets.date_field import read_date
from desktop_app.ui.widgets.due_text import due_text

# Samples for the history's columns, in action_model.COLUMNS order: the note takes the rest.
_HISTORY_SAMPLES = ("2026/10/10", "マッチング会", "")


class DetailPane(QWidget):
    """Shows one case (`show_case`); `dialog` is the dialog it last opened (tests read it)."""

    editRequested = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.detail: CaseDetail | None = None
        self.dialog: QDialog | None = None

        self.title = QLabel(self, objectName="detailTitle", wordWrap=True)
        self.summary = QTextBrowser(self, objectName="detailSummary")
        self.summary.setOpenLinks(False)
        accessible.name(self.summary, self.tr("受付の内容"))
        self.history_model = ActionHistoryModel(ctx.vocab, self)
        self.history = QTableView(self, objectName="actionHistory")
        self.history.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        self.history.setModel(self.history_model)
        accessible.name(self.history, self.tr("対応履歴"))
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        fit_columns(self.history, _HISTORY_SAMPLES)
        # One case's history is a handful of rows, so rows may take the height their wrapped
        # note needs (never on the million-row list, DESIGN.md); they follow the pane's width.
        self.history.setWordWrap(True)
        self.history.verticalHeader().setVisible(False)
        self.history.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.history.selectionModel().selectionChanged.connect(self._update_buttons)

        self.add_action = self._button(self.tr("対応を追加"), "addAction", self._open_add_action)
        self.log_reply = self._button(self.tr("回答を記録"), "logReply", self._open_log_reply)
        self.change_status = self._button(self.tr("状況を変更"), "changeStatus", self._open_status)
        self.edit = self._button(self.tr("編集"), "editInquiry", self._request_edit)
        self.case_sheet = self._button(self.tr("相談票"), "caseSheet", self._open_case_sheet)

        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("対応履歴"), lower))
        lower_layout.addWidget(self.history)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.summary)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        for button in (
            self.add_action,
            self.log_reply,
            self.change_status,
            self.edit,
            self.case_sheet,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._show_nothing()  # `clear` leaves a pane that is already empty alone

    @property
    def receipt_no(self) -> str | None:
        return self.detail.record.receipt_no if self.detail else None

    def clear(self) -> None:
        """The pane with no case. Already so, it is left alone: the list clears it at every
        keystroke of search as you type, and emptying an empty summary and history would repaint
        them with the list's first page."""
        if (
            self.detail is None
            and self.history_model.rowCount() == 0
            and self.summary.document().isEmpty()
        ):
            return
        self.detail = None
        self.summary.clear()
        self.history_model.set_rows([])
        self._show_nothing()

    def _show_nothing(self) -> None:
        """The words and buttons of a pane with no case: nothing to act on is offered."""
        self.title.setText(self.tr("一覧から相談を選んでください"))
        self._update_buttons()

    def show_case(self, receipt_no: str) -> None:
        actor = self._ctx.actor
        self._ctx.query(lambda db: load_case(db, receipt_no, actor), on_done=self._show, owner=self)

    def _show(self, detail: CaseDetail) -> None:
        self.detail = detail
        record = detail.record
        due = "" if workflow.is_closed(record.status) else due_text(record.follow_up_due)
        self.title.setText(f"<b>{record.receipt_no}</b>　{record.subject}　<b>{due}</b>")
        lines = inquiry_lines(record, self._ctx.vocab, include_personal=True, places=detail.places)
        self.summary.setHtml(lines_html(lines))
        self.history_model.set_rows(list(detail.actions))
        self._update_buttons()

    def _button(self, text: str, name: str, slot: object) -> QPushButton:
        button = QPushButton(text, self, objectName=name)
        button.clicked.connect(slot)
        return button

    @Slot()
    def _update_buttons(self) -> None:
        has_case = self.detail is not None
        for button in (self.add_action, self.change_status, self.edit, self.case_sheet):
            button.setEnabled(has_case)
        # Offered whenever a referral of the case waits for its reply, selected or not.
        self.log_reply.setEnabled(bool(self._open_referrals()))

    def _selected_action(self) -> ActionRecord | None:
        rows = self.history.selectionModel().selectedRows()
        return self.history_model.row_at(rows[0].row()) if rows else None

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        if hasattr(dialog, "saved"):
            dialog.saved.connect(self._saved)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    @Slot()
    def _open_add_action(self) -> None:
        if self.receipt_no:
            self._open(AddActionDialog(self._ctx, self.receipt_no, self))

    @Slot()
    def _open_status(self) -> None:
        if self.detail:
            self._open(StatusDialog(self._ctx, self.detail.record, self))

    @Slot()
    def _open_case_sheet(self) -> None:
        if self.detail:
            self._open(CaseSheetDialog(self._ctx, self.detail, self))

    @Slot()
    def _request_edit(self) -> None:
        if self.receipt_no:
            self.editRequested.emit(self.receipt_no)

    def _open_referrals(self) -> list[ActionRecord]:
        """The case's referrals still waiting for their reply, oldest first."""
        if self.detail is None:
            return []
        return [action for action in self.detail.actions if action.awaiting_reply]

    @Slot()
    def _open_log_reply(self) -> None:
        """The selected referral, the one open referral, or a choice among the open ones."""
        waiting = self._open_referrals()
        selected = self._selected_action()
        if selected is not None and selected.awaiting_reply:
            self._ask_reply_date(selected)
        elif len(waiting) == 1:
            self._ask_reply_date(waiting[0])
        elif waiting:
            labels = [
                f"{format_date(action.action_date)}　{action.referred_to or action.note}"
                for action in waiting
            ]
            choice = QInputDialog(self, objectName="replyChoice")
            choice.setWindowTitle(self.tr("回答を記録"))
            choice.setLabelText(self.tr("回答のあった紹介"))
            choice.setComboBoxItems(labels)
            choice.textValueSelected.connect(
                lambda text: self._ask_reply_date(waiting[labels.index(text)])
            )
            self.dialog = choice
            choice.open()

    def _ask_reply_date(self, action: ActionRecord) -> None:
        dialog = QInputDialog(self, objectName="replyDialog")
        dialog.setWindowTitle(self.tr("回答を記録"))
        dialog.setLabelText(self.tr("回答を受けた日（{0}）").format(action.referred_to))
        dialog.setTextValue(format_date(local_today()))
        dialog.textValueSelected.connect(lambda text: self._log_reply(action.id, text))
        self.dialog = dialog
        dialog.open()

    def _log_reply(self, action_id: str, text: str) -> None:
        try:
            replied_on = read_date(text, self.tr("回答日")) or local_today()
        except UserError as exc:
            show_error(self, exc, self._ctx.lang)
            return
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: actions.log_reply(db, action_id, replied_on, actor=actor),
            CASES,
            on_done=self._saved,
            owner=self,
        )

    def _saved(self, _result: object) -> None:
        if self.receipt_no:
            self.show_case(self.receipt_no)
