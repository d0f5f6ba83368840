"""`python -m tests.gui.access_screenshots DIR`: every screen at 文字の大きさ 150% and in high
contrast, on a 1366x768 laptop (docs/accessibility.md); also made by make_screenshots.

Saved as large_<page>_ja.png (150%) and contrast_<page>_ja.png: the system's colours forced
(RENKEI_DESK_HIGH_CONTRAST=1) with the palette of Windows' 「ハイ コントラスト 黒」, at 125%.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.demo.service import generate_demo_data  # noqa: E402
from desktop_app.services import database, setup  # noqa: E402
from desktop_app.ui import preferences, style  # noqa: E402
from desktop_app.ui.app import DeskApp, set_application_font  # noqa: E402
from desktop_app.ui.main_window import PAGES, MainWindow  # noqa: E402

LAPTOP = (1366, 728)  # 1366x768 less the taskbar
COUNT = 600
# Windows' High Contrast Black: white text on black, yellow hyperlinks, cyan selection.
HIGH_CONTRAST = {
    QPalette.ColorRole.Window: "#000000",
    QPalette.ColorRole.WindowText: "#ffffff",
    QPalette.ColorRole.Base: "#000000",
    QPalette.ColorRole.AlternateBase: "#000000",
    QPalette.ColorRole.Text: "#ffffff",
    QPalette.ColorRole.Button: "#000000",
    QPalette.ColorRole.ButtonText: "#ffffff",
    QPalette.ColorRole.Highlight: "#1aebff",
    QPalette.ColorRole.HighlightedText: "#000000",
    QPalette.ColorRole.Link: "#ffff00",
    QPalette.ColorRole.ToolTipBase: "#000000",
    QPalette.ColorRole.ToolTipText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#c0c0c0",
    QPalette.ColorRole.Dark: "#3f3f3f",
}


def high_contrast_palette() -> QPalette:
    palette = QPalette()
    for role, colour in HIGH_CONTRAST.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#3ff23f"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#3ff23f"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#3ff23f"))
    return palette


def shoot_access(app: QApplication, desk: DeskApp, out: Path, settle: Callable[[], None]) -> None:
    """Both looks of every screen in Japanese; the application's look is restored after."""
    font_pt = app.font().pointSizeF()
    shown = desk.window, desk.runner  # the caller's window goes on after these
    try:
        for prefix, percent, contrast in (("large", 150, False), ("contrast", 125, True)):
            if contrast:
                os.environ[style.FORCE_ENV] = "1"
                app.setPalette(high_contrast_palette())
            set_application_font(app, preferences.font_pt(percent))
            style.apply_style(app)
            window = desk.build("ja", restore=False)
            window.resize(*LAPTOP)
            _shoot_pages(window, out, prefix, settle)
            window.close()
            if desk.runner is not None:
                desk.runner.shutdown()
    finally:
        desk.window, desk.runner = shown
        os.environ.pop(style.FORCE_ENV, None)
        app.setPalette(QPalette())
        set_application_font(app, font_pt)
        style.apply_style(app)


def _shoot_pages(window: MainWindow, out: Path, prefix: str, settle: Callable[[], None]) -> None:
    settle()
    window.list_page.table.selectRow(0)
    for name in PAGES:
        window.show_page(name)
        settle()
        if name == "intake":
            window.new_inquiry()
        elif name == "dashboard":  # the demo data's fiscal year, as make_screenshots shows it
            picker = window.dashboard.picker
            picker.choice.setCurrentIndex(picker.choice.findData("fiscal_year"))
        settle()
        path = out / f"{prefix}_{name}_ja.png"
        window.grab().save(str(path), "PNG")
        print(path)


def main(out: Path) -> None:
    from tests.gui.make_screenshots import TODAY, _demo_admin, _settle

    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        path = Path(tmp) / "demo.sqlite3"
        db = database.connect(path)
        setup.initialise(db, "SHIBA")
        generate_demo_data(db, count=COUNT, seed=3, today=TODAY)
        db.dispose()
        app = QApplication.instance() or QApplication(sys.argv[:1])
        assert isinstance(app, QApplication)
        desk = DeskApp(app, database.connect(path), "SHIBA", _demo_admin(path))
        try:
            shoot_access(app, desk, out, lambda: _settle(app, desk.runner))
        finally:
            desk.db.dispose()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
