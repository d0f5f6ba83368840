"""Sizing a window to the screen it opens on: a 1366x768 ward laptop must show all of it.

A window asks for the size it would like; it gets at most the screen's free area (without the
taskbar) less a margin for the title bar and frame, so no edge or button is out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
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
