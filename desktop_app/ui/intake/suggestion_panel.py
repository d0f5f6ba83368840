"""Earlier inquirers who may be the one at the desk, offered while the clerk types.

Linking instead of duplicating keeps one history per person or firm; when two earlier records
turn out to be one, they can be merged from here (with confirmation: it cannot be undone from
the desk). Lookups are debounced and run on the worker; stale answers are dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.changes import CASES
from desktop_app.services import inquirers
from desktop_app.services.inquirers import InquirerMatch
from desktop_app.services.records import InquirerRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.intake.confirm import ask
from desktop_app.ui.widgets import accessible

_MATCH = Qt.ItemDataRole.UserRole
_DEBOUNCE_MS = 250


class SuggestionPanel(QGroupBox):
    """`chosen(InquirerRecord)` when the clerk links one; `merged(InquirerRecord)` after a merge.

    The list and its buttons take focus only while there is something to choose, so Tab
    passes straight through an empty panel.
    """

    chosen = Signal(object)
    merged = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("以前の相談者の候補"), parent)
        self._ctx = ctx
        self._keys: dict[str, Any] = {}  # suggest_duplicates' keywords
        self._linked_id: str | None = None
        self._asked = 0
        self.list = QListWidget(self)
        self.list.setObjectName("duplicateSuggestions")
        accessible.name(self.list, self.tr("同じ相談者の候補"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.link_button = QPushButton(self.tr("この相談者にする"), self)
        self.merge_button = QPushButton(self.tr("この2件を統合"), self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(_DEBOUNCE_MS)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.merge_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._timer.timeout.connect(self._look_up)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(self._on_activated)
        self.link_button.clicked.connect(self._link_selected)
        self.merge_button.clicked.connect(self._ask_merge)
        self._show([])

    def focus_chain(self) -> list[QWidget]:
        return [self.list, self.link_button, self.merge_button]

    def look_up(self, keys: dict[str, str], linked_id: str | None) -> None:
        """Ask again for `keys` after a pause in typing."""
        self._keys = keys
        self._linked_id = linked_id
        self._timer.start()

    def clear(self) -> None:
        self._timer.stop()
        self._keys = {}
        self._linked_id = None
        self._asked += 1  # answers to earlier questions are now stale
        self._show([])

    @Slot()
    def _look_up(self) -> None:
        self._asked += 1
        asked = self._asked
        keys, actor = dict(self._keys), self._ctx.actor
        self._ctx.query(
            lambda db: inquirers.suggest_duplicates(db, **keys, actor=actor),
            on_done=lambda found: self._on_found(asked, found),
            owner=self,
        )

    def _on_found(self, asked: int, found: list[InquirerMatch]) -> None:
        if asked == self._asked:
            self._show(found)

    def _show(self, found: list[InquirerMatch]) -> None:
        self.list.clear()
        for match in found:
            item = QListWidgetItem(self._describe(match), self.list)
            item.setData(_MATCH, match)
        if not found:
            placeholder = QListWidgetItem(self.tr("一致する相談者はいません"), self.list)
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
        policy = Qt.FocusPolicy.StrongFocus if found else Qt.FocusPolicy.ClickFocus
        self.list.setFocusPolicy(policy)
        self._update_buttons()

    def _describe(self, match: InquirerMatch) -> str:
        person = match.inquirer
        reasons = {
            "name": self.tr("氏名・団体名"),
            "kana": self.tr("フリガナ"),
            "phone": self.tr("電話"),
            "corporate_number": self.tr("法人番号"),
        }
        mark = "✓ " if person.id == self._linked_id else ""
        who = mark + (person.display_name or "—") + (f"（{person.kana}）" if person.kana else "")
        details = [person.phone] if person.phone else []
        details.append(self.tr("相談{0}件").format(match.inquiry_count))
        details.append(self.tr("一致: {0}").format("・".join(reasons[k] for k in match.matched_on)))
        return who + "\n    " + "  ".join(details)

    def _selected(self) -> list[InquirerRecord]:
        return [item.data(_MATCH).inquirer for item in self.list.selectedItems()]

    def _merge_pair(self) -> tuple[InquirerRecord, InquirerRecord] | None:
        """(kept, dropped): the linked inquirer absorbs one selected, else the first of two."""
        selected = self._selected()
        if self._linked_id is not None:
            shown = (item.data(_MATCH).inquirer for item in self._items())
            kept = next((record for record in shown if record.id == self._linked_id), None)
            others = [record for record in selected if record.id != self._linked_id]
            return (kept, others[0]) if kept is not None and len(others) == 1 else None
        return (selected[0], selected[1]) if len(selected) == 2 else None

    def _items(self) -> list[QListWidgetItem]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [item for item in items if item.data(_MATCH) is not None]

    @Slot()
    def _update_buttons(self) -> None:
        self.link_button.setEnabled(len(self._selected()) == 1)
        self.merge_button.setEnabled(self._merge_pair() is not None)

    @Slot(QListWidgetItem)
    def _on_activated(self, item: QListWidgetItem) -> None:
        match = item.data(_MATCH)
        if match is not None:
            self.chosen.emit(match.inquirer)

    @Slot()
    def _link_selected(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self.chosen.emit(selected[0])

    @Slot()
    def _ask_merge(self) -> None:
        pair = self._merge_pair()
        if pair is None:
            return
        kept, dropped = pair
        question = self.tr(
            "「{0}」を「{1}」に統合します。\n「{0}」の相談はすべて「{1}」に移ります。"
            "統合は元に戻せません。よろしいですか？"
        ).format(dropped.display_name, kept.display_name)
        ask(self, "mergeBox", self.tr("相談者の統合"), question, lambda: self._merge(kept, dropped))

    def _merge(self, kept: InquirerRecord, dropped: InquirerRecord) -> None:
        actor = self._ctx.actor
        self._ctx.write(
            lambda db: inquirers.merge_inquirers(db, kept.id, dropped.id, actor=actor),
            CASES,  # the dropped inquirer's cases now name the kept one
            on_done=self._on_merged,
            owner=self,
        )

    def _on_merged(self, kept: InquirerRecord) -> None:
        self.merged.emit(kept)
        self._look_up()
