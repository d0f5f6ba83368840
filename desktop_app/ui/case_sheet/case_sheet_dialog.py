"""Preview, print or save as PDF the case sheet (相談票) of the selected inquiry.

Personal fields are left out unless the clerk ticks the box (personal-information rules: no
more copies than needed). A sheet sent to a printer or saved as PDF is recorded in the audit
trail (services.case_sheets). GUI thread only; the data was read by the detail pane already.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Slot
from PySide6.QtGui import QPalette
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.changes import NOTHING
from desktop_app.domain.errors import UserError
from desktop_app.services import case_sheets
from desktop_app.services.case_sheets import Output
from desktop_app.ui.case_detail import CaseDetail
from desktop_app.ui.case_sheet.sheet import a4_printer, case_sheet_html, sheet_document, write_pdf
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.style import system_colours
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.save_target import ask_save_path
from desktop_app.ui.widgets.screen_fit import fit_to_screen


class CaseSheetDialog(QDialog):
    """A preview with 個人情報を含める, 印刷… and PDFに保存…; `save_pdf(path)` does the saving."""

    def __init__(self, ctx: AppContext, detail: CaseDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._detail = detail
        self.setWindowTitle(self.tr("相談票 — {0}").format(detail.record.receipt_no))
        self.personal = QCheckBox(self.tr("個人情報（氏名・連絡先・住所）を含める"), self)
        self.personal.setObjectName("includePersonal")
        self.personal.toggled.connect(self._render)
        self.preview = QTextBrowser(self, objectName="caseSheetPreview")
        accessible.name(self.preview, self.tr("相談票のプレビュー"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        buttons.rejected.connect(self.reject)
        print_button = QPushButton(self.tr("印刷…"), self)
        pdf_button = QPushButton(self.tr("PDFに保存…"), self)
        buttons.addButton(print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        print_button.clicked.connect(self._print)
        pdf_button.clicked.connect(self._ask_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.personal)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(720, 820))  # an A4 page's width; 1366x768 gets less height
        self._render()

    def html(self) -> str:
        return case_sheet_html(
            self._detail, self._ctx.vocab, include_personal=self.personal.isChecked()
        )

    def save_pdf(self, path: Path, *, overwrite: bool = False) -> Path | None:
        """Write the PDF (services/case_sheets: all or nothing, audited); None when refused."""
        html, font = self.html(), self.font()
        try:
            return case_sheets.save_pdf(
                self._ctx.db,
                self._detail.record.receipt_no,
                path,
                lambda temporary: write_pdf(html, temporary, font),
                personal=self.personal.isChecked(),
                overwrite=overwrite,
                actor=self._ctx.actor,
            )
        except UserError as exc:
            show_error(self, exc, self._ctx.lang)
            return None

    def _record(self, output: Output, file_name: str | None = None) -> None:
        actor, receipt, personal = (
            self._ctx.actor,
            self._detail.record.receipt_no,
            self.personal.isChecked(),
        )
        self._ctx.write(
            lambda db: case_sheets.record_output(
                db, receipt, output=output, personal=personal, file_name=file_name, actor=actor
            ),
            NOTHING,  # an audit entry only
            owner=self,
        )

    @Slot()
    def _render(self) -> None:
        text = self.preview.palette().color(QPalette.ColorRole.Text).name()
        self.preview.setHtml(
            case_sheet_html(
                self._detail,
                self._ctx.vocab,
                include_personal=self.personal.isChecked(),
                ink=text if system_colours() else None,  # the page as printed, else
            )
        )

    @Slot()
    def _ask_pdf(self) -> None:
        suggested = f"{self._detail.record.receipt_no}.pdf"
        chosen = ask_save_path(
            self,
            self.tr("PDFに保存"),
            suggested,
            self.tr("PDF (*.pdf)"),
            suffix=".pdf",
            lang=self._ctx.lang,
        )
        if chosen is not None:
            self.save_pdf(chosen.path, overwrite=chosen.overwrite)

    @Slot()
    def _print(self) -> None:
        printer = a4_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            sheet_document(self.html(), self.font()).print_(printer)
            self._record("print", printer.printerName() or None)
