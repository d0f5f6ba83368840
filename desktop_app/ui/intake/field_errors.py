"""A refused save's messages, each beside the field it names, all at once.

Validation reports every error of a form in one refusal (InputErrors); each names its field
(`UserError.at`, or its code: error_field.field_of). The first field in Tab order takes the
focus, so the clerk starts where they would read. A message goes as soon as its field is edited
(FieldBox); `allCleared` then tells the form that none is left. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal, Slot

from desktop_app.domain.errors import UserError
from desktop_app.ui.intake.error_field import each_error, field_of
from desktop_app.ui.intake.field_box import FieldBox


class FieldErrors(QObject):
    """Messages over `boxes` (contract key -> FieldBox, in Tab order)."""

    allCleared = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(self, boxes: Mapping[str, FieldBox], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._boxes = dict(boxes)
        for box in self._boxes.values():
            box.cleared.connect(self._on_cleared)

    def show(self, refusal: UserError, lang: str) -> FieldBox | None:
        """Place every message of `refusal`; the first field with one, or None (and nothing
        placed) when some error names no field of the form."""
        messages: dict[str, list[str]] = {}
        for error in each_error(refusal):
            key = field_of(error)
            if key not in self._boxes:
                return None
            messages.setdefault(key, []).append(error.message(lang))
        for key, box in self._boxes.items():
            box.set_error("\n".join(messages.get(key, [])))
        return next((box for box in self._boxes.values() if box.has_error()), None)

    def clear(self) -> None:
        for box in self._boxes.values():
            box.set_error("")

    @Slot()
    def _on_cleared(self) -> None:
        if not any(box.has_error() for box in self._boxes.values()):
            self.allCleared.emit()
