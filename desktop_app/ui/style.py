"""The application style sheet, in the desk's colours or in the system's (high contrast).

resources/styles/desk.qss holds the shapes every look shares; desk_colours.qss the desk's own
colours; desk_contrast.qss only palette() roles. The system's colours are used when the person
asked the system for them (docs/accessibility.md): Windows' high-contrast mode, Qt's contrast
preference, or a dark colour scheme (the desk's colours are made for a light one);
RENKEI_DESK_HIGH_CONTRAST=1 forces them (screenshots and tests on Linux), =0 forbids them.
A change of the system's setting while the desk is open applies at once. Models that colour
rows ask `tint`, which gives nothing in the system's colours. GUI thread only.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop_app import resources

STYLE_SHEET = resources.style_sheet()
DESK_COLOURS = STYLE_SHEET.with_name("desk_colours.qss")
SYSTEM_COLOURS = STYLE_SHEET.with_name("desk_contrast.qss")
FORCE_ENV = "RENKEI_DESK_HIGH_CONTRAST"
_PROPERTY = "systemColours"  # on the QApplication: the look last applied


def apply_style(app: QApplication) -> None:
    """Load the shared sheet and the colours wanted now; follow the system's later changes.
    A missing file leaves Qt's default look for its part (never an error)."""
    system = wants_system_colours()
    parts = (STYLE_SHEET, SYSTEM_COLOURS if system else DESK_COLOURS)
    app.setProperty(_PROPERTY, system)
    app.setStyleSheet("\n".join(p.read_text(encoding="utf-8") for p in parts if p.is_file()))
    if not app.property("systemColoursFollowed"):
        app.setProperty("systemColoursFollowed", True)
        _follow_system(app)


def _follow_system(app: QApplication) -> None:
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: apply_style(app))
    accessibility = getattr(hints, "accessibility", None)  # Qt 6.10
    if accessibility is not None:
        accessibility().contrastPreferenceChanged.connect(lambda _p: apply_style(app))


def wants_system_colours() -> bool:
    """Whether the person asked the system for its own colours (see the module docstring)."""
    forced = os.environ.get(FORCE_ENV, "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is not None and (
        accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast
    ):
        return True
    return hints.colorScheme() == Qt.ColorScheme.Dark or windows_high_contrast()


def windows_high_contrast() -> bool:
    """Windows' own high-contrast flag (SPI_GETHIGHCONTRAST), for Qt versions that do not
    report it; False elsewhere."""
    if sys.platform != "win32":
        return False
    import ctypes  # here: every other system pays nothing for it before the first window

    class HighContrast(ctypes.Structure):
        _fields_ = (("size", ctypes.c_uint), ("flags", ctypes.c_uint), ("scheme", ctypes.c_wchar_p))

    setting = HighContrast(ctypes.sizeof(HighContrast), 0, None)
    get_high_contrast, hcf_on = 0x0042, 0x1
    found = ctypes.windll.user32.SystemParametersInfoW(
        get_high_contrast, setting.size, ctypes.byref(setting), 0
    )
    return bool(found) and bool(setting.flags & hcf_on)


def system_colours() -> bool:
    """Whether the window is in the system's colours now (as apply_style last chose)."""
    app: QObject | None = QApplication.instance()
    return bool(app is not None and app.property(_PROPERTY))


def tint(colour: QColor) -> QBrush | None:
    """A model's colour for a cell (an overdue row), or None in the system's colours."""
    return None if system_colours() else QBrush(colour)


def apply_font_size(points: float) -> None:
    """Set the application font size; widgets without a font of their own follow it.

    Here, not with 設定's page that changes it, because start-up applies it before the
    sign-in dialog, when nothing of the screens is imported yet."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        font = QFont(app.font())
        font.setPointSizeF(points)
        app.setFont(font)
