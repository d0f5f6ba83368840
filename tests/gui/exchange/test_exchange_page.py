"""取込・送付 driven as a clerk would, between real databases of a branch (SHIBA) and HQ.

Export from the branch through the screen, import at HQ with the dry run first and 取込
second, an edited package refused naming its rows and then accepted (audited), cancel
between files, drag and drop, and the shared password in 設定.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquiries, package_key, sync_export, sync_import
from desktop_app.ui.exchange.exchange_page import ExchangePage
from desktop_app.ui.settings.settings_page import SettingsPage
from tests.actors import actor_for
from tests.gui.conftest import WAIT_MS
from tests.sync.conftest import dump

CASE = {
    "received_at": "2026-10-01",
    "subject": "物産展への出店相談",
    "channel": "phone",
    "inquirer": {"type": "resident", "name": "鈴木 一郎", "phone": "03-5555-0101"},
}


def case(db, subject: str = CASE["subject"]):
    return inquiries.add_inquiry(
        db, NewInquiry.read({**CASE, "subject": subject}), actor=actor_for("clerk")
    )


def page_of(qtbot, ctx) -> ExchangePage:
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    return page


def settle(qtbot, ctx) -> None:
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)
    qtbot.wait(1)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)


def report_lines(page: ExchangePage) -> list[str]:
    """Every line of the import report, files and what is under them, top to bottom."""
    tree, lines = page.import_panel.report, []
    for row in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(row)
        lines.append(top.text(0))
        lines += [top.child(n).text(0) for n in range(top.childCount())]
    return lines


def totals(page: ExchangePage, row: int = 0) -> list[str]:
    top = page.import_panel.report.topLevelItem(row)
    return [top.text(column) for column in range(1, 8)]


def audit_fields(path: Path, action: str) -> list[str | None]:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT field FROM audit_log WHERE action = ?", (action,)).fetchall()
    conn.close()
    return [row[0] for row in found]


def test_export_at_the_branch_then_dry_run_and_import_at_hq(
    qtbot, office, office_desk, tmp_path, monkeypatch
):
    shiba_db, hq_db = office("SHIBA"), office("HQ")
    recorded = case(shiba_db)
    shiba = office_desk(shiba_db)
    branch = page_of(qtbot, shiba)
    settle(qtbot, shiba)
    export = branch.export_panel
    assert [export.destination.itemData(i) for i in range(export.destination.count())] == ["HQ"]
    assert not export.destination.isEnabled()
    assert not export.personal.isEnabled()
    assert "共有パスワードが設定されていない" in export.personal_note.text()
    package = tmp_path / "stick" / "shiba.xlsx"
    package.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(package), ""))

    export.button.setFocus()
    qtbot.keyClick(export.button, Qt.Key.Key_Return)
    settle(qtbot, shiba)

    assert package.is_file()
    assert "受付 1 件・対応 0 件・相談者 1 件" in export.result.text()
    assert "本庁" in export.result.text()

    hq = office_desk(hq_db)
    central = page_of(qtbot, hq)
    settle(qtbot, hq)
    destinations = central.export_panel.destination
    assert "SHIBA" in [destinations.itemData(i) for i in range(destinations.count())]
    assert "HQ" not in [destinations.itemData(i) for i in range(destinations.count())]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(package)], ""))
    before = dump(hq_db.path)
    panel = central.import_panel

    qtbot.mouseClick(panel.choose, Qt.MouseButton.LeftButton)
    settle(qtbot, hq)

    assert "まだ書き込んでいません" in panel.summary.text()
    assert "shiba.xlsx" in report_lines(central)[0]
    assert totals(central) == ["2", "0", "0", "0", "0", "0", "0"]  # the inquiry, its inquirer
    assert dump(hq_db.path) == before
    assert panel.run.isEnabled() and panel.run.hasFocus()

    qtbot.keyClick(panel.run, Qt.Key.Key_Return)
    settle(qtbot, hq)

    assert "取り込みました: 追加 2" in panel.summary.text()
    assert not panel.run.isEnabled()
    assert (
        inquiries.get_inquiry(hq_db, recorded.receipt_no, actor=actor_for("x")).subject
        == CASE["subject"]
    )


def test_an_edited_package_is_refused_naming_its_rows_then_accepted(
    qtbot, office, office_desk, tmp_path
):
    shiba_db, hq_db = office("SHIBA"), office("HQ")
    recorded = case(shiba_db)
    sync_export.export_sync(shiba_db, tmp_path / "p.xlsx", actor=actor_for("clerk"))
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    headers = [cell.value for cell in book["受付"][1]]
    book["受付"].cell(2, headers.index("件名") + 1).value = "書き換えた件名"
    book.save(tmp_path / "edited.xlsx")
    hq = office_desk(hq_db)
    page = page_of(qtbot, hq)
    panel = page.import_panel
    before = dump(hq_db.path)

    panel.add_files([tmp_path / "edited.xlsx"])
    settle(qtbot, hq)

    lines = report_lines(page)
    assert lines[0] == "edited.xlsx: 取り込めません"
    assert lines[1] == "edited.xlsx は書き出した後に編集されています（受付 2行目）。"
    assert panel.accept_edited.isVisible() and not panel.accept_edited.isChecked()
    assert "edited.xlsx: 受付 2行目" in panel.edited_rows.text()
    assert not panel.run.isEnabled()
    assert dump(hq_db.path) == before

    panel.accept_edited.setFocus()
    qtbot.keyClick(panel.accept_edited, Qt.Key.Key_Space)  # ticked: the dry run runs again
    settle(qtbot, hq)

    assert panel.accept_edited.isChecked()
    assert totals(page)[0] == "2"
    assert any("訂正を取り込みました: 受付 2行目（件名）" in line for line in report_lines(page))
    assert dump(hq_db.path) == before
    assert panel.run.isEnabled()

    qtbot.mouseClick(panel.run, Qt.MouseButton.LeftButton)
    settle(qtbot, hq)

    stored = inquiries.get_inquiry(hq_db, recorded.receipt_no, actor=actor_for("x"))
    # The visible correction, checked as a typed entry, is the supervisor's change.
    assert stored.subject == "書き換えた件名"
    assert "accepted_edited" in audit_fields(hq_db.path, "import")


def _drop(page: ExchangePage, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    page.dropEvent(event)


def test_dropped_files_are_imported_in_package_order_and_cancel_stops_between_files(
    qtbot, office, office_desk, tmp_path
):
    shiba_db, hq_db = office("SHIBA"), office("HQ")
    first = case(shiba_db, "最初の相談")
    sync_export.export_sync(shiba_db, tmp_path / "b-first.xlsx", actor=actor_for("clerk"))
    second = case(shiba_db, "二件目の相談")
    sync_export.export_sync(shiba_db, tmp_path / "a-second.xlsx", actor=actor_for("clerk"))
    hq = office_desk(hq_db)
    page = page_of(qtbot, hq)
    panel = page.import_panel

    _drop(page, [tmp_path / "a-second.xlsx", tmp_path / "b-first.xlsx"])
    settle(qtbot, hq)
    assert panel.run.isEnabled()

    panel.start_import()
    panel.stop()  # while the first file is in hand: it finishes, the second never starts
    settle(qtbot, hq)

    assert "中止したため 1 ファイルは取り込んでいません" in panel.summary.text()
    assert report_lines(page)[0].startswith("b-first.xlsx")  # package 1 before package 2
    assert (
        inquiries.get_inquiry(hq_db, first.receipt_no, actor=actor_for("x")).subject == "最初の相談"
    )
    with pytest.raises(Exception, match=second.receipt_no):
        inquiries.get_inquiry(hq_db, second.receipt_no, actor=actor_for("x"))


def test_personal_fields_wait_for_the_shared_password_set_in_settings(
    qtbot, office, office_desk, monkeypatch
):
    monkeypatch.delenv(package_key.ENVIRONMENT, raising=False)
    shiba_db = office("SHIBA")
    shiba = office_desk(shiba_db)
    settings = SettingsPage(shiba)
    qtbot.addWidget(settings)
    settings.show()
    settings.refresh()
    settle(qtbot, shiba)
    box = settings.package_password
    assert box.state.text() == "設定されていません"
    before = dump(shiba_db.path)

    for first, again, message in [
        ("short-one", "short-one", "共有パスワードは10文字以上にしてください。"),
        ("long-enough-1", "long-enough-2", "2回の入力が一致しません。もう一度設定してください。"),
    ]:
        box.first.setText(first)
        box.again.setText(again)
        qtbot.keyClick(box.again, Qt.Key.Key_Return)
        settle(qtbot, shiba)
        assert box.message.text() == message
        assert dump(shiba_db.path) == before
    assert not shiba.runner.query_now(lambda: package_key.is_set(shiba_db))

    box.first.setText("ward-shared-secret")
    box.again.setText("ward-shared-secret")
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    settle(qtbot, shiba)

    assert box.message.text() == "共有パスワードを設定しました。"
    assert box.state.text() == "設定されています"
    assert box.first.text() == "" and box.again.text() == ""
    assert shiba.runner.query_now(lambda: package_key.is_set(shiba_db))
    page = page_of(qtbot, shiba)
    settle(qtbot, shiba)
    assert page.export_panel.personal.isEnabled()


def test_every_control_is_reached_by_tab_in_reading_order(qtbot, office, office_desk):
    hq_db = office("HQ")
    package_key.set_password(hq_db, "ward-shared-secret", actor=actor_for())
    hq = office_desk(hq_db)
    page = page_of(qtbot, hq)
    settle(qtbot, hq)
    page.export_panel.destination.setFocus()
    reached = []
    for _ in range(12):
        widget = QApplication.focusWidget()
        reached.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)

    expected = ["exportTo", "exportChanges", "exportPersonal", "exportButton", "ledgerImport",
                "importChoose"]  # fmt: skip
    assert [name for name in reached if name in expected][: len(expected)] == expected
    assert reached.index("importReport") > reached.index("importChoose")
    assert reached.index("conflictTable") > reached.index("importReport")


@pytest.mark.parametrize(("personal", "lang", "said"), [
    (False, "ja", "芝地区総合支所 がまだ受け取ったと知らせていない送付ファイル 1 の分も"),
    (False, "en", "It carries again the rows of packages 1, which"),
    (True, "ja", "送付ファイル 1 は個人情報を含んでいたため、個人情報を含めないこの送付ファイルでは"
                 "補えません（芝地区総合支所 では未取込のままです）。補うには、個人情報を含めて"
                 "書き出してください。"),
    (True, "en", "Packages 1 carried personal fields, which this package without them cannot make"
                 " good (Shiba District Branch Office still misses them): export with personal"
                 " fields to make them good."),
])  # fmt: skip
def test_a_package_written_after_a_lost_one_says_what_it_carries_again(
    qtbot, office, office_desk, tmp_path, monkeypatch, personal, lang, said
):
    """HQ's return package 1 never reached SHIBA (whose only package acknowledged nothing
    from HQ): package 2, written on the screen without personal fields, carries its rows again
    (services/sync_acks) and says so as `export-sync` does; when package 1 carried personal
    fields, package 2 cannot make it good, and the screen says how to."""
    monkeypatch.setenv(package_key.ENVIRONMENT, "ward-shared-secret")
    shiba_db, hq_db = office("SHIBA"), office("HQ")
    case(shiba_db)
    branch_package = tmp_path / "shiba-1.xlsx"
    sync_export.export_sync(shiba_db, branch_package, actor=actor_for("supervisor"))
    sync_import.import_sync(hq_db, [branch_package], actor=actor_for("supervisor"))
    sync_export.export_sync(
        hq_db, tmp_path / "lost.xlsx", actor=actor_for("supervisor"), to_office="SHIBA",
        include_personal=personal,
    )  # fmt: skip
    hq = office_desk(hq_db, lang)
    central = page_of(qtbot, hq)
    settle(qtbot, hq)
    export = central.export_panel
    export.destination.setCurrentIndex(export.destination.findData("SHIBA"))
    assert not export.personal.isChecked()

    export.export_to(tmp_path / "hq-2.xlsx")
    settle(qtbot, hq)

    assert said in export.result.text()
    assert export.result.text().splitlines()[0].startswith(("作成しました", "Written"))
