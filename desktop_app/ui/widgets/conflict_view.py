"""Two versions of one row side by side, field by field, and a person's choice per conflict.

One view for the two places where versions meet (domain/merge.py): a form saved after the row
moved on (ours = what the clerk typed, theirs = what is stored now) and a sync package (ours =
this office's row, theirs = the incoming one). Every field is shown with both values; a field
whose values differ is highlighted, and a field changed differently on both sides (a
FieldConflict) gets the pair of choices, "keep ours" ticked, as the merge itself keeps ours.
The callers word the two sides (`Sides`); values are shown as a clerk reads them (labels of
codes, yyyy/mm/dd dates). GUI thread only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import fields
from desktop_app.domain.merge import FieldConflict
from desktop_app.ui.vocab import format_date

# {vocabulary or master: {code: label}}, to show codes by their labels.
Labels = Mapping[str, Mapping[str, str]]
_SHOWN_CHARS = 240
_OURS, _THEIRS = 0, 1


@dataclass(frozen=True)
class Sides:
    """How the two versions are named: column headings and the two choices."""

    ours: str
    theirs: str
    keep_ours: str
    take_theirs: str


def value_text(key: str, value: Any, labels: Labels, lang: str) -> str:
    """`value` of the contract key `key` (as in a record's JSON) as a clerk reads it."""
    if value is None or value in ("", []):
        return "—"
    try:
        field = fields.inquiry_field(key)
    except KeyError:
        return str(value)
    if field.kind is fields.Kind.DATE and isinstance(value, str):
        return format_date(dt.date.fromisoformat(value))
    if field.kind in (fields.Kind.CODE, fields.Kind.CODES):
        codes = [value] if isinstance(value, str) else list(value)
        names = labels.get(field.vocab or "", {})
        return "、".join(names.get(code, code) for code in codes)
    return str(value)


class ConflictView(QWidget):
    """Rows of `keys` (label, ours, theirs, choice); `take_theirs()` is what the person chose.

    `ours` and `theirs` map contract keys (inquirer fields flattened: `inquirer.phone`) to
    values as in a record's JSON. `choiceChanged` after any choice.
    """

    choiceChanged = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(
        self,
        keys: Sequence[str],
        ours: Mapping[str, Any],
        theirs: Mapping[str, Any],
        conflicts: Iterable[FieldConflict],
        *,
        sides: Sides,
        labels: Labels,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._conflicts = {conflict.key: conflict for conflict in conflicts}
        self._groups: dict[str, QButtonGroup] = {}
        self.keep_all = QPushButton(self.tr("すべて「{0}」").format(sides.keep_ours), self)
        self.keep_all.setObjectName("keepAllOurs")
        self.take_all = QPushButton(self.tr("すべて「{0}」").format(sides.take_theirs), self)
        self.take_all.setObjectName("takeAllTheirs")
        self.keep_all.clicked.connect(lambda: self.choose_all(theirs=False))
        self.take_all.clicked.connect(lambda: self.choose_all(theirs=True))
        self._choices: list[QWidget] = []
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(12)
        for column, heading in enumerate(
            (self.tr("項目"), sides.ours, sides.theirs, self.tr("採る値"))
        ):
            title = QLabel(f"<b>{heading}</b>", grid_host)
            grid.addWidget(title, 0, column)
        # Conflicts first, then what merges by itself, then what is the same on both sides.
        ordered = sorted(keys, key=lambda k: self._rank(k, ours.get(k), theirs.get(k)))
        for row, key in enumerate(ordered, start=1):
            self._add_row(grid, row, key, ours.get(key), theirs.get(key), sides, labels, lang)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(keys) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        bulk = QHBoxLayout()
        bulk.addWidget(self.keep_all)
        bulk.addWidget(self.take_all)
        bulk.addStretch(1)
        bulk.addWidget(_swatch("conflict", self.tr("両方で変更: 選んでください")))
        bulk.addWidget(_swatch("changed", self.tr("片方だけの変更: 自動で統合")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bulk)
        layout.addWidget(scroll, 1)
        self._chain()

    def conflict_keys(self) -> list[str]:
        return list(self._groups)

    def choice_buttons(self, key: str) -> tuple[QRadioButton, QRadioButton]:
        """The (keep ours, take theirs) buttons of a conflicting field."""
        group = self._groups[key]
        ours, theirs = group.button(_OURS), group.button(_THEIRS)
        assert isinstance(ours, QRadioButton) and isinstance(theirs, QRadioButton)
        return ours, theirs

    def take_theirs(self) -> list[str]:
        """The conflicting keys for which the person chose the other side's value."""
        return [key for key, group in self._groups.items() if group.checkedId() == _THEIRS]

    @Slot()
    def choose_all(self, *, theirs: bool) -> None:
        for key in self._groups:
            self.choice_buttons(key)[_THEIRS if theirs else _OURS].setChecked(True)
        self.choiceChanged.emit()

    def _rank(self, key: str, mine: Any, other: Any) -> int:
        return 0 if key in self._conflicts else (1 if mine != other else 2)

    def _add_row(
        self,
        grid: QGridLayout,
        row: int,
        key: str,
        mine: Any,
        other: Any,
        sides: Sides,
        labels: Labels,
        lang: str,
    ) -> None:
        host = grid.parentWidget()
        state = ("conflict", "changed", "")[self._rank(key, mine, other)]
        name = QLabel(fields.label_in(key, lang), host)
        cells = [name]
        for value in (mine, other):
            text = value_text(key, value, labels, lang)
            cell = QLabel(_shorten(text), host)
            cell.setWordWrap(True)
            cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            if len(text) > _SHOWN_CHARS:
                cell.setToolTip(text)
            cells.append(cell)
        for column, cell in enumerate(cells):
            cell.setObjectName("conflictCell")
            cell.setProperty("state", state)
            grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        if state == "conflict":
            grid.addLayout(self._choice(key, sides, host), row, 3, Qt.AlignmentFlag.AlignTop)
        elif state:
            grid.addWidget(QLabel(self.tr("自動で統合"), host), row, 3, Qt.AlignmentFlag.AlignTop)

    def _choice(self, key: str, sides: Sides, host: QWidget | None) -> QHBoxLayout:
        group = QButtonGroup(self)
        box = QHBoxLayout()
        for code, text in ((_OURS, sides.keep_ours), (_THEIRS, sides.take_theirs)):
            button = QRadioButton(text, host)
            button.setObjectName("keepOurs" if code == _OURS else "takeTheirs")
            group.addButton(button, code)
            box.addWidget(button)
            self._choices.append(button)
        group.button(_OURS).setChecked(True)
        group.idClicked.connect(self.choiceChanged)
        self._groups[key] = group
        return box

    def focus_last(self) -> QWidget:
        """The view's last Tab stop, for the dialog's buttons to follow."""
        return self._tab_chain()[-1]

    def _tab_chain(self) -> list[QWidget]:
        """Tab: the two bulk buttons, then each conflict's pair of choices, top to bottom."""
        return [self.keep_all, self.take_all, *self._choices]

    def _chain(self) -> None:
        chain = self._tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)


def _swatch(state: str, text: str) -> QLabel:
    """A legend entry: the highlight of a row in `state` behind its meaning (desk.qss: a
    colour, or a frame in the system's colours)."""
    label = QLabel(text)
    label.setProperty("tone", state)
    return label


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"
