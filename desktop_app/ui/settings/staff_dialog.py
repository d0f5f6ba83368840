"""The dialog that adds an account (login, name, role, password twice) or sets a password.

It only collects the values: the services check them (the login's form, the password rules)
and the staff section shows their refusal under the fields.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop_app.domain.actor import ROLE_LABELS, Role
from desktop_app.ui.widgets import accessible


class StaffDialog(QDialog):
    """With `login` given, only a new password for that account is asked."""

    def __init__(self, lang: str, login: str | None = None, parent: QWidget | None = None):
        super().__init__(parent, objectName="staffDialog")
        english = lang.startswith("en")
        self.setWindowTitle(self.tr("職員の追加") if login is None else self.tr("パスワードの変更"))
        self.login = QLineEdit(login or "", self, objectName="staffLogin")
        self.login.setReadOnly(login is not None)
        self.name = QLineEdit(self, objectName="staffName")
        self.role = QComboBox(self, objectName="staffRole")
        for role in Role:
            self.role.addItem(ROLE_LABELS[role].en if english else ROLE_LABELS[role].ja, str(role))
        self.password = QLineEdit(self, objectName="staffPassword")
        self.again = QLineEdit(self, objectName="staffPasswordAgain")
        for box in (self.password, self.again):
            box.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(self, objectName="staffError", wordWrap=True)
        self.error.setProperty("tone", "error")  # coloured by ui/style.py
        self.error.hide()
        form = QFormLayout(self)
        form.addRow(self.tr("ユーザー名"), self.login)
        if login is None:
            form.addRow(self.tr("氏名"), self.name)
            form.addRow(self.tr("権限"), self.role)
        else:  # not in the form: hidden, or they would float over it unnamed
            self.name.hide()
            self.role.hide()
        form.addRow(self.tr("パスワード（10文字以上）"), self.password)
        form.addRow(self.tr("もう一度"), self.again)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("キャンセル"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(440)

    def show_error(self, text: str) -> None:
        accessible.say(self.error, text, "error")
        self.error.show()
