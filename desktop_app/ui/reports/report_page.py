"""報告書作成: the monthly or fiscal-year report as a workbook or a PDF, written on the worker.

The same reports as `renkei-desk report monthly / fiscal-year` (services.report_export): the
period is typed as the command line takes it (2026-10; a fiscal year by the year it starts,
2026 = 令和8年度) or as ward paper writes it (令和8年11月, R8.11; 令和8年度, R8:
domain.periods), and the line under it reads it back in 和暦 with its first and last day, so
a typo shows before anything is written. A period that cannot be read is refused with the
services' Japanese message before the file dialog opens, and nothing is written. Personal
fields are offered for the monthly workbook only (the fiscal-year report and the PDF carry
none) and only when the actor may export them. The file is written by the worker, all or
nothing, while a busy bar shows; the page then says where it went. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import periods
from desktop_app.domain.actor import Permission
from desktop_app.domain.changes import NOTHING
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.domain.report_figures import Period
from desktop_app.services import report_export
from desktop_app.services.database import Database
from desktop_app.services.report_export import ReportFile
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.save_target import ask_save_path


class ReportPage(QWidget):
    """Period, office, personal fields, and the two buttons that write the file.

    `write_to(path, pdf=False)` writes without asking for a file (the buttons ask first);
    `written(ReportFile)` when the file is complete.
    """

    written = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        today = local_today()
        last_month = today.replace(day=1).toordinal() - 1
        previous = today.fromordinal(last_month)
        self.monthly = QRadioButton(self.tr("月次報告"), self, objectName="reportMonthly")
        self.yearly = QRadioButton(self.tr("年度報告"), self, objectName="reportYearly")
        self.monthly.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.monthly)
        kinds.addButton(self.yearly)
        self.month = QLineEdit(f"{previous:%Y-%m}", self, objectName="reportMonth")
        self.month.setPlaceholderText(self.tr("例: 2026-10"))
        self.year = QLineEdit(str(fiscal_year(today)), self, objectName="reportYear")
        self.year.setPlaceholderText(self.tr("例: 2026（令和8年度）"))
        self.period_text = QLabel(self, objectName="reportPeriodText")
        self.office = QComboBox(self, objectName="reportOffice")
        self.office.addItem(self.tr("すべての事務所"), None)
        for code, name in ctx.vocab.offices.items():
            self.office.addItem(name, code)
        self.personal = QCheckBox(
            self.tr("相談者の個人情報を一覧に含める（共有パスワードで暗号化）"),
            self,
            objectName="reportPersonal",
        )
        self.excel_button = QPushButton(self.tr("Excel で作成…"), self, objectName="reportExcel")
        self.pdf_button = QPushButton(self.tr("PDF で作成…"), self, objectName="reportPdf")
        self.busy = QProgressBar(self, objectName="reportBusy")
        self.busy.setRange(0, 0)  # one service call: nothing to count
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.result = QLabel(self, objectName="reportResult", wordWrap=True)
        self._lay_out()
        changes = (self.monthly.toggled, self.month.textChanged, self.year.textChanged)
        for signal in (*changes, self.personal.toggled):
            signal.connect(self._period_edited)
        self.excel_button.clicked.connect(lambda: self.choose_file(pdf=False))
        self.pdf_button.clicked.connect(lambda: self.choose_file(pdf=True))
        self._period_edited()

    def _lay_out(self) -> None:
        box = QGroupBox(self.tr("報告書を作成する"), self)
        form = QFormLayout(box)
        kinds = QHBoxLayout()
        kinds.addWidget(self.monthly)
        kinds.addWidget(self.yearly)
        kinds.addStretch(1)
        form.addRow(self.tr("種類"), kinds)
        form.addRow(self.tr("月（YYYY-MM）"), self.month)
        form.addRow(self.tr("年度（開始年）"), self.year)
        form.addRow("", self.period_text)
        form.addRow(self.tr("事務所"), self.office)
        form.addRow("", self.personal)
        buttons = QHBoxLayout()
        buttons.addWidget(self.excel_button)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.busy)
        buttons.addStretch(1)
        form.addRow("", buttons)
        form.addRow("", self.result)
        for field in (self.month, self.year):
            field.setMaximumWidth(
                self.fontMetrics().horizontalAdvance("例: 2026（令和8年度）") + 30
            )
        self.office.setMaximumWidth(
            self.fontMetrics().horizontalAdvance("芝浦港南地区総合支所") + 60
        )
        box.setMaximumWidth(max(760, box.sizeHint().width()))  # never narrower than its text
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)

    def period(self) -> Period:
        """The period as typed; raises the services' UserError when it cannot be read."""
        if self.monthly.isChecked():
            month = periods.parse_month(self.month.text())
            if month is None:
                raise UserError("month_invalid", value=self.month.text())
            return Period.parse_month(f"{month[0]:04d}-{month[1]:02d}")
        fy = periods.parse_fiscal_year(self.year.text())
        if fy is None:
            raise UserError("year_invalid", value=self.year.text(), first=1900, last=2999)
        return Period.fiscal_year(fy)

    @Slot()
    def choose_file(self, *, pdf: bool) -> None:
        """Check the period and the choices, then ask where to write (the last folder used)."""
        try:
            period = self.period()
        except UserError as exc:
            show_error(self, exc, self._ctx.lang)
            return
        office = self.office.currentData() or "ALL"
        suffix = "pdf" if pdf else "xlsx"
        folder = preferences.report_folder() or str(Path.home())
        name = f"{'monthly' if period.kind == 'month' else 'fiscal'}-{period.first:%Y%m}"
        suggested = str(Path(folder) / f"report-{name}-{office}.{suffix}")
        kind = self.tr("PDF (*.pdf)") if pdf else self.tr("Excel ブック (*.xlsx)")
        chosen = ask_save_path(
            self,
            self.tr("報告書の保存先"),
            suggested,
            kind,
            suffix=f".{suffix}",
            lang=self._ctx.lang,
        )
        if chosen is not None:
            self.write_to(chosen.path, pdf=pdf, overwrite=chosen.overwrite)

    def write_to(self, path: Path, *, pdf: bool = False, overwrite: bool = False) -> None:
        """Write the report to `path` on the worker; a refusal goes through show_error."""
        try:
            period = self.period()
        except UserError as exc:
            show_error(self, exc, self._ctx.lang)
            return
        preferences.set_report_folder(str(path.parent))
        self._working(True)
        self.result.clear()
        actor, office, personal = self._ctx.actor, self.office.currentData(), self._personal()
        write: Callable[[Database], ReportFile]
        if pdf:
            from desktop_app.ui.report_pdf import write_pdf

            def write(db: Database) -> ReportFile:
                return report_export.export_with(
                    db, period, path, write_pdf, actor=actor, office=office, overwrite=overwrite
                )
        else:

            def write(db: Database) -> ReportFile:
                return report_export.export_workbook(
                    db, period, path, actor=actor, office=office, personal=personal,
                    overwrite=overwrite,
                )  # fmt: skip

        # A file and an audit entry: no screen shows either.
        self._ctx.write(write, NOTHING, on_done=self._written, on_error=self._failed, owner=self)

    def _personal(self) -> bool:
        return self.personal.isEnabled() and self.personal.isChecked()

    @Slot()
    def _period_edited(self) -> None:
        monthly = self.monthly.isChecked()
        self.month.setEnabled(monthly)
        self.year.setEnabled(not monthly)
        # Personal fields: the monthly workbook's list only, and only for those allowed them.
        self.personal.setEnabled(monthly and self._ctx.actor.may(Permission.PERSONAL_EXPORT))
        # A PDF cannot be encrypted, so it never carries personal fields.
        self.pdf_button.setEnabled(not self._personal())
        try:
            period = self.period()
        except UserError as exc:
            accessible.say(self.period_text, exc.message(self._ctx.lang), "error")
            return
        accessible.say(
            self.period_text, f"{period.title}（{period.first:%Y/%m/%d}〜{period.last:%Y/%m/%d}）"
        )

    def _working(self, working: bool) -> None:
        self.busy.setVisible(working)
        self.excel_button.setEnabled(not working)
        self.pdf_button.setEnabled(not working and not self._personal())

    def _written(self, written: ReportFile) -> None:
        self._working(False)
        headline = written.report.headline
        note = self.tr("（個人情報を含む・暗号化済み）") if written.encrypted else ""
        self.result.setText(
            self.tr("作成しました: {0}{1}\n新規受付 {2} 件・完了 {3} 件・連携成立 {4} 件").format(
                written.path, note, f"{headline.new:,}", f"{headline.closed:,}",
                f"{headline.matched:,}",
            )
        )  # fmt: skip
        self.written.emit(written)

    def _failed(self, exc: BaseException) -> None:
        self._working(False)
        show_error(self, exc, self._ctx.lang)
