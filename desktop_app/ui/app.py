"""Starting the desk: the QApplication, translators, fonts, the database and the main window.

`run_gui` is what `renkei-desk [gui] [--screenshot FILE]` calls. Language: the one saved in 設定
wins once the person has chosen one; before that, the `lang` the CLI passes (from the
environment). In screenshot mode the `lang` given always wins, so README pictures are
reproducible. Choosing another language in 設定 rebuilds the main window in it (DeskApp below).

Start-up order: measured with `python -X importtime`, SQLAlchemy, the models, the services and
the screens are about 70% of the time to a usable window, and SQLAlchemy alone costs more than
the whole bare PySide6 window. So this module imports nothing of them at its top: the
QApplication and a start frame (the window's remembered size and place, titled, still empty)
are shown first, and the heavy imports, the database and the main window follow once the frame
is on screen; the main window then takes the frame's place.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop_app import config
from desktop_app.domain.errors import UserError
from desktop_app.ui import preferences
from desktop_app.ui.errors import error_text, show_error
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.settings.settings_page import apply_font_size
from desktop_app.ui.style import apply_style

if TYPE_CHECKING:
    from desktop_app.domain.actor import Actor
    from desktop_app.services.database import Database
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.worker import DbRunner

# Japanese UI fonts in order of preference; the first one installed is used. Noto Sans CJK JP
# on Linux (and in the offscreen screenshots), Yu Gothic UI / Meiryo UI on ward PCs.
CJK_FAMILIES = ("Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans")
SCREENSHOT_TIMEOUT_S = 30.0
FRAME_EXPOSE_TIMEOUT_S = 2.0
FRAME_SIZE = QSize(1280, 800)  # MainWindow.WINDOW_SIZE, named here so as not to import it
# The start frame's title, before the office (read from the database) is known.
PRODUCT_NAMES = {"ja": "連携デスク", "en": "Renkei Desk"}


def run_gui(
    db_path: Path,
    *,
    screenshot: Path | None = None,
    lang: str | None = None,
    demo: bool = False,
    user: str | None = None,
) -> int:
    """Show the desk on `db_path` until it is closed; with `screenshot`, save a PNG and exit.

    `demo` (`gui --demo`, what `make run` runs) makes a new file a training desk with demo
    data and demo accounts first, behind the start frame. The person signs in before the main
    window is built (ui/sign_in/start.py) as `user` (`--user` or RENKEI_DESK_USER; else admin,
    or a training database's demo administrator): in the dialog, or for a screenshot with the
    password of RENKEI_DESK_PASSWORD. Returns the exit code: 0 (also when the sign-in was
    cancelled), 2 when the database cannot be opened or signed in to.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "renkei-desk"])
    app.setApplicationName("renkei-desk")
    app.setOrganizationName("renkei-desk")
    chosen = lang or config.language()
    if screenshot is None:
        chosen = preferences.saved_language() or chosen
    prepare_application(app, chosen, preferences.font_pt())
    # Screenshots are taken of the main window alone, so they need no frame before it.
    frame = None if screenshot is not None else show_start_frame(app, chosen)
    try:
        db = open_desk_database(db_path, demo=demo, screenshot=screenshot is not None)
    except UserError as exc:
        if frame is not None:
            frame.close()
        _refuse(exc, chosen, interactive=screenshot is None)
        return 2
    try:
        actor = _sign_in(db, user, chosen, screenshot=screenshot, frame=frame)
    except UserError as exc:
        db.dispose()
        _refuse(exc, chosen, interactive=False)
        return 2
    if actor is None:  # cancelled
        if frame is not None:
            frame.close()
        db.dispose()
        return 0
    desk = DeskApp(app, db, actor.office, actor)
    try:
        desk.build(chosen, restore=screenshot is None, replacing=frame)
        if screenshot is not None:
            return desk.screenshot(screenshot)
        sys.excepthook = desk.excepthook
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        desk.close()


def prepare_application(app: QApplication, lang: str, points: int) -> None:
    """The font, the style sheet and the translators: all before the first window is shown."""
    set_application_font(app, points)
    apply_style(app)
    install_translators(app, lang)


def show_start_frame(app: QApplication, lang: str) -> QMainWindow:
    """An empty window where the main window will be, painted before the heavy imports.

    The person sees the desk open at once instead of nothing for a second; it is closed when
    the main window is shown in its place (DeskApp.build).
    """
    frame = QMainWindow(objectName="startFrame")
    frame.setWindowTitle(PRODUCT_NAMES.get(lang, PRODUCT_NAMES["ja"]))
    state = preferences.window_state(preferences.GEOMETRY_KEY)
    if state is None or not frame.restoreGeometry(state):
        frame.resize(FRAME_SIZE)
    frame.show()
    deadline = time.monotonic() + FRAME_EXPOSE_TIMEOUT_S
    handle = frame.windowHandle()
    while not handle.isExposed() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    frame.repaint()
    return frame


def open_desk_database(path: Path, *, demo: bool = False, screenshot: bool = False) -> Database:
    """The database at the newest schema (a new file a training desk first, with `demo`).

    The first import of SQLAlchemy and the services happens here. Raises UserError when the
    file cannot be opened, or for a screenshot of a file never initialised (the window itself
    offers the first-run set-up instead).
    """
    from desktop_app.demo.service import first_start
    from desktop_app.services import database, setup

    db = database.connect(path)
    try:
        if demo:
            first_start(db, office=config.DEMO_OFFICE, demo_count=config.DEMO_COUNT)
        if screenshot and setup.office_of(db) is None:
            raise UserError("not_initialised")
    except BaseException:
        db.dispose()
        raise
    return db


def _sign_in(
    db: Database, user: str | None, lang: str, *, screenshot: Path | None, frame: QMainWindow | None
) -> Actor | None:
    from desktop_app.ui.sign_in.start import sign_in_from_environment, sign_in_interactively

    if screenshot is not None:
        return sign_in_from_environment(db, user, config.env_password(), lang)
    return sign_in_interactively(db, user, lang, parent=frame)


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
    """One database, the signed-in actor and the main window over them; rebuilds the window
    when the language changes (the actor stays signed in).

    Holds the DbRunner of the current window; a rebuild drains the old runner before the new
    window reads anything, so no write is lost or reordered. GUI thread only.
    """

    def __init__(self, app: QApplication, db: Database, office: str, actor: Actor) -> None:
        self.app = app
        self.db = db
        self.office = office
        self.actor = actor
        self.window: MainWindow | None = None
        self.runner: DbRunner | None = None

    def build(
        self, lang: str, *, restore: bool, replacing: QMainWindow | None = None
    ) -> MainWindow:
        """The main window in `lang`, shown and loading; `replacing` (the start frame) closes
        once the main window is on screen in its place."""
        from desktop_app.services import setup
        from desktop_app.ui.context import AppContext
        from desktop_app.ui.main_window import MainWindow
        from desktop_app.ui.vocab import load_vocab
        from desktop_app.ui.worker import DbRunner

        runner = DbRunner(lang)
        vocab = runner.call(load_vocab, self.db, lang)
        training = runner.call(setup.is_training, self.db)
        ctx = AppContext(self.db, self.office, self.actor, lang, runner, vocab, training)
        window = MainWindow(ctx)
        if restore:
            window.restore_geometry()
        else:
            window.list_page.splitter.setSizes([760, 400])
        window.languageChanged.connect(self._switch_language)
        window.show()
        if replacing is not None:
            replacing.close()
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
