"""The idle lock: after some minutes without a key or a click the window is covered and asks
the signed-in person's password again.

A desk PC stands where visitors come and go; a record left open shows residents' personal
data to whoever walks up. `IdleLock` watches the application's input events; when the time is
up it lays an opaque panel over the whole main window and disables everything under it (the
screens and the window's shortcuts) until the password is given. The password goes
through staff.sign_in like a sign-in, so failures slow down and are audited. Someone else
taking the desk over chooses 「別の職員でサインイン」 (`switchRequested`): the window signs out
and the sign-in dialog comes, so nobody works under a colleague's name. The minutes are the
office's policy (services/idle_policy.py) and change at once (`set_minutes`).
GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.changes import STAFF
from desktop_app.domain.errors import UserError
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets import accessible

# When the filter is installed if the window has not asked for it (its first page not loaded).
WATCH_AT_THE_LATEST_MS = 5_000
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class LockPanel(QWidget):
    """The opaque cover with the password box; `unlock()` when the password is right,
    `switchRequested` when another member of staff wants the desk."""

    switchRequested = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window, objectName="lockPanel")
        self._ctx = ctx
        self._window = window
        self._disabled: list[QShortcut] = []
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)  # opaque: hides all
        box = QFrame(self, objectName="lockBox")
        box.setFixedWidth(420)
        title = QLabel(self.tr("画面をロックしました"), box)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        who = QLabel(
            self.tr("{0}（{1}）のパスワードを入力して再開してください。").format(
                ctx.actor.name, ctx.actor.login
            ),
            box,
            wordWrap=True,
        )
        self.password = QLineEdit(box, objectName="lockPassword")
        accessible.name(self.password, self.tr("パスワード"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self.submit)
        self.error = QLabel(box, objectName="lockError", wordWrap=True)
        self.error.setProperty("tone", "error")  # coloured by ui/style.py
        self.error.hide()
        button = QPushButton(self.tr("ロック解除"), box, objectName="unlockButton")
        button.setDefault(True)
        button.clicked.connect(self.submit)
        self.switch_button = QPushButton(
            self.tr("別の職員でサインイン"), box, objectName="switchUserButton"
        )
        self.switch_button.setFlat(True)
        self.switch_button.clicked.connect(self.switchRequested)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        for widget in (title, who, self.password, self.error, button, self.switch_button):
            inner.addWidget(widget)
        outer = QVBoxLayout(self)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        self.hide()

    def cover(self) -> None:
        self.setGeometry(self._window.rect())
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(False)
        self._disabled = [s for s in self._window.findChildren(QShortcut) if s.isEnabled()]
        for shortcut in self._disabled:
            shortcut.setEnabled(False)
        self.error.hide()
        self.password.clear()
        self.show()
        self.raise_()
        self.password.setFocus()

    @Slot()
    def submit(self) -> None:
        from desktop_app.services import staff  # not at the top: the window's first page

        actor = self._ctx.actor
        try:
            password = self.password.text()
            self._ctx.write_now(lambda db: staff.sign_in(db, actor.login, password), STAFF)
        except UserError as refusal:
            # Only a password was asked: the refusal names the password, not "the user name or".
            if refusal.code == "sign_in_failed":
                refusal = UserError("lock_password_wrong")
            accessible.say(self.error, refusal.message(self._ctx.lang), "error")
            self.error.show()
            self.password.clear()
            return
        self.uncover()

    def uncover(self) -> None:
        central = self._window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        for shortcut in self._disabled:
            shortcut.setEnabled(True)
        self._disabled = []
        self.hide()


class IdleLock(QObject):
    """Locks `window` after `minutes` without input; `locked` says whether it is covered."""

    def __init__(self, ctx: AppContext, window: QMainWindow, minutes: float) -> None:
        super().__init__(window)
        self._window = window
        self.panel = LockPanel(ctx, window)
        self._timer = QTimer(self, singleShot=True)
        self._timer.setInterval(round(minutes * 60_000))
        self._timer.timeout.connect(self.lock)
        self._watching = False
        # The window calls `watch` once its first page is painted; this is the latest.
        QTimer.singleShot(WATCH_AT_THE_LATEST_MS, self, self.watch)
        self._timer.start()

    def watch(self) -> None:
        """Count input from now on: an application-wide event filter (removed by Qt when this
        object goes with its window). Not from the window's construction on: with a Python
        filter, PySide6 gives every event's receiver its Python type, and for a window being
        built and painted for the first time that made some 170 of PySide6's enum types at once
        (50-100 ms before the first page). The person's first moments of input are not
        counted, which only makes a lock minutes later come a moment sooner."""
        if not self._watching:
            self._watching = True
            app = QApplication.instance()
            assert app is not None
            app.installEventFilter(self)

    @property
    def watching(self) -> bool:
        """Whether input is counted yet (`watch`)."""
        return self._watching

    @property
    def locked(self) -> bool:
        return self.panel.isVisible()

    @property
    def minutes(self) -> float:
        return self._timer.interval() / 60_000

    def set_minutes(self, minutes: float) -> None:
        """A new time, in force at once: counted again from now."""
        self._timer.setInterval(round(minutes * 60_000))
        if not self.locked:
            self._timer.start()

    @Slot()
    def lock(self) -> None:
        self.watch()  # the cover follows the window's size through the filter
        self.panel.cover()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.locked:
            if kind == QEvent.Type.Resize and watched is self._window:
                self.panel.setGeometry(self._window.rect())
        elif kind in _INPUT:
            self._timer.start()
        return False
