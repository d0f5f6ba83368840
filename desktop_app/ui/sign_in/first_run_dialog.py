"""The first start of a real installation: this PC's office and the administrator's password.

A database with no accounts that is not a training database (training databases carry demo
accounts) cannot be signed in to; instead of refusing, the window asks once for what `init`
would: the office (when the file has none yet) and the password of the first administrator
`admin`, typed twice. `set_up(office, password)` (staff.first_run on the DbRunner) checks and
writes; its refusal stays in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain import masters
from desktop_app.domain.actor import Actor
from desktop_app.domain.errors import UserError
from desktop_app.ui.widgets import accessible

SetUp = Callable[[str | None, str], Actor]


class FirstRunDialog(QDialog):
    def __init__(
        self, set_up: SetUp, *, lang: str, ask_office: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, objectName="firstRunDialog")
        self._set_up = set_up
        self._lang = lang
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("連携デスク — 初回設定"))
        intro = QLabel(
            self.tr(
                "この PC の連携デスクを設定します。最初の管理者 admin のパスワード"
                "（10文字以上）を決めてください。職員のアカウントは、サインイン後に"
                "設定画面で追加できます。"
            ),
            self,
            wordWrap=True,
        )
        self.office = QComboBox(self, objectName="firstRunOffice")
        english = lang.startswith("en")
        for office in masters.load_offices():
            self.office.addItem(office.name_en if english else office.name, office.code)
        self.password = QLineEdit(self, objectName="firstRunPassword")
        self.again = QLineEdit(self, objectName="firstRunAgain")
        for box in (self.password, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self, objectName="firstRunError", wordWrap=True)
        self.error.setProperty("tone", "error")  # coloured by ui/style.py
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(intro)
        if ask_office:
            form.addRow(self.tr("事務所"), self.office)
        else:
            self.office.hide()
        form.addRow(self.tr("admin のパスワード"), self.password)
        form.addRow(self.tr("もう一度"), self.again)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("設定して開始"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._ask_office = ask_office
        self.setMinimumWidth(460)

    @Slot()
    def submit(self) -> None:
        try:
            if self.password.text() != self.again.text():
                raise UserError("password_mismatch")
            office = self.office.currentData() if self._ask_office else None
            self.actor = self._set_up(office, self.password.text())
        except UserError as refusal:
            accessible.say(self.error, refusal.message(self._lang), "error")
            self.error.show()
            return
        self.accept()
