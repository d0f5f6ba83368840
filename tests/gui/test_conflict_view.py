"""The side-by-side view of two versions, driven by mouse and keyboard, with hand-made conflicts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from desktop_app.domain.merge import FieldConflict
from desktop_app.ui.widgets.conflict_dialog import ConflictDialog
from desktop_app.ui.widgets.conflict_view import Sides, value_text

SIDES = Sides("自分の入力", "保存済み", "自分の入力を残す", "保存済みの値を採る")
KEYS = ("subject", "follow_up_due", "fields", "inquirer.phone")
OURS = {
    "subject": "防災訓練（日程調整中）",
    "follow_up_due": "2026-12-10",
    "fields": ["disaster"],
    "inquirer.phone": "03-5555-0101",
}
THEIRS = {
    "subject": "防災訓練の相談",
    "follow_up_due": "2026-12-20",
    "fields": ["disaster"],
    "inquirer.phone": "03-5555-0202",
}
CONFLICTS = (
    FieldConflict("subject", "防災訓練", OURS["subject"], THEIRS["subject"]),
    FieldConflict("inquirer.phone", None, OURS["inquirer.phone"], THEIRS["inquirer.phone"]),
)
LABELS = {"field": {"disaster": "防災・災害支援"}}


@pytest.fixture
def dialog(qtbot):
    made = ConflictDialog(
        "保存前に確認してください",
        "ほかの画面で変更されています。",
        KEYS,
        OURS,
        THEIRS,
        CONFLICTS,
        sides=SIDES,
        labels=LABELS,
        lang="ja",
    )
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def cells(dialog, state: str) -> list[str]:
    return [
        label.text()
        for label in dialog.findChildren(QLabel, "conflictCell")
        if label.property("state") == state
    ]


def test_both_versions_are_shown_as_a_clerk_reads_them(dialog):
    assert cells(dialog, "conflict") == [
        "件名",
        "防災訓練（日程調整中）",
        "防災訓練の相談",
        "電話番号",
        "03-5555-0101",
        "03-5555-0202",
    ]
    assert cells(dialog, "changed") == ["次回対応期限", "2026/12/10", "2026/12/20"]
    assert cells(dialog, "") == ["連携分野", "防災・災害支援", "防災・災害支援"]
    assert dialog.view.conflict_keys() == ["subject", "inquirer.phone"]


def test_ours_is_kept_unless_the_person_chooses(qtbot, dialog):
    with qtbot.waitSignal(dialog.chosen) as chosen:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert chosen.args == [[]]


def test_a_choice_per_field(qtbot, dialog):
    dialog.view.choice_buttons("inquirer.phone")[1].click()
    assert dialog.view.take_theirs() == ["inquirer.phone"]
    dialog.view.take_all.click()
    assert dialog.view.take_theirs() == ["subject", "inquirer.phone"]
    dialog.view.keep_all.click()
    assert dialog.view.take_theirs() == []


def test_chosen_by_keyboard(qtbot, dialog):
    dialog.view.keep_all.setFocus()
    qtbot.keyClick(dialog.view.keep_all, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.view.take_all
    qtbot.keyClick(dialog.view.take_all, Qt.Key.Key_Tab)
    keep_subject, _take_subject = dialog.view.choice_buttons("subject")
    assert QApplication.focusWidget() is keep_subject
    qtbot.keyClick(keep_subject, Qt.Key.Key_Right)  # arrows move within the pair
    assert dialog.view.take_theirs() == ["subject"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.view.choice_buttons("inquirer.phone")[0]


def test_cancel_chooses_nothing(qtbot, dialog):
    emitted = []
    dialog.chosen.connect(emitted.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert emitted == []


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("received_at", "2026-09-14", "2026/09/14"),
        ("status", "in_progress", "対応中"),
        ("fields", ["tourism", "food"], "観光、食"),
        ("outcome", None, "—"),
        ("inquirer.name", "鈴木 一郎", "鈴木 一郎"),
    ],
)
def test_value_text(key, value, shown):
    labels = {"status": {"in_progress": "対応中"}, "field": {"tourism": "観光", "food": "食"}}
    assert value_text(key, value, labels, "ja") == shown
