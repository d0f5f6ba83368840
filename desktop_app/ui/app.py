"""Starting the desk: the QApplication, translators, fonts, the database and the main window.

`run_gui` is what `renkei-desk [gui] [--screenshot FILE]` calls. Language: the one saved in 設定
wins once the person has chosen one; before that, the `lang` the CLI passes (from the
environment). In screenshot mode the `lang` given always wins, so README pictures are
reproducible. Choosing another language in 設定 rebuilds the main window in it (DeskApp below).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import config
from desktop_app.domain.errors import UserError
from desktop_app.services import database, setup
from desktop_app.services.database import Database
from desktop_app.ui import preferences
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import error_text, show_error
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.settings.settings_page import apply_font_size
from desktop_app.ui.style import apply_style
from desktop_app.ui.vocab import load_vocab
from desktop_app.ui.worker import DbRunner

# Japanese UI fonts in order of preference; the first one installed is used. Noto Sans CJK JP
# on Linux (and in the offscreen screenshots), Yu Gothic UI / Meiryo UI on ward PCs.
CJK_FAMILIES = ("Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans")
SCREENSHOT_TIMEOUT_S = 30.0


def run_gui(db_path: Path, *, screenshot: Path | None = None, lang: str | None = None) -> int:
    """Show the desk on `db_path` until it is closed; with `screenshot`, save a PNG and exit.

    Returns the exit code: 0, 2 when the database cannot be opened or is not initialised.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "renkei-desk"])
    app.setApplicationName("renkei-desk")
    app.setOrganizationName("renkei-desk")
    chosen = lang or config.language()
    if screenshot is None:
        chosen = preferences.saved_language() or chosen
    set_application_font(app, preferences.font_pt())
    apply_style(app)
    install_translators(app, chosen)
    try:
        db = database.connect(db_path)
        office = setup.office_of(db)
        if office is None:
            db.dispose()
            raise UserError("not_initialised")
    except UserError as exc:
        _refuse(exc, chosen, interactive=screenshot is None)
        return 2
    desk = DeskApp(app, db, office)
    try:
        desk.build(chosen, restore=screenshot is None)
        if screenshot is not None:
            return desk.screenshot(screenshot)
        sys.excepthook = desk.excepthook
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        desk.close()


def set_application_font(app: QApplication, points: int) -> None:
    """A Japanese UI font at `points`, so kana and kanji get Japanese glyph shapes."""
    installed = set(QFontDatabase.families())
    font = QFont(app.font())
    families = [family for family in CJK_FAMILIES if family in installed]
    if families:
        font.setFamilies([*families, *font.families()])
    app.setFont(font)
    apply_font_size(points)


class DeskApp:
    """One database and the main window over it; rebuilds the window when the language changes.

    Holds the DbRunner of the current window; a rebuild drains the old runner before the new
    window reads anything, so no write is lost or reordered. GUI thread only.
    """

    def __init__(self, app: QApplication, db: Database, office: str) -> None:
        self.app = app
        self.db = db
        self.office = office
        self.window: MainWindow | None = None
        self.runner: DbRunner | None = None

    def build(self, lang: str, *, restore: bool) -> MainWindow:
        runner = DbRunner(lang)
        vocab = runner.call(load_vocab, self.db, lang)
        training = runner.call(setup.is_training, self.db)
        ctx = AppContext(self.db, self.office, config.staff_login(), lang, runner, vocab, training)
        window = MainWindow(ctx)
        if restore:
            window.restore_geometry()
        else:
            window.list_page.splitter.setSizes([760, 400])
        window.languageChanged.connect(self._switch_language)
        window.show()
        window.start()
        self.window, self.runner = window, runner
        return window

    def screenshot(self, path: Path) -> int:
        """Wait until the list and the counts are in and painted, grab the window, save it."""
        window, runner = self.window, self.runner
        assert window is not None and runner is not None
        deadline = time.monotonic() + SCREENSHOT_TIMEOUT_S
        handle = window.windowHandle()
        while (runner.busy or not handle.isExposed()) and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.005)
        window.list_page.table.selectRow(0)
        while runner.busy and time.monotonic() < deadline:
            self.app.processEvents()
            time.sleep(0.005)
        self.app.processEvents()
        path.parent.mkdir(parents=True, exist_ok=True)
        return 0 if window.grab().save(str(path), "PNG") else 1

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """An exception escaping a slot: logged and shown through the one error path."""
        exc.__traceback__ = tb
        show_error(self.window, exc, self.window.ctx.lang if self.window else "ja")

    def close(self) -> None:
        if self.runner is not None:
            self.runner.shutdown()
        self.db.dispose()

    @Slot(str)
    def _switch_language(self, lang: str) -> None:
        old_window, old_runner = self.window, self.runner
        if old_window is not None:
            old_window.save_geometry()
        if old_runner is not None:
            old_runner.shutdown()
        install_translators(self.app, lang)
        self.build(lang, restore=True)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()


def _refuse(exc: UserError, lang: str, *, interactive: bool) -> None:
    text = error_text(exc, lang)
    print(text, file=sys.stderr)
    if interactive:
        QMessageBox.warning(None, "連携デスク", text)
