"""The set-up wizard end to end: office, first administrator, master package, training, done."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from desktop_app import config
from desktop_app.domain.actor import Role
from desktop_app.services import database, setup, staff
from desktop_app.ui.app import run_gui
from desktop_app.ui.first_run.wizard import FirstRunWizard
from desktop_app.ui.main_window import MainWindow
from tests.gui.test_intake_form import type_text

PASSWORD = "correct-horse"
WAIT_MS = 20_000


@pytest.fixture
def wizard(qtbot, new_db_path: Path, monkeypatch) -> FirstRunWizard:
    monkeypatch.setattr(config, "DEMO_COUNT", 15)
    wizard = FirstRunWizard(new_db_path, "ja")
    qtbot.addWidget(wizard)
    wizard.show()
    yield wizard
    wizard.runner.shutdown()


def _type(qtbot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)


def _next_enabled(wizard: FirstRunWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def _fill_admin(qtbot, wizard: FirstRunWizard, password: str = PASSWORD) -> None:
    page = wizard.admin_page
    _type(qtbot, page.login, "admin")
    _type(qtbot, page.name, "港 太郎")
    _type(qtbot, page.password, password)
    _type(qtbot, page.confirmation, password)


def _choose_office(wizard: FirstRunWizard, code: str) -> None:
    office = wizard.office_page.office
    office.setCurrentIndex(office.findData(code))


def test_every_page_to_a_desk_for_the_office_with_a_training_database(qtbot, wizard, new_db_path):
    _choose_office(wizard, "AKASAKA")
    wizard.next()
    assert not _next_enabled(wizard)  # nothing typed yet
    _fill_admin(qtbot, wizard)
    assert _next_enabled(wizard)
    wizard.next()
    assert wizard.currentPage() is wizard.masters_page and _next_enabled(wizard)  # optional
    wizard.next()
    wizard.training_page.training.setChecked(True)
    wizard.next()
    summary = wizard.confirm_page.summary.text()
    assert "事務所: 赤坂地区総合支所（AKASAKA）" in summary
    assert "管理者: 港 太郎（admin）" in summary
    assert PASSWORD not in summary
    assert not new_db_path.exists()  # nothing before 完了

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=WAIT_MS)
    assert not wizard.isVisible()
    db = database.connect(new_db_path)
    try:
        assert setup.office_of(db) == "AKASAKA" and not setup.is_training(db)
        assert staff.sign_in(db, "admin", PASSWORD).name == "港 太郎"
    finally:
        db.dispose()
    training = database.connect(wizard.training_path)
    try:
        assert setup.office_of(training) == "AKASAKA" and setup.is_training(training)
        assert staff.sign_in(training, "admin", PASSWORD).role == Role.ADMIN
    finally:
        training.dispose()
    assert wizard.training_path == new_db_path.with_name("desk-training.sqlite3")


def test_a_short_password_keeps_next_grey_and_says_why_beside_it(qtbot, wizard):
    wizard.next()
    _fill_admin(qtbot, wizard, password="abc123")
    error = wizard.admin_page.errors["password"]
    assert error.isVisible()
    assert error.text() == "パスワードが短すぎます: 10文字以上にしてください。"
    assert not _next_enabled(wizard)
    _type(qtbot, wizard.admin_page.confirmation, PASSWORD)
    _type(qtbot, wizard.admin_page.password, PASSWORD + "x")
    mismatch = wizard.admin_page.errors["confirmation"].text()
    assert mismatch.startswith("確認のパスワードが一致しません")
    assert not _next_enabled(wizard)


def test_a_package_that_is_not_one_stays_on_the_summary_and_creates_nothing(
    qtbot, wizard, new_db_path, tmp_path
):
    bad = tmp_path / "masters.xlsx"
    bad.write_bytes(b"PK not really a workbook")
    wizard.next()
    _fill_admin(qtbot, wizard)
    wizard.next()
    _type(qtbot, wizard.masters_page.path, str(tmp_path / "missing.xlsx"))
    assert not _next_enabled(wizard)
    assert wizard.masters_page.error.text().startswith("ファイルがありません")
    _type(qtbot, wizard.masters_page.path, str(bad))
    wizard.next()
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(wizard.confirm_page.error.isVisible, timeout=WAIT_MS)
    assert wizard.isVisible() and wizard.report is None
    assert wizard.confirm_page.error.text()
    assert not new_db_path.exists()
    assert sorted(p.name for p in new_db_path.parent.iterdir()) == []


def test_the_window_on_a_pc_without_a_database_starts_with_the_wizard(qtbot, new_db_path):
    """Cancelling it exits quietly and leaves no file; no main window is shown."""
    seen: list[str] = []

    def cancel() -> None:
        wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard))
        seen.append(wizard.windowTitle())
        wizard.reject()

    QTimer.singleShot(200, cancel)
    assert run_gui(new_db_path, lang="ja") == 0
    assert seen == ["連携デスクの初期設定"]
    assert not new_db_path.parent.exists() or not any(new_db_path.parent.iterdir())
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert not any(window.isVisible() for window in shown)


def test_finishing_the_wizard_opens_the_desk_on_the_new_database(qtbot, new_db_path, monkeypatch):
    """The whole first start: wizard, 完了, then the main window on the office's database.

    The desk's own event loop is not entered: once a QApplication's exec() has returned, Qt
    delivers no more timers in that process, which would stall every later test. Instead the
    window is read as soon as run_gui would enter it.
    """
    titles: list[str] = []

    def finish() -> None:
        wizard = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard))
        _choose_office(wizard, "TAKANAWA")
        wizard.next()
        _fill_admin(qtbot, wizard)
        wizard.next()
        wizard.next()
        wizard.next()
        wizard.accept()

    def desk_up(_app: QApplication) -> int:
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        titles.extend(window.windowTitle() for window in shown if window.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", desk_up)
    QTimer.singleShot(200, finish)
    assert run_gui(new_db_path, lang="ja") == 0
    assert titles == ["連携デスク — 高輪地区総合支所"]
    assert not new_db_path.with_name("desk-training.sqlite3").exists()  # not asked for
