"""The typed commands of inquiry writes: read once from the record contract, frozen, and
refused with the contract's own messages (what the CLI and the form showed before)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry

TODAY = dt.date(2026, 11, 5)


def test_a_new_inquiry_is_typed_and_its_inquirer_apart(sample_inquiry: dict[str, Any]):
    new = NewInquiry.read({**sample_inquiry, "received_at": "令和8年9月14日"}, today=TODAY)
    assert new.values["received_at"] == dt.date(2026, 9, 14)
    assert new.values["subject"] == sample_inquiry["subject"]
    assert "inquirer" not in new.values
    assert new.inquirer["name"] == sample_inquiry["inquirer"]["name"]


def test_a_command_cannot_be_changed_after_it_was_read(sample_inquiry: dict[str, Any]):
    new = NewInquiry.read(sample_inquiry, today=TODAY)
    with pytest.raises(TypeError):
        new.values["subject"] = "後から書き換え"  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        new.values = {}  # type: ignore[misc]


def test_a_change_keeps_only_what_was_given():
    change = InquiryChange.read(
        "SHIBA-2026-00001",
        {"subject": " 件名 ", "inquirer": {"phone": "03-5555-0101"}},
        today=TODAY,
    )
    assert dict(change.changes) == {"subject": "件名"}
    assert dict(change.inquirer) == {"phone": "03-5555-0101"}
    assert change.values() == {"subject": "件名", "inquirer": {"phone": "03-5555-0101"}}
    assert change.base is None


def test_bad_input_is_refused_with_every_problem_in_japanese(sample_inquiry: dict[str, Any]):
    bad = {**sample_inquiry, "subject": "", "received_at": "2026-11-06", "colour": "red"}
    with pytest.raises(UserError) as refused:
        NewInquiry.read(bad, today=TODAY)
    assert refused.value.code == "field_unknown"
    bad.pop("colour")
    with pytest.raises(UserError) as refused:
        NewInquiry.read(bad, today=TODAY)
    message = refused.value.message("ja")
    assert "件名" in message and "受付日" in message
    with pytest.raises(UserError) as refused:
        InquiryChange.read("SHIBA-2026-00001", {"inquirer": {"email": "no-at-sign"}}, today=TODAY)
    assert refused.value.code == "email_invalid"
