"""Lists that used to be written by hand beside the catalogue now follow it: the intake form's
box of lines for a note, and the fields of an action's record (issue 20)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import QPlainTextEdit

from db.models import Action
from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind
from desktop_app.services.records import action_record
from desktop_app.ui.intake.inquiry_section import InquirySection
from tests.gui.conftest import desk, make_desk, private_settings  # noqa: F401 (fixtures)

PRIORITY = Field("action", "priority", "優先度", "Priority", Kind.TEXT, limit=20)


def test_an_action_field_added_to_the_catalogue_is_in_the_record(monkeypatch):
    """An action field the record names no attribute for travels in `extra`, as an inquiry's
    does: its value and its JSON follow from the catalogue line alone."""
    monkeypatch.setattr(fields, "ACTION_FIELDS", (*fields.ACTION_FIELDS, PRIORITY))
    row = Action(
        id="A1",
        inquiry_id="I1",
        action_date=dt.date(2026, 10, 1),
        staff="sato",
        kind="call",
        note="折り返し",
        referred_to="",
    )
    row.priority = "高"  # the model's column, in a schema that has it
    record = action_record(row)
    assert record.value("priority") == "高"
    assert record.to_json()["priority"] == "高"
    assert record.to_json()["note"] == "折り返し"


def lines_of(box: QPlainTextEdit) -> float:
    return (box.height() - 12) / box.fontMetrics().lineSpacing()


def test_a_notes_box_on_the_form_is_as_tall_as_the_catalogue_says(qtbot, desk, monkeypatch):  # noqa: F811
    section = InquirySection(desk)
    notes = [f for f in fields.INQUIRY_FIELDS if f.group and f.kind is Kind.NOTE]
    assert {f.key: lines_of(section._note(f.key)) for f in notes} == {f.key: f.lines for f in notes}
    assert fields.field("inquiry", "content").lines == 5  # the matter is written at length
    taller = tuple(
        dataclasses.replace(f, lines=8) if f.key == "outcome" else f for f in fields.INQUIRY_FIELDS
    )
    monkeypatch.setattr(fields, "INQUIRY_FIELDS", taller)
    assert lines_of(InquirySection(desk)._note("outcome")) == 8
