"""A form in two columns while they fit its scroll area's width, else in one (larger text).

At 文字の大きさ 150% on a 1366x768 laptop the intake form's two columns are wider than the
window: rather than scroll sideways (and hide one column while the other is typed in), the
second column goes under the first, and the form scrolls down only. Tab order is the form's
own, unchanged. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QGridLayout, QScrollArea, QWidget

# A widget's place in the grid: row, column, rows spanned, columns spanned.
Place = tuple[QWidget, int, int, int, int]


class FitColumns(QObject):
    """Places `grid`'s widgets as in `wide` when the two columns fit `scroll`'s width, else as
    in `narrow`, again whenever the scroll area is resized."""

    def __init__(
        self,
        scroll: QScrollArea,
        grid: QGridLayout,
        wide: Sequence[Place],
        narrow: Sequence[Place],
    ) -> None:
        super().__init__(scroll)
        self._scroll, self._grid = scroll, grid
        self._places = {True: tuple(wide), False: tuple(narrow)}
        self._stretch = grid.columnStretch(1)  # the second column's, given it before
        self.wide: bool | None = None
        self._place(True)
        self._needed = 0  # the two columns' least width, measured while they are shown
        scroll.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            body = self._scroll.widget()
            if self.wide and body is not None:
                self._needed = body.minimumSizeHint().width()
            self._place(self._scroll.viewport().width() >= self._needed)
        return False

    def _place(self, wide: bool) -> None:
        if wide == self.wide:
            return
        self.wide = wide
        for widget, *_ in self._places[wide]:
            self._grid.removeWidget(widget)
        for widget, row, column, rows, columns in self._places[wide]:
            self._grid.addWidget(widget, row, column, rows, columns)
        self._grid.setColumnStretch(1, self._stretch if wide else 0)  # empty when narrow
