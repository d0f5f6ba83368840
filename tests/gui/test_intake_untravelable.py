"""The intake form refuses what cannot travel in a package (domain/entry_rules), by the field.

A control character pasted into 相談内容 or 件名 (from a terminal, a PDF) is shown as an
error beside its field and nothing is written; tab and line breaks stay.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.gui.test_intake_form import (  # noqa: F401  (fixtures, shared with the form's tests)
    WAIT_MS,
    ctx,
    fill_minimum,
    form,
    make_form,
)


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("subject", "「件名」に制御文字（U+001B）が含まれています。"),
        ("content", "「相談内容」に制御文字（U+0007）が含まれています。"),
    ],
)
def test_a_pasted_control_character_is_refused_by_its_field(
    qtbot,
    form,  # noqa: F811 (the fixture imported above)
    db_path,
    snapshot,
    key,
    message,
):
    fill_minimum(qtbot, form)
    if key == "subject":
        form.inquiry.subject.setText("防災\x1b訓練の相談")
    else:
        form.inquiry.content.setPlainText("一行目\n\tベル\x07です")
    before = snapshot(db_path)

    form.save()

    error = form.inquiry.boxes[key].error
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text().startswith(message)
    assert form.findChild(QMessageBox) is None
    assert snapshot(db_path) == before
    assert form.receipt_no is None


def test_a_date_before_2000_is_refused_by_its_field(
    qtbot,
    form,  # noqa: F811 (the fixture imported above)
    db_path,
    snapshot,
):
    fill_minimum(qtbot, form)
    form.inquiry.received_at.edit.clear()
    form.inquiry.received_at.edit.setText("S43.1.1")  # 1968: a typing slip for R8
    before = snapshot(db_path)

    form.save()

    error = form.inquiry.boxes["received_at"].error
    qtbot.waitUntil(error.isVisible, timeout=WAIT_MS)
    assert error.text().startswith("「受付日」の日付 1968-01-01 は入力できません（2000-01-01 から")
    assert snapshot(db_path) == before
    assert form.receipt_no is None
