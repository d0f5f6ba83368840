"""取り込む: packages from other offices, a dry run first, then 取込.

Choosing files (the dialog, or dropping them on the screen) starts a dry run at once: the
report says what each file would do and nothing is written. 取込 then imports the files that
were not refused, ordered by sender and package number (so that a stick holding packages 3
and 4 is not warned about a gap). A package edited after export is refused naming the rows;
ticking 「編集を承認して取込」 (which lists them) runs the dry run again accepting them, and
the import then passes `accept_edited=True`, which the service audits.

Each file is one transaction in the service and one job on the worker, queued one after the
other; 中止 lets the file in hand finish (a dry run writes nothing anyway) and starts no
other, so nothing is ever half-imported. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.services import sync_import
from desktop_app.services.sync_import import ImportReport, PackageReport
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.exchange.import_report import ImportReportView

_EDITED = "package_edited"
_SHOWN_ROWS = 8


class ImportPanel(QGroupBox):
    """`add_files(paths)` starts the dry run; a real import announces what it changed
    (DbRunner.changed), which is how 取込・送付's queue and the other screens hear of it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("取り込む"), parent)
        self._ctx = ctx
        self._files: list[Path] = []
        self._queue: list[Path] = []
        self._done: list[PackageReport] = []
        self._dry: ImportReport | None = None
        self._running_dry = False
        self._active = False
        self._cancelled = False
        self.choose = QPushButton(self.tr("ファイルを選ぶ…"), self, objectName="importChoose")
        self.run = QPushButton(self.tr("取込"), self, objectName="importRun")
        self.run.setEnabled(False)
        self.cancel = QPushButton(self.tr("中止"), self, objectName="importCancel")
        self.cancel.hide()
        for button in (self.choose, self.run, self.cancel):
            button.setAutoDefault(True)  # Enter presses the button that has the focus
        self.choose.clicked.connect(self.choose_files)
        self.run.clicked.connect(self.start_import)
        self.cancel.clicked.connect(self.stop)
        self.busy = QProgressBar(self, objectName="importBusy")
        self.busy.setTextVisible(True)
        self.busy.setMaximumWidth(220)
        self.busy.hide()
        hint = QLabel(self.tr("送付ファイルはこの画面にドラッグ＆ドロップでも選べます。"), self)
        self.summary = QLabel(self, objectName="importSummary", wordWrap=True)
        self.accept_edited = QCheckBox(self.tr("編集を承認して取込"), self)
        self.accept_edited.setObjectName("acceptEdited")
        self.accept_edited.hide()
        self.accept_edited.toggled.connect(self._acceptance_changed)
        self.edited_rows = QLabel(self, objectName="editedRows", wordWrap=True)
        self.edited_rows.hide()
        self.report = ImportReportView(ctx.vocab, ctx.lang, self)

        buttons = QHBoxLayout()
        buttons.addWidget(self.choose)
        buttons.addWidget(self.run)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.busy)
        buttons.addWidget(hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.accept_edited)
        layout.addWidget(self.edited_rows)
        layout.addWidget(self.report, 1)

    @property
    def working(self) -> bool:
        return self._active

    @Slot()
    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("取り込む送付ファイル"),
            preferences.exchange_folder(),
            self.tr("Excel ブック (*.xlsx);;すべてのファイル (*)"),
        )
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: Sequence[Path]) -> None:
        """A new choice of files: its dry run starts now (ignored while a run is going)."""
        if self.working or not paths:
            return
        preferences.set_exchange_folder(str(paths[0].parent))
        self._files = list(paths)
        self._dry = None
        self.accept_edited.blockSignals(True)
        self.accept_edited.setChecked(False)
        self.accept_edited.blockSignals(False)
        self._start(self._files, dry_run=True)

    @Slot()
    def start_import(self) -> None:
        if self._dry is None or self.working:
            return
        ready = [p for p in self._dry.packages if not p.refused]
        ready.sort(key=lambda p: (p.from_office, p.sequence))
        by_name = {path.name: path for path in self._files}
        self._start([by_name[p.file] for p in ready], dry_run=False)

    @Slot()
    def stop(self) -> None:
        """Start no further file; the one in hand finishes (one transaction)."""
        self._cancelled = True
        self.cancel.setEnabled(False)

    def _start(self, paths: list[Path], *, dry_run: bool) -> None:
        self._queue, self._done = list(paths), []
        self._running_dry, self._cancelled, self._active = dry_run, False, True
        self.busy.setRange(0, len(paths))
        self.busy.setValue(0)
        self.busy.setFormat(self.tr("%v / %m ファイル"))
        self.busy.show()
        self.cancel.setEnabled(True)
        self.cancel.show()
        self.choose.setEnabled(False)
        self.run.setEnabled(False)
        self.accept_edited.setEnabled(False)
        working = self.tr("試行しています（書き込みません）…") if dry_run else None
        self.summary.setText(working or self.tr("取り込んでいます…"))
        self.cancel.setFocus()
        self._next()

    def _next(self) -> None:
        if self._cancelled or not self._queue:
            self._finish()
            return
        path = self._queue.pop(0)
        actor, dry_run, accept_edited = (
            self._ctx.actor,
            self._running_dry,
            self.accept_edited.isChecked(),
        )
        self._ctx.write(
            lambda db: sync_import.import_sync(
                db, [path], actor=actor, dry_run=dry_run, accept_edited=accept_edited
            ),
            lambda report: report.changes,  # the list, the queue and the masters hear of it
            on_done=self._one_done,
            on_error=self._failed,
            owner=self,
        )

    def _one_done(self, report: ImportReport) -> None:
        self._done.extend(report.packages)
        self.busy.setValue(len(self._done))
        self._next()

    def _failed(self, exc: BaseException) -> None:
        self._queue.clear()
        self._finish()
        show_error(self, exc, self._ctx.lang)

    def _finish(self) -> None:
        left = len(self._queue)
        self._queue, self._active = [], False
        self.busy.hide()
        self.cancel.hide()
        self.choose.setEnabled(True)
        self.accept_edited.setEnabled(True)
        if self._running_dry:
            self._dry = ImportReport(tuple(self._done), dry_run=True)
            self.report.show_report(self._dry)
            self._show_edited(self._dry)
            ready = any(not p.refused for p in self._dry.packages)
            self.run.setEnabled(ready and not left)
            self.summary.setText(self._dry_summary(self._dry, left))
            (self.run if self.run.isEnabled() else self.choose).setFocus()
            return
        refused = tuple(p for p in (self._dry.packages if self._dry else ()) if p.refused)
        final = ImportReport((*self._done, *refused), dry_run=False)
        self._dry = None
        self.report.show_report(final)
        self.summary.setText(self._import_summary(final, left))
        self.accept_edited.hide()
        self.edited_rows.hide()
        self.choose.setFocus()

    def _show_edited(self, report: ImportReport) -> None:
        edited = [p for p in report.packages if p.edited_rows and p.refused_code in (_EDITED, None)]
        self.accept_edited.setVisible(bool(edited))
        self.edited_rows.setVisible(bool(edited))
        lines = []
        for package in edited:
            rows = "、".join(package.edited_rows[:_SHOWN_ROWS])
            more = len(package.edited_rows) - _SHOWN_ROWS
            if more > 0:
                rows += self.tr(" ほか {0} 行").format(more)
            lines.append(f"{package.file}: {rows}")
        self.edited_rows.setText(
            self.tr(
                "書き出した後に編集されたファイルがあります。編集された行: {0}\n"
                "承認すると、編集前に書き出された内容を取り込み、承認したことを監査記録に残します。"
            ).format(" / ".join(lines))
        )

    @Slot(bool)
    def _acceptance_changed(self, _accepted: bool) -> None:
        """The dry run again, so that the report shows what accepting would import."""
        if self._files and not self.working:
            self._start(self._files, dry_run=True)

    def _totals(self, report: ImportReport) -> str:
        outcomes = ("inserted", "updated", "merged", "unchanged", "stale", "conflicts")
        return self.tr("追加 {0}・更新 {1}・統合 {2}・変更なし {3}・古い版 {4}・競合 {5}").format(
            *(report.total(outcome) for outcome in outcomes)
        )

    def _dry_summary(self, report: ImportReport, left: int) -> str:
        if left:
            return self.tr("試行を中止しました（{0} ファイルは未確認）。").format(left)
        refused = sum(1 for p in report.packages if p.refused)
        text = self.tr("試行の結果です（まだ書き込んでいません）: {0}").format(self._totals(report))
        if refused:
            text += self.tr("。取り込めないファイル: {0}").format(refused)
        if self.run.isEnabled():
            text += self.tr("。確かめてから「取込」を押してください。")
        return text

    def _import_summary(self, report: ImportReport, left: int) -> str:
        text = self.tr("取り込みました: {0}").format(self._totals(report))
        if report.total("conflicts"):
            text += self.tr("。競合は下の一覧で解決してください。")
        if left:
            text += self.tr("。中止したため {0} ファイルは取り込んでいません。").format(left)
        return text
