"""The set-up wizard: what a ward PC shows on its first start, when it has no database yet.

Pages: the office (from the shipped masters), the first administrator, a master package from
the central office (optional), a training database with demo data (optional), and a summary.
完了 runs the set-up on the wizard's own worker thread (services.first_run, then the training
database through demo.service) and closes once it succeeded; a refusal (a bad package) stays
on the summary page with its message, and nothing has been created. Cancelling creates
nothing either. `make run` (`gui --training`) never shows it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QDialog, QWidget, QWizard

from desktop_app import config
from desktop_app.domain.changes import NOTHING
from desktop_app.services import staff
from desktop_app.services.first_run import FirstAdmin, SetUpReport, set_up_desk
from desktop_app.ui.errors import error_text
from desktop_app.ui.first_run.pages import (
    AdminPage,
    ConfirmPage,
    MastersPackagePage,
    OfficePage,
    TrainingPage,
)
from desktop_app.ui.worker import DbRunner


class FirstRunWizard(QWizard):
    """Collects the set-up and performs it on 完了; `report` is set once it succeeded."""

    def __init__(self, db_path: Path, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="firstRunWizard")
        self.db_path = db_path
        self.training_path = config.training_database_path(db_path)
        self.lang = lang
        self.runner = DbRunner(lang, self)
        self.report: SetUpReport | None = None
        self._running = False
        self.setWindowTitle(self.tr("連携デスクの初期設定"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("< 戻る(&B)")),
            (QWizard.WizardButton.NextButton, self.tr("次へ(&N) >")),
            (QWizard.WizardButton.FinishButton, self.tr("完了(&F)")),
            (QWizard.WizardButton.CancelButton, self.tr("キャンセル")),
        ):
            self.setButtonText(button, text)
        self.office_page = OfficePage(lang, self)
        self.admin_page = AdminPage(lang, self)
        self.masters_page = MastersPackagePage(self)
        self.training_page = TrainingPage(self.training_path, self)
        self.confirm_page = ConfirmPage(self)
        for page in (
            self.office_page,
            self.admin_page,
            self.masters_page,
            self.training_page,
            self.confirm_page,
        ):
            self.addPage(page)
        self.currentIdChanged.connect(self._page_shown)
        self.resize(640, 480)

    def accept(self) -> None:
        """完了: run the set-up; the wizard closes when it is done (see `_done`)."""
        if self.report is not None:
            super().accept()
            return
        if self._running:
            return
        self._busy(True)
        # Read on the GUI thread; the worker gets plain values only.
        training = self.training_path if self.training_page.training.isChecked() else None
        path, office = self.db_path, self.office_page.code()
        admin, package = self.admin_page.admin(), self.masters_page.package()
        self.runner.write(
            lambda: _set_up(path, office, admin, package, training),
            NOTHING,  # a new database: no screen is open on it yet
            on_done=self._done,
            on_error=self._failed,
            owner=self,
        )

    def reject(self) -> None:
        if not self._running:  # a set-up under way finishes first: it is one step
            super().reject()

    @Slot(object)
    def _done(self, report: SetUpReport) -> None:
        self.report = report
        self._busy(False)
        super().accept()

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        page = self.confirm_page
        page.error.setText(error_text(exc, self.lang))
        page.error.show()

    def _busy(self, running: bool) -> None:
        self._running = running
        self.confirm_page.status.setText(self.tr("準備しています…") if running else "")
        for button in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(button).setEnabled(not running)

    @Slot(int)
    def _page_shown(self, _page_id: int) -> None:
        if self.currentPage() is not self.confirm_page:
            return
        admin = self.admin_page.admin()
        package = self.masters_page.package()
        lines = [
            self.tr("事務所: {0}").format(self.office_page.office.currentText()),
            self.tr("管理者: {0}（{1}）").format(admin.name, admin.login),
            self.tr("マスタパッケージ: {0}").format(package or self.tr("なし（同梱のマスタ）")),
            self.tr("研修用データベース: {0}").format(
                self.training_path
                if self.training_page.training.isChecked()
                else self.tr("作らない")
            ),
            self.tr("データベース: {0}").format(self.db_path),
        ]
        self.confirm_page.summary.setText("\n".join(lines))
        self.confirm_page.error.hide()


def _set_up(
    path: Path, office: str, admin: FirstAdmin, package: Path | None, training: Path | None
) -> SetUpReport:
    """On the worker thread: the office's database, then the training one if asked for (with
    the same first administrator)."""
    from desktop_app.demo.service import open_training
    from desktop_app.domain.actor import Role, system_actor

    report = set_up_desk(path, office, admin, masters_package=package)
    if training is not None:
        db = open_training(training, office=office, demo_count=config.DEMO_COUNT)
        try:  # the same administrator signs in to practise, beside the demo accounts
            system = system_actor(office)
            if admin.login not in {record.login for record in staff.list_staff(db, actor=system)}:
                staff.add_staff(
                    db,
                    login=admin.login,
                    name=admin.name,
                    role=str(Role.ADMIN),
                    password=admin.password,
                    actor=system,
                )
        finally:
            db.dispose()
    return report


def set_up_first_run(db_path: Path, lang: str) -> FirstAdmin | None:
    """Show the wizard until it is finished or cancelled; the administrator it made once the
    database exists (the window signs them in without asking again), else None."""
    wizard = FirstRunWizard(db_path, lang)
    try:
        done = wizard.exec() == QDialog.DialogCode.Accepted and wizard.report is not None
        return wizard.admin_page.admin() if done else None
    finally:
        wizard.runner.shutdown()
        wizard.deleteLater()
