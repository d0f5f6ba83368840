"""The pages of the set-up wizard: office, first administrator, master package, training.

Each page checks its own entries as they are typed and keeps 次へ greyed out until they are
acceptable; problems stand in red under the field they are about (the same messages the
services raise, domain/messages.py).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from desktop_app.domain import masters
from desktop_app.domain.errors import InputErrors, UserError
from desktop_app.services.backup_key import check_password as check_backup_password
from desktop_app.services.first_run import FirstAdmin, check_first_admin
from desktop_app.services.passwords import MIN_LENGTH
from desktop_app.services.staff import FIRST_ADMIN
from desktop_app.ui.widgets import accessible


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    return label


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent, objectName=name)
    label.setProperty("role", "fieldError")
    label.setProperty("tone", "error")  # coloured by ui/style.py
    label.setWordWrap(True)
    label.hide()
    return label


class OfficePage(QWizardPage):
    """Which office this PC belongs to, from the shipped office master."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("事務所"))
        self.setSubTitle(self.tr("この PC を使う事務所を選んでください。あとから変えられません。"))
        self.office = QComboBox(self, objectName="office")
        for row in masters.load_offices():
            if lang == "en" and row.name_en:
                self.office.addItem(f"{row.name_en} ({row.code})", row.code)
            else:
                self.office.addItem(f"{row.name}（{row.code}）", row.code)
        layout = QFormLayout(self)
        layout.addRow(self.tr("事務所(&O)"), self.office)
        layout.addRow(
            _note(
                self.tr(
                    "支所の PC には自分の支所の相談だけが入ります。本庁の PC は各支所から届いた"
                    "送付ファイルを取り込み、報告書をまとめます。"
                ),
                self,
            )
        )

    def code(self) -> str:
        return str(self.office.currentData())


class AdminPage(QWizardPage):
    """The first administrator: login, name and a password of MIN_LENGTH+ characters, twice."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self.setTitle(self.tr("最初の管理者"))
        self.setSubTitle(self.tr("この PC で職員の登録や設定を行う管理者を作ります。"))
        # `admin` is whom the command line signs in as by default (cli/sign_in.py).
        self.login = QLineEdit(FIRST_ADMIN, self, objectName="login")
        self.name = QLineEdit(self, objectName="name")
        self.password = QLineEdit(self, objectName="password")
        self.confirmation = QLineEdit(self, objectName="confirmation")
        # Optional: encrypts every backup that leaves the database's folder (services/backup_key).
        self.backup_password = QLineEdit(self, objectName="backupPassword")
        for secret in (self.password, self.confirmation, self.backup_password):
            secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("{0}文字以上").format(MIN_LENGTH))
        self.errors = {
            key: _error_label(self, f"{key}Error")
            for key in ("login", "name", "password", "confirmation")
        }
        layout = QFormLayout(self)
        for label, edit, key in (
            (self.tr("ログイン名(&L)"), self.login, "login"),
            (self.tr("氏名(&N)"), self.name, "name"),
            (self.tr("パスワード(&P)"), self.password, "password"),
            (self.tr("パスワード（確認）(&C)"), self.confirmation, "confirmation"),
        ):
            layout.addRow(label, edit)
            layout.addRow("", self.errors[key])
            edit.textEdited.connect(self._edited)
        layout.addRow(self.tr("バックアップのパスワード（任意）(&B)"), self.backup_password)
        self.backup_error = _error_label(self, "backupPasswordError")
        layout.addRow("", self.backup_error)
        self.backup_password.textEdited.connect(self._edited)
        layout.addRow(
            "",
            QLabel(
                self.tr(
                    "USBメモリなど、データベースのフォルダーの外へのバックアップを暗号化します。"
                    "後から 設定 でも設定できます。"
                ),
                self,
                wordWrap=True,
            ),
        )
        self._touched: set[str] = set()
        self._admin: FirstAdmin | None = None

    def admin(self) -> FirstAdmin:
        assert self._admin is not None, "the wizard leaves this page only when it is complete"
        backup = self.backup_password.text() or None
        return dataclasses.replace(self._admin, backup_password=backup)

    def isComplete(self) -> bool:
        return self._admin is not None

    def _edited(self) -> None:
        sender = self.sender()
        for key, edit in self._edits().items():
            if edit is sender:
                self._touched.add(key)
        try:
            self._admin = check_first_admin(*(e.text() for e in self._edits().values()))
            problems: dict[str, UserError] = {}
        except UserError as exc:
            self._admin = None
            each = exc.errors if isinstance(exc, InputErrors) else (exc,)
            problems = {error.at or "": error for error in each}
        for key, label in self.errors.items():
            # A field says what is wrong once it has been typed in, not before.
            error = problems.get(key) if key in self._touched else None
            label.setText(error.message(self._lang) if error else "")
            label.setVisible(error is not None)
        backup_problem = self._backup_problem()
        self.backup_error.setText(backup_problem.message(self._lang) if backup_problem else "")
        self.backup_error.setVisible(backup_problem is not None)
        if backup_problem is not None:
            self._admin = None
        self.completeChanged.emit()

    def _backup_problem(self) -> UserError | None:
        """What is wrong with the optional backup password (None when empty or acceptable)."""
        text = self.backup_password.text()
        if not text:
            return None
        try:
            check_backup_password(text)
        except UserError as exc:
            return exc
        return None

    def _edits(self) -> dict[str, QLineEdit]:
        return {
            "login": self.login,
            "name": self.name,
            "password": self.password,
            "confirmation": self.confirmation,
        }


class MastersPackagePage(QWizardPage):
    """A master package from the central office, if one came with the PC (optional)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("マスタパッケージ（任意）"))
        self.setSubTitle(
            self.tr(
                "本庁から届いたマスタパッケージ（.xlsx）があれば選んでください。なければ空欄の"
                "まま次へ進みます（プログラムに入っているマスタを使います）。"
            )
        )
        self.path = QLineEdit(self, objectName="mastersPackage")
        self.path.setPlaceholderText(self.tr("ファイルを選ぶか、場所を入力"))
        accessible.name(self.path, self.title(), self.path.placeholderText())
        self.browse = QPushButton(self.tr("参照(&B)..."), self, objectName="browse")
        self.browse.clicked.connect(self._choose)
        self.error = _error_label(self, "mastersPackageError")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.path.textChanged.connect(self.completeChanged)

    def package(self) -> Path | None:
        text = self.path.text().strip()
        return Path(text).expanduser() if text else None

    def isComplete(self) -> bool:
        package = self.package()
        missing = package is not None and not package.is_file()
        self.error.setText(self.tr("ファイルがありません: {0}").format(package) if missing else "")
        self.error.setVisible(missing)
        return not missing

    def _choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("マスタパッケージを選ぶ"), "", self.tr("Excel ファイル (*.xlsx)")
        )
        if chosen:
            self.path.setText(chosen)


class TrainingPage(QWizardPage):
    """Whether to make a training database (研修用) with demo data beside the office's own."""

    def __init__(self, training_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("研修用データベース"))
        self.setSubTitle(self.tr("操作の練習に使う、デモデータ入りのデータベースを作れます。"))
        self.training = QCheckBox(
            self.tr("研修用データベースを作る（デモデータ入り）(&T)"), self, objectName="training"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.training)
        layout.addWidget(
            _note(
                self.tr(
                    "研修用は事務所のデータベースとは別のファイルです（{0}）。スタートメニューの"
                    "「連携デスク（研修用）」で開き、画面に【研修用】と表示されます。"
                    "実際の相談は記録しないでください。"
                ).format(training_path),
                self,
            )
        )
        layout.addStretch(1)


class ConfirmPage(QWizardPage):
    """What will be done and where the data will live; 完了 does it (the wizard runs it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("確認"))
        self.setSubTitle(self.tr("この内容で準備します。よろしければ「完了」を押してください。"))
        self.summary = QLabel(self, objectName="summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self, objectName="status")
        self.status.setWordWrap(True)
        self.error = _error_label(self, "setUpError")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addStretch(1)
