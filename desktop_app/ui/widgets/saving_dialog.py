"""A dialog whose OK button saves through a service and closes only when the save succeeded.

On a refusal the dialog stays open with what was typed, and the message comes through the one
error path (`ui.errors.show_error`), so nothing typed is lost to a bad date. GUI thread only;
the save itself runs on the context's DbRunner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from desktop_app.domain.errors import UserError
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import show_error


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

    def save(self) -> None:
        """Read the form and call `submit`; raise UserError for input the form refuses."""
        raise NotImplementedError

    def submit(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.buttons.setEnabled(False)
        self.ctx.runner.run(
            fn, *args, on_done=self._done, on_error=self._failed, owner=self, **kwargs
        )

    @Slot()
    def _on_save(self) -> None:
        try:
            self.save()
        except UserError as exc:
            show_error(self, exc, self.ctx.lang)

    def _done(self, result: object) -> None:
        self.accept()
        self.saved.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        show_error(self, exc, self.ctx.lang)
