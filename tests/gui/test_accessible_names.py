"""Every control a clerk reaches has a name a screen reader can say (issue 24, point 1).

Signed in as an administrator, so every screen and button is there: each page of the window
(each tab of マスタ), then each dialog the pages offer, walked for visible interactive widgets
whose accessible name (what NVDA or PC-Talker says) is empty.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QWidget, QWizard

from desktop_app.domain.merge import FieldConflict
from desktop_app.services import staff
from desktop_app.ui.damaged_dialog import DamagedDatabaseDialog
from desktop_app.ui.first_run.wizard import FirstRunWizard
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.main_window import PAGES, MainWindow
from desktop_app.ui.settings.staff_dialog import StaffDialog
from desktop_app.ui.sign_in.first_run_dialog import FirstRunDialog
from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog
from desktop_app.ui.widgets import accessible
from desktop_app.ui.widgets.conflict_dialog import ConflictDialog
from desktop_app.ui.widgets.conflict_view import Sides
from tests.gui.a11y_walk import accessible_name, interactive, unnamed


@pytest.fixture
def window(qtbot, desk, cases, settle) -> MainWindow:
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settle(desk)
    return window


def walk(root: QWidget) -> list[str]:
    """The unnamed controls of `root`, with every tab of its tab widgets shown in turn."""
    found = unnamed(root)
    for tabs in root.findChildren(QTabWidget):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            found += [f"{tabs.tabText(index)}: {name}" for name in unnamed(tabs.widget(index))]
    return found


def test_every_page_names_its_controls(qtbot, window, desk, settle):
    counted = 0
    for name in PAGES:
        window.show_page(name)
        settle(desk)
        page = window.stack.currentWidget()
        assert walk(page) == [], name
        counted += len(interactive(page))
    assert walk(window) == []
    assert counted > 100  # the walk saw the screens' controls, not an empty stack


def test_fields_are_named_from_the_catalogue(qtbot, window, desk, settle):
    window.new_inquiry()
    settle(desk)
    form = window.intake
    assert form is not None
    subject = form.inquiry.subject  # type: ignore[attr-defined]
    assert accessible_name(subject) == "件名"
    assert subject.accessibleDescription() == "必須、300文字まで"
    phone = form.inquirer.edits["phone"]  # type: ignore[attr-defined]
    assert accessible_name(phone) == "電話番号"
    # A date box inside its field's composite takes the field's name.
    assert accessible_name(form.inquiry.received_at.edit) == "受付日"  # type: ignore[attr-defined]


def test_list_rows_say_receipt_number_and_subject(qtbot, window, desk, settle, cases):
    table = window.list_page.table
    model = window.list_page.model
    row = next(r for r in range(model.rowCount()) if model.row_at(r).subject == cases["b"].subject)
    spoken = model.index(row, 4).data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert spoken == f"{cases['b'].receipt_no}、防災協定の締結について、対応中、期限超過"
    header = table.horizontalHeader()
    assert accessible_name(header) == "受付一覧の列見出し"
    # What the screen reader gets from the table's own accessible cells, as NVDA asks them.
    view = QAccessible.queryAccessibleInterface(table)
    cells = [view.child(i) for i in range(min(view.childCount(), 60))]
    told = {(c.text(QAccessible.Text.Name), c.text(QAccessible.Text.Description)) for c in cells}
    assert (cases["b"].subject, spoken) in told
    assert ("件名", "") in told  # the column's header cell names the column


def test_status_messages_are_said(qtbot, window, desk, settle):
    label = QLabel()
    qtbot.addWidget(label)
    accessible.say(label, "保存しました（SHIBA-2026-00001）", "done")
    assert accessible_name(label) == "保存しました（SHIBA-2026-00001）"
    assert label.property("tone") == "done"
    window.show_conflict_count(3)
    item = window.nav.item(PAGES.index("exchange"))
    assert "競合 3 件" in item.text()
    assert window.nav.accessibleDescription() == "競合 3 件"
    window.show_conflict_count(0)
    assert window.nav.accessibleDescription() == ""


def open_detail_dialogs(window: MainWindow, desk, settle) -> list[QWidget]:
    page = window.list_page
    page.table.selectRow(0)
    settle(desk)
    detail = page.detail
    dialogs = []
    for button in (detail.add_action, detail.change_status, detail.case_sheet):
        button.click()
        settle(desk)
        dialogs.append(detail.dialog)
    return dialogs


def test_every_dialog_names_its_controls(qtbot, window, desk, settle, db, new_db_path: Path):
    dialogs: list[QWidget] = open_detail_dialogs(window, desk, settle)
    dialogs.append(window.show_about())
    window.show_page("exchange")
    settle(desk)
    dialogs.append(window.exchange.open_ledger_wizard())
    dialogs.append(StaffDialog("ja", parent=window))
    dialogs.append(StaffDialog("ja", login="tanaka", parent=window))
    sides = Sides("自分の入力", "保存済み", "自分の入力を残す", "保存済みの値を採る")
    conflict = FieldConflict("subject", "防災訓練", "防災訓練（調整中）", "防災訓練の相談")
    dialogs.append(
        ConflictDialog(
            "保存前に確認してください",
            "ほかの画面で変更されています。",
            ("subject",),
            {"subject": conflict.ours},
            {"subject": conflict.theirs},
            (conflict,),
            sides=sides,
            labels={},
            lang="ja",
        )
    )
    dialogs.append(
        SignInDialog(lambda login, password: staff.sign_in(db, login, password), lang="ja")
    )
    dialogs.append(DamagedDatabaseDialog(str(db.path), "壊れています", None))
    dialogs.append(FirstRunDialog(lambda *_: None, lang="ja", ask_office=True))
    wizard = FirstRunWizard(new_db_path, "ja")
    dialogs.append(wizard)
    try:
        for dialog in dialogs:
            assert dialog is not None
            qtbot.addWidget(dialog)
            dialog.show()
            settle(desk)
            assert walk(dialog) == [], type(dialog).__name__
            pages = dialog.pageIds() if isinstance(dialog, QWizard) else []
            for page_id in pages:  # each page of a wizard, shown or not yet
                page = dialog.page(page_id)
                assert walk(page) == [], type(page).__name__
        window.idle_lock.lock()
        assert walk(window.idle_lock.panel) == []
    finally:
        wizard.runner.shutdown()


def test_names_are_in_the_windows_language(qtbot, make_desk, db, cases, settle):
    app = QApplication.instance()
    try:
        install_translators(app, "en")
        ctx = make_desk(db, lang="en")
        english = MainWindow(ctx)
        qtbot.addWidget(english)
        english.show()
        english.start()
        english.new_inquiry()
        settle(ctx)
        subject = english.intake.inquiry.subject  # type: ignore[union-attr]
        assert accessible_name(subject) == "Subject"
        assert subject.accessibleDescription() == "required, up to 300 characters"
        assert accessible_name(english.list_page.table.horizontalHeader()) == (
            "Inquiries column headers"
        )
        assert walk(english.intake) == []
    finally:
        install_translators(app, "ja")
