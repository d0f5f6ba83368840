"""Whether a screen's data is still what the database holds, and re-reading when it is not.

A screen gives the kinds of data it shows and how to read them again. After a write touching
one of those kinds (`DbRunner.changed`) it re-reads at once when it is on screen, else it is
marked stale and re-reads when next shown (`shown()`, called by the main window). A screen
whose data nothing changed is not read again on show, unless the day changed since (期限超過,
本日期限 and "this month" follow the calendar). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from desktop_app.domain.changes import Changes, Kind
from desktop_app.domain.local_time import local_today
from desktop_app.ui.worker import DbRunner


class Freshness(QObject):
    """`shown()` re-reads only when stale (the first show always reads); `stale` says which."""

    def __init__(
        self,
        page: QWidget,
        runner: DbRunner,
        kinds: Iterable[Kind],
        reload: Callable[[], None],
        *,
        stale: bool = True,
        update: Callable[[], None] | None = None,
    ) -> None:
        """`stale=False` for a screen that reads by itself at first (受付一覧's start());
        `update`, if given, instead of `reload` while on screen (受付一覧 keeps its place)."""
        super().__init__(page)
        self._page = page
        self._kinds = frozenset(kinds)
        self._reload = reload
        self._update = update
        self.stale = stale  # True: nothing read yet
        self._day = local_today()
        runner.changed.connect(self._changed)

    def shown(self) -> None:
        today = local_today()
        if self.stale or today != self._day:
            self.stale, self._day = False, today
            self._reload()

    @Slot(object)
    def _changed(self, changes: Changes) -> None:
        if not changes.touches(self._kinds):
            return
        if not self._page.isVisible():
            self.stale = True
        elif self._update is not None:
            self._update()
        else:
            self._reload()
