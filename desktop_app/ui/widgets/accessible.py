"""What a screen reader (NVDA, PC-Talker) hears: names of controls, and status messages.

The one place the window names its controls (docs/accessibility.md): a field of the inquiry
record is named from the field catalogue (domain/fields.py: its label, and a description of
what it takes), a list or table by what it lists (its column header row too), any other
control by the words beside it. A status message (saved, refused, conflicts waiting) is said
through `say`, which also colours it by its tone through the style sheet (ui/style.py), so no
screen hard-codes a colour that high contrast would have to undo. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAccessible, QAccessibleEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTextEdit,
    QTreeView,
    QWidget,
)

# The controls a person reaches with Tab or the mouse, which a screen reader must name.
INTERACTIVE: tuple[type[QWidget], ...] = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
)
# Tones of a status label, coloured by the style sheet (QLabel[tone="error"] in desk.qss).
TONES = ("", "error", "warning", "done")


def window_language() -> str:
    """The window's language, as ui.i18n set it (QLocale's default), for catalogue labels."""
    return "en" if QLocale().language() == QLocale.Language.English else "ja"


def name(widget: QWidget, text: str, description: str = "") -> None:
    """Name `widget` (and describe it) for the screen reader; its parts without a name of
    their own (a date box's line edit, a picker's search box) take the same name."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    for part in widget.findChildren(QWidget):
        if isinstance(part, INTERACTIVE) and not part.accessibleName() and _is_part(part):
            part.setAccessibleName(text)
            if description:
                part.setAccessibleDescription(description)
    if isinstance(widget, QTableView | QTreeView):
        header = widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
        header.setAccessibleName(
            QCoreApplication.translate("Accessible", "{0}の列見出し").format(text)
        )


def _is_part(widget: QWidget) -> bool:
    """A control inside another one's own make-up (not a scroll bar of a view)."""
    parent = widget.parentWidget()
    return parent is None or not parent.objectName().startswith("qt_scrollarea")


def field_description(qualified: str, lang: str) -> str:
    """What the catalogue says the field takes: 必須, and its length limit."""
    from desktop_app.domain.fields import inquiry_field  # not before the sign-in dialog

    field = inquiry_field(qualified)
    parts = []
    if field.required:
        parts.append(QCoreApplication.translate("Accessible", "必須"))
    if field.limit:
        parts.append(
            QCoreApplication.translate("Accessible", "{0}文字まで").format(f"{field.limit:,}")
        )
    return QCoreApplication.translate("Accessible", "、").join(parts)


def name_field(widget: QWidget, qualified: str, lang: str | None = None) -> None:
    """Name a control of the inquiry record's field `qualified` (`subject`, `inquirer.phone`)
    from the field catalogue, in the window's language unless `lang` is given."""
    from desktop_app.domain.fields import label_in  # not before the sign-in dialog

    shown = lang or window_language()
    name(widget, label_in(qualified, shown), field_description(qualified, shown))


def name_fields(boxes: Mapping[str, QWidget], lang: str | None = None) -> None:
    """`name_field` for every control of a form section ({qualified key: FieldBox}), called
    where the section creates them; a box's control is its `field`."""
    for qualified, box in boxes.items():
        name_field(getattr(box, "field", box), qualified, lang)


def name_by_buddies(root: QWidget) -> None:
    """Each control under `root` that a QLabel names as its buddy, named by that label.

    Qt finds a buddy's label by itself only when both have the same parent; a form's field in
    a FieldBox (the room for its error) is one level down, so it is named here."""
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and not buddy.accessibleName() and label.text():
            name(buddy, label.text().replace("&", ""))


def say(label: QLabel, text: str, tone: str = "") -> None:
    """Show a status message in `label` and send it to the screen reader.

    `tone` (TONES) colours it through the style sheet; with the system's colours (high
    contrast) it keeps the system's text colour, and the words say what happened. The label's
    accessible name is its text, so a NameChanged event and an alert carry the message.
    """
    label.setText(text)
    label.setProperty("tone", tone)
    style = label.style()
    style.unpolish(label)
    style.polish(label)
    if text and QAccessible.isActive():
        for kind in (QAccessible.Event.NameChanged, QAccessible.Event.Alert):
            QAccessible.updateAccessibility(QAccessibleEvent(label, kind))


def announce(widget: QWidget, text: str) -> None:
    """Say `text` about `widget`, which shows it without a label of its own (「競合 3 件」 in
    取込・送付's navigation entry): it becomes the widget's description, with an alert."""
    widget.setAccessibleDescription(text)
    if text and QAccessible.isActive():
        for kind in (QAccessible.Event.DescriptionChanged, QAccessible.Event.Alert):
            QAccessible.updateAccessibility(QAccessibleEvent(widget, kind))
