"""The one path by which the desk tells a person that something went wrong.

A `UserError` is a refusal with a message written for the clerk (nothing was changed); anything
else is a bug: its traceback goes to a log file in the user log directory and the clerk sees a
short Japanese (or English) sentence naming that file, never the traceback itself.
GUI thread only: it creates widgets.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from desktop_app.domain.errors import UserError

if TYPE_CHECKING:  # the box's type is made when one is first shown, not before the sign-in
    from PySide6.QtWidgets import QMessageBox, QWidget

LOG_FILE = "renkei-desk.log"  # services.error_log.LOG_FILE (not imported before it is needed)

_TITLES = {"ja": ("入力内容を確認してください", "エラー"), "en": ("Please check", "Error")}
_UNEXPECTED = {
    "ja": "予期しないエラーが発生しました。ログ: {path}",
    "en": "An unexpected error occurred. Log: {path}",
}


def log_path() -> Path:
    """The log file, beside the CLI's (platformdirs: XDG_STATE_HOME on Linux)."""
    from desktop_app.services import error_log

    return error_log.log_path()


def log_exception(exc: BaseException) -> Path:
    """Write `exc`'s traceback, without its message, to the rotated log; return the file."""
    from desktop_app.services import error_log

    return error_log.log_exception(exc)


def error_text(exc: BaseException, lang: str) -> str:
    """What the person reads for `exc`; logs it first when it is not a UserError."""
    key = "en" if lang.startswith("en") else "ja"
    refusal = _as_refusal(exc)
    if refusal is not None:
        return refusal.message(key)
    return _UNEXPECTED[key].format(path=log_exception(exc))


def _as_refusal(exc: BaseException) -> UserError | None:
    """`exc` as the refusal it is: a UserError, or a full disk or a write lock held by another
    program (rolled back, nothing changed: the person frees space or waits), else None."""
    from desktop_app.services.storage_failures import refusal_of

    return exc if isinstance(exc, UserError) else refusal_of(exc)


def show_error(parent: QWidget | None, exc: BaseException, lang: str) -> QMessageBox:
    """Show `exc` in a window-modal message box and return it.

    `open()` rather than `exec()`: the event loop keeps running, so a worker result that arrives
    meanwhile is still delivered, and tests can read the box without a nested loop.
    """
    from PySide6.QtWidgets import QMessageBox

    key = "en" if lang.startswith("en") else "ja"
    refused = _as_refusal(exc) is not None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if refused else QMessageBox.Icon.Critical)
    box.setWindowTitle(_TITLES[key][0 if refused else 1])
    box.setText(error_text(exc, lang))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    box.open()
    return box
