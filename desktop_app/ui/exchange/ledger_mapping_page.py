"""The wizard's second step: which field each column feeds, and where unplaced values go.

One row per column of the ledger (letter, header, a few example values, the field chosen by
the header words, which the person may change), then one row per category value no vocabulary
word placed, with a choice of code; 完了/済/終了 close as the status chosen below. What is
changed here becomes the wizard's `Profile`, which 「この設定を保存」 keeps by name.
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
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
    QWizardPage,
)

from desktop_app.domain import workflow
from desktop_app.domain.ledger_columns import CHOOSABLE, TARGETS, target_label
from desktop_app.domain.ledger_profile import Profile
from desktop_app.services.ledger_import import LedgerReport
from desktop_app.ui.vocab import Vocab
from desktop_app.ui.widgets import accessible


class LedgerMappingPage(QWizardPage):
    """`show_report(report, profile)` fills the page; `profile()` reads the choices back.

    `saveRequested(profile)` asks the wizard to keep the profile under the name typed.
    """

    saveRequested = Signal(object)  # noqa: N815 (Qt signal naming)

    def __init__(self, vocab: Vocab, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vocab = vocab
        self._lang = lang
        self._base = Profile()
        self._headers: list[str] = []
        self._values: list[tuple[str, str]] = []
        self.setTitle(self.tr("列と項目の対応"))
        self.setSubTitle(
            self.tr("見出しの語から項目を選びました。違う列は右の欄で直してください。")
        )
        self.columns = QTableWidget(0, 4, self, objectName="ledgerColumns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("列"), self.tr("見出し"), self.tr("例"), self.tr("取り込む項目")]
        )
        self.values = QTableWidget(0, 3, self, objectName="ledgerValues")
        self.values.setHorizontalHeaderLabels(
            [self.tr("項目"), self.tr("受付簿の値"), self.tr("区分")]
        )
        for table in (self.columns, self.values):
            table.verticalHeader().hide()
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            table.horizontalHeader().setStretchLastSection(True)
            table.setTabKeyNavigation(False)
        self.columns.setColumnWidth(0, 40)
        self.columns.setColumnWidth(1, 160)
        self.columns.setColumnWidth(2, 260)
        self.values.setColumnWidth(0, 120)
        self.values.setColumnWidth(1, 200)
        accessible.name(self.columns, self.title())
        accessible.name(self.values, self.tr("区分に当てはまらなかった値"))
        self.closed_status = QComboBox(self, objectName="ledgerClosedStatus")
        for code in sorted(workflow.CLOSED_STATUSES, key=workflow.STATUSES.index):
            self.closed_status.addItem(self._vocab.label("status", code), code)
        self.profile_name = QLineEdit(self, objectName="ledgerProfileName")
        self.profile_name.setPlaceholderText(self.tr("例: 芝の受付簿"))
        accessible.name(self.profile_name, self.tr("設定の名前"))
        self.save = QPushButton(self.tr("この設定を保存"), self, objectName="ledgerProfileSave")
        self.save.clicked.connect(self._save)
        saving = QHBoxLayout()
        saving.addWidget(self.profile_name, 1)
        saving.addWidget(self.save)
        form = QFormLayout()
        form.addRow(self.tr("「完了」「済」「終了」の状況"), self.closed_status)
        form.addRow(self.tr("設定の名前"), saving)
        self.values_label = QLabel(
            self.tr("区分に当てはまらなかった値（空欄のままなら「その他」）"), self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.columns, 3)
        layout.addWidget(self.values_label)
        layout.addWidget(self.values, 2)
        layout.addLayout(form)

    def show_report(self, report: LedgerReport, profile: Profile) -> None:
        self._base = profile
        self._headers = [column.header for column in report.layout.columns]
        self.profile_name.setText(profile.name)
        at = self.closed_status.findData(profile.closed_status)
        self.closed_status.setCurrentIndex(max(at, 0))
        self.columns.setRowCount(len(report.layout.columns))
        for row, column in enumerate(report.layout.columns):
            self.columns.setItem(row, 0, _item(column.letter))
            self.columns.setItem(row, 1, _item(column.header))
            self.columns.setItem(row, 2, _item(" / ".join(report.samples.get(column.index, []))))
            self.columns.setCellWidget(row, 3, self._target_combo(column.target))
        self._values = list(
            dict.fromkeys(
                (column_target, problem.value)
                for problem in report.read.unplaced
                if (column_target := _target_of(report, problem.column)) in CHOOSABLE
            )
        )
        self.values.setRowCount(len(self._values))
        for row, (target, value) in enumerate(self._values):
            self.values.setItem(
                row, 0, _item(target_label(target).ja if self._ja else target_label(target).en)
            )
            self.values.setItem(row, 1, _item(value))
            self.values.setCellWidget(row, 2, self._code_combo(CHOOSABLE[target]))
        self.values.setVisible(bool(self._values))
        self.values_label.setVisible(bool(self._values))

    def profile(self) -> Profile:
        """The base profile with every choice of this page applied."""
        chosen = self._base.closing_as(self.closed_status.currentData()).named(
            self.profile_name.text().strip()
        )
        for row, header in enumerate(self._headers):
            combo = self.columns.cellWidget(row, 3)
            if isinstance(combo, QComboBox) and header:
                chosen = chosen.with_column(header, combo.currentData())
        for row, (target, value) in enumerate(self._values):
            combo = self.values.cellWidget(row, 2)
            if isinstance(combo, QComboBox) and combo.currentData():
                chosen = chosen.with_value(target, value, combo.currentData())
        return chosen

    def target_combo(self, row: int) -> QComboBox:
        combo = self.columns.cellWidget(row, 3)
        assert isinstance(combo, QComboBox)
        return combo

    @property
    def _ja(self) -> bool:
        return not self._lang.startswith("en")

    def _target_combo(self, target: str | None) -> QComboBox:
        combo = QComboBox(self.columns)
        combo.addItem(self.tr("（取り込まない）"), None)
        for key in TARGETS:
            label = target_label(key)
            combo.addItem(label.ja if self._ja else label.en, key)
        combo.setCurrentIndex(max(combo.findData(target), 0) if target else 0)
        return combo

    def _code_combo(self, vocab: str) -> QComboBox:
        combo = QComboBox(self.values)
        combo.addItem(self.tr("（その他・空欄のまま）"), "")
        for code, label in self._vocab.terms.get(vocab, {}).items():
            combo.addItem(label, code)
        return combo

    @Slot()
    def _save(self) -> None:
        self.saveRequested.emit(self.profile())


def _target_of(report: LedgerReport, letter: str) -> str | None:
    for column in report.layout.columns:
        if column.letter == letter:
            return column.target
    return None


def _item(text: str) -> QTableWidgetItem:
    return QTableWidgetItem(text)
