"""Column widths from one sample text per column, never by measuring the rows.

`resizeColumnsToContents` reads every row's text: fatal on the million-row list (docs/gui.md).
A sample such as "SHIBAURA-2026-00000" gives the width the column needs in the current font.
GUI thread only.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableView

PADDING_PX = 18


def fit_columns(view: QTableView, samples: Sequence[str]) -> None:
    """Size column n to `samples[n]` (header text counted too); the last one stretches."""
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    metrics = view.fontMetrics()
    model = view.model()
    for column, sample in enumerate(samples):
        title = str(model.headerData(column, header.orientation()) or "")
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title) + 12)
        header.resizeSection(column, width + PADDING_PX)
    header.setStretchLastSection(True)


def fixed_rows(view: QTableView) -> None:
    """Hidden vertical header with a fixed row height (never ResizeToContents)."""
    vertical = view.verticalHeader()
    vertical.setVisible(False)
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(view.fontMetrics().height() + 8)
