"""ヘルプ → バージョン情報: the version, the schema revision of the open database and where the
data lives, the same facts `renkei-desk --version` prints (services.about), for the person
on the phone to IT staff."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop_app.services import about
from desktop_app.ui.context import AppContext


class AboutDialog(QDialog):
    """Read once when opened; the path lines can be selected and copied."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="aboutDialog")
        self.setWindowTitle(self.tr("バージョン情報"))
        self.info = ctx.query_now(lambda db: about.describe(db.path))
        title = QLabel(self.tr("連携デスク"), self, objectName="aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        facts = QLabel("\n".join(self.info.lines(ctx.lang)), self, objectName="aboutFacts")
        facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_folder = buttons.addButton(
            self.tr("データの場所を開く"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_folder.clicked.connect(self._open_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(facts)
        layout.addWidget(buttons)

    def _open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.info.data_dir)))
