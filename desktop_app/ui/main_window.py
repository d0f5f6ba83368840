"""The desk's main window: a navigation list on the left and one screen at a time.

Screens: 受付一覧 (the start screen, with today's and overdue follow-up counts), 新規受付 (the
intake form, built on first use), 対応予定, マスタ, 設定. Geometry and the list's splitter are
remembered in QSettings. The window owns no data: each screen talks to the services through
the AppContext it is given. GUI thread only.
"""

from __future__ import annotations

import importlib

from PySide6.QtCore import QByteArray, QSize, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.followups.followups_page import FollowUpsPage
from desktop_app.ui.inquiry_list.list_page import InquiryListPage
from desktop_app.ui.masters.masters_page import MastersPage
from desktop_app.ui.settings.settings_page import SettingsPage

WINDOW_SIZE = QSize(1280, 800)
PAGES = ("list", "intake", "followups", "masters", "settings")
INTAKE_MODULE = "desktop_app.ui.intake.intake_form"


class MainWindow(QMainWindow):
    """Navigation and screens; `show_page(name)` switches (names in PAGES).

    `languageChanged(str)` is re-emitted from 設定 for ui.app, which rebuilds the window.
    """

    languageChanged = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("連携デスク — {0}").format(ctx.vocab.office(ctx.office)))
        self.nav = QListWidget(self, objectName="navigation")
        self.stack = QStackedWidget(self)
        self.list_page = InquiryListPage(ctx, self)
        self.intake: QWidget | None = None
        self.followups = FollowUpsPage(ctx, self)
        self.masters = MastersPage(ctx, self)
        self.settings = SettingsPage(ctx.lang, self)
        self._intake_slot = QWidget(self)  # replaced by the intake form on first use
        titles = (
            self.tr("受付一覧"),
            self.tr("新規受付"),
            self.tr("対応予定"),
            self.tr("マスタ"),
            self.tr("設定"),
        )
        pages = (self.list_page, self._intake_slot, self.followups, self.masters, self.settings)
        for number, (title, page) in enumerate(zip(titles, pages, strict=True), start=1):
            QListWidgetItem(title, self.nav)
            self.stack.addWidget(page)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number - 1: self.nav.setCurrentRow(n))
        self.nav.setFixedWidth(max(120, self.nav.sizeHintForColumn(0) + 40))
        self.nav.currentRowChanged.connect(self._page_chosen)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(WINDOW_SIZE)

        self.list_page.followupsRequested.connect(lambda: self.show_page("followups"))
        self.list_page.editRequested.connect(self.edit_inquiry)
        self.followups.openRequested.connect(self.open_inquiry)
        self.settings.languageChanged.connect(self.languageChanged)

    def start(self) -> None:
        """Load the start screen; the others load when first shown."""
        self.nav.setCurrentRow(0)
        self.list_page.start()

    def show_page(self, name: str) -> None:
        self.nav.setCurrentRow(PAGES.index(name))

    def restore_geometry(self) -> None:
        state = preferences.window_state(preferences.GEOMETRY_KEY)
        if state is None or not self.restoreGeometry(state):
            self.resize(WINDOW_SIZE)
        self.list_page.restore_splitter()

    def save_geometry(self) -> None:
        preferences.set_window_state(preferences.GEOMETRY_KEY, QByteArray(self.saveGeometry()))
        self.list_page.save_splitter()

    @Slot(str)
    def open_inquiry(self, receipt_no: str) -> None:
        """Show one case in the detail pane of 受付一覧 (from 対応予定)."""
        self.show_page("list")
        self.list_page.table.clearSelection()  # the case may not be on the list's page at all
        self.list_page.detail.show_case(receipt_no)

    @Slot(str)
    def edit_inquiry(self, receipt_no: str) -> None:
        form = self._intake_form()
        if form is not None:
            self.show_page("intake")
            form.load(receipt_no)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_geometry()
        super().closeEvent(event)

    @Slot(int)
    def _page_chosen(self, row: int) -> None:
        name = PAGES[row] if 0 <= row < len(PAGES) else "list"
        if name == "intake" and self._intake_form() is None:
            return
        self.stack.setCurrentIndex(row)
        if name == "followups":
            self.followups.refresh()
        elif name == "masters":
            self.masters.load()

    def _intake_form(self) -> QWidget | None:
        """The intake form, built on first use (it reads its pickers when created)."""
        if self.intake is None:
            try:
                module = importlib.import_module(INTAKE_MODULE)
            except ImportError as exc:
                show_error(self, exc, self.ctx.lang)
                return None
            self.intake = module.IntakeForm(self.ctx, self)
            self.intake.saved.connect(self._inquiry_saved)
            index = self.stack.indexOf(self._intake_slot)
            self.stack.removeWidget(self._intake_slot)
            self._intake_slot.deleteLater()
            self.stack.insertWidget(index, self.intake)
        return self.intake

    @Slot(str)
    def _inquiry_saved(self, _receipt_no: str) -> None:
        self.list_page.refresh()
