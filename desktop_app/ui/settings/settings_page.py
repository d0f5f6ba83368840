"""設定: display language, 文字の大きさ (100/125/150%) and the idle lock's minutes, saved in
QSettings (ui.preferences); the offices' shared package password (ui/settings/package_password.py,
kept in the database; administrators only), the backups with their restore
(ui/settings/backup_box.py), the retention of personal data (ui/settings/retention_box.py) and,
for administrators, the staff accounts (staff_section).

A new 文字の大きさ applies at once: the window is built again in the new font (ui.app, back on
設定), so every width and height measured from the font (row heights, column widths, the
navigation, text boxes) is measured again. A new language rebuilds the window in that language
(`languageChanged`; ui.app does the rebuild, with the saved geometry), so no widget needs to
retranslate itself. GUI thread only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actor import Permission
from desktop_app.domain.changes import SETTINGS
from desktop_app.ui import preferences
from desktop_app.ui.style import apply_font_size
from desktop_app.ui.widgets.label_clicks import link_labels

if TYPE_CHECKING:
    from desktop_app.ui.context import AppContext
    from desktop_app.ui.settings.staff_section import StaffSection


class SettingsPage(QWidget):
    """Language, font size, the package password; `languageChanged(str)` after a new
    language was saved."""

    languageChanged = Signal(str)
    restoreRequested = Signal(Path, str)  # noqa: N815 (Qt signal naming): backup, password
    idleChanged = Signal()  # noqa: N815 (Qt signal naming): the window applies it at once
    textScaleChanged = Signal()  # noqa: N815 (Qt signal naming): the window is built again

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        lang = ctx.lang
        self.language = QComboBox(self, objectName="language")
        self.language.addItem("日本語", "ja")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.text_scale = QComboBox(self)
        self.text_scale.setObjectName("textScale")
        for percent in preferences.TEXT_SCALES:
            self.text_scale.addItem(f"{percent}%", percent)
        self.text_scale.setCurrentIndex(self.text_scale.findData(preferences.text_scale()))
        self.text_scale.currentIndexChanged.connect(self._text_scale_chosen)
        note = QLabel(
            self.tr("言語を切り替えると画面を作り直します。文字の大きさはすぐに反映されます。"),
            self,
            wordWrap=True,
        )
        # The sections keep their natural heights and the page scrolls, rather than each
        # being squeezed until its buttons ride over its table at 1280×800.
        body = QWidget(self, objectName="settingsBody")
        scroll = QScrollArea(self, widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        QVBoxLayout(self).addWidget(scroll)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("表示言語"), self.language)
        form.addRow(self.tr("文字の大きさ"), self.text_scale)
        form.addRow(note)
        # Imported here: the start frame applies the font size from this module before the
        # services (which the password box calls) may be imported (ui/app.py).
        from desktop_app.ui.settings.backup_box import BackupBox
        from desktop_app.ui.settings.package_password import PackagePasswordBox
        from desktop_app.ui.settings.retention_box import RetentionBox

        self.package_password = PackagePasswordBox(ctx, self)
        form.addRow(self.package_password)
        self._add_idle_rows(form, ctx)
        self.backups = BackupBox(ctx, self)
        self.backups.restoreRequested.connect(self.restoreRequested)
        form.addRow(self.backups)
        self.retention = RetentionBox(ctx, self)
        form.addRow(self.retention)
        # The services refuse anyone else; greyed out, the box says so before a click.
        self.package_password.setEnabled(ctx.actor.may(Permission.SETTINGS))
        self.staff: StaffSection | None = None
        if ctx.actor.may(Permission.STAFF):
            from desktop_app.ui.settings.staff_section import StaffSection

            self.staff = StaffSection(ctx, self)
            form.addRow(self.staff)
        link_labels(self)

    def _add_idle_rows(self, form: QFormLayout, ctx: AppContext) -> None:
        from desktop_app.services import idle_limits, idle_policy

        # The office's maximum (administrators set it) and the person's own, never longer.
        self._limit = ctx.query_now(idle_policy.maximum)
        self.idle_maximum = QSpinBox(self, objectName="idleMaximum")
        self.idle_maximum.setRange(*idle_policy.RANGE)
        self.idle_maximum.setSuffix(self.tr(" 分"))
        self.idle_maximum.setValue(self._limit)
        self.idle_maximum.setEnabled(ctx.actor.may(Permission.SETTINGS))
        self.idle_maximum.setKeyboardTracking(False)  # one change per typed number, not per key
        self.idle_maximum.valueChanged.connect(self._maximum_chosen)
        form.addRow(self.tr("画面ロックまでの上限（全職員）"), self.idle_maximum)
        self.idle_minutes = QSpinBox(self, objectName="idleMinutes")
        self.idle_minutes.setRange(idle_policy.RANGE[0], self._limit)
        self.idle_minutes.setSuffix(self.tr(" 分"))
        self.idle_minutes.setValue(idle_limits.effective(preferences.idle_minutes(), self._limit))
        self.idle_minutes.valueChanged.connect(self._own_minutes_chosen)
        form.addRow(self.tr("操作がないとき画面をロック"), self.idle_minutes)

    def refresh(self) -> None:
        self.package_password.refresh()
        self.backups.refresh()
        self.retention.refresh()
        if self.staff is not None:
            self.staff.refresh()

    @Slot()
    def _language_chosen(self) -> None:
        lang = self.language.currentData()
        preferences.set_language(lang)
        self.languageChanged.emit(lang)

    @Slot(int)
    def _own_minutes_chosen(self, minutes: int) -> None:
        preferences.set_idle_minutes(minutes)
        self.idleChanged.emit()

    @Slot(int)
    def _maximum_chosen(self, minutes: int) -> None:
        from desktop_app.domain.errors import UserError
        from desktop_app.services import idle_policy
        from desktop_app.ui.errors import show_error

        try:
            actor = self._ctx.actor
            self._limit = self._ctx.write_now(
                lambda db: idle_policy.set_maximum(db, minutes, actor=actor), SETTINGS
            )
        except UserError as refused:
            show_error(self, refused, self._ctx.lang)
            return
        self.idle_minutes.setMaximum(self._limit)  # shortens the person's time when longer
        self.idleChanged.emit()

    @Slot()
    def _text_scale_chosen(self) -> None:
        percent = self.text_scale.currentData()
        preferences.set_text_scale(percent)
        apply_font_size(preferences.font_pt(percent))
        self.textScaleChanged.emit()
