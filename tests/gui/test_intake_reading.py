"""フリガナ filled from what the IME composed while the name was typed, and still editable."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from desktop_app.ui.intake.inquirer_section import InquirerSection


@pytest.fixture
def section(qtbot) -> InquirerSection:
    widget = InquirerSection()
    qtbot.addWidget(widget)
    widget.show()
    widget.name.setFocus()
    return widget


def compose(section: InquirerSection, *preedits: str, commit: str) -> None:
    """What an IME sends: the composition as it grows and converts, then the committed text."""
    for preedit in preedits:
        QApplication.sendEvent(section.name, QInputMethodEvent(preedit, []))
    done = QInputMethodEvent()
    done.setCommitString(commit)
    QApplication.sendEvent(section.name, done)


def test_the_reading_before_conversion_becomes_the_kana(section):
    compose(section, "す", "すず", "すずき", "鈴木", commit="鈴木")
    assert section.name.text() == "鈴木"
    assert section.edits["kana"].text() == "スズキ"
    compose(section, "いちろう", "一郎", commit="一郎")
    assert section.name.text() == "鈴木一郎"
    assert section.edits["kana"].text() == "スズキイチロウ"


def test_a_kana_edited_by_hand_is_not_overwritten(qtbot, section):
    compose(section, "すずき", "鈴木", commit="鈴木")
    kana = section.edits["kana"]
    kana.selectAll()
    qtbot.keyClick(kana, "x")  # a hand edit (textEdited), unlike the fill above
    compose(section, "いちろう", "一郎", commit="一郎")
    assert kana.text() == "x"


def test_a_cancelled_composition_adds_nothing(section):
    compose(section, "すずき", commit="")
    QApplication.sendEvent(section.name, QInputMethodEvent("", []))
    compose(section, "鈴木", commit="鈴木")
    assert section.edits["kana"].text() == ""
