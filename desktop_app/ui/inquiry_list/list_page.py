"""受付一覧, the start screen: follow-up counts, the filter bar, the list and the detail pane.

The table is set up for a million rows (docs/gui.md, "The inquiry list at 1,000,000 rows"): fixed
row height, fixed column widths, sorting by the model in SQL; nothing here ever measures every row.
GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import fields
from desktop_app.domain.changes import CASES
from desktop_app.domain.fields import Field, Kind
from desktop_app.domain.local_time import local_today
from desktop_app.services.list_rows import InquiryFilter, ListHead, SortKey
from desktop_app.services.place_items import MunicipalityItem
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.inquiry_list.filter_bar import FilterBar
from desktop_app.ui.inquiry_list.list_model import DEFAULT_SORT, LISTED, InquiryListModel
from desktop_app.ui.style import system_colours
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.columns import fit_columns, fixed_rows
from desktop_app.ui.widgets.freshness import Freshness
from desktop_app.ui.widgets.sort_arrow import SortArrowStyle

if TYPE_CHECKING:  # imported when built, after the first page (see `detail`)
    from desktop_app.services.database import Database
    from desktop_app.ui.inquiry_list.detail_pane import DetailPane

DEFAULT_SPLIT = (820, 380)  # list and detail pane until the person moves the splitter
# The detail pane is built this long after the first page: its modules (the case, its actions,
# the case sheet, openpyxl behind them) and widgets come after the list is on screen.
DETAIL_AFTER_PAINT_MS = 50


class InquiryListPage(QWidget):
    """The list screen; `followupsRequested` asks the window to show 対応予定."""

    followupsRequested = Signal()
    editRequested = Signal(str)
    newRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._opening: str | None = None  # a case being opened from elsewhere (open_case)
        self._first_wanted = False  # Enter in the search box before its results were in
        self.counts = QLabel(self, objectName="followupCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.counts.linkActivated.connect(lambda _link: self.followupsRequested.emit())
        self.match_count = QLabel(self, objectName="matchCount")
        # As wide as any count from the start: a caption changing width at each keystroke would
        # lay out the row above the list again and repaint its rich-text counts with the page.
        self.match_count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        widest = self.tr("{0}件").format("9,999,999")
        self.match_count.setMinimumWidth(self.match_count.fontMetrics().horizontalAdvance(widest))
        self.new_button = QPushButton(self.tr("新規受付 (Ctrl+N)"), self, objectName="newInquiry")
        self.new_button.clicked.connect(self.newRequested)
        # A training database (demo data) says so above its list, so no one records real cases.
        self.training_banner = QLabel(
            self.tr(
                "【研修用】デモデータの入った研修用データベースです。実際の相談は記録しないでください。"
            ),
            self,
            objectName="trainingBanner",
        )
        self.training_banner.setVisible(ctx.training)
        self.filters = FilterBar(ctx, self)
        self.model = InquiryListModel(ctx, self)
        self.table = self._make_table()
        self._detail: DetailPane | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(QWidget(self))  # the detail pane's place until it is built
        # The list keeps two thirds of any width: 件名 must read on a 1366x768 screen.
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)

        header = QHBoxLayout()
        header.addWidget(self.counts, 1)
        header.addWidget(self.match_count)
        header.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.training_banner)
        layout.addLayout(header)
        layout.addWidget(self.filters)
        layout.addWidget(self.splitter, 1)

        self.filters.filterChanged.connect(self._filter_changed)
        self.model.countChanged.connect(self._count_changed)
        self.model.countPending.connect(self._count_pending)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.filters.resultsRequested.connect(self._go_to_results)
        self.model.headLoaded.connect(self._head_loaded)
        self.table.activated.connect(self._open_selected)
        # A write touching cases: read in place while on screen (a save in the detail pane),
        # else again in full when next shown. start() is the first read.
        self.freshness = Freshness(
            self, ctx.runner, CASES.kinds, self.refresh, stale=False, update=self.refresh_in_place
        )

    def start(self, first: ListHead | None = None, today: dt.date | None = None) -> None:
        """First load: the list (受付日, newest first), or its `first` page read already
        (on `today`: ui/app.py, before the database was open); the follow-up counts once its
        first page is in, so nothing else competes with the first page after sign-in."""
        if first is None or today is None:
            self.model.headLoaded.connect(self._first_head, Qt.ConnectionType.SingleShotConnection)
            self.model.reload()
        else:
            # Before the database is open, the detail pane (its modules import the services)
            # is built when asked for or once it is open (ui/app.py).
            self.model.headLoaded.connect(
                self.refresh_counts, Qt.ConnectionType.SingleShotConnection
            )
            self.model.start_with(first, today)

    @Slot()
    def _first_head(self) -> None:
        self.refresh_counts()
        QTimer.singleShot(DETAIL_AFTER_PAINT_MS, self, lambda: self.detail)

    @property
    def detail(self) -> DetailPane:
        """The case beside the list: built after the first page is painted (`start`), or as
        soon as something asks for it, in the place kept for it in the splitter."""
        if self._detail is None:
            from desktop_app.ui.inquiry_list.detail_pane import DetailPane

            pane = DetailPane(self._ctx, self)
            self.model.modelReset.connect(pane.clear)
            pane.editRequested.connect(self.editRequested)
            placeholder = self.splitter.replaceWidget(1, pane)
            if placeholder is not None:
                placeholder.deleteLater()
            _tab_after(self.table, pane)
            self._detail = pane
        return self._detail

    def refresh(self) -> None:
        """After a change elsewhere (the main window's `Freshness`): list and count again."""
        self.model.reload()
        self.refresh_counts()

    def open_case(self, receipt_no: str) -> None:
        """Show a case chosen elsewhere (対応予定) in the list as well as in the detail pane.

        The conditions are cleared so the case is on the list, then its row is found by the
        search service (it may be anywhere in a million) and selected.
        """
        self._opening = receipt_no
        self.filters.clear()
        self.detail.show_case(receipt_no)
        sort, descending = self.model.sort_key
        flt = self.model.current_filter
        self._ctx.query(
            lambda db: _position_of(db, flt, receipt_no, sort, descending),
            on_done=self._select_position,
            owner=self,
        )

    def show_only(self, flt: InquiryFilter, place: MunicipalityItem | None = None) -> None:
        """The inquiries behind a figure chosen elsewhere (a bar, a slice or a place on the
        dashboard): the filter bar shows exactly those conditions, and the list follows it."""
        self.filters.show_only(flt, place)

    def refresh_counts(self) -> None:
        today = local_today()
        self._ctx.query(
            lambda db: _start_counts(db, today),
            on_done=self._show_counts,
            owner=self,
            background=True,
        )

    def restore_splitter(self) -> None:
        state = preferences.window_state(preferences.SPLITTER_KEY)
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes(list(DEFAULT_SPLIT))

    def save_splitter(self) -> None:
        preferences.set_window_state(preferences.SPLITTER_KEY, self.splitter.saveState())

    def _make_table(self) -> QTableView:
        table = QTableView(self, objectName="inquiryTable")
        table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move in it)
        table.setModel(self.model)
        accessible.name(
            table, self.tr("受付一覧"), self.tr("受付番号と件名を読み上げます。Enterで内容へ")
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setAlternatingRowColors(True)
        fixed_rows(table)
        fit_columns(table, [self._sample(f, table) for f in LISTED])
        horizontal = table.horizontalHeader()
        horizontal.setHighlightSections(False)
        self._arrow_style = SortArrowStyle()  # kept: a widget does not own the style it is given
        horizontal.setStyle(self._arrow_style)
        # The indicator first: enabling sorting sorts by it, and this is the model's own order.
        horizontal.setSortIndicator(DEFAULT_SORT, Qt.SortOrder.DescendingOrder)
        table.setSortingEnabled(True)
        # A new filter resets the model; the view would lay out its rows and scroll bars on a
        # timer after the paint the reset asked for, and paint the page a second time. Laid out
        # at once, the page is painted once (search as you type, docs/gui.md).
        self.model.modelReset.connect(table.doItemsLayout)
        return table

    @Slot(object)
    def _sample(self, f: Field, table: QTableView) -> str:
        """The widest text a column usually holds (widgets.columns): the catalogue's sample,
        a vocabulary's longest label in this language, an overdue date with its word."""
        sample = f.in_list.sample if f.in_list else ""
        if fields.column_name(f) == "follow_up_due":
            return self.model.overdue_mark(sample)
        if f.kind is not Kind.CODE:
            return sample
        labels = [label for _, label in self._ctx.vocab.choices(f.vocab or "")] or [sample]
        return max(labels, key=table.fontMetrics().horizontalAdvance)

    def _filter_changed(self, flt: InquiryFilter) -> None:
        self.model.set_filter(flt)

    @Slot(int)
    def _count_changed(self, count: int) -> None:
        self.match_count.setText(self.tr("{0}件").format(f"{count:,}"))

    @Slot()
    def _count_pending(self) -> None:
        """The first page is painted before its count (search as you type): 「…件」 until it."""
        self.match_count.setText(self.tr("…件"))

    def _show_counts(self, counts: tuple[int, int]) -> None:
        due_today, overdue = counts
        red = "" if system_colours() else " style='color:#a4262c'"  # the words say it too
        text = self.tr("本日期限 {0}件　期限超過 {1}件").format(
            f"{due_today:,}", f"<span{red}><b>{overdue:,}</b></span>"
        )
        link = self.tr("対応予定を見る")
        self.counts.setText(f"{text}　<a href='followups'>{link}</a>")

    @Slot()
    def _go_to_results(self) -> None:
        """The keyboard's way from the search box to the list: the first result, selected."""
        self.table.setFocus()
        if self.model.loading:
            self._first_wanted = True
        else:
            self._select_first()

    @Slot()
    def _head_loaded(self) -> None:
        if self._first_wanted:
            self._first_wanted = False
            self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot()
    def _open_selected(self) -> None:
        """Enter (or a double click) on a result: the case is shown; the keyboard goes there."""
        self.detail.summary.setFocus()

    def _select_position(self, position: int | None) -> None:
        if position is None:  # deleted meanwhile: the pane says so, the list stays as it is
            self._opening = None
            return
        index = self.model.index(position, 0)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.selectRow(position)
        self.table.setCurrentIndex(index)
        self._opening = None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is not None:
            self.detail.show_case(row.receipt_no)
        elif self._opening is None:  # a row not read yet, selected for a case being opened
            self.detail.clear()

    def refresh_in_place(self) -> None:
        """A change while the list is on screen (a save in the detail pane, the day's
        erasure): the shown rows and the counts again; order, selection and case stay."""
        self.model.refresh_rows()
        self.refresh_counts()


def _position_of(
    db: Database, flt: InquiryFilter, receipt_no: str, sort: SortKey, descending: bool
) -> int | None:
    """Worker job: where the case is in the list. The services are imported by the worker's
    jobs, not at this module's top: the list is built before SQLAlchemy is imported."""
    from desktop_app.services import search

    return search.position_of(db, flt, receipt_no, sort, descending)


def _start_counts(db: Database, today: dt.date) -> tuple[int, int]:
    """Worker job: today's and the overdue follow-ups (see `_position_of` on the import)."""
    from desktop_app.services import followups

    return followups.start_counts(db, today)


def _tab_after(anchor: QWidget, pane: QWidget) -> None:
    """Put `pane`'s Tab stops right after `anchor`, in their own order: a pane built after the
    window comes last in its focus chain, and Tab must read on as the screen does."""
    stops, widget = [], pane.nextInFocusChain()
    while widget is not pane and widget is not None:
        if pane.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    previous = anchor
    for stop in stops:
        QWidget.setTabOrder(previous, stop)
        previous = stop
