"""The intake form driven like a clerk drives it: keys, against a real database file."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop_app.domain.business_days import add_business_days
from desktop_app.domain.dates import format_wareki
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.local_time import local_today
from desktop_app.services import inquirers, inquiries
from desktop_app.ui.context import AppContext
from desktop_app.ui.intake.intake_form import IntakeForm
from desktop_app.ui.worker import DbRunner
from tests.actors import actor_for

WAIT_MS = 5000


@pytest.fixture
def ctx(qtbot, db):
    runner = DbRunner(lang="ja")
    yield AppContext(db, "SHIBA", actor_for("tanaka"), "ja", runner)
    runner.shutdown()


@pytest.fixture
def make_form(qtbot, ctx, tmp_path: Path):
    """A shown form whose master lists have arrived; drafts go to tmp_path/drafts.

    The forms are destroyed, and the runner's last results delivered, before the runner
    stops: a debounce timer firing into a stopped runner would not be a test of anything.
    """
    made: list[IntakeForm] = []

    def make() -> IntakeForm:
        form = IntakeForm(ctx, draft_dir=tmp_path / "drafts")
        made.append(form)
        form.resize(1280, 800)
        form.show()
        qtbot.waitExposed(form)
        form.activateWindow()
        qtbot.waitUntil(lambda: form.inquiry.combos["status"].count() > 0, timeout=WAIT_MS)
        return form

    yield make
    for form in made:
        if shiboken6.isValid(form):
            form.close()
            form.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)


@pytest.fixture
def form(make_form) -> IntakeForm:
    return make_form()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Key presses carrying `text`: QTest's keyClicks only knows ASCII, so other characters go
    as key events whose text is the character, as an IME delivers committed text per key."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def fill_minimum(qtbot, form: IntakeForm, subject: str = "防災訓練の相談") -> None:
    """Inquirer type, name and subject: what a new inquiry needs."""
    form.inquirer.type.setCurrentIndex(1)
    type_text(qtbot, form.inquirer.name, "鈴木 一郎")
    type_text(qtbot, form.inquiry.subject, subject)


def box_for(qtbot, form: IntakeForm, name: str) -> QMessageBox:
    qtbot.waitUntil(lambda: form.findChild(QMessageBox, name) is not None, timeout=WAIT_MS)
    box = form.findChild(QMessageBox, name)
    assert box is not None
    return box


def answer(qtbot, form: IntakeForm, name: str, button: QMessageBox.StandardButton) -> None:
    """Click `button` of the question `name`, then let the box delete itself (WA_DeleteOnClose)."""
    box_for(qtbot, form, name).button(button).click()
    qtbot.waitUntil(lambda: form.findChild(QMessageBox, name) is None, timeout=WAIT_MS)


def test_an_inquiry_recorded_by_keyboard_alone(qtbot, form, ctx):
    assert focused() is form.inquiry.received_at.edit
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquiry.combos["channel"]
    press(qtbot, Qt.Key.Key_Down)  # 来所
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquirer.type
    press(qtbot, Qt.Key.Key_Down)  # 区民（個人）
    typed = {
        "organization": "",
        "name": "鈴木 一郎",
        "kana": "スズキ イチロウ",
        "phone": "03-5555-0101",
        "email": "suzuki@example.jp",
        "postal_code": "1080074",
        "address": "港区高輪1-1-1",
        "corporate_number": "",
    }
    for key, value in typed.items():
        press(qtbot, Qt.Key.Key_Tab)
        assert focused() is form.inquirer.edits[key]
        if value:
            type_text(qtbot, focused(), value)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquiry.subject
    type_text(qtbot, focused(), "防災訓練への参加自治体を探している")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquiry.content
    type_text(qtbot, focused(), "町会の防災訓練に職員を招きたい。")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquiry.combos["relationship"]

    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    record = inquiries.get_inquiry(ctx.db, saved.args[0], actor=actor_for("tanaka"))
    assert (record.subject, record.channel, record.status) == (
        "防災訓練への参加自治体を探している",
        "visit",
        "received",
    )
    assert record.received_at == local_today()
    assert record.inquirer.name == "鈴木 一郎"
    assert record.inquirer.postal_code == "108-0074"
    assert form.receipt_no == record.receipt_no
    assert not form.is_dirty()


def test_the_whole_tab_order_follows_the_conversation(form):
    def tab_stop(widget: QWidget) -> bool:
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        return takes_tab and widget.isVisible() and widget.isEnabled()

    chain = [form.inquiry.received_at.edit]
    for _ in range(25):
        chain.append(chain[-1].nextInFocusChain())
        while not tab_stop(chain[-1]):
            chain[-1] = chain[-1].nextInFocusChain()
    section, person = form.inquiry, form.inquirer
    expected = [
        section.received_at.edit,
        section.combos["channel"],
        person.type,
        *person.edits.values(),
        section.subject,
        section.content,
        section.combos["relationship"],
        section.combos["step"],
        section.combos["domain"],
        section.multis["fields"],
        section.multis["forms"],
        section.municipalities.search,
        section.multis["agreement_bodies"],
        section.combos["status"],
        section.follow_up_due.edit,
        section.outcome,
    ]
    assert chain[: len(expected)] == expected


def test_wareki_dates_are_read_and_echoed(qtbot, form, ctx):
    field = form.inquiry.received_at
    field.edit.clear()
    type_text(qtbot, field.edit, "R7.4.1")
    assert field.echo.text() == "2025/04/01 ⇔ 令和7年4月1日"
    field.edit.clear()
    type_text(qtbot, field.edit, "令和7年4月1日")
    assert field.echo.text() == "2025/04/01 ⇔ 令和7年4月1日"
    fill_minimum(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        form.save()
    record = inquiries.get_inquiry(ctx.db, saved.args[0], actor=actor_for("tanaka"))
    assert record.received_at == dt.date(2025, 4, 1)


@pytest.mark.parametrize("case", ["missing_subject", "future_date"])
def test_a_refused_save_shows_the_message_by_the_field_and_writes_nothing(
    qtbot, form, db_path, snapshot, case
):
    fill_minimum(qtbot, form)
    if case == "missing_subject":
        form.inquiry.subject.clear()
        key, message = "subject", "「件名」は必須です。入力してください。"
    else:
        future = local_today() + dt.timedelta(days=30)
        form.inquiry.received_at.edit.clear()
        type_text(qtbot, form.inquiry.received_at.edit, format_wareki(future))
        key = "received_at"
        # The form sends (and shows, once the box is left) the date as yyyy/mm/dd.
        message = f"「受付日」に未来の日付「{future:%Y/%m/%d}」は入力できません。"
    before = snapshot(db_path)

    form.save()

    error = form.inquiry.boxes[key].error
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text() == message
    assert form.findChild(QMessageBox) is None
    assert snapshot(db_path) == before
    assert form.receipt_no is None


def test_ctrl_enter_saves_and_gives_a_fresh_form(qtbot, form, ctx):
    fill_minimum(qtbot, form)
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        qtbot.keyClick(form.inquiry.subject, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert (
        inquiries.get_inquiry(ctx.db, saved.args[0], actor=actor_for("tanaka")).subject
        == "防災訓練の相談"
    )
    assert form.receipt_no is None
    assert form.inquiry.subject.text() == form.inquirer.edits["name"].text() == ""
    assert not form.is_dirty()
    assert focused() is form.inquiry.received_at.edit


def test_esc_asks_before_discarding(qtbot, form):
    with qtbot.waitSignal(form.discarded, timeout=WAIT_MS):
        press(qtbot, Qt.Key.Key_Escape)  # nothing typed: nothing to ask
    type_text(qtbot, form.inquiry.subject, "電話で問い合わせ")
    qtbot.keyClick(form.inquiry.subject, Qt.Key.Key_Escape)
    answer(qtbot, form, "discardBox", QMessageBox.StandardButton.No)
    assert form.inquiry.subject.text() == "電話で問い合わせ"

    form.activateWindow()  # the offscreen platform does not hand activation back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form, timeout=WAIT_MS)
    form.inquiry.subject.setFocus()
    qtbot.keyClick(form.inquiry.subject, Qt.Key.Key_Escape)
    with qtbot.waitSignal(form.discarded, timeout=WAIT_MS):
        answer(qtbot, form, "discardBox", QMessageBox.StandardButton.Yes)
    assert form.inquiry.subject.text() == ""


def test_editing_an_existing_inquiry(qtbot, form, ctx, sample_inquiry):
    existing = inquiries.add_inquiry(
        ctx.db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    )
    form.load(existing.receipt_no)
    qtbot.waitUntil(lambda: form.receipt_no == existing.receipt_no, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: "甲府市" in str(form.inquiry.municipalities.entries()), timeout=WAIT_MS)
    assert not form.is_dirty()
    form.inquiry.subject.setText("防災訓練（日程調整中）")
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.save()
    record = inquiries.get_inquiry(ctx.db, existing.receipt_no, actor=actor_for("tanaka"))
    assert record.subject == "防災訓練（日程調整中）"
    assert record.rev == existing.rev + 1
    assert record.inquirer.id == existing.inquirer.id


def suggestion_texts(form: IntakeForm) -> list[str]:
    shown = form.suggestions.list
    rows = (shown.item(row) for row in range(shown.count()))
    return [item.text() for item in rows if item.flags() & Qt.ItemFlag.ItemIsSelectable]


@pytest.mark.parametrize(("key", "typed"), [("kana", "ｽｽﾞｷ"), ("phone", "(03)5555-0101")])
def test_earlier_inquirers_are_offered_and_linked_not_duplicated(
    qtbot, form, ctx, sample_inquiry, db_path, snapshot, key, typed
):
    existing = inquiries.add_inquiry(
        ctx.db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).inquirer
    type_text(qtbot, form.inquirer.edits[key], typed)
    qtbot.waitUntil(lambda: len(suggestion_texts(form)) == 1, timeout=WAIT_MS)
    assert "鈴木 一郎" in suggestion_texts(form)[0]

    form.suggestions.list.setFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert form.inquirer.linked_id == existing.id
    assert form.inquirer.edits["name"].text() == "鈴木 一郎"
    type_text(qtbot, form.inquiry.subject, "二度目の相談")
    inquirers_before = snapshot(db_path)["inquirer"]
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS) as saved:
        form.save()
    record = inquiries.get_inquiry(ctx.db, saved.args[0], actor=actor_for("tanaka"))
    assert record.inquirer.id == existing.id
    assert snapshot(db_path)["inquirer"] == inquirers_before


def test_two_suggested_inquirers_can_be_merged(qtbot, form, ctx, sample_inquiry):
    first = inquiries.add_inquiry(
        ctx.db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).inquirer
    sample_inquiry["inquirer"]["name"] = "鈴木一郎"
    second = inquiries.add_inquiry(
        ctx.db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).inquirer
    type_text(qtbot, form.inquirer.edits["phone"], "0355550101")
    qtbot.waitUntil(lambda: len(suggestion_texts(form)) == 2, timeout=WAIT_MS)
    assert not form.suggestions.merge_button.isEnabled()
    for row in range(2):
        form.suggestions.list.item(row).setSelected(True)
    assert form.suggestions.merge_button.isEnabled()

    form.suggestions.merge_button.click()
    answer(qtbot, form, "mergeBox", QMessageBox.StandardButton.Yes)

    qtbot.waitUntil(lambda: len(suggestion_texts(form)) == 1, timeout=WAIT_MS)
    left = inquirers.suggest_duplicates(ctx.db, phone="0355550101")
    assert [m.inquirer.id for m in left] in ([first.id], [second.id])
    assert left[0].inquiry_count == 2


def test_municipality_picker_completes_on_kana(qtbot, form):
    picker = form.inquiry.municipalities
    type_text(qtbot, picker.search, "くしろ")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert any("釧路市" in text for text in offered)
    assert any("釧路町" in text for text in offered)

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)

    assert picker.codes() == ["012068"]
    assert picker.search.text() == ""
    picker.chosen.setFocus()
    picker.chosen.setCurrentRow(0)
    press(qtbot, Qt.Key.Key_Delete)
    assert picker.codes() == []


def test_multi_select_is_operated_by_keyboard(qtbot, form):
    fields = form.inquiry.multis["fields"]
    fields.setFocus()
    fields.setCurrentRow(2)  # 防災・災害支援
    press(qtbot, Qt.Key.Key_Space)
    assert fields.codes() == ["disaster"]


def test_a_draft_survives_the_form_and_is_offered_back(qtbot, make_form, tmp_path):
    first = make_form()
    first.inquirer.type.setCurrentIndex(2)
    type_text(qtbot, first.inquirer.edits["name"], "佐藤 花子")
    type_text(qtbot, first.inquiry.subject, "物産展の出店相談")
    draft = first._drafts.path
    qtbot.waitUntil(draft.exists, timeout=WAIT_MS)
    first.close()
    first.deleteLater()

    second = make_form()
    answer(qtbot, second, "restoreDraftBox", QMessageBox.StandardButton.Yes)
    assert second.inquirer.edits["name"].text() == "佐藤 花子"
    assert second.inquiry.subject.text() == "物産展の出店相談"
    assert second.inquirer.type.currentIndex() == 2
    assert second.is_dirty()

    with qtbot.waitSignal(second.saved, timeout=WAIT_MS):
        second.save()
    assert not draft.exists()


def test_a_declined_draft_is_dropped(qtbot, make_form, tmp_path):
    first = make_form()
    type_text(qtbot, first.inquiry.subject, "下書き")
    draft = first._drafts.path
    qtbot.waitUntil(draft.exists, timeout=WAIT_MS)
    first.close()
    first.deleteLater()
    second = make_form()
    answer(qtbot, second, "restoreDraftBox", QMessageBox.StandardButton.No)
    assert second.inquiry.subject.text() == ""
    assert not draft.exists()


def test_a_draft_is_offered_only_to_whoever_typed_it_on_the_same_kind_of_database(
    qtbot, ctx, make_form, tmp_path
):
    """One desk PC, one system account, several people: a visitor's name in a draft is not
    shown to the next person to sign in, and a training draft never reaches the real desk."""
    first = make_form()
    type_text(qtbot, first.inquirer.edits["name"], "佐藤 花子")
    draft = first._drafts.path
    qtbot.waitUntil(draft.exists, timeout=WAIT_MS)
    first.close()
    first.deleteLater()

    for other in (replace(ctx, actor=actor_for("suzuki")), replace(ctx, training=True)):
        form = IntakeForm(other, draft_dir=tmp_path / "drafts")
        form.show()
        qtbot.waitExposed(form)
        qtbot.waitUntil(lambda f=form: f.inquiry.combos["status"].count() > 0, timeout=WAIT_MS)
        qtbot.wait(200)
        assert form.findChild(QMessageBox, "restoreDraftBox") is None
        assert form.inquirer.edits["name"].text() == ""
        type_text(qtbot, form.inquiry.subject, "別の人の入力")
        qtbot.waitUntil(form._drafts.path.exists, timeout=WAIT_MS)
        assert form._drafts.path != draft
        form.close()
        form.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    again = make_form()  # the one who typed it signs in again
    answer(qtbot, again, "restoreDraftBox", QMessageBox.StandardButton.Yes)
    assert again.inquirer.edits["name"].text() == "佐藤 花子"


def test_a_blank_form_shows_every_error_at_once_each_at_its_field(qtbot, form, db_path, snapshot):
    before = snapshot(db_path)
    qtbot.keyClick(form.inquiry.received_at.edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)

    boxes = form.inquiry.boxes | form.inquirer.boxes
    qtbot.waitUntil(boxes["subject"].error.isVisible, timeout=WAIT_MS)
    shown = {key: box.error.text() for key, box in boxes.items() if box.error.isVisible()}
    assert shown == {
        "subject": "「件名」は必須です。入力してください。",
        "inquirer.type": "「相談者区分」は必須です。入力してください。",
        "inquirer.name": "相談者の「氏名」か「団体名」のどちらかを入力してください。",
    }
    assert form.notice.text() == "保存できませんでした。赤字の項目を確認してください（3件）。"
    assert focused() is form.inquirer.type  # the first in Tab order
    assert form.findChild(QMessageBox) is None
    assert snapshot(db_path) == before

    press(qtbot, Qt.Key.Key_Down)  # a type is chosen: its message goes, the others stay
    assert not boxes["inquirer.type"].error.isVisible()
    assert boxes["inquirer.name"].error.isVisible() and boxes["subject"].error.isVisible()
    type_text(qtbot, form.inquirer.name, "鈴木")
    type_text(qtbot, form.inquiry.subject, "相")
    assert not any(box.error.isVisible() for box in boxes.values())
    assert form.notice.text() == ""


def test_dates_are_shown_as_yyyy_mm_dd_after_loading_and_saving(qtbot, form, ctx, sample_inquiry):
    existing = inquiries.add_inquiry(
        ctx.db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    )
    form.load(existing.receipt_no)
    qtbot.waitUntil(lambda: form.receipt_no == existing.receipt_no, timeout=WAIT_MS)
    assert form.inquiry.received_at.edit.text() == "2026/09/14"
    assert form.inquiry.follow_up_due.edit.text() == "2026/09/30"
    with qtbot.waitSignal(form.saved, timeout=WAIT_MS):
        form.save()
    assert form.inquiry.follow_up_due.edit.text() == "2026/09/30"


def test_the_date_box_fits_the_longest_written_date(form):
    edit = form.inquiry.follow_up_due.edit
    edit.setText("令和８年１２月１５日")
    margins = edit.textMargins()
    room = edit.contentsRect().width() - margins.left() - margins.right()
    assert edit.fontMetrics().horizontalAdvance(edit.text()) < room


def test_plus_business_days_by_button_and_by_keyboard(qtbot, form):
    due = form.inquiry.follow_up_due
    assert due.business_days is not None
    due.business_days.buttons[5].click()
    expected = add_business_days(local_today(), 5)
    assert due.date() == expected
    assert due.edit.text() == f"{expected:%Y/%m/%d}"
    due.edit.clear()
    due.edit.setFocus()
    type_text(qtbot, due.edit, "+10")
    press(qtbot, Qt.Key.Key_Tab)
    assert due.edit.text() == f"{add_business_days(local_today(), 10):%Y/%m/%d}"


@pytest.mark.parametrize("where", ["label", "box"])
def test_clicking_an_entry_label_or_box_ticks_it(qtbot, form, where):
    fields = form.inquiry.multis["fields"]
    item = fields.item(2)  # 防災・災害支援
    rect = fields.visualItemRect(item)
    point = rect.center() if where == "label" else rect.topLeft() + QPoint(10, rect.height() // 2)
    qtbot.mouseClick(fields.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert fields.codes() == ["disaster"]
    qtbot.mouseClick(fields.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert fields.codes() == []


def test_a_postal_code_fills_the_address_unless_one_was_typed(qtbot, form, ctx):
    address = form.inquirer.edits["address"]
    type_text(qtbot, form.inquirer.edits["postal_code"], "105-0014")
    qtbot.waitUntil(lambda: address.text() == "東京都港区芝", timeout=WAIT_MS)
    type_text(qtbot, address, "5-36-4")
    form.inquirer.edits["postal_code"].clear()
    type_text(qtbot, form.inquirer.edits["postal_code"], "1080074")  # the clerk's own address
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)
    qtbot.wait(20)
    assert address.text() == "東京都港区芝5-36-4"

    address.clear()
    form.inquirer.edits["postal_code"].clear()
    type_text(qtbot, form.inquirer.edits["postal_code"], "１０８００７４")
    qtbot.waitUntil(lambda: address.text() == "東京都港区高輪", timeout=WAIT_MS)
    form.inquirer.edits["postal_code"].clear()
    type_text(qtbot, form.inquirer.edits["postal_code"], "999-9999")  # no such code
    qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)
    qtbot.wait(20)
    assert address.text() == "東京都港区高輪"


def test_tab_reaches_unlink_where_it_stands_above_the_inquirer(qtbot, form, ctx, sample_inquiry):
    existing = inquiries.add_inquiry(
        ctx.db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    )
    form.load(existing.receipt_no)
    qtbot.waitUntil(lambda: form.receipt_no == existing.receipt_no, timeout=WAIT_MS)
    assert form.inquirer.unlink_button.isVisible()
    form.inquiry.combos["channel"].setFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquirer.unlink_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.inquirer.type


def test_municipality_picker_offers_hamamatsus_current_wards_only(qtbot, form):
    picker = form.inquiry.municipalities
    type_text(qtbot, picker.search, "はままつし")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=WAIT_MS)
    offered = [popup.model().index(row, 0).data() for row in range(popup.model().rowCount())]
    assert [text for text in offered if "区" in text] == [
        "浜松市中央区（静岡県）  221384",
        "浜松市浜名区（静岡県）  221392",
        "浜松市天竜区（静岡県）  221406",
    ]
