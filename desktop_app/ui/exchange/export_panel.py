"""送付ファイルを作る: a sync package for another office, written on the worker.

At a branch the package goes to the central office (HQ); at HQ the clerk picks the branch
whose return package it is. Incremental (what changed since the previous package to that
office) or full; personal fields only when the offices' shared password is set, because such
a package is encrypted with it (the box says why it is greyed out otherwise). The export is
one transaction in the service, so there is nothing half-done to cancel: the panel shows a
busy bar and stays out of the way while the worker writes. GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QWidget,
)

from desktop_app.domain.changes import NOTHING
from desktop_app.domain.local_time import local_datetime
from desktop_app.services import package_key, sync_export
from desktop_app.services.sync_export import ExportReport
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.widgets.save_target import ask_save_path


class ExportPanel(QGroupBox):
    """Destination, full or changes, personal fields, and the button that writes the file.

    `export_to(path)` writes without asking for a file (the button asks first);
    `exported(ExportReport)` when the file is written.
    """

    exported = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("送付ファイルを作る"), parent)
        self._ctx = ctx
        self.destination = QComboBox(self, objectName="exportTo")
        central = ctx.office == sync_export.CENTRAL
        for code, name in ctx.vocab.offices.items():
            if (code != sync_export.CENTRAL) == central and code != ctx.office:
                self.destination.addItem(self.tr("{0}（{1}）").format(name, code), code)
        self.destination.setEnabled(central)
        if not central:
            self.destination.setToolTip(self.tr("支所の送付先は本庁です。"))
        self.changes = QRadioButton(self.tr("変更分"), self)
        self.changes.setObjectName("exportChanges")
        # since the previous package, or since the last one the peer acknowledged when one was
        # lost: "since the previous package" would be wrong exactly when it matters
        self.changes.setToolTip(
            self.tr(
                "前回の送付以降の変更です。相手が受け取ったと知らせていない送付ファイルの分も含めます。"
            )
        )
        self.full = QRadioButton(self.tr("全件"), self, objectName="exportFull")
        self.changes.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.changes)
        self._mode.addButton(self.full)
        self.personal = QCheckBox(
            self.tr("個人情報を含める（共有パスワードで暗号化）"), self, objectName="exportPersonal"
        )
        self.personal.setEnabled(False)
        self.personal_note = QLabel(self, objectName="exportPersonalNote", wordWrap=True)
        self.button = QPushButton(self.tr("送付ファイルを作成…"), self, objectName="exportButton")
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.choose_file)
        self.busy = QProgressBar(self, objectName="exportBusy")
        self.busy.setRange(0, 0)  # no steps to count: one transaction
        self.busy.setMaximumWidth(160)
        self.busy.hide()
        self.result = QLabel(self, objectName="exportResult", wordWrap=True)

        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("送付先"), self), 0, 0)
        grid.addWidget(self.destination, 0, 1)
        modes = QHBoxLayout()
        modes.addWidget(self.changes)
        modes.addWidget(self.full)
        modes.addStretch(1)
        grid.addWidget(QLabel(self.tr("範囲"), self), 0, 2)
        grid.addLayout(modes, 0, 3)
        grid.addWidget(self.personal, 1, 1, 1, 3)
        grid.addWidget(self.personal_note, 2, 1, 1, 3)
        actions = QHBoxLayout()
        actions.addWidget(self.button)
        actions.addWidget(self.busy)
        actions.addWidget(self.result, 1)
        grid.addLayout(actions, 3, 0, 1, 4)
        grid.setColumnStretch(3, 1)
        QWidget.setTabOrder(self.destination, self.changes)
        QWidget.setTabOrder(self.changes, self.full)
        QWidget.setTabOrder(self.full, self.personal)
        QWidget.setTabOrder(self.personal, self.button)

    def refresh(self) -> None:
        """Read again whether the shared password is set (an admin may just have set it)."""
        self._ctx.query(package_key.is_set, on_done=self._password_known, owner=self)

    @Slot()
    def choose_file(self) -> None:
        """Ask where to write (the last folder used, a name saying from, to and when)."""
        to = self.destination.currentData()
        folder = preferences.exchange_folder() or str(Path.home())
        suggested = str(Path(folder) / package_file_name(self._ctx.office, to))
        chosen = ask_save_path(
            self,
            self.tr("送付ファイルの保存先"),
            suggested,
            self.tr("Excel ブック (*.xlsx)"),
            suffix=".xlsx",
            lang=self._ctx.lang,
        )
        if chosen is not None:
            self.export_to(chosen.path, overwrite=chosen.overwrite)

    def export_to(self, path: Path, *, overwrite: bool = False) -> None:
        preferences.set_exchange_folder(str(path.parent))
        self._working(True)
        self.result.clear()
        actor, to_office, full = (
            self._ctx.actor,
            self.destination.currentData(),
            self.full.isChecked(),
        )
        personal = self.personal.isEnabled() and self.personal.isChecked()
        self._ctx.write(
            lambda db: sync_export.export_sync(
                db,
                path,
                actor=actor,
                to_office=to_office,
                full=full,
                include_personal=personal,
                overwrite=overwrite,
            ),
            NOTHING,  # a package file, its bases and an audit entry: no screen shows them
            on_done=self._written,
            on_error=self._failed,
            owner=self,
        )

    def _working(self, working: bool) -> None:
        self.busy.setVisible(working)
        self.button.setEnabled(not working)

    @Slot(bool)
    def _password_known(self, is_set: bool) -> None:
        self.personal.setEnabled(is_set)
        if not is_set:
            self.personal.setChecked(False)
            self.personal_note.setText(
                self.tr(
                    "共有パスワードが設定されていないため、個人情報は含められません。"
                    "管理者が「設定」で設定してください。"
                )
            )
        else:
            self.personal_note.setText(
                self.tr("個人情報を含むファイルは、共有パスワードがないと開けません。")
            )

    def _written(self, report: ExportReport) -> None:
        self._working(False)
        counts = report.counts
        self.result.setText(
            self.tr(
                "作成しました: {0}（{1} への送付 {2}、受付 {3} 件・対応 {4} 件・相談者 {5} 件）"
            ).format(
                report.path.name,
                self._ctx.vocab.office(report.to_office),
                report.sequence,
                counts.get("inquiry", 0),
                counts.get("action", 0),
                counts.get("inquirer", 0),
            )
        )
        notes = report.notes(self._ctx.lang, self._ctx.vocab.office(report.to_office))
        if notes:  # packages the receiver has not acknowledged
            self.result.setText("\n".join([self.result.text(), *notes]))
        self.result.setToolTip(str(report.path))
        self.exported.emit(report)

    def _failed(self, exc: BaseException) -> None:
        self._working(False)
        show_error(self, exc, self._ctx.lang)


def package_file_name(office: str, to: str, now: dt.datetime | None = None) -> str:
    """SHIBA-HQ-20261201-0930.xlsx: from, to and when in the office's local time, as every
    date the desk shows, whatever zone the PC's clock is set to."""
    moment = now or dt.datetime.now(dt.UTC)
    return f"{office}-{to}-{local_datetime(moment):%Y%m%d-%H%M}.xlsx"
