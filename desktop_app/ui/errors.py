"""The one path by which the desk tells a person that something went wrong.

A `UserError` is a refusal with a message written for the clerk (nothing was changed); anything
else is a bug: its traceback goes to a log file in the user log directory and the clerk sees a
short Japanese (or English) sentence naming that file, never the traceback itself.
GUI thread only: it creates widgets.
"""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app import config
from desktop_app.domain.errors import UserError

LOG_FILE = "renkei-desk.log"

_TITLES = {"ja": ("入力内容を確認してください", "エラー"), "en": ("Please check", "Error")}
_UNEXPECTED = {
    "ja": "予期しないエラーが発生しました。ログ: {path}",
    "en": "An unexpected error occurred. Log: {path}",
}


def log_path() -> Path:
    """The log file, beside the CLI's (platformdirs: XDG_STATE_HOME on Linux)."""
    return config.log_dir() / LOG_FILE


def log_exception(exc: BaseException) -> Path:
    """Append `exc` with its traceback and a timestamp to the log file; return the file."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    lines = traceback.format_exception(type(exc), exc, exc.__traceback__)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"--- {stamp}\n{''.join(lines)}\n")
    return path


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
