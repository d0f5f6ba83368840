"""The person's preferences (language, font size, window geometry) in QSettings.

An INI file in the user scope, so IT staff can read and reset it; tests point QSettings at a
temporary directory with `QSettings.setPath`. GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "renkei-desk"
APPLICATION = "renkei-desk"
LANGUAGES = ("ja", "en")
DEFAULT_FONT_PT = 10  # the application font at 100%
TEXT_SCALES = (100, 125, 150)  # 文字の大きさ (%), docs/accessibility.md

_LANG = "ui/language"
_TEXT_SCALE = "ui/text_scale"
GEOMETRY_KEY = "window/geometry"
SPLITTER_KEY = "window/list_splitter"


def _store() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


def saved_language() -> str | None:
    """The language chosen in 設定, or None when the person never chose one."""
    value = _store().value(_LANG)
    return str(value) if value in LANGUAGES else None


def set_language(lang: str) -> None:
    _store().setValue(_LANG, lang)


def text_scale() -> int:
    """文字の大きさ in percent (one of TEXT_SCALES; 100 until the person chose another)."""
    try:
        value = int(str(_store().value(_TEXT_SCALE, TEXT_SCALES[0])))
    except (TypeError, ValueError):
        return TEXT_SCALES[0]
    return value if value in TEXT_SCALES else TEXT_SCALES[0]


def set_text_scale(percent: int) -> None:
    _store().setValue(_TEXT_SCALE, percent)


def font_pt(percent: int | None = None) -> float:
    """The application font's size in points at `percent` (the saved 文字の大きさ if None)."""
    return DEFAULT_FONT_PT * (text_scale() if percent is None else percent) / 100


def window_state(key: str) -> QByteArray | None:
    """A saved widget state (GEOMETRY_KEY, SPLITTER_KEY) or None when there is none yet."""
    value = _store().value(key)
    return value if isinstance(value, QByteArray) else None


def set_window_state(key: str, state: QByteArray) -> None:
    _store().setValue(key, state)


_EXCHANGE_FOLDER = "exchange/folder"


def exchange_folder() -> str:
    """The folder of the last package written or read (a USB stick, usually); "" at first."""
    return str(_store().value(_EXCHANGE_FOLDER, ""))


def set_exchange_folder(folder: str) -> None:
    _store().setValue(_EXCHANGE_FOLDER, folder)


_REPORT_FOLDER = "reports/folder"


def report_folder() -> str:
    """The folder of the last report written; "" at first."""
    return str(_store().value(_REPORT_FOLDER, ""))


def set_report_folder(folder: str) -> None:
    _store().setValue(_REPORT_FOLDER, folder)


_IDLE = "security/idle_lock_minutes"
DEFAULT_IDLE_MINUTES = 15
IDLE_RANGE = (1, 120)


def idle_minutes() -> int:
    """Minutes without a key or a click before the window locks (設定; 15 unless changed)."""
    low, high = IDLE_RANGE
    try:
        value = int(str(_store().value(_IDLE, DEFAULT_IDLE_MINUTES)))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    return min(max(value, low), high)


def set_idle_minutes(minutes: int) -> None:
    _store().setValue(_IDLE, minutes)
