"""The application style sheet (resources/styles/desk.qss), applied once at start-up."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from desktop_app import resources

STYLE_SHEET = resources.style_sheet()


def apply_style(app: QApplication) -> None:
    """Load the style sheet; a missing file leaves Qt's default look (never an error)."""
    if STYLE_SHEET.is_file():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
