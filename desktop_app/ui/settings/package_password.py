"""The offices' shared package password, set by an admin (設定).

Every office sets the same password: it encrypts packages with personal fields and signs every
package, so that one made outside the ward is refused. Typed twice, never shown; the service
refuses one shorter than its minimum, and its message is the one shown. Whether one is set
is all the box tells (the password itself is never read back). GUI thread only.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QWidget

from desktop_app.domain.changes import Changes, Kind
from desktop_app.domain.errors import UserError
from desktop_app.services import package_key
from desktop_app.ui.context import AppContext
from desktop_app.ui.errors import error_text
from desktop_app.ui.widgets import accessible


class PackagePasswordBox(QGroupBox):
    """Two password fields and 設定する; `passwordSet()` after the service stored it."""

    passwordSet = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("送付ファイルの共有パスワード（管理者）"), parent)
        self._ctx = ctx
        self.state = QLabel(self, objectName="passwordState")
        self.first = QLineEdit(self, objectName="packagePassword")
        self.again = QLineEdit(self, objectName="packagePasswordAgain")
        for edit in (self.first, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumWidth(260)
            edit.returnPressed.connect(self.save)
        self.button = QPushButton(self.tr("パスワードを設定"), self, objectName="passwordSave")
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.save)
        self.message = QLabel(self, objectName="passwordMessage", wordWrap=True)
        note = QLabel(
            self.tr(
                "すべての事務所で同じパスワードを設定します。個人情報を含む送付ファイルの暗号化と、"
                "区外で作られたファイルの見分けに使います。{0}文字以上。"
            ).format(package_key.MIN_LENGTH),
            self,
            wordWrap=True,
        )
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(note)
        form.addRow(self.tr("状態"), self.state)
        form.addRow(self.tr("新しいパスワード"), self.first)
        form.addRow(self.tr("もう一度"), self.again)
        form.addRow("", self.button)
        form.addRow(self.message)

    def refresh(self) -> None:
        self._ctx.query(package_key.is_set, on_done=self._known, owner=self)

    @Slot()
    def save(self) -> None:
        if self.first.text() != self.again.text():
            self._refused(UserError("password_mismatch"))
            return
        password, actor = self.first.text(), self._ctx.actor
        self._ctx.write(
            lambda db: package_key.set_password(db, password, actor=actor),
            Changes.of(Kind.SETTINGS),  # 取込・送付 offers personal data from now on
            on_done=self._stored,
            on_error=self._refused,
            owner=self,
        )

    def _known(self, is_set: bool) -> None:
        self.state.setText(self.tr("設定されています") if is_set else self.tr("設定されていません"))

    def _stored(self, _result: None) -> None:
        self.first.clear()
        self.again.clear()
        accessible.say(self.message, self.tr("共有パスワードを設定しました。"), "done")
        self._known(True)
        self.passwordSet.emit()

    def _refused(self, exc: BaseException) -> None:
        accessible.say(self.message, error_text(exc, self._ctx.lang), "error")
        self.first.setFocus()
        self.first.selectAll()
