"""A read-only table of plain text rows: every master list tab uses it.

Master lists are small (the largest, municipalities, is searched 200 at a time), so the model
holds its rows. GUI thread only.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop_app.ui.widgets.held_rows_model import HeldRowsModel, Index


class RowsModel(HeldRowsModel[tuple[str, ...]]):
    """`headers` name the columns; `set_rows` replaces the rows (tuples of text)."""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.row_at(index.row())
        if row is not None and 0 <= index.column() < len(row):
            return row[index.column()]
        return None
