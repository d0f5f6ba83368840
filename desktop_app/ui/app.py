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
is on screen; the main window then takes the frame's place. A file that is ready to sign in to
(services/sign_in_facts.py, plain sqlite3) skips the frame: the sign-in dialog is the first
window, and the database opens behind it while the person types (`sign_in_early`). Enter
before it is open shows the window from the list's first page read with sqlite3 alone, and
the window waits for the opening itself (`_desk_before_opened`, docs/gui.md).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

from desktop_app import config
from desktop_app.domain.errors import UserError
from desktop_app.ui import preferences
from desktop_app.ui.errors import error_text, show_error
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.late_database import LateDatabase
from desktop_app.ui.style import apply_font_size, apply_style
from desktop_app.ui.widgets.screen_fit import place_window

if TYPE_CHECKING:
    # QEvent, QMessageBox and QPixmap are imported where used: making their Python types
    # costs milliseconds before the sign-in dialog that none of its paths needs.
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QPixmap

    from desktop_app.domain.actor import Actor
    from desktop_app.services.backups import DailyBackup
    from desktop_app.services.database import Database, Upgrade
    from desktop_app.services.first_run import FirstAdmin
    from desktop_app.services.light_window import WindowStart
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.sign_in.opening import Opening
    from desktop_app.ui.worker import DbRunner

# Japanese UI fonts in order of preference; the first one installed is used. Noto Sans CJK JP
# on Linux (and in the offscreen screenshots), Yu Gothic UI / Meiryo UI on ward PCs.
CJK_FAMILIES = ("Noto Sans CJK JP", "Yu Gothic UI", "Meiryo UI", "Hiragino Sans")
SCREENSHOT_TIMEOUT_S = 30.0
FRAME_EXPOSE_TIMEOUT_S = 2.0
FRAME_SIZE = QSize(1280, 800)  # MainWindow.WINDOW_SIZE, named here so as not to import it
_OPENING_POLL_MS = 5  # how often the window shown before the database is open looks for it
_LONGEST_BEFORE_PAINT_MS = 500  # the opening's imports wait for the first paint no longer
# The start frame's title, before the office (read from the database) is known.
PRODUCT_NAMES = {"ja": "連携デスク", "en": "Renkei Desk"}


def run_gui(
    db_path: Path,
    *,
    screenshot: Path | None = None,
    lang: str | None = None,
    training: bool = False,
    user: str | None = None,
) -> int:
    """Show the desk on `db_path` until it is closed; with `screenshot`, save a PNG and exit.

    Where no database exists yet, the set-up wizard comes first (office, first administrator,
    master package, training database); cancelling it creates nothing and exits 0. `training`
    (`gui --training`, `make run`) instead makes a new file a demo desk behind the start frame,
    with no wizard. An older database is upgraded after a backup, and the window says so.
    The person signs in before the main window is built (ui/sign_in/start.py) as `user`
    (`--user` or RENKEI_DESK_USER; else admin, or a training database's demo administrator):
    in the dialog, or for a screenshot with the password of RENKEI_DESK_PASSWORD.
    Returns the exit code: 0 (also when the sign-in was cancelled), 2 when the database cannot
    be opened, is not initialised or cannot be signed in to.
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
    first_admin: FirstAdmin | None = None
    if not training and not db_path.is_file():
        started = _first_start(db_path, chosen, screenshot)
        if isinstance(started, int):
            return started
        first_admin = started
    upgrades: list[Upgrade] = []
    early = None
    after_sign_in: list[Callable[[Database], object]] = []
    first: list[FirstPage] = []
    if screenshot is None and first_admin is None:
        early = sign_in_early(db_path, chosen, training=training, user=user,
                              after_sign_in=after_sign_in, first_page=first)  # fmt: skip
    desk: DeskApp | int | None = None
    if early is not None and first:
        desk = _desk_before_opened(app, early, first[0], after_sign_in, chosen)
    if desk is None:  # after a failed opening behind the window, the usual path says why
        desk = _desk_opened(app, db_path, chosen, None if first else early, training, user,
                            upgrades, screenshot, first_admin, after_sign_in)  # fmt: skip
    if isinstance(desk, int):
        return desk
    try:
        window = desk.window
        if window is None or not window.isVisible():
            return 0  # closed (or signed out of) while the database was still opening
        for upgrade in upgrades:
            window.say_upgraded(upgrade.message(chosen), modal=screenshot is None)
        if screenshot is not None:
            return desk.screenshot(screenshot)
        desk.start_daily_backup()
        sys.excepthook = desk.excepthook
        return app.exec()
    finally:
        sys.excepthook = sys.__excepthook__
        desk.close()


def _desk_opened(
    app: QApplication,
    db_path: Path,
    lang: str,
    early: tuple[Database, str, Actor | None] | None,
    training: bool,
    user: str | None,
    upgrades: list[Upgrade],
    screenshot: Path | None,
    first_admin: FirstAdmin | None,
    after_sign_in: list[Callable[[Database], object]],
) -> DeskApp | int:
    """The desk on the database opened (behind the dialog: `early`, or now with the start
    frame, upgraded or recovered, then signed in to), its window built; else the exit code:
    0 when nobody signed in, 2 when it could not be opened or signed in to."""
    frame: QMainWindow | None = None
    if early is not None:
        db, office, actor = early
    else:
        # Screenshots are taken of the main window alone, so they need no frame before it.
        frame = None if screenshot is not None else show_start_frame(app, lang)
        signed = _open_then_sign_in(db_path, lang, training, user, upgrades, screenshot, frame,
                                    first_admin)  # fmt: skip
        if signed is None:
            return 2
        db, office, actor, frame = signed
    if actor is None:  # cancelled
        if frame is not None:
            frame.close()
        db.dispose()
        return 0
    desk = DeskApp(app, db, office, actor, after_sign_in=after_sign_in)
    desk.build(lang, restore=screenshot is None, replacing=frame)
    return desk


def _desk_before_opened(
    app: QApplication,
    signed: tuple[Database, str, Actor | None],
    first: FirstPage,
    after_sign_in: list[Callable[[Database], object]],
    lang: str,
) -> DeskApp | None:
    """The window shown from its first page read with sqlite3 alone, then the wait for the
    database behind it (the window takes input meanwhile; its worker's jobs wait for the
    opening, and the wait cursor says so). The desk on the opened database; None when it
    failed to open: the window is gone with nothing of its work done (its jobs never ran on
    a database), and whoever signs in on the usual path is asked again."""
    late, office, actor = signed
    assert actor is not None  # a light sign-in went before the first page was read
    desk = DeskApp(app, late, office, actor, after_sign_in=after_sign_in, first_page=first)
    desk.build(lang, restore=True)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        _until_ready(first.opening)
    finally:
        QApplication.restoreOverrideCursor()
    try:
        desk.db = first.opening.result()[0]
    except UserError:
        desk.abandon()
        after_sign_in.clear()
        return None
    window = desk.window
    if window is not None:  # the detail pane, left until the services were imported
        QTimer.singleShot(0, window, lambda: window.list_page.detail)
    return desk


def _until_ready(opening: Opening[tuple[Database, str]]) -> None:
    """Events handled (the window on screen works) until `opening` has opened or failed."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    poll = QTimer(interval=_OPENING_POLL_MS)
    poll.timeout.connect(lambda: loop.quit() if opening.ready else None)
    poll.start()
    if not opening.ready:
        loop.exec()  # also left when the application quits (the window closed meanwhile)
    poll.stop()


def prepare_application(app: QApplication, lang: str, points: float) -> None:
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
    place_window(frame, FRAME_SIZE, preferences.window_state(preferences.GEOMETRY_KEY))
    frame.show()
    deadline = time.monotonic() + FRAME_EXPOSE_TIMEOUT_S
    handle = frame.windowHandle()
    while not handle.isExposed() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    frame.repaint()
    return frame


def open_desk_database(
    path: Path, *, training: bool = False, on_upgrade: Callable[[Upgrade], None] | None = None
) -> tuple[Database, str]:
    """The database at the newest schema and this installation's office code.

    The first import of SQLAlchemy and the services happens here. `training` makes a new file
    a demo desk (研修用) for config.DEMO_OFFICE. Raises UserError when the file cannot be
    opened or was never initialised.
    """
    from desktop_app.services import database, setup

    if training:
        # Only here: the demo generator brings the writer and openpyxl (0.4 s of imports).
        from desktop_app.demo.service import open_training

        db = open_training(
            path, office=config.DEMO_OFFICE, demo_count=config.DEMO_COUNT, on_upgrade=on_upgrade
        )
    else:
        db = database.connect(path, on_upgrade=on_upgrade)
    try:
        office = setup.office_of(db)
        if office is None:
            raise UserError("not_initialised")
    except BaseException:
        db.dispose()
        raise
    return db, office


def _first_start(db_path: Path, lang: str, screenshot: Path | None) -> FirstAdmin | int:
    """On a PC with no database: the set-up wizard. The administrator it made once it made
    the database, else the exit code (0 cancelled; 2 for a screenshot, which sets nothing up)."""
    if screenshot is not None:
        _refuse(UserError("database_missing", path=db_path), lang, interactive=False)
        return 2
    from desktop_app.ui.first_run.wizard import set_up_first_run

    return set_up_first_run(db_path, lang) or 0


def _open_or_recover(
    db_path: Path,
    lang: str,
    training: bool,
    upgrades: list[Upgrade],
    screenshot: Path | None,
    frame: QMainWindow | None,
) -> tuple[Database, str, QMainWindow | None] | None:
    """The database, its office and the start frame still showing; a damaged file offers the
    newest good backup (not for a screenshot). None, after saying why, when nothing opened."""
    try:
        db, office = open_desk_database(db_path, training=training, on_upgrade=upgrades.append)
    except UserError as exc:
        if frame is not None:
            frame.close()
        if screenshot is None and exc.code == "database_unreadable":
            recovered = offer_newest_backup(db_path, exc.message(lang), lang)
            return None if recovered is None else (*recovered, None)
        _refuse(exc, lang, interactive=screenshot is None)
        return None
    return db, office, frame


def _open_then_sign_in(
    db_path: Path,
    lang: str,
    training: bool,
    user: str | None,
    upgrades: list[Upgrade],
    screenshot: Path | None,
    frame: QMainWindow | None,
    first_admin: FirstAdmin | None,
) -> tuple[Database, str, Actor | None, QMainWindow | None] | None:
    """The usual path: the database opened (upgraded, recovered), then the sign-in. None,
    after saying why, when it could not be opened or signed in to."""
    opened = _open_or_recover(db_path, lang, training, upgrades, screenshot, frame)
    if opened is None:
        return None
    db, office, frame = opened
    try:
        actor = (
            _sign_in(db, user, lang, screenshot=screenshot, frame=frame)
            if first_admin is None
            else _sign_in_first_admin(db, first_admin)
        )
    except UserError as exc:
        db.dispose()
        _refuse(exc, lang, interactive=False)
        return None
    return db, office, actor, frame


def sign_in_early(
    db_path: Path,
    lang: str,
    *,
    training: bool,
    user: str | None,
    after_sign_in: list[Callable[[Database], object]] | None = None,
    first_page: list[FirstPage] | None = None,
) -> tuple[Database, str, Actor | None] | None:
    """The sign-in dialog before the database is opened (it opens behind the dialog, and what
    the first page needs is warmed while the person types): the database, its office and who
    signed in (None: cancelled). The dialog is the first window, with no start frame behind
    it: the frame stood in for the window during the heavy imports, which now happen while
    the dialog is up. None when the file must be opened first (see services/sign_in_facts.py,
    or the first-run set-up of a file without accounts) or could not be opened behind the
    dialog: the usual path then opens it, with the frame, and says why.

    With `after_sign_in`, Enter before the database is open may sign in with sqlite3 alone
    (`_light_sign_in`); the rest of such a sign-in, the account's package-key slot, is put in
    that list for the window's worker (DeskApp, after the first page). Without it, Enter waits
    for the opening and signs in in full.

    With `first_page` too, a light sign-in before the database is open does not wait for it:
    the list's first page, its labels and the idle maximum are read with sqlite3 alone
    (services/light_window.py) and put in `first_page` with the opening still under way; the
    database returned is then a LateDatabase, and the caller shows the window from that page
    and waits for the opening with it on screen (run_gui)."""
    from desktop_app.services.sign_in_facts import sign_in_facts
    from desktop_app.ui.sign_in.opening import Opening
    from desktop_app.ui.sign_in.start import sign_in_while_opening

    facts = sign_in_facts(db_path)
    if facts is None or not (facts.training or facts.accounts):
        return None
    opening = Opening(
        lambda: _open_to_sign_in(db_path, training=training), _warm_first_page, _import_the_rest
    )
    light = None if after_sign_in is None else _light_sign_in(db_path, after_sign_in)
    early = None
    if light is not None and first_page is not None:
        early = partial(_read_first_page, db_path, facts.training, opening, first_page)
    actor = sign_in_while_opening(facts, opening, user, lang, light=light, early=early)
    if first_page:
        return LateDatabase(opening), facts.office, actor  # type: ignore[return-value]
    try:
        db, office = opening.result()
    except UserError:
        if after_sign_in is not None:
            # Whoever signs in on the usual path is asked again: nothing of a sign-in made
            # here (its package-key slot) may be done for them.
            after_sign_in.clear()
        return None
    opening.finish()
    return db, office, actor


@dataclass(frozen=True)
class FirstPage:
    """What the window is shown from before the database is open (sign_in_early): the first
    page and labels read with sqlite3 alone, and the opening it then waits for."""

    start: WindowStart
    training: bool
    opening: Opening[tuple[Database, str]]


def _read_first_page(
    db_path: Path,
    training: bool,
    opening: Opening[tuple[Database, str]],
    first_page: list[FirstPage],
) -> bool:
    """After a light sign-in: whether the window can be shown before the database is open
    (its first page read, and the opening not done yet: then the warming is left out)."""
    from desktop_app.domain.local_time import local_today
    from desktop_app.services.light_window import read_start
    from desktop_app.ui.inquiry_list.list_model import PAGE

    if opening.ready:
        return False  # open already: the window as before, from the warmed database
    opening.pause()  # the window's modules, its first page and its paint go first
    try:
        start = read_start(db_path, local_today(), PAGE)
    except BaseException:
        opening.resume()  # never left paused by a failed read
        raise
    if start is None or not opening.early():
        opening.resume()
        return False
    first_page.append(FirstPage(start, training, opening))
    return True


def _light_sign_in(
    db_path: Path, after_sign_in: list[Callable[[Database], object]]
) -> Callable[[str, str], Actor | None]:
    """The dialog's sign-in before the database is open (services/light_sign_in.py, sqlite3
    alone). The rest of a sign-in, the account's package-key slot, needs the database: it goes
    to `after_sign_in`, which the window's worker runs after the first page, before anything
    the person asks for."""

    def light(login: str, password: str) -> Actor | None:
        from desktop_app.services.light_sign_in import sign_in_lightly

        actor = sign_in_lightly(db_path, login, password)
        if actor is not None:
            after_sign_in.append(partial(_open_package_key, actor=actor, password=password))
        return actor

    return light


def _open_package_key(db: Database, *, actor: Actor, password: str) -> None:
    from desktop_app.services import package_key

    package_key.open_at_sign_in(db, actor, password)


def _open_to_sign_in(db_path: Path, *, training: bool) -> tuple[Database, str]:
    """The database opened behind the dialog, and what Enter runs next imported with it (the
    light sign-in first, then the full one and its worker), so an early Enter does not import
    them after the wait."""
    opened = open_desk_database(db_path, training=training)
    importlib.import_module("desktop_app.services.light_sign_in")
    importlib.import_module("desktop_app.services.staff")
    importlib.import_module("desktop_app.ui.worker")
    return opened


def _warm_first_page(opened: tuple[Database, str]) -> None:
    """Behind the sign-in dialog: the main window's modules, then the list's first page read
    once, so that its pages of the file are in memory when the window asks for them, then the
    Python types of the Qt classes its first paint meets."""
    from desktop_app.domain.local_time import local_today
    from desktop_app.services.search import InquiryFilter
    from desktop_app.ui.inquiry_list.list_model import load_head

    _import_main_window()
    load_head(opened[0], InquiryFilter(today=local_today()), "received_at", True)
    _make_first_paint_types()


# Qt classes whose objects first reach Python while the main window is shown and painted
# (its actions and icons, the table's selection and delegate, the events of a new window).
_FIRST_PAINT_TYPES = {
    "QtCore": ("QItemSelectionModel", "QMetaMethod"),
    "QtGui": ("QAction", "QContextMenuEvent", "QGradient", "QIcon", "QImage",
              "QInputMethodEvent", "QPlatformSurfaceEvent", "QScrollEvent"),
    "QtWidgets": ("QAbstractItemDelegate", "QGraphicsSceneContextMenuEvent", "QToolButton"),
}  # fmt: skip


def _make_first_paint_types() -> None:
    """PySide6 makes a Qt class's Python type, all its enums included, the first time the
    class is named or one of its objects reaches Python: for these that was some 20 enum types
    (10-20 ms) made on the GUI thread between Enter and the first page. Named here, behind the
    dialog; the window is built only once the warming is done (Opening.finish), so the GUI
    thread never meets one half made."""
    for module, names in _FIRST_PAINT_TYPES.items():
        qt = importlib.import_module(f"PySide6.{module}")
        for name in names:
            getattr(qt, name)


def _sign_in_first_admin(db: Database, admin: FirstAdmin) -> Actor:
    """The administrator the wizard just made, signed in with what they typed a moment ago."""
    from desktop_app.services import staff

    return staff.sign_in(db, admin.login, admin.password)


def _sign_in(
    db: Database, user: str | None, lang: str, *, screenshot: Path | None, frame: QMainWindow | None
) -> Actor | None:
    from desktop_app.ui.sign_in.start import sign_in_from_environment, sign_in_interactively

    if screenshot is not None:
        return sign_in_from_environment(db, user, config.env_password(), lang)
    # While the person types their password, the main window's modules are imported behind
    # the dialog, so Enter leads to the list's first page and not to half a second of imports.
    warming = threading.Thread(target=_import_main_window, name="warm-imports", daemon=True)
    warming.start()
    try:
        return sign_in_interactively(db, user, lang, parent=frame)
    finally:
        warming.join()


def _import_the_rest() -> None:
    """Behind the dialog once the first page is warmed: what the window builds or reads just
    after its first page (the detail pane, the conflict count: openpyxl behind both), so that
    a person who types their password finds them imported."""
    with contextlib.suppress(Exception):
        importlib.import_module("desktop_app.ui.inquiry_list.detail_pane")
        importlib.import_module("desktop_app.services.conflicts")


def _import_main_window() -> None:
    """Pure imports (no widget is made off the GUI thread); a failure shows later, in place."""
    with contextlib.suppress(Exception):
        importlib.import_module("desktop_app.ui.main_window")
        importlib.import_module("desktop_app.ui.vocab")


def offer_newest_backup(
    db_path: Path, problem: str, lang: str, parent: QWidget | None = None
) -> tuple[Database, str] | None:
    """The damaged-database dialog: restore the newest good backup and open it, or None when
    the person closes (or there is no backup: then the dialog says so).

    Only damage comes here: a busy or read-only file is refused at open with its own message
    (services/database). Nobody can sign in against the damaged file, so the dialog asks an
    administrator of the backup to sign in against the backup's own accounts
    (services/restore.restore_as_backup_admin); a refusal is said in the dialog, nothing
    changed, and the restore is audited under that administrator's login.
    """
    from desktop_app.services import backups, restore
    from desktop_app.ui.damaged_dialog import DamagedDatabaseDialog

    newest = restore.newest_good_backup(db_path)
    folder = str(backups.folder_for_file(db_path))

    def restore_with(backup_password: str, login: str, password: str) -> object:
        assert newest is not None
        return restore.restore_as_backup_admin(
            db_path, newest.path, login, password, backup_password=backup_password or None
        )

    dialog = DamagedDatabaseDialog(
        str(db_path), problem, newest, parent, folder=folder, restore_with=restore_with, lang=lang
    )
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if newest is None or not accepted or dialog.restored is None:
        return None
    try:
        return open_desk_database(db_path)
    except UserError as exc:
        _refuse(exc, lang, interactive=True)
        return None


def save_picture(db: Database, picture: QPixmap, path: Path) -> int:
    """`gui --screenshot FILE.png` through services/output_files like every written file (an
    existing picture is replaced: scripts make the same screenshots again; never the database
    or a backup). 0 when saved, 2 (said on standard error) when refused."""
    from desktop_app.services import output_files

    try:
        with output_files.output(db, path, overwrite=True) as temporary:
            if not picture.save(str(temporary), "PNG"):
                raise UserError("output_unwritable", path=str(path), detail="PNG")
    except UserError as exc:
        print(exc.message(config.language()), file=sys.stderr)
        return 2
    return 0


def set_application_font(app: QApplication, points: float) -> None:
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

    def __init__(
        self,
        app: QApplication,
        db: Database,
        office: str,
        actor: Actor,
        *,
        after_sign_in: Sequence[Callable[[Database], object]] = (),
        first_page: FirstPage | None = None,
    ) -> None:
        self.app = app
        self.db = db
        self.office = office
        self.actor = actor
        # The rest of a sign-in made before the database was open (sign_in_early): queued on
        # the first window's worker once its first page is asked for.
        self._after_sign_in = list(after_sign_in)
        # The first window's page, labels and idle maximum, read before the database was open.
        self._first_page = first_page
        self.window: MainWindow | None = None
        self.runner: DbRunner | None = None

    def build(
        self, lang: str, *, restore: bool, replacing: QMainWindow | None = None
    ) -> MainWindow:
        """The main window in `lang`, shown and loading; `replacing` (the start frame) closes
        once the main window is on screen in its place."""
        from desktop_app.domain.changes import NOTHING
        from desktop_app.ui.context import AppContext
        from desktop_app.ui.main_window import MainWindow
        from desktop_app.ui.vocab import load_vocab, vocab_from
        from desktop_app.ui.worker import DbRunner

        runner = DbRunner(lang)
        db = self.db
        runner.on_refused = lambda exc: runner.write(
            partial(_log_refusal, db, exc), NOTHING, on_error=lambda _: None
        )  # a refused permission is an audit entry, as at the command line
        first, self._first_page = self._first_page, None
        if first is not None:  # read before the database was open: nothing waits for it here
            runner.hold_until(first.opening.result)  # no job imports the services before
            vocab, training = vocab_from(first.start.labels, lang), first.training
            idle_maximum: int | None = first.start.idle_maximum
        else:
            vocab = runner.query_now(lambda: load_vocab(db, lang))
            training, idle_maximum = runner.query_now(partial(_is_training, db)), None
        ctx = AppContext(self.db, self.office, self.actor, lang, runner, vocab, training)
        window = MainWindow(ctx, idle_maximum=idle_maximum)
        if restore:
            window.restore_geometry()
        else:
            window.list_page.splitter.setSizes([820, 380])  # list_page.DEFAULT_SPLIT
        window.languageChanged.connect(self._switch_language)
        window.restoreRequested.connect(self.restore_backup)
        window.signOutRequested.connect(self.sign_out)
        window.rebuildRequested.connect(self._text_scale_changed)
        window.show()
        if replacing is not None:
            replacing.close()
        window.start(None if first is None else first.start)
        if first is not None:  # the opening's imports go on once the first page is painted
            _after_paint(window.list_page.table.viewport(), first.opening.resume)
        for rest in self._after_sign_in:  # after the first page, before anything asked for
            runner.write(partial(rest, db), NOTHING)
        self._after_sign_in.clear()
        self.window, self.runner = window, runner
        return window

    def abandon(self) -> None:
        """The window shown before the database was open, when it failed to open: closed, and
        its worker stopped with no answer delivered (its jobs failed without a database)."""
        window, runner = self.window, self.runner
        self.window, self.runner = None, None
        if runner is not None:
            runner.shutdown()
        if window is not None:
            window.keep_draft()  # typed in the last second: not lost with the window
            window.close()
            window.deleteLater()
            self.app.sendPostedEvents(None, _deferred_delete())

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
        return save_picture(self.db, window.grab(), path)

    def excepthook(
        self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        """An exception escaping a slot: logged and shown through the one error path."""
        exc.__traceback__ = tb
        show_error(self.window, exc, self.window.ctx.lang if self.window else "ja")

    def close(self) -> None:
        """Stop the runner, then destroy the window while the QApplication still exists: left
        to the interpreter's exit, Qt's objects went in no set order and `gui --screenshot`
        crashed after saving (about one run in two)."""
        if self.runner is not None:
            self.runner.shutdown()
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            self.app.sendPostedEvents(None, _deferred_delete())
            self.window = None
        self.db.dispose()

    def start_daily_backup(self) -> None:
        """The first start of the day's upkeep, behind the open window and after its first
        page: personal data past its period erased (services.retention, seconds at 100,000
        inquiries, so never before the sign-in or the list), then the day's backup; a damaged
        copy means a damaged database, and the newest good backup is offered at once."""
        from desktop_app.domain.changes import NOTHING
        from desktop_app.services import backups, retention

        assert self.runner is not None and self.window is not None
        window = self.window

        def progress(done: int, due: int) -> None:
            # Called on the worker thread: the signal reaches the window on its own thread.
            try:
                window.retentionProgress.emit(done, due)
            except RuntimeError:
                pass  # the window was replaced meanwhile: the erasure goes on unseen

        db = self.db
        self.runner.write(
            lambda: retention.run_daily(db, progress=progress),
            lambda report: report.changes if report else NOTHING,  # the list re-reads if erased
            owner=self.window,
        )
        self.runner.query(lambda: backups.daily(db), on_done=self._daily_done, owner=self.window)

    def _daily_done(self, outcome: DailyBackup) -> None:
        if not outcome.problems or self.window is None:
            return
        window = self.window
        self.replace_database(
            lambda: offer_newest_backup(self.db.path, outcome.problems[0], window.ctx.lang, window)
        )

    @Slot(Path)
    def restore_backup(self, backup: Path, backup_password: str = "") -> None:
        """Restore `backup` over the open database (設定 → 復元; an encrypted one with the
        backup password the box asked for) and reopen the window on it; a refused restore
        reopens the unchanged file and says why."""
        from desktop_app.services import restore

        window = self.window
        assert window is not None
        lang, path = window.ctx.lang, self.db.path
        actor = window.ctx.actor
        outcome: list[BaseException | str] = []

        def swap() -> tuple[Database, str] | None:
            try:
                report = restore.restore(
                    path, backup, backup_password=backup_password or None, actor=actor
                )
                outcome.append(_restored_text(report.path, report.kept, lang))
            except UserError as exc:
                outcome.append(exc)
            return open_desk_database(path)

        self.replace_database(swap)
        message = outcome[0] if outcome else None
        if isinstance(message, BaseException):
            show_error(self.window, message, lang)
        elif message:
            from PySide6.QtWidgets import QMessageBox

            done = QMessageBox(
                QMessageBox.Icon.Information, PRODUCT_NAMES.get(lang, "連携デスク"), message,
                QMessageBox.StandardButton.Ok, self.window, objectName="restored",
            )  # fmt: skip
            done.open()  # not exec(): the new window loads meanwhile

    def _stop_window(self) -> tuple[MainWindow | None, str]:
        """The window about to be replaced, with its place saved and its queued work drained
        (no answer of it arrives later), and its language."""
        old_window, old_runner = self.window, self.runner
        if old_window is not None:
            old_window.save_geometry()
        if old_runner is not None:
            old_runner.shutdown()
        return old_window, old_window.ctx.lang if old_window is not None else "ja"

    def replace_database(self, swap: Callable[[], tuple[Database, str] | None]) -> None:
        """Close the database (queued work drained first), run `swap` to put another file in
        its place and open it, and rebuild the window on it; None from `swap` quits."""
        old_window, lang = self._stop_window()
        self.runner = None
        self.db.dispose()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opened = swap()
        finally:
            QApplication.restoreOverrideCursor()
        if opened is None:
            if old_window is not None:
                old_window.close()
            self.app.quit()
            return
        self.db, self.office = opened
        self.build(lang, restore=True)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()

    @Slot()
    def sign_out(self) -> None:
        """The window closes and the sign-in dialog asks who works next; the window is built
        again for them, or the program ends when nobody signs in."""
        from desktop_app.services import package_key
        from desktop_app.ui.sign_in.start import sign_in_interactively

        old_window, lang = self._stop_window()
        if old_window is not None:
            # Gone before the dialog: nothing of the last person's work stays on the screen,
            # and no answer of the old window's queries arrives while the dialog waits.
            old_window.close()
            old_window.deleteLater()
            self.app.sendPostedEvents(None, _deferred_delete())
        self.window, self.runner = None, None
        # The package password opened at the last person's sign-in leaves with them.
        package_key.forget(self.db)
        actor = sign_in_interactively(self.db, None, lang)
        if actor is None:
            self.app.quit()
            return
        self.actor = actor
        self.build(lang, restore=True)

    @Slot(str)
    def _switch_language(self, lang: str) -> None:
        self._rebuild(lang)

    @Slot()
    def _text_scale_changed(self) -> None:
        """文字の大きさ: the window built again in the new font, so every size measured from
        the font is measured again; the person stays on 設定."""
        if self.window is not None:
            self._rebuild(self.window.ctx.lang).show_page("settings")

    def _rebuild(self, lang: str) -> MainWindow:
        old_window, old_runner = self.window, self.runner
        if old_window is not None:
            old_window.save_geometry()
        if old_runner is not None:
            old_runner.shutdown()
        install_translators(self.app, lang)
        window = self.build(lang, restore=True)
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        return window


def _after_paint(widget: QWidget, then: Callable[[], None]) -> None:
    """`then()` once `widget` has been painted for the first time (or at the latest after
    _LONGEST_BEFORE_PAINT_MS, should it never be)."""
    from PySide6.QtCore import QEvent, QObject

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, then)  # after this paint
            return False

    painted = Painted(widget)
    widget.installEventFilter(painted)
    QTimer.singleShot(_LONGEST_BEFORE_PAINT_MS, painted, then)


def _log_refusal(db: Database, exc: UserError) -> None:
    """Worker job: a refused permission in the trail (the services imported on the worker:
    a window may be built before they are)."""
    from desktop_app.services import audit

    audit.log_refusal(db, exc)


def _is_training(db: Database) -> bool:
    from desktop_app.services import setup

    return setup.is_training(db)


def _restored_text(path: Path, kept: Path | None, lang: str) -> str:
    from desktop_app.domain.messages import render

    if kept is None:
        return render("restore_done_new", lang, path=path)
    return render("restore_done", lang, path=path, kept=kept)


def _refuse(exc: UserError, lang: str, *, interactive: bool) -> None:
    text = error_text(exc, lang)
    print(text, file=sys.stderr)
    if interactive:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(None, "連携デスク", text)


def _deferred_delete() -> QEvent.Type:
    """The event type that deletes widgets closed with deleteLater."""
    from PySide6.QtCore import QEvent

    return QEvent.Type.DeferredDelete
