"""Clicking a field's label does what clicking the field would, as on a web form.

Qt's QLabel buddy only answers the Alt mnemonic; a clerk who clicks 「回答期限」 or the caption
beside a tick box expects the cursor there, or the box ticked. `link_labels(root)` makes every
label with a buddy under `root` do that. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop_app.ui.widgets.accessible import name_by_buddies


class _LabelClicks(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            isinstance(watched, QLabel)
            and event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            _activate(watched.buddy())
        return False


def _activate(buddy: QWidget | None) -> None:
    if (
        buddy is None
        or not buddy.isEnabled()
        or not buddy.isVisible()
        or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus  # a shown value, not a field
    ):
        return
    buddy.setFocus(Qt.FocusReason.MouseFocusReason)
    if isinstance(buddy, QAbstractButton) and buddy.isCheckable():
        buddy.toggle()


def link_labels(root: QWidget) -> None:
    """Every QLabel under `root` that has a buddy: a click activates the buddy, and a screen
    reader names the buddy by the label (accessible.name_by_buddies)."""
    name_by_buddies(root)
    clicks = root.findChild(_LabelClicks) or _LabelClicks(root)
    for label in root.findChildren(QLabel):
        if label.buddy() is not None:
            label.removeEventFilter(clicks)
            label.installEventFilter(clicks)
