"""The inquiry list as a table model that never holds the table.

`rowCount` is the match count; rows come in pages of PAGE from `services.search`: the first page
with the count, then the ordered key list (an `array('q')`, 8 MB at 1,000,000 rows, read on the
runner's background lane), then any page the view paints, by key; until the keys are in, the last
pages are read in reverse order, so scrolling to the end never waits for them. Sorting is a new SQL
order, never a proxy model (docs/gui.md, "The inquiry list at 1,000,000 rows"). Every query runs on
the DbRunner; replies from an older filter or order are recognised by their generation number and
dropped. GUI thread only.

Search as you type: the key list (seconds for a common term at 1M rows) is read only once the
list has stayed on one filter for KEYS_QUIET_MS after its first page, or at once when the view
asks for a page beyond the first and the last ones; a new filter stops the older filter's reads
still queued or running (services/stale_reads.py), so the first page of what the person typed
last never waits behind the answers to what they typed before. The texts of a row are made
once, when its page arrives, so a repaint asks nothing of Python but a tuple look-up.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind
from desktop_app.domain.local_time import local_today
from desktop_app.services.list_rows import (
    SORT_KEYS,
    InquiryFilter,
    InquiryRow,
    ListHead,
    SortKey,
    for_actor,
)
from desktop_app.services.stale_reads import Staleness, StaleRead
from desktop_app.ui.context import AppContext
from desktop_app.ui.style import tint
from desktop_app.ui.vocab import format_date

if TYPE_CHECKING:  # the search service is imported by the worker's jobs, not here (start-up)
    from desktop_app.services.database import Database

PAGE = 100
# The key list waits until the filter has stayed this long after its first page: typing on
# asks for another one (the debounce is 250 ms; a slower typist's next key comes within a
# second), and a person who pauses to read is still reading the first page.
KEYS_QUIET_MS = 1000
COUNT_AFTER_PAINT_MS = 50  # a count the first page came without is asked for after its paint
MAX_PAGES = 60  # pages kept in memory; the rest are read again when scrolled back to
TAIL_ROWS = 2 * PAGE  # the end of the list is read in reverse order before the keys arrive
OVERDUE_BACKGROUND = QColor("#fde4e1")
OVERDUE_TEXT = QColor("#a4262c")


def _sort_key(name: str) -> SortKey | None:
    """The search service's order of a column's name, or None (the column is not sorted)."""
    return name if name in SORT_KEYS else None


# The columns are the field catalogue's (`in_list`: place, width sample, heading); 次回期限 and
# 件名 come first, so on a 1366x768 screen beside the detail pane they read without scrolling.
# A column is sorted in SQL when the search service has an order of its name (SORT_KEYS).
LISTED: tuple[Field, ...] = fields.list_columns()
COLUMNS: tuple[tuple[str, SortKey | None], ...] = tuple(
    (name, _sort_key(name)) for name in map(fields.column_name, LISTED)
)
# Where the list's row names a column's value otherwise than the column (services.search).
_ROW_ATTRIBUTES = {"office": "office_code", "inquirer": "inquirer_label"}
COLUMN_NAMES = tuple(name for name, _ in COLUMNS)
DEFAULT_SORT = COLUMN_NAMES.index("received_at")
_STATUS = COLUMN_NAMES.index("status")

Index = QModelIndex | QPersistentModelIndex
_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleDescriptionRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


T = TypeVar("T")


def load_head(
    db: Database,
    flt: InquiryFilter,
    sort: SortKey,
    descending: bool,
    stale: Staleness | None = None,
) -> ListHead:
    """Worker job: the first page, with its count when the index gives it at once (a count
    that walks rows follows on its own, `count_inquiries`), so the list can paint at once.

    This module imports no SQLAlchemy at its top (the list is built before the database layer
    has finished importing, ui/app.py): the search service is imported by the worker's jobs."""
    from desktop_app.services import search

    return search.list_head(db, flt, sort, descending, PAGE, stale=stale)


def _ordered_pks(
    db: Database, flt: InquiryFilter, sort: SortKey, descending: bool, stale: Staleness
) -> array[int]:
    """Worker job: every matching key in list order (`load_head` says why it imports here)."""
    from desktop_app.services import search

    return search.ordered_pks(db, flt, sort, descending, stale=stale)


def _count(db: Database, flt: InquiryFilter, stale: Staleness) -> int:
    """Worker job: the count the first page came without."""
    from desktop_app.services import search

    return search.count_inquiries(db, flt, stale=stale)


def _rows_by_pk(db: Database, keys: list[int], today: dt.date) -> list[InquiryRow]:
    """Worker job: the rows of one page of the key list."""
    from desktop_app.services import search

    return search.rows_by_pk(db, keys, today=today)


def _first_rows(
    db: Database, flt: InquiryFilter, sort: SortKey, descending: bool, limit: int
) -> list[InquiryRow]:
    """Worker job: the end of the list, read in reverse order."""
    from desktop_app.services import search

    return search.first_rows(db, flt, sort, descending, limit)


def unless_stale(job: Callable[[], T]) -> T | None:
    """Worker side: `job()`, or None when a newer filter stopped it (its answer is dropped)."""
    try:
        return job()
    except StaleRead:
        return None


class InquiryListModel(QAbstractTableModel):
    """Rows of the inquiry list, paged from the search service (see the module docstring).

    Signals: `countChanged(int)` when a new filter or order has been counted (`countPending`
    when its first page came before its count), `headLoaded` when
    the first page is in place, `keysLoaded` when every row can be fetched (scrolling anywhere).
    """

    countChanged = Signal(int)
    countPending = Signal()  # the first page is in, its count still being read
    headLoaded = Signal()
    keysLoaded = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._headers = tuple(self._heading(f) for f in LISTED)
        self._filter = InquiryFilter()
        self._loading_filter = self._filter  # with `today` set: what the current rows answer
        self._sort: SortKey = "received_at"
        self._descending = True
        self._generation = 0  # bumped by every new filter or order
        self._head_generation = 0  # the generation whose first page is shown
        self._epoch = 0  # bumped when the cached rows are dropped (refresh_rows)
        self._count = 0
        self._keys: array[int] | None = None
        self._keys_generation = 0  # the generation `_keys` belongs to
        self._keys_asked = 0  # the generation whose key list has been asked for
        self._stale = Staleness()  # stops the reads of the current generation
        self._keys_timer = QTimer(self, singleShot=True, interval=KEYS_QUIET_MS)
        self._keys_timer.timeout.connect(self._fetch_keys)
        self._pages: OrderedDict[int, list[InquiryRow | None]] = OrderedDict()
        self._shown: dict[int, tuple[str, ...]] = {}  # a row's texts by key (see _texts)
        self._requested: set[int] = set()

    # -- what the screen asks -------------------------------------------------------------

    @property
    def current_filter(self) -> InquiryFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[SortKey, bool]:
        return self._sort, self._descending

    @property
    def loading(self) -> bool:
        """Whether the first page of the current filter and order is still being read."""
        return self._head_generation != self._generation

    def set_filter(self, flt: InquiryFilter) -> None:
        # A clerk cannot probe a phone digit by digit (services.search, `phones_whole`).
        self._filter = for_actor(flt, self._ctx.actor)
        self.reload()

    def reload(self) -> None:
        """Count and order again with the current filter (after a save or a new filter).

        The reads still queued or running for the previous filter or order are stopped; the
        key list is asked for later (see the module docstring).
        """
        self._stale.stop()
        self._stale = stale = Staleness()
        self._keys_timer.stop()
        self._generation += 1
        generation = self._generation
        flt = replace(self._filter, today=local_today())
        self._loading_filter = flt
        db, sort, descending = self._ctx.db, self._sort, self._descending
        self._ctx.runner.query(
            lambda: unless_stale(lambda: load_head(db, flt, sort, descending, stale)),
            on_done=lambda head: self._head_loaded(generation, head),
            owner=self,
        )

    def start_with(self, head: ListHead, today: dt.date) -> None:
        """The first load, its first page read already (before the database was open: the
        unfiltered list in its start order, judged on `today`, services/light_window.py):
        shown as the reply to `reload` would be; the key list and the rest follow on the
        worker as after any first page."""
        self._stale.stop()
        self._stale = Staleness()
        self._generation += 1
        self._loading_filter = replace(self._filter, today=today)
        self._head_loaded(self._generation, head)

    def _fetch_keys(self) -> None:
        """Ask for the current generation's key list, once."""
        generation, runner = self._generation, self._ctx.runner
        if self._keys_asked == generation or runner.stopped:
            return
        self._keys_asked = generation
        self._keys_timer.stop()
        db, flt, stale = self._ctx.db, self._loading_filter, self._stale
        sort, descending = self._sort, self._descending
        runner.query(
            lambda: unless_stale(lambda: _ordered_pks(db, flt, sort, descending, stale)),
            on_done=lambda keys: self._keys_loaded(generation, keys),
            owner=self,
            background=True,  # seconds at 1M rows: clicks, saves, pages must not wait
        )

    def refresh_rows(self) -> None:
        """Read the shown rows again (a row changed) without recounting or reordering."""
        self._epoch += 1
        self._pages.clear()
        self._shown.clear()
        self._requested.clear()
        if self._count:
            self._emit_changed(0, self._count - 1)

    def row_at(self, row: int) -> InquiryRow | None:
        page = self._pages.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    # -- QAbstractTableModel ------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A repaint asks each cell for a dozen roles; those never answered cost nothing.
        if role not in _ANSWERED or not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self._row_or_request(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            if row is None:
                return "…" if index.column() == 0 else ""
            return self._texts(row)[index.column()]
        if row is not None and role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self.spoken(row)
        if row is not None and row.overdue:
            return self._overdue_decoration(role, COLUMN_NAMES[index.column()])
        return None

    def overdue_mark(self, due: str) -> str:
        """An overdue due date with the word beside it: never told by its colour alone."""
        return self.tr("{0} 超過").format(due)

    def spoken(self, row: InquiryRow) -> str:
        """What a screen reader says of the current row, whichever cell it is on: the
        receipt number, the subject, the status, and that it is overdue."""
        words = [row.receipt_no, row.subject, self._texts(row)[_STATUS]]
        if row.overdue:
            words.append(self.tr("期限超過"))
        return self.tr("、").join(words)

    def _overdue_decoration(self, role: int, column: str) -> Any:
        """An overdue open inquiry is tinted, its due date in red (the system's colours in
        high contrast: ui/style.py), with a tooltip saying why."""
        if role == Qt.ItemDataRole.BackgroundRole:
            return tint(OVERDUE_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole and column == "follow_up_due":
            return tint(OVERDUE_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("期限を過ぎています")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order in SQL by the column's key; columns without one keep the current order."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column][1]
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self.reload()

    # -- loading ------------------------------------------------------------------------

    def _head_loaded(self, generation: int, head: ListHead | None) -> None:
        if generation != self._generation or head is None:
            return
        rows = head.rows
        # Fewer rows than a page: they are every match, whatever the count would say.
        count = len(rows) if head.count is None and len(rows) < PAGE else head.count
        # The key list runs on the read lane and may come back first: then it is kept (and is
        # the truth about the count), or pages asked for before the head would never load.
        keys = self._keys if self._keys_generation == generation else None
        self._head_generation = generation
        self.beginResetModel()
        self._count = len(keys) if keys is not None else len(rows) if count is None else count
        self._keys = keys
        self._pages = OrderedDict({0: list(rows)}) if rows else OrderedDict()
        self._shown.clear()
        self._requested = {0}
        self.endResetModel()
        if keys is not None or count is not None:
            self.countChanged.emit(self._count)
        else:
            self.countPending.emit()
            # After the paint this reset asked for: the first page is what the person waits for.
            QTimer.singleShot(COUNT_AFTER_PAINT_MS, self, lambda: self._fetch_count(generation))
        self.headLoaded.emit()
        if keys is None and count is not None and count > len(rows):
            self._keys_timer.start()  # restarted by every first page: typing goes on

    def _fetch_count(self, generation: int) -> None:
        """The count of a list whose first page came without it (after it, on the same lane)."""
        if generation != self._generation or self._ctx.runner.stopped:
            return  # typed on meanwhile: the newer filter counts its own
        db = self._ctx.db
        flt, stale = self._loading_filter, self._stale
        self._ctx.runner.query(
            lambda: unless_stale(lambda: _count(db, flt, stale)),
            on_done=lambda count: self._count_loaded(generation, count),
            owner=self,
        )

    def _count_loaded(self, generation: int, count: int | None) -> None:
        if generation != self._generation or count is None:
            return
        if self._keys_generation != generation and count > self._count:
            # The rows past the first page, as yet unread (the key list did not come first).
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif self._keys_generation != generation and count < self._count:
            # Deleted between the first page and the count: the first page is read again.
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()
            self.refresh_rows()
        self.countChanged.emit(self._count)
        if self._keys_generation != generation:
            self._keys_timer.start()

    def _keys_loaded(self, generation: int, keys: array[int] | None) -> None:
        if generation != self._generation or keys is None:
            return
        self._keys_generation = generation
        if len(keys) != self._count:
            # A save landed between the count and the key list: the key list is the truth.
            self.beginResetModel()
            self._count = len(keys)
            self._pages.clear()
            self._shown.clear()
            self._requested.clear()
            self._keys = keys
            self.endResetModel()
            self.countChanged.emit(self._count)
        else:
            self._keys = keys
            wanted = self._requested - set(self._pages)
            self._requested -= wanted
            for page in sorted(wanted):
                self._request(page)
        self.keysLoaded.emit()

    def _row_or_request(self, row: int) -> InquiryRow | None:
        page = row // PAGE
        if page in self._pages:
            self._pages.move_to_end(page)
            return self.row_at(row)
        self._request(page)
        return None

    def _request(self, page: int) -> None:
        if page in self._requested:
            return
        self._requested.add(page)
        if self._keys is None:
            # The last pages can be read in the opposite order at once (scroll to the end right
            # after opening); any other page is asked again when the key list arrives, asked
            # for now if the first page is in.
            if not self._request_tail(page) and not self.loading:
                self._fetch_keys()
            return
        stamp = (self._generation, self._epoch)
        keys = self._keys[page * PAGE : (page + 1) * PAGE].tolist()
        today = local_today()
        self._ctx.query(
            lambda db: _rows_by_pk(db, keys, today),
            on_done=lambda rows: self._page_loaded(stamp, page, keys, rows),
            owner=self,
        )

    def _request_tail(self, page: int) -> bool:
        """Read `page` from the end of the list in reverse order, if it is near enough."""
        wanted = self._count - page * PAGE
        if not 0 < wanted <= TAIL_ROWS:
            return False
        stamp = (self._generation, self._epoch)
        flt, sort = self._loading_filter, self._sort
        backwards = not self._descending  # the order is total (the key breaks ties): exact
        self._ctx.query(
            lambda db: _first_rows(db, flt, sort, backwards, wanted),
            on_done=lambda rows: self._tail_loaded(stamp, page, rows),
            owner=self,
        )
        return True

    def _tail_loaded(self, stamp: tuple[int, int], first_page: int, rows: list[InquiryRow]) -> None:
        if stamp != (self._generation, self._epoch) or first_page in self._pages:
            return
        ordered: list[InquiryRow | None] = list(reversed(rows))
        for offset in range(0, len(ordered), PAGE):
            self._pages[first_page + offset // PAGE] = ordered[offset : offset + PAGE]
        self._emit_changed(first_page * PAGE, self._count - 1)

    def _page_loaded(
        self, stamp: tuple[int, int], page: int, keys: list[int], rows: list[InquiryRow]
    ) -> None:
        if stamp != (self._generation, self._epoch):
            return
        by_pk = {row.pk: row for row in rows}
        self._pages[page] = [by_pk.get(pk) for pk in keys]
        while len(self._pages) > MAX_PAGES:
            evicted, _ = self._pages.popitem(last=False)
            self._requested.discard(evicted)
        first = page * PAGE
        self._emit_changed(first, min(first + PAGE, self._count) - 1)

    def _emit_changed(self, first: int, last: int) -> None:
        """Tell the view rows first..last changed, clipped to the rows the list has now: a
        reply can land after the list shrank, and Qt warns about an invalid index range."""
        last = min(last, self._count - 1)
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1), [])

    def _heading(self, f: Field) -> str:
        heading = fields.column_heading(f)
        return heading.en if self._ctx.lang.startswith("en") else heading.ja

    def _cell(self, row: InquiryRow, f: Field) -> str:
        """A column's text as a clerk reads it: names for codes, yyyy/mm/dd for dates, an
        overdue date with its word."""
        name = fields.column_name(f)
        attribute = _ROW_ATTRIBUTES.get(name, name)
        value: Any = row.extra[name] if name in row.extra else getattr(row, attribute)
        if f.vocab == "office":
            return self._ctx.vocab.office(value)
        if f.kind is Kind.CODE:
            return self._ctx.vocab.label(f.vocab or "", value)
        if f.kind is Kind.DATE:
            due = format_date(value)
            return self.overdue_mark(due) if name == "follow_up_due" and row.overdue else due
        return str(value or "")

    def _texts(self, row: InquiryRow) -> tuple[str, ...]:
        """The row's cells as shown, in COLUMNS order, made once per row read (a repaint of
        the first page after a keystroke asked for each of them many times)."""
        shown = self._shown.get(row.pk)
        if shown is not None:
            return shown
        if len(self._shown) >= MAX_PAGES * PAGE:
            self._shown.clear()
        shown = self._shown[row.pk] = tuple(self._cell(row, f) for f in LISTED)
        return shown
