"""A dialog whose OK button saves through a service and closes only when the save succeeded.

On a refusal the dialog stays open with what was typed. Each error about a field the dialog
registered with `boxed()` stands under that field (and goes as soon as the field is edited);
any other goes through the one error path (`ui.errors.show_error`), so nothing typed is lost to
a bad date. GUI thread only; the save itself runs on the context's DbRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDialog, QDialogButtonBox, QWidget

from desktop_app.domain.changes import Changes
from desktop_app.domain.errors import InputErrors, UserError
from desktop_app.services.database import Database
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error
from desktop_app.ui.intake.error_field import each_error, field_of
from desktop_app.ui.intake.field_box import FieldBox
from desktop_app.ui.widgets.label_clicks import link_labels


class SavingDialog(QDialog):
    """Base of the detail pane's dialogs: subclasses build a form and implement `save()`.

    `saved(object)` carries the service's result after the dialog has been accepted.
    """

    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        self.error_boxes: dict[str, FieldBox] = {}
        self.first_field: QWidget | None = None  # else the first field in the Tab order

    def showEvent(self, event: QShowEvent) -> None:
        link_labels(self)  # the subclass has built its form by now
        super().showEvent(event)
        # On the first field, never on 保存: Alt+Down and Enter act where the person expects.
        first = self.first_field or self._first_in_tab_order()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _first_in_tab_order(self) -> QWidget | None:
        """The first shown, enabled field the Tab key reaches (buttons are not fields)."""
        widget = self.nextInFocusChain()
        while widget is not self and widget is not None:
            if (
                widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(self)
                and widget.isEnabled()
                and not isinstance(widget, QAbstractButton)
            ):
                return widget
            widget = widget.nextInFocusChain()
        return None

    def save(self) -> None:
        """Read the form and call `submit`; raise UserError for input the form refuses."""
        raise NotImplementedError

    def boxed(self, key: str, field: QWidget) -> FieldBox:
        """`field` with room for the errors whose contract key (`UserError.at`) is `key`."""
        box = FieldBox(field, self)
        self.error_boxes[key] = box
        # A combo box, a line edit or a text box: the error goes as soon as the field is edited.
        edits = cast(Any, field)
        changed = edits.currentTextChanged if isinstance(field, QComboBox) else edits.textChanged
        changed.connect(lambda *_: box.set_error(""))
        return box

    def submit(self, fn: Callable[[Database], object], changes: Changes) -> None:
        """Write `fn(db)`; the screens showing `changes` hear of it (DbRunner.changed)."""
        self.buttons.setEnabled(False)
        self.ctx.write(fn, changes, on_done=self._done, on_error=self._failed, owner=self)

    @Slot()
    def _on_save(self) -> None:
        try:
            self.save()
        except UserError as exc:
            self._refused(exc)

    def _done(self, result: object) -> None:
        self.accept()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, UserError):
            self._refused(exc)
        else:
            show_error(self, exc, self.ctx.lang)

    def _refused(self, exc: UserError) -> None:
        for box in self.error_boxes.values():
            box.set_error("")
        elsewhere: list[UserError] = []
        placed: list[FieldBox] = []
        for error in each_error(exc):
            found = self.error_boxes.get(field_of(error) or "")
            if found is None:
                elsewhere.append(error)
            else:
                found.set_error(error.message(self.ctx.lang))
                placed.append(found)
        if placed:
            placed[0].setFocus()
        if elsewhere:
            rest = elsewhere[0] if len(elsewhere) == 1 else InputErrors(elsewhere)
            show_error(self, rest, self.ctx.lang)
