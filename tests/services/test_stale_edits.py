"""An edit made from an older version of the row merges field by field, never overwrites."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.inquiry_commands import InquiryChange, NewAction, NewInquiry
from desktop_app.domain.merge import FieldConflict
from desktop_app.services import actions, inquiries
from desktop_app.services.inquiries import EditConflict
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def opened(db, sample_inquiry):
    """The record as a form opened it, before anything else changed the row."""
    return inquiries.add_inquiry(
        db,
        NewInquiry.read({**sample_inquiry, "follow_up_due": "2026-12-10"}, today=TODAY),
        actor=actor_for("tanaka"),
    )


def _form_save(db, base, **changes):
    """What the intake form sends: every field as it shows them, plus its base version."""
    contract = base.to_json()
    for key in ("receipt_no", "id", "office", "rev", "updated_at", "staff", "closed_at"):
        contract.pop(key)
    contract["inquirer"] = {k: v for k, v in contract["inquirer"].items()}
    for key, value in changes.items():
        if key.startswith("inquirer."):
            contract["inquirer"][key.split(".", 1)[1]] = value
        else:
            contract[key] = value
    return inquiries.update_inquiry(
        db,
        InquiryChange.read(base.receipt_no, contract, today=TODAY, base=base),
        actor=actor_for("tanaka"),
    )


def test_an_action_under_an_open_form_keeps_its_due_date_when_the_form_saves(db, opened):
    actions.add_action(
        db,
        NewAction(
            opened.receipt_no,
            kind="call",
            note="先方から連絡待ち",
            action_date=dt.date(2026, 11, 2),
            next_due=dt.date(2026, 12, 20),
        ),
        actor=actor_for("sato"),
    )

    saved = _form_save(db, opened, subject="防災訓練への参加自治体（再相談）")

    assert saved.follow_up_due == dt.date(2026, 12, 20)
    assert saved.subject == "防災訓練への参加自治体（再相談）"


def test_changes_to_different_fields_in_two_windows_both_stay(db, opened):
    _form_save(db, opened, channel="visit")
    second = _form_save(db, opened, **{"inquirer.phone": "03-5555-0199"})

    assert second.channel == "visit"
    assert second.inquirer.phone == "03-5555-0199"


def test_the_same_field_changed_differently_is_refused_with_both_values(db, opened, snapshot):
    first = _form_save(db, opened, subject="一つ目の窓で直した")
    before = snapshot(db.path)

    with pytest.raises(EditConflict) as refused:
        _form_save(db, opened, subject="二つ目の窓で直した", channel="email")

    assert refused.value.conflicts == (
        FieldConflict("subject", opened.subject, "二つ目の窓で直した", "一つ目の窓で直した"),
    )
    assert refused.value.current == first
    assert "両方で変わった項目が 1 件" in refused.value.message("ja")
    assert snapshot(db.path) == before
    # Saving again from the stored version, with the person's choice, goes through.
    again = _form_save(db, refused.value.current, subject="二つ目の窓で直した", channel="email")
    assert (again.subject, again.channel) == ("二つ目の窓で直した", "email")


def test_the_same_change_in_both_windows_is_no_conflict(db, opened):
    _form_save(db, opened, status="in_progress")
    again = _form_save(db, opened, status="in_progress", outcome=None)
    assert again.status == "in_progress"


def test_an_unchanged_form_saved_late_changes_nothing(db, opened):
    moved = inquiries.update_inquiry(
        db, InquiryChange.read(opened.receipt_no, {"step": "2_connect"}), actor=actor_for("sato")
    )
    saved = _form_save(db, opened)
    assert saved == moved
