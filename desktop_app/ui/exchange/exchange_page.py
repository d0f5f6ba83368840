"""取込・送付: making a package, importing packages, and the conflict queue, on one screen.

Files dropped anywhere on the screen are imported as if chosen in the file dialog (a dry run
first). The screen keeps its own watch (`freshness`, as 受付一覧 does): an import, a resolved
conflict or a new shared password (DbRunner.changed) has it read again, once, at once when on
view or else when next shown; `conflictCountChanged(n)` carries the queue's count to the
navigation. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from desktop_app.domain.changes import Kind
from desktop_app.ui.context import AppContext
from desktop_app.ui.exchange.conflict_queue import ConflictQueue
from desktop_app.ui.exchange.export_panel import ExportPanel
from desktop_app.ui.exchange.import_panel import ImportPanel
from desktop_app.ui.exchange.ledger_wizard import LedgerWizard
from desktop_app.ui.widgets.freshness import Freshness

# What the screen shows: the open conflicts, and whether a shared password is set (設定).
SHOWS = frozenset({Kind.CONFLICTS, Kind.SETTINGS})


class ExchangePage(QWidget):
    """The three parts, top to bottom; `freshness.shown()` when the screen is shown."""

    conflictCountChanged = Signal(int)  # noqa: N815 (Qt signal naming)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangePage")
        self.setAcceptDrops(True)
        self._ctx = ctx
        self.wizard: LedgerWizard | None = None
        self.export_panel = ExportPanel(ctx, self)
        self.import_panel = ImportPanel(ctx, self)
        self.queue = ConflictQueue(ctx, self)
        self.queue.countChanged.connect(self.conflictCountChanged)
        parts = QSplitter(Qt.Orientation.Vertical, self)
        parts.addWidget(self.import_panel)
        parts.addWidget(self.queue)
        parts.setStretchFactor(0, 3)
        parts.setStretchFactor(1, 1)
        parts.setChildrenCollapsible(False)
        self.ledger = QPushButton(self.tr("受付簿の取込…"), self, objectName="ledgerImport")
        self.ledger.setAutoDefault(True)
        self.ledger.clicked.connect(self.open_ledger_wizard)
        ledger_row = QHBoxLayout()
        ledger_row.addWidget(self.ledger)
        ledger_row.addWidget(
            QLabel(
                self.tr("手書き・Excelの相談受付簿（.xlsx・.xls・CSV）を相談として取り込みます。"),
                self,
            ),
            1,
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.export_panel)
        layout.addLayout(ledger_row)
        layout.addWidget(parts, 1)
        QWidget.setTabOrder(self.export_panel.button, self.ledger)
        QWidget.setTabOrder(self.ledger, self.import_panel.choose)
        self.freshness = Freshness(self, ctx.runner, SHOWS, self.refresh)

    @Slot()
    def open_ledger_wizard(self) -> LedgerWizard:
        """取込・送付 → 受付簿の取込: the wizard, modal over the window."""
        self.wizard = LedgerWizard(self._ctx, self)
        self.wizard.open()
        return self.wizard

    def refresh(self) -> None:
        self.export_panel.refresh()
        self.queue.refresh()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_files(event) and not self.import_panel.working:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _local_files(event)
        if files:
            event.acceptProposedAction()
            self.import_panel.add_files(files)


def _local_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The dragged files on this PC (a link or a folder is no package)."""
    mime = event.mimeData()
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]
