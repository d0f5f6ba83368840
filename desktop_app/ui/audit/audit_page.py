"""操作記録: the audit trail for supervisors, with filters and an export to Excel.

Filters: period (from, to), staff, kind of action and a text (a receipt number finds the
case, its inquirer and its actions; other words match a field or value). Entries page in as
the table scrolls (ui/audit/audit_model.py). Excel出力… writes the filtered entries through
services.audit_trail, which checks Permission.AUDIT and audits the export. Nothing here can
change an entry. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import audit_kinds
from desktop_app.domain.changes import NOTHING
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.services import audit_trail
from desktop_app.services.audit_trail import AuditExport, AuditFilter
from desktop_app.ui.audit.audit_model import AuditModel
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import error_text
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.columns import fit_columns, fixed_rows
from desktop_app.ui.widgets.date_field import DateField, read_date
from desktop_app.ui.widgets.label_clicks import link_labels
from desktop_app.ui.widgets.save_target import ask_save_path

_SAMPLES = ("2026/10/10 10:10:10", "supervisor01", "保存期間経過による消去", "対応履歴",
            "SHIBAURA-2026-00000", "次回対応期限", "2026-10-10", "")  # fmt: skip


class AuditPage(QWidget):
    """The viewer; `load()` (re)reads with the current filters, `export_to(path)` writes."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.date_from = DateField(self.tr("期間（から）"), self)
        self.date_from.setObjectName("auditFrom")
        self.date_to = DateField(self.tr("期間（まで）"), self)
        self.date_to.setObjectName("auditTo")
        self.staff = QComboBox(self, objectName="auditStaff")
        self.staff.addItem(self.tr("すべて"), "")
        self.action = QComboBox(self, objectName="auditAction")
        self.action.addItem(self.tr("すべて"), "")
        for code in audit_kinds.ACTION_LABELS:
            self.action.addItem(audit_kinds.action_label(code, ctx.lang), code)
        self.text = QLineEdit(self, objectName="auditText")
        self.text.setPlaceholderText(self.tr("受付番号・項目・値"))
        self.text.setClearButtonEnabled(True)
        self.search = QPushButton(self.tr("表示"), self, objectName="auditSearch")
        self.export = QPushButton(self.tr("Excel出力…"), self, objectName="auditExport")
        self.count = QLabel(self, objectName="auditCount")
        self.message = QLabel(self, objectName="auditMessage", wordWrap=True)

        self.model = AuditModel(ctx, self)
        self.table = QTableView(self, objectName="auditTable")
        self.table.setModel(self.model)
        accessible.name(self.table, self.tr("操作記録"))
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        fixed_rows(self.table)
        fit_columns(self.table, _SAMPLES)

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("期間"), self.date_from),
            ("〜", self.date_to),
            (self.tr("職員"), self.staff),
            (self.tr("操作"), self.action),
            (self.tr("検索"), self.text),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            filters.addWidget(caption)
            filters.addWidget(widget, 2 if widget is self.text else 0)
        filters.addWidget(self.search)
        filters.addStretch(1)
        filters.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.message.hide()
        link_labels(self)

        self.search.clicked.connect(self.load)
        self.text.returnPressed.connect(self.load)
        self.staff.activated.connect(self.load)
        self.action.activated.connect(self.load)
        self.export.clicked.connect(self._ask_export)
        self.model.counted.connect(self._counted)
        self.model.failed.connect(self._show_refusal)

    def refresh(self) -> None:
        """On showing the screen: the staff named in the trail, then the entries."""
        actor = self._ctx.actor
        self._ctx.query(
            lambda db: audit_trail.staff_logins(db, actor=actor),
            on_done=self._fill_staff,
            on_error=self._show_refusal,
            owner=self,
        )
        self.load()

    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            since=read_date(self.date_from.text(), self.tr("期間（から）")),
            until=read_date(self.date_to.text(), self.tr("期間（まで）")),
            staff=str(self.staff.currentData() or ""),
            action=str(self.action.currentData() or ""),
            text=self.text.text().strip(),
        )

    @Slot()
    def load(self) -> None:
        try:
            flt = self.current_filter()
        except UserError as exc:
            self._show_refusal(exc)
            return
        self.message.hide()
        self.model.set_filter(flt)

    def export_to(self, path: Path, *, overwrite: bool = False) -> None:
        try:
            flt = self.current_filter()
        except UserError as exc:
            self._show_refusal(exc)
            return
        actor, lang = self._ctx.actor, self._ctx.lang
        self._ctx.write(
            lambda db: audit_trail.export_entries(
                db, path, flt, lang=lang, overwrite=overwrite, actor=actor
            ),
            NOTHING,  # a workbook and an audit entry
            on_done=self._exported,
            on_error=self._show_refusal,
            owner=self,
        )

    @Slot()
    def _ask_export(self) -> None:
        suggested = f"操作記録_{local_today():%Y%m%d}.xlsx"
        chosen = ask_save_path(
            self,
            self.tr("操作記録をExcelに出力"),
            suggested,
            self.tr("Excel (*.xlsx)"),
            suffix=".xlsx",
            lang=self._ctx.lang,
        )
        if chosen is not None:
            self.export_to(chosen.path, overwrite=chosen.overwrite)

    def _fill_staff(self, logins: list[str]) -> None:
        chosen = self.staff.currentData()
        self.staff.clear()
        self.staff.addItem(self.tr("すべて"), "")
        for login in logins:
            self.staff.addItem(login, login)
        self.staff.setCurrentIndex(max(0, self.staff.findData(chosen)))

    def _counted(self, count: int) -> None:
        self.count.setText(self.tr("{0} 件").format(f"{count:,}"))

    def _exported(self, done: AuditExport) -> None:
        accessible.say(
            self.message,
            self.tr("{0} 件を出力しました: {1}").format(f"{done.count:,}", str(done.path)),
            "done",
        )
        self.message.show()

    def _show_refusal(self, exc: BaseException) -> None:
        accessible.say(self.message, error_text(exc, self._ctx.lang), "error")
        self.message.show()
