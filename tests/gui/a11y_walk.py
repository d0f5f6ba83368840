"""Walking a window for the interactive widgets a screen reader cannot name (issue 24)."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QScrollBar, QWidget

from desktop_app.ui.widgets.accessible import INTERACTIVE


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for `widget` (Qt's accessible interface, as NVDA reads it)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def _own_part(widget: QWidget) -> bool:
    """A combo box's or spin box's line edit, a scroll area's scroll bar: parts read with
    the control they belong to, not controls of their own."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox):
        return True
    return (
        isinstance(widget, QScrollBar)
        and parent is not None
        and (parent.objectName().startswith("qt_scrollarea"))
    )


def interactive(root: QWidget) -> list[QWidget]:
    """The interactive widgets under `root` (`root` included) shown whenever `root` is: a
    wizard's other pages count too, a hidden field does not."""
    return [
        widget
        for widget in (root, *root.findChildren(QWidget))
        if isinstance(widget, INTERACTIVE)
        and (widget is root or widget.isVisibleTo(root))
        and not _own_part(widget)
    ]


def unnamed(root: QWidget) -> list[str]:
    """`type 'objectName' in parents` of each visible interactive widget without a name."""
    found = []
    for widget in interactive(root):
        if accessible_name(widget).strip():
            continue
        chain = []
        parent = widget.parentWidget()
        while parent is not None and len(chain) < 3:
            chain.append(parent.objectName() or type(parent).__name__)
            parent = parent.parentWidget()
        found.append(f"{type(widget).__name__} {widget.objectName()!r} in {'/'.join(chain)}")
    return found
