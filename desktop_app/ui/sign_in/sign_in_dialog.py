"""The sign-in dialog shown before the main window (and, with the login fixed, by the idle lock).

It asks the services through `check(login, password)` (staff.sign_in on the DbRunner), so the
password rules, the lockout and the audit entry are the services' alone; a refusal shows its
message under the fields and clears the password. A training database lists its demo accounts
and comes pre-filled with one, so that `make run` is one Enter away from the desk.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import ROLE_LABELS, Actor, Role
from desktop_app.domain.errors import UserError
from desktop_app.ui.widgets import accessible

Check = Callable[[str, str], Actor]


class SignInDialog(QDialog):
    """Accepted once `check` returned an Actor (`self.actor`); rejected by Esc or キャンセル.

    `demo` is (login, role) of a training database's accounts with their shared `demo_password`,
    put in the password box with `prefill` (when `login` is one of them).
    """

    def __init__(
        self,
        check: Check,
        *,
        lang: str,
        login: str = "",
        demo: Sequence[tuple[str, Role]] = (),
        demo_password: str = "",
        prefill: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, objectName="signInDialog")
        self._check = check
        self._lang = lang
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("連携デスク — サインイン"))
        self.login = QLineEdit(login, self, objectName="login")
        self.password = QLineEdit(self, objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self, objectName="signInError", wordWrap=True)
        self.error.setProperty("tone", "error")  # coloured by ui/style.py
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("ユーザー名"), self.login)
        form.addRow(self.tr("パスワード"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("サインイン"))
        ok.setDefault(True)  # Enter signs in from either box
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if demo:
            layout.addWidget(self._demo_note(demo, demo_password))
            if prefill:
                self.password.setText(demo_password)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        (self.password if login else self.login).setFocus()

    def _demo_note(self, demo: Sequence[tuple[str, Role]], password: str) -> QLabel:
        english = self._lang.startswith("en")
        lines = [
            f"<b>{login}</b> ({ROLE_LABELS[role].en})"
            if english
            else f"<b>{login}</b>（{ROLE_LABELS[role].ja}）"
            for login, role in demo
        ]
        text = self.tr(
            "研修用データベースです。次の研修用アカウントでサインインできます"
            "（パスワードはいずれも <b>{0}</b>）:<br>{1}"
        ).format(password, "<br>".join(lines))
        note = QLabel(text, self, objectName="demoAccounts", wordWrap=True)
        note.setTextFormat(Qt.TextFormat.RichText)
        return note

    @Slot()
    def submit(self) -> None:
        # After failures in a row the answer waits (up to 30 s, services.staff): say so.
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.actor = self._check(self.login.text(), self.password.text())
        except UserError as refusal:
            accessible.say(self.error, refusal.message(self._lang), "error")
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.accept()
