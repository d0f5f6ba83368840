"""What an import did (or, in a dry run, would do), one package at a time.

Each file is a line with its sender, sequence number and totals; under it one line per kind of
row (受付, 対応, 相談者) with inserted, updated, merged, unchanged, stale, conflicts and
rejected, then its sequence warnings and notes. A refused file says why under its name, in the
person's language. Read-only; GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop_app.services.sync_import import OUTCOMES, ImportReport, PackageReport
from desktop_app.ui.errors import error_text
from desktop_app.ui.style import tint
from desktop_app.ui.vocab import Vocab
from desktop_app.ui.widgets import accessible

_REFUSED, _WARNING = QColor("#a4262c"), QColor("#7a4d00")
_SHOWN_KINDS = ("inquiry", "action", "inquirer")  # as a clerk thinks of them: cases first


class ImportReportView(QTreeWidget):
    """`show_report(report)` replaces what is shown; `clear()` empties it."""

    def __init__(self, vocab: Vocab, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        accessible.name(self, self.tr("取込結果"))
        self._vocab, self._lang = vocab, lang
        self._kinds = {
            "inquiry": self.tr("受付"),
            "action": self.tr("対応"),
            "inquirer": self.tr("相談者"),
        }
        outcomes = {
            "inserted": self.tr("追加"),
            "updated": self.tr("更新"),
            "merged": self.tr("統合"),
            "unchanged": self.tr("変更なし"),
            "stale": self.tr("古い版"),
            "conflicts": self.tr("競合"),
            "rejected": self.tr("拒否"),
        }
        self.setHeaderLabels([self.tr("ファイル・種類"), *(outcomes[o] for o in OUTCOMES)])
        self.setColumnCount(1 + len(OUTCOMES))
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setWordWrap(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column in range(1, 1 + len(OUTCOMES)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)

    def show_report(self, report: ImportReport) -> None:
        self.clear()
        for package in report.packages:
            self._add_package(package)
        self.expandAll()

    def _add_package(self, package: PackageReport) -> None:
        top = QTreeWidgetItem(self)
        if package.refused:
            top.setText(0, self.tr("{0}: 取り込めません").format(package.file))
            _colour(top, _REFUSED)
            refusal = package.refusal
            text = error_text(refusal, self._lang) if refusal else package.refused or ""
            for sentence in _sentences(text):  # a line each: a report line does not wrap
                self._line(top, sentence, _REFUSED)
            return
        sender = self._vocab.office(package.from_office)
        top.setText(
            0, self.tr("{0}（{1} からの送付 {2}）").format(package.file, sender, package.sequence)
        )
        font = top.font(0)
        font.setBold(True)
        for column, outcome in enumerate(OUTCOMES, start=1):
            top.setText(column, str(package.total(outcome)))
            top.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            top.setFont(column, font)
        top.setFont(0, font)
        for entity in _SHOWN_KINDS:
            item = QTreeWidgetItem(top, [self._kinds[entity]])
            for column, outcome in enumerate(OUTCOMES, start=1):
                item.setText(column, str(package.counts[entity][outcome]))
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        for warning in package.warnings:
            self._line(top, f"⚠ {warning}", _WARNING)
        for note in package.notes:
            self._line(top, f"・{note}", None)

    def _line(self, parent: QTreeWidgetItem, text: str, colour: QColor | None) -> None:
        """A message under a file, across every column."""
        item = QTreeWidgetItem(parent, [text])
        item.setFirstColumnSpanned(True)
        item.setToolTip(0, text)
        if colour is not None:
            _colour(item, colour)


def _sentences(text: str) -> list[str]:
    """`text` cut after each 「。」 or ". " (the sentences of a refusal)."""
    marked = text.replace("。", "。\n").replace(". ", ".\n")
    return [line.strip() for line in marked.splitlines() if line.strip()]


def _colour(item: QTreeWidgetItem, colour: QColor) -> None:
    """Red or brown text, left in the system's colour in high contrast (ui/style.py)."""
    brush = tint(colour)
    if brush is not None:
        item.setForeground(0, brush)
