"""The main window: navigation, masters, settings (English, font), geometry, two windows."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from desktop_app.domain.changes import CASES
from desktop_app.domain.inquiry_commands import NewAction
from desktop_app.services import actions, database, list_rows
from desktop_app.ui import preferences
from desktop_app.ui.app import run_gui
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.main_window import PAGES, MainWindow
from tests.actors import actor_for
from tests.gui.conftest import days_ago

INTAKE_PRESENT = importlib.util.find_spec("desktop_app.ui.intake.intake_form") is not None


@pytest.fixture
def window(qtbot, desk, cases, settle):
    window = MainWindow(desk)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    # Shortcuts such as Ctrl+N reach only the active window: on a loaded machine activation
    # can lag behind show(), and a key sent before it is lost.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.start()
    settle(desk)
    return window


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(row).text().split("\n")[0] for row in range(window.nav.count())]


def test_navigation_shows_each_screen(qtbot, window, desk, settle):
    titles = [
        "受付一覧",
        "新規受付",
        "対応予定",
        "ダッシュボード",
        "報告書作成",
        "取込・送付",
        "マスタ",
        "操作記録",
        "設定",
    ]
    assert nav_titles(window) == titles
    assert window.stack.currentWidget() is window.list_page
    assert window.list_page.match_count.text() == "4件"
    for name in (
        "followups",
        "dashboard",
        "reports",
        "exchange",
        "masters",
        "audit",
        "settings",
        "list",
    ):
        window.show_page(name)
        settle(desk)
        assert window.stack.currentIndex() == PAGES.index(name)
    assert window.followups.model.rowCount() == 2


@pytest.mark.skipif(not INTAKE_PRESENT, reason="the intake form is not in this tree yet")
def test_new_inquiry_page_is_the_intake_form(qtbot, window, desk, settle):
    window.show_page("intake")
    settle(desk)
    assert type(window.stack.currentWidget()).__name__ == "IntakeForm"


def test_masters_browse_and_municipality_search(qtbot, qtmodeltester, window, desk, settle):
    window.show_page("masters")
    settle(desk)
    masters = window.masters
    assert masters.offices.rowCount() == 6
    assert masters.agreements.rowCount() >= 17
    assert masters.partners.rowCount() >= 5
    assert masters.terms.rowCount() > 0
    masters.search.setText("くしろ")
    qtbot.waitUntil(lambda: masters.municipalities.rowCount() > 0, timeout=5000)
    names = {
        masters.municipalities.index(r, 1).data() for r in range(masters.municipalities.rowCount())
    }
    assert {"釧路市", "釧路町"} <= names
    for model in (masters.offices, masters.terms, masters.municipalities, masters.partners):
        qtmodeltester.check(model)


def test_settings_switch_to_english_and_font_size(qtbot, window, make_desk, db, settle):
    settings = window.settings
    with qtbot.waitSignal(window.languageChanged) as switched:
        settings.language.setCurrentIndex(settings.language.findData("en"))
    assert switched.args == ["en"]
    assert preferences.saved_language() == "en"

    with qtbot.waitSignal(window.rebuildRequested):
        settings.text_scale.setCurrentIndex(settings.text_scale.findData(150))
    assert preferences.text_scale() == 150
    assert QApplication.instance().font().pointSizeF() == 1.5 * preferences.DEFAULT_FONT_PT

    app = QApplication.instance()
    try:
        install_translators(app, "en")
        english = MainWindow(make_desk(db, lang="en"))
        qtbot.addWidget(english)
        assert nav_titles(english) == [
            "Inquiries",
            "New inquiry",
            "Follow-ups",
            "Dashboard",
            "Reports",
            "Import / send",
            "Masters",
            "Audit trail",
            "Settings",
        ]
        assert english.list_page.filters.overdue.text() == "Overdue only"
    finally:
        install_translators(app, "ja")
        settings.text_scale.setCurrentIndex(settings.text_scale.findData(100))


def test_geometry_is_remembered(qtbot, desk, cases):
    first = MainWindow(desk)
    qtbot.addWidget(first)
    first.show()
    first.setGeometry(QRect(0, 0, 800, 560))  # inside the offscreen 800x600 screen
    first.close()
    second = MainWindow(desk)
    qtbot.addWidget(second)
    second.restore_geometry()
    # The width is clamped to the small offscreen screen; the height shows the restore.
    assert second.height() == 560  # not the 1280x800 a window starts with


def test_two_windows_on_one_file_both_save(qtbot, make_desk, db_path, cases, settle):
    one, two = database.connect(db_path), database.connect(db_path)
    try:
        desks = [make_desk(one, staff="tanaka"), make_desk(two, staff="sato")]
        windows = [MainWindow(ctx) for ctx in desks]
        for window in windows:
            qtbot.addWidget(window)
            window.show()
            window.start()
        receipt = cases["a"].receipt_no
        for n in range(15):
            for ctx in desks:
                actor = ctx.actor
                ctx.write(
                    lambda db, actor=actor, n=n: actions.add_action(
                        db, NewAction(receipt, kind="note", note=f"{actor.login} {n}"), actor=actor
                    ),
                    CASES,
                )
        for ctx in desks:
            settle(ctx)
        notes = [a.note for a in actions.list_actions(one, receipt)]
        assert len(notes) == 30
        assert {note.split()[0] for note in notes} == {"tanaka", "sato"}
        for window, ctx in zip(windows, desks, strict=True):
            window.list_page.refresh()
            settle(ctx)
            assert window.list_page.match_count.text() == "4件"
    finally:
        one.dispose()
        two.dispose()


def test_screenshot_command_writes_a_1280x800_png(qtbot, db_path, cases, tmp_path):
    png = tmp_path / "shots" / "main.png"
    assert run_gui(db_path, screenshot=png, lang="ja") == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1280, 800)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()


def test_unreadable_database_is_refused_with_a_message(qtbot, tmp_path, capsys):
    bad = tmp_path / "not-a-db.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    assert run_gui(bad, screenshot=tmp_path / "x.png", lang="ja") == 2
    assert "データベース" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()
    assert list_rows.SORT_KEYS  # the list's sort keys exist in the service


def test_navigation_shows_its_shortcuts_and_they_work(qtbot, window, desk, settle):
    shown = [window.nav.item(row).text().split("\n")[1] for row in range(window.nav.count())]
    assert shown == [f"Ctrl+{n}" for n in range(1, 10)]
    assert window.nav.item(2).toolTip() == "対応予定（Ctrl+3）"
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    settle(desk)
    assert window.stack.currentIndex() == PAGES.index("followups")


@pytest.mark.skipif(not INTAKE_PRESENT, reason="the intake form is not in this tree yet")
@pytest.mark.parametrize("how", ["ctrl+n", "button"])
def test_ctrl_n_and_the_new_button_start_a_blank_form(qtbot, window, desk, cases, settle, how):
    window.edit_inquiry(cases["a"].receipt_no)
    settle(desk)
    window.show_page("list")
    if how == "button":
        assert window.list_page.new_button.isVisible()
        qtbot.mouseClick(window.list_page.new_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    settle(desk)
    form = window.intake
    assert window.stack.currentWidget() is form
    assert form.receipt_no is None
    assert form.contract()["subject"] in ("", None)


def test_opening_from_followups_clears_the_filter_and_selects_the_case(
    qtbot, window, desk, cases, settle
):
    page = window.list_page
    page.filters.text.setText("NPO")  # a filter that leaves case b out
    qtbot.waitUntil(lambda: page.model.current_filter.text == "NPO", timeout=3000)
    settle(desk)
    assert page.model.rowCount() == 1
    window.show_page("followups")
    settle(desk)
    followups = window.followups
    row = next(
        r for r in range(followups.model.rowCount())
        if followups.model.row_at(r).receipt_no == cases["b"].receipt_no
    )  # fmt: skip
    followups.table.activated.emit(followups.model.index(row, 0))
    settle(desk)

    assert window.stack.currentWidget() is page
    assert page.filters.text.text() == "" and page.model.rowCount() == 4
    selected = page.table.selectionModel().selectedRows()
    assert [page.model.row_at(i.row()).receipt_no for i in selected] == [cases["b"].receipt_no]
    assert page.detail.receipt_no == cases["b"].receipt_no


def test_both_screens_count_overdue_alike(qtbot, window, desk, cases, settle):
    """An inquiry with several late deadlines is one overdue case on both screens."""
    for reply_due in (days_ago(2), days_ago(1)):
        actions.add_action(
            desk.db,
            NewAction(
                cases["b"].receipt_no,
                kind="referral",
                note="紹介",
                action_date=days_ago(9),
                referred_to="いわき市",
                reply_due=reply_due,
            ),
            actor=actor_for("t"),
        )
    window.list_page.refresh_counts()
    window.show_page("followups")
    settle(desk)
    assert (
        "期限超過 <span style='color:#a4262c'><b>1</b></span>件" in window.list_page.counts.text()
    )
    assert window.followups.summary.text() == "2件（うち期限超過 1件）"
    receipts = [
        window.followups.model.row_at(r).receipt_no
        for r in range(window.followups.model.rowCount())
    ]
    assert receipts.count(cases["b"].receipt_no) == 1


def test_masters_show_a_retired_ward_with_the_day_it_ceased(qtbot, window, desk, settle):
    window.show_page("masters")
    settle(desk)
    masters = window.masters
    masters.search.setText("浜松市中区")
    qtbot.waitUntil(lambda: masters.municipalities.rowCount() == 1, timeout=5000)
    row = [masters.municipalities.index(0, column).data() for column in range(5)]
    assert row[:4] == ["221317", "浜松市中区", "静岡県", "はままつしなかく"]
    assert row[4] == "行政区（2024-01-01 廃止）"
