"""Sizing a window to the screen it opens on: a 1366x768 ward laptop must show all of it.

A window asks for the size it would like; it gets at most the screen's free area (without the
taskbar) less a margin for the title bar and frame, so no edge or button is out of reach. The
main window opens maximised where the screen has no room for its wanted size (place_window).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_MARGIN = QSize(40, 40)  # the window manager's title bar and borders


def fitted_size(wanted: QSize, available: QRect) -> QSize:
    room = available.size() - FRAME_MARGIN
    return wanted.boundedTo(room)


def fit_to_screen(window: QWidget, wanted: QSize) -> None:
    """Resize `window` to `wanted`, or less where its screen is smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    window.resize(fitted_size(wanted, screen.availableGeometry()) if screen else wanted)


def fits(geometry: QRect, available: QRect) -> bool:
    """Whether a window's frame lies wholly on the screen's free area."""
    return available.contains(geometry)


def opening_geometry(wanted: QSize, available: QRect) -> QRect | None:
    """Where a main window opens without a remembered place: `wanted`, centred, where the
    screen has room for it and its frame; None (open maximised) where it has not, as on a
    1366x768 laptop, or at 125% scaling on a larger one."""
    room = available.size() - FRAME_MARGIN
    if wanted.width() > room.width() or wanted.height() > room.height():
        return None
    placed = QRect(QPoint(0, 0), wanted)
    placed.moveCenter(available.center())
    return placed


def place_window(window: QWidget, wanted: QSize, state: QByteArray | None) -> None:
    """The remembered geometry if it is still wholly on a screen (a laptop taken off its large
    monitor is not), otherwise `opening_geometry`, maximised when the screen is small."""
    if state is not None and window.restoreGeometry(state):
        screen = window.screen() or QGuiApplication.primaryScreen()
        if window.isMaximized() or screen is None:
            return
        if fits(window.geometry(), screen.availableGeometry()):
            return
    screen = window.screen() or QGuiApplication.primaryScreen()
    placed = opening_geometry(wanted, screen.availableGeometry()) if screen else None
    if placed is None:
        window.resize(fitted_size(wanted, screen.availableGeometry()) if screen else wanted)
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    else:
        window.setGeometry(placed)
