"""受付簿の取込: a hand-kept ledger in three steps: the file, the columns, the check and 取込.

1. the file (.xlsx, .xls or CSV; what it is is read from its content) and, if one was saved,
   a mapping profile; 次へ runs a dry run, which writes nothing;
2. the columns as the header words mapped them, each open to correction, the values no
   vocabulary word placed, where 完了 goes; 「この設定を保存」 keeps it all as a named profile;
   次へ runs the dry run again with these choices;
3. the report (rows, refused rows with their row, column and reason, possible duplicates);
   取込 imports in one transaction, 「取り込めなかった行を保存…」 writes the refused rows to a
   workbook to fix and import again.
Each step's service call runs on the worker and the wizard waits for it (`runner.call`), so a
step never overtakes a queued save; the dry run of a large ledger takes seconds.
GUI thread only.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.domain.changes import CASES, NOTHING
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.messages import render
from desktop_app.services import ledger_import, ledger_profiles
from desktop_app.services.ledger_import import LedgerReport
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.exchange.ledger_mapping_page import LedgerMappingPage
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.save_target import ask_save_path

FILE_PAGE, MAPPING_PAGE, REPORT_PAGE = range(3)


class LedgerWizard(QWizard):
    """The import announces CASES when it wrote (DbRunner.changed): the screens re-read."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.report: LedgerReport | None = None
        self.profile = Profile()
        self.setWindowTitle(self.tr("受付簿の取込"))
        self.setObjectName("ledgerWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = _FilePage(ctx, self)
        self.mapping_page = LedgerMappingPage(ctx.vocab, ctx.lang, self)
        self.report_page = _ReportPage(ctx, self)
        self.setPage(FILE_PAGE, self.file_page)
        self.setPage(MAPPING_PAGE, self.mapping_page)
        self.setPage(REPORT_PAGE, self.report_page)
        self.mapping_page.saveRequested.connect(self.save_profile)
        self.report_page.run.clicked.connect(self.start_import)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("次へ（試行）"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("戻る"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("閉じる"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("キャンセル"))
        self.currentIdChanged.connect(self._page_shown)
        self.resize(860, 640)

    @Slot(int)
    def _page_shown(self, page: int) -> None:
        """On the last step Enter means 取込 (the step's purpose), not 閉じる; once imported,
        閉じる is the default again."""
        self._default_to_run(page == REPORT_PAGE and self.report_page.run.isEnabled())

    def _default_to_run(self, run: bool) -> None:
        self.setOption(QWizard.WizardOption.NoDefaultButton, run)
        self.report_page.run.setDefault(run)
        if run:
            self.report_page.run.setFocus()

    def validateCurrentPage(self) -> bool:
        """Leaving step 1 or 2 runs the dry run; a refusal keeps the person on the step."""
        current = self.currentId()
        if current == FILE_PAGE:
            name = self.file_page.profile.currentData()
            try:
                self.profile = (
                    self._ctx.query_now(lambda db: ledger_profiles.load_profile(db, name))
                    if name
                    else Profile()
                )
            except Exception as exc:
                show_error(self, exc, self._ctx.lang)
                return False
        elif current == MAPPING_PAGE:
            self.profile = self.mapping_page.profile()
        if current in (FILE_PAGE, MAPPING_PAGE):
            return self.dry_run()
        return True

    def dry_run(self) -> bool:
        path = self.file_page.path()
        if path is None:
            return False
        actor, sheet, profile = self._ctx.actor, self.file_page.sheet(), self.profile
        try:
            self.report = self._ctx.query_now(
                lambda db: ledger_import.import_ledger(
                    db, actor, path, sheet=sheet, profile=profile, dry_run=True
                )
            )
        except Exception as exc:
            show_error(self, exc, self._ctx.lang)
            return False
        self.file_page.show_sheets(self.report)
        self.mapping_page.show_report(self.report, self.profile)
        self.report_page.show_report(self.report)
        return True

    @Slot(object)
    def save_profile(self, profile: Profile) -> None:
        actor = self._ctx.actor
        try:
            self.profile = self._ctx.write_now(
                lambda db: ledger_profiles.save_profile(db, profile, actor=actor),
                NOTHING,  # only this wizard lists the saved mappings, and it reads them again
            )
        except Exception as exc:
            show_error(self, exc, self._ctx.lang)
            return
        self.file_page.load_profiles(selected=self.profile.name)
        self.mapping_page.save.setText(self.tr("保存しました"))

    @Slot()
    def start_import(self) -> None:
        path = self.file_page.path()
        if path is None or self.report is None:
            return
        actor, sheet, profile = self._ctx.actor, self.report.sheet, self.profile
        add_duplicates = self.report_page.add_duplicates.isChecked()
        try:
            report = self._ctx.write_now(
                lambda db: ledger_import.import_ledger(
                    db, actor, path, sheet=sheet, profile=profile, add_duplicates=add_duplicates
                ),
                CASES,  # 受付一覧, 対応予定 and the dashboard hear of the new inquiries
            )
        except Exception as exc:
            show_error(self, exc, self._ctx.lang)
            return
        self.report = report
        self.report_page.show_report(report, done=True)
        self._default_to_run(False)
        # A wizard's buttons are QPushButtons; the stubs say QAbstractButton.
        cast(QPushButton, self.button(QWizard.WizardButton.FinishButton)).setDefault(True)


class _FilePage(QWizardPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.setTitle(self.tr("受付簿のファイル"))
        self.setSubTitle(
            self.tr(
                "Excel（.xlsx・.xls）か CSV の受付簿を選んでください。見出しの行は自動で探します。"
            )
        )
        self.file = QLineEdit(self, objectName="ledgerFile")
        accessible.name(self.file, self.tr("ファイル"))
        self.file.textChanged.connect(self.completeChanged)
        self.browse = QPushButton(self.tr("選ぶ…"), self, objectName="ledgerBrowse")
        self.browse.clicked.connect(self._choose)
        self.profile = QComboBox(self, objectName="ledgerProfile")
        self.sheets = QComboBox(self, objectName="ledgerSheet")
        self.sheets.addItem(self.tr("（見出しのある最初のシート）"), None)
        chooser = QHBoxLayout()
        chooser.addWidget(self.file, 1)
        chooser.addWidget(self.browse)
        form = QFormLayout(self)
        form.addRow(self.tr("ファイル"), chooser)
        form.addRow(self.tr("取込設定"), self.profile)
        form.addRow(self.tr("シート"), self.sheets)
        self.load_profiles()

    def load_profiles(self, selected: str = "") -> None:
        names = self._ctx.query_now(ledger_profiles.profile_names)
        self.profile.clear()
        self.profile.addItem(self.tr("（なし: 見出しの語で対応づける）"), None)
        for name in names:
            self.profile.addItem(name, name)
        self.profile.setCurrentIndex(max(self.profile.findData(selected), 0) if selected else 0)

    def isComplete(self) -> bool:
        return bool(self.file.text().strip())

    def path(self) -> Path | None:
        text = self.file.text().strip()
        return Path(text) if text else None

    def sheet(self) -> str | None:
        value = self.sheets.currentData()
        return str(value) if value else None

    def show_sheets(self, report: LedgerReport) -> None:
        if self.sheets.count() == len(report.sheets) + 1:
            return
        self.sheets.blockSignals(True)
        for name in report.sheets:
            self.sheets.addItem(name, name)
        self.sheets.blockSignals(False)

    @Slot()
    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("受付簿のファイル"),
            preferences.exchange_folder(),
            self.tr("受付簿 (*.xlsx *.xls *.csv);;すべてのファイル (*)"),
        )
        if name:
            self.file.setText(name)


class _ReportPage(QWizardPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._report: LedgerReport | None = None
        self.setTitle(self.tr("確認と取込"))
        self.summary = QLabel(self, objectName="ledgerSummary", wordWrap=True)
        self.problems = QTableWidget(0, 4, self, objectName="ledgerProblems")
        self.problems.setHorizontalHeaderLabels(
            [self.tr("行"), self.tr("列"), self.tr("値"), self.tr("理由")]
        )
        self.problems.verticalHeader().hide()
        self.problems.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.problems.horizontalHeader().setStretchLastSection(True)
        self.problems.setColumnWidth(0, 50)
        self.problems.setColumnWidth(1, 140)
        self.problems.setColumnWidth(2, 180)
        self.problems.setTabKeyNavigation(False)
        accessible.name(self.problems, self.tr("取り込めない行"))
        # Reasons wrap in their cell and each row is as tall as its reason: nothing cut off.
        self.problems.setWordWrap(True)
        self.problems.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_duplicates = QCheckBox(self.tr("重複候補も取り込む"), self)
        self.add_duplicates.setObjectName("ledgerAddDuplicates")
        self.run = QPushButton(self.tr("取込"), self, objectName="ledgerRun")
        self.save_rejects = QPushButton(
            self.tr("取り込めなかった行を保存…"), self, objectName="ledgerSaveRejects"
        )
        self.save_rejects.clicked.connect(self._save_rejects)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_duplicates)
        buttons.addStretch(1)
        buttons.addWidget(self.save_rejects)
        buttons.addWidget(self.run)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addLayout(buttons)

    def show_report(self, report: LedgerReport, *, done: bool = False) -> None:
        self._report = report
        lang = self._ctx.lang
        summary = report.summary(lang)
        state = (
            self.tr("取り込みました。")
            if done
            else self.tr("試行の結果です（まだ書き込んでいません）。")
        )
        self.summary.setText(f"{state}\n{summary}")
        problems = [
            *((self.tr("取込不可"), p) for p in report.read.rejected),
            *((self.tr("その他として取込"), p) for p in report.read.unplaced),
            *((self.tr("メモに残して取込"), p) for p in report.read.kept),
        ]
        lines: list[tuple[int, tuple[str, str, str, str]]] = []
        for kind, problem in problems:
            where = f"{problem.column}「{problem.header}」" if problem.column else ""
            reason = f"{kind}: {problem.reason(lang)}"
            lines.append((problem.row, (str(problem.row), where, problem.value, reason)))
        for number, receipt in report.duplicates.items():
            note = render("ledger_duplicate_row", lang, row=number, receipt_no=receipt)
            lines.append((number, (str(number), "", "", note)))
        # In the ledger's row order, as the person reads the file beside it (stable: a row's
        # refusals stay in the order found).
        lines.sort(key=lambda line: line[0])
        self.problems.setRowCount(len(lines))
        for row, (_number, cells) in enumerate(lines):
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.problems.setItem(row, col, item)
        self.add_duplicates.setVisible(bool(report.duplicates) and not done)
        self.run.setEnabled(not done and report.imported + len(report.duplicates) > 0)
        self.save_rejects.setEnabled(bool(report.read.rejected))

    @Slot()
    def _save_rejects(self) -> None:
        if self._report is None:
            return
        chosen = ask_save_path(
            self,
            self.tr("取り込めなかった行の保存先"),
            str(Path(preferences.exchange_folder()) / "取込不可.xlsx"),
            self.tr("Excel ブック (*.xlsx)"),
            suffix=".xlsx",
            lang=self._ctx.lang,
        )
        if chosen is not None:
            self.write_rejects(chosen.path, overwrite=chosen.overwrite)

    def write_rejects(self, path: Path, *, overwrite: bool = False) -> None:
        if self._report is None:
            return
        try:
            target = ledger_import.rejects_target(self._ctx.db, path, overwrite=overwrite)
            count = ledger_import.write_rejected(self._report, target)
        except Exception as exc:
            show_error(self, exc, self._ctx.lang)
            return
        self.summary.setText(
            self.summary.text()
            + "\n"
            + render("ledger_rejects_written", self._ctx.lang, count=count, path=path)
        )
