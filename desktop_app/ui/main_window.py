"""The desk's main window: a navigation list on the left and one screen at a time.

Screens: 受付一覧 (the start screen, with today's and overdue follow-up counts), 新規受付 (the
intake form, built on first use), 対応予定, ダッシュボード (a click on a figure shows its
inquiries in 受付一覧), 報告書作成, 取込・送付 (its navigation entry carries the count of
open sync conflicts), マスタ, 操作記録 (the audit trail, for supervisors), 設定. Geometry and
the list's splitter are remembered in QSettings. The status bar names who is signed in, with
サインアウト beside it; after the office's idle minutes (or the shorter time the person chose
in 設定) without input the idle lock covers the window until their password is given again or
another member of staff signs in (ui/sign_in/idle_lock.py). The window owns no data: each
screen talks to the services through the AppContext it is given. GUI thread only.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from desktop_app.domain.actor import ROLE_LABELS, Permission
from desktop_app.domain.changes import CASES, NOTHING, Changes, Kind
from desktop_app.domain.messages import render
from desktop_app.services.idle_limits import effective
from desktop_app.services.list_rows import InquiryFilter
from desktop_app.services.place_items import MunicipalityItem
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.inquiry_list.list_page import InquiryListPage
from desktop_app.ui.plain_imports import plain_imports
from desktop_app.ui.sign_in.idle_lock import IdleLock
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.freshness import Freshness
from desktop_app.ui.widgets.permitted import refusal
from desktop_app.ui.widgets.screen_fit import place_window

if TYPE_CHECKING:  # the other screens are imported when first shown (start-up time)
    from desktop_app.services.database import Database
    from desktop_app.services.light_window import WindowStart
    from desktop_app.ui.audit.audit_page import AuditPage
    from desktop_app.ui.exchange.exchange_page import ExchangePage
    from desktop_app.ui.followups.followups_page import FollowUpsPage
    from desktop_app.ui.masters.masters_page import MastersPage
    from desktop_app.ui.reports.report_page import ReportPage
    from desktop_app.ui.settings.settings_page import SettingsPage

WINDOW_SIZE = QSize(1280, 800)
CONFLICTS_AFTER_PAINT_MS = 300
PAGES = (
    "list",
    "intake",
    "followups",
    "dashboard",
    "reports",
    "exchange",
    "masters",
    "audit",
    "settings",
)
DASHBOARD, INTAKE = "dashboard", "intake"
INTAKE_MODULE = "desktop_app.ui.intake.intake_form"
_MODULES = {DASHBOARD: "desktop_app.ui.dashboard.dashboard_page", INTAKE: INTAKE_MODULE}
# Screens a role may not use: their navigation entries are greyed, with the reason.
PAGE_PERMISSIONS = {"exchange": Permission.EXCHANGE, "audit": Permission.AUDIT}
# Screens taller or wider than a 1366x768 screen at 125% leaves them (about 1090x580): they
# scroll in the window instead of making the window larger than the screen.
DASHBOARD_MIN_HEIGHT = 640
# What each screen shows, as kinds of change (domain.changes): a screen re-reads when a write
# touched one of them (at once if on screen, else when next shown) and not on every show.
# 操作記録 and 設定 read on every show: every action (a sign-in, a refusal) is an audit entry,
# and 設定 lists backup files, which no database write announces.
# 受付一覧 and 取込・送付 keep their own watch (their `freshness`), so they also work alone.
SHOWS: dict[str, frozenset[Kind]] = {
    "followups": CASES.kinds,
    DASHBOARD: CASES.kinds,
    "masters": frozenset({Kind.MASTERS}),
}
_SCROLLED = frozenset({DASHBOARD, "reports", "exchange", "audit"})


class MainWindow(QMainWindow):
    """Navigation and screens; `show_page(name)` switches (names in PAGES).

    `languageChanged(str)` and `restoreRequested(Path)` are re-emitted from 設定 for ui.app,
    which rebuilds the window (after restoring the backup). `idle_maximum`: the office's idle
    maximum, read already (the window built before the database is open, ui/app.py).
    """

    languageChanged = Signal(str)
    # A backup to restore, and the backup password for an encrypted one (else "").
    restoreRequested = Signal(Path, str)  # noqa: N815 (Qt signal naming)
    signOutRequested = Signal()  # noqa: N815 (Qt signal naming): サインアウト, or another person
    rebuildRequested = Signal()  # noqa: N815 (Qt signal naming): 文字の大きさ changed in 設定
    # (erased, due) from the retention's run on the worker thread: shown in the status bar.
    retentionProgress = Signal(int, int)  # noqa: N815 (Qt signal naming)

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, idle_maximum: int | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = (
            self.tr("連携デスク【研修用】 — {0}") if ctx.training else self.tr("連携デスク — {0}")
        )
        self.setWindowTitle(title.format(ctx.vocab.office(ctx.office)))
        self.nav = QListWidget(self, objectName="navigation")
        # Larger text: tighter entries (desk.qss), so all nine fit a 1366x768 screen at 150%.
        self.nav.setProperty("compact", self.nav.font().pointSizeF() > preferences.DEFAULT_FONT_PT)
        self.stack = QStackedWidget(self)
        self.list_page = InquiryListPage(ctx, self)
        # Other screens are built on first use (the start-up budget, docs/architecture.md).
        self._built: dict[str, QWidget] = {"list": self.list_page}
        self._fresh = self._watch_changes()
        titles = (
            self.tr("受付一覧"),
            self.tr("新規受付"),
            self.tr("対応予定"),
            self.tr("ダッシュボード"),
            self.tr("報告書作成"),
            self.tr("取込・送付"),
            self.tr("マスタ"),
            self.tr("操作記録"),
            self.tr("設定"),
        )
        for number, (title, name) in enumerate(zip(titles, PAGES, strict=True), start=1):
            keys = QKeySequence(f"Ctrl+{number}")
            # The shortcut stands under its screen's name, so it is learnt by looking.
            shown = keys.toString(QKeySequence.SequenceFormat.NativeText)
            item = QListWidgetItem(f"{title}\n{shown}", self.nav)
            item.setToolTip(self.tr("{0}（{1}）").format(title, shown))
            if not self.may_open(name):  # greyed with the reason, before it is tried
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(refusal(ctx.actor, PAGE_PERMISSIONS[name], ctx.lang) or "")
            self.stack.addWidget(self._built.get(name) or QWidget(self))
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda n=number - 1: self._go_to(n))
        new_shortcut = QShortcut(QKeySequence.StandardKey.New, self)
        new_shortcut.activated.connect(self.new_inquiry)
        # Ctrl+F from anywhere: 受付一覧 with the keyboard in its search box.
        self.find_shortcut = QShortcut(QKeySequence.StandardKey.Find, self)
        self.find_shortcut.activated.connect(self.focus_search)
        self.nav.setFixedWidth(max(120, self.nav.sizeHintForColumn(0) + 24))
        accessible.name(self.nav, self.tr("画面"))
        self.nav.currentRowChanged.connect(self._page_chosen)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(WINDOW_SIZE)
        role = ROLE_LABELS[ctx.actor.role]
        self.signed_in = QLabel(
            self.tr("サインイン中: {0}（{1}・{2}）").format(
                ctx.actor.name, ctx.actor.login, role.en if ctx.lang.startswith("en") else role.ja
            ),
            self,
            objectName="signedIn",
        )
        self.statusBar().addPermanentWidget(self.signed_in)
        self.sign_out_button = QPushButton(self.tr("サインアウト"), self, objectName="signOut")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.statusBar().addPermanentWidget(self.sign_out_button)
        self.retentionProgress.connect(self._show_retention_progress)
        self.idle_lock = IdleLock(ctx, self, self.idle_minutes(idle_maximum))
        self.idle_lock.panel.switchRequested.connect(self.sign_out)

        help_menu = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        self.about_action = help_menu.addAction(self.tr("バージョン情報(&A)"))
        self.about_action.triggered.connect(self.show_about)

        self.list_page.followupsRequested.connect(lambda: self.show_page("followups"))
        self.list_page.editRequested.connect(self.edit_inquiry)
        self.list_page.newRequested.connect(self.new_inquiry)

    @property
    def followups(self) -> FollowUpsPage:
        return cast("FollowUpsPage", self._page("followups"))

    @property
    def masters(self) -> MastersPage:
        return cast("MastersPage", self._page("masters"))

    @property
    def dashboard(self) -> Any:
        """The DashboardPage (built on first use; its module loads QtCharts)."""
        return self._page("dashboard")

    @property
    def reports(self) -> ReportPage:
        return cast("ReportPage", self._page("reports"))

    @property
    def exchange(self) -> ExchangePage:
        return cast("ExchangePage", self._page("exchange"))

    @property
    def audit(self) -> AuditPage:
        return cast("AuditPage", self._page("audit"))

    @property
    def settings(self) -> SettingsPage:
        return cast("SettingsPage", self._page("settings"))

    @property
    def intake(self) -> QWidget | None:
        """The intake form once built (None before its first use or when it cannot load)."""
        return self._built.get("intake")

    def start(self, first: WindowStart | None = None) -> None:
        """Load the start screen (from its `first` page, read before the database was open);
        the others load when first shown."""
        self.nav.setCurrentRow(0)
        # The conflict count and the idle lock's watching of input a moment after the list's
        # first page is painted: nothing else before it (start-up).
        self.list_page.model.headLoaded.connect(
            lambda: QTimer.singleShot(CONFLICTS_AFTER_PAINT_MS, self, self._after_first_page),
            Qt.ConnectionType.SingleShotConnection,
        )
        if first is None:
            self.list_page.start()
        else:
            self.list_page.start(first.head, first.today)

    def _watch_changes(self) -> dict[str, Freshness]:
        """Every write's changes heard; 受付一覧 keeps its own watch (the others come with
        their screens, on first use)."""
        self.ctx.runner.changed.connect(self._data_changed)
        return {"list": self.list_page.freshness}

    @Slot(object)
    def _data_changed(self, changes: Changes) -> None:
        """A conflict resolved or imported: the count under 取込・送付 is read again."""
        if changes.touches({Kind.CONFLICTS}):
            self._count_conflicts()

    @Slot()
    def _after_first_page(self) -> None:
        """What waits for the first page: the conflict count, and the idle lock's watching
        of input (IdleLock.watch)."""
        self.idle_lock.watch()
        self._count_conflicts()

    def _count_conflicts(self) -> None:
        self.ctx.query(_open_conflicts, on_done=self.show_conflict_count, owner=self)

    @Slot()
    def show_about(self) -> QDialog:
        from desktop_app.ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.open()
        return dialog

    @Slot(int, int)
    def _show_retention_progress(self, done: int, due: int) -> None:
        """How far the retention's erasure got; the last report stays for 10 seconds."""
        code = "retention_progress" if done < due else "retention_progress_done"
        text = render(code, self.ctx.lang, done=f"{done:,}", due=f"{due:,}")
        self.statusBar().showMessage(text, 0 if done < due else 10_000)

    def say_upgraded(self, text: str, *, modal: bool) -> None:
        """The database was upgraded on open: said in the status bar for as long as the window
        is open, and (`modal`) in a message box the person closes."""
        self.statusBar().showMessage(text)
        if modal:
            box = QMessageBox(
                QMessageBox.Icon.Information, self.tr("データベースの更新"), text, parent=self
            )
            box.setObjectName("upgradeNotice")
            box.open()

    @Slot(int)
    def show_conflict_count(self, count: int) -> None:
        """「競合 3」 under 取込・送付 while sync conflicts wait for a person.

        A line of its own, so that the navigation keeps its width (the list needs it).
        """
        item = self.nav.item(PAGES.index("exchange"))
        lines = item.text().split("\n")
        waiting = [self.tr("競合 {0} 件").format(count)] if count else []
        item.setText("\n".join([lines[0], *waiting, lines[-1]]))
        accessible.announce(self.nav, "".join(waiting))  # said, not only shown

    def show_page(self, name: str) -> None:
        if self.may_open(name):
            self.nav.setCurrentRow(PAGES.index(name))

    def may_open(self, name: str) -> bool:
        """Whether the signed-in role may use screen `name` (取込・送付, 操作記録)."""
        needed = PAGE_PERMISSIONS.get(name)
        return needed is None or self.ctx.actor.may(needed)

    @Slot()
    def focus_search(self) -> None:
        """Ctrl+F (and Ctrl+1): the list's search box focused, its text selected to retype."""
        self.show_page("list")
        search = self.list_page.filters.text
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def _go_to(self, row: int) -> None:
        """Ctrl+<n>: screen n; 受付一覧 lands in its search box, where work there starts."""
        if row == PAGES.index("list"):
            self.focus_search()
        else:
            self.show_page(PAGES[row])

    def restore_geometry(self) -> None:
        """The remembered place if it is still on screen; else fitted, or maximised on a
        small screen (1366x768, or 125% scaling): widgets.screen_fit.place_window."""
        place_window(self, WINDOW_SIZE, preferences.window_state(preferences.GEOMETRY_KEY))
        self.list_page.restore_splitter()

    def save_geometry(self) -> None:
        preferences.set_window_state(preferences.GEOMETRY_KEY, QByteArray(self.saveGeometry()))
        self.list_page.save_splitter()

    @Slot(str)
    def open_inquiry(self, receipt_no: str) -> None:
        """Show one case in 受付一覧, selected in the list and in the detail pane (対応予定)."""
        self.show_page("list")
        self.list_page.open_case(receipt_no)

    @Slot(object, object)
    def show_inquiries(self, flt: InquiryFilter, place: MunicipalityItem | None) -> None:
        """受付一覧 with exactly the conditions of a figure chosen on the dashboard."""
        self.show_page("list")
        self.list_page.show_only(flt, place)

    @Slot()
    def new_inquiry(self) -> None:
        """Ctrl+N or 新規: a blank intake form; one with unsaved entries is shown, not wiped."""
        form = self._page("intake")
        if form is None:
            return
        self.show_page("intake")
        if not cast(Any, form).is_dirty():
            cast(Any, form).new()

    def keep_draft(self) -> None:
        """What the intake form holds but has not yet kept as its draft, kept now."""
        form = self.intake
        if form is not None:
            cast(Any, form).keep_pending_draft()

    @Slot(str)
    def edit_inquiry(self, receipt_no: str) -> None:
        form = self._page("intake")
        if form is not None:
            self.show_page("intake")
            cast(Any, form).load(receipt_no)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.keep_draft()  # the last second of typing: kept for the next start, not lost
        self.save_geometry()
        super().closeEvent(event)

    @Slot(int)
    def _page_chosen(self, row: int) -> None:
        name = PAGES[row] if 0 <= row < len(PAGES) else "list"
        if not self.may_open(name) or self._page(name) is None:
            return
        self.stack.setCurrentIndex(row)
        if name in self._fresh:
            self._fresh[name].shown()  # only if something it shows changed since
        elif name == "audit":
            self.audit.refresh()
        elif name == "settings":
            self.settings.refresh()

    def idle_minutes(self, limit: int | None = None) -> int:
        """The person's own minutes, shortened to the office's maximum (idle_policy; read
        now unless `limit` gives it)."""
        if limit is None:
            from desktop_app.services import idle_policy

            limit = self.ctx.query_now(idle_policy.maximum)
        return effective(preferences.idle_minutes(), limit)

    @Slot()
    def apply_idle_minutes(self) -> None:
        """A change in 設定 (the person's time or the office's maximum), in force at once."""
        self.idle_lock.set_minutes(self.idle_minutes())

    @Slot()
    def sign_out(self) -> None:
        """Leave the desk: ui.app closes this window and asks who signs in next."""
        from desktop_app.services import staff

        actor = self.ctx.actor
        self.ctx.write_now(lambda db: staff.sign_out(db, actor=actor), NOTHING)  # an audit entry
        self.signOutRequested.emit()

    def _page(self, name: str) -> QWidget | None:
        """The screen `name`, built and put in its place in the stack on first use."""
        if name not in self._built:
            with plain_imports():  # its modules, without PySide6's source scan of each
                page = self._build(name)
            if page is None:
                return None
            index = PAGES.index(name)
            placeholder = self.stack.widget(index)
            assert placeholder is not None  # every page has its place in the stack from the start
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.insertWidget(index, _scrolled(page) if name in _SCROLLED else page)
            self._built[name] = page
            if name == "exchange":
                self._fresh[name] = cast("ExchangePage", page).freshness
            elif name in SHOWS:
                reload = cast(Any, page).load if name == "masters" else cast(Any, page).refresh
                self._fresh[name] = Freshness(page, self.ctx.runner, SHOWS[name], reload)
        return self._built[name]

    def _build(self, name: str) -> QWidget | None:
        """Screen `name`, its module imported only now: the first page paints without them."""
        if name in (DASHBOARD, INTAKE):
            return self._build_imported(name)
        page: QWidget
        if name == "followups":
            from desktop_app.ui.followups.followups_page import FollowUpsPage

            page = FollowUpsPage(self.ctx, self)
            page.openRequested.connect(self.open_inquiry)
        elif name == "exchange":
            from desktop_app.ui.exchange.exchange_page import ExchangePage

            page = ExchangePage(self.ctx, self)
            page.conflictCountChanged.connect(self.show_conflict_count)
        elif name == "settings":
            from desktop_app.ui.settings.settings_page import SettingsPage

            page = SettingsPage(self.ctx, self)
            page.languageChanged.connect(self.languageChanged)
            page.restoreRequested.connect(self.restoreRequested)
            page.idleChanged.connect(self.apply_idle_minutes)
            page.textScaleChanged.connect(self.rebuildRequested)
        elif name == "audit":
            from desktop_app.ui.audit.audit_page import AuditPage

            page = AuditPage(self.ctx, self)
        elif name == "masters":
            from desktop_app.ui.masters.masters_page import MastersPage

            page = MastersPage(self.ctx, self)
        else:
            from desktop_app.ui.reports.report_page import ReportPage

            page = ReportPage(self.ctx, self)
        return page

    def _build_imported(self, name: str) -> QWidget | None:
        """The dashboard and the intake form: their own packages, reached only through their
        constructors (the dashboard's loads QtCharts, which start-up does not wait for)."""
        try:
            module = importlib.import_module(_MODULES[name])
        except ImportError as exc:
            show_error(self, exc, self.ctx.lang)
            return None
        if name == DASHBOARD:
            page = module.DashboardPage(self.ctx, self)
            # Below this the charts drop their labels: at 125% the page scrolls instead.
            # Taller with larger text (文字の大きさ), so the charts keep their labels at 150%.
            scale = max(1.0, page.font().pointSizeF() / preferences.DEFAULT_FONT_PT)
            page.setMinimumHeight(round(DASHBOARD_MIN_HEIGHT * scale))
            page.inquiriesRequested.connect(self.show_inquiries)
            return cast(QWidget, page)
        return cast(QWidget, module.IntakeForm(self.ctx, self))  # its saves announce CASES


def _open_conflicts(db: Database) -> int:
    """Worker job: the open conflicts' count. The module is imported here, on the worker,
    after the first page: it brings the package format and openpyxl (a third of a second)."""
    from desktop_app.services import conflicts

    return conflicts.open_count(db)


def _scrolled(page: QWidget) -> QScrollArea:
    """`page` filling a scroll area: as large as the window allows, scrolled below its minimum."""
    area = QScrollArea(page.parentWidget())
    area.setObjectName(f"{page.objectName() or type(page).__name__}Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(page)
    return area
