"""A status change is a line of 対応履歴, and closing a case clears its follow-up date."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import actions, inquiries
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


def _add(db, **extra):
    data = {
        "received_at": "2026-10-01",
        "subject": "物産展の相談",
        "follow_up_due": "2026-10-20",
        "inquirer": {"type": "shopping_street", "organization": "芝商店会"},
        **extra,
    }
    return inquiries.add_inquiry(db, NewInquiry.read(data, today=TODAY), actor=actor_for("tanaka"))


def _change(db, receipt: str, **changes):
    return inquiries.update_inquiry(
        db, InquiryChange.read(receipt, changes, today=TODAY), actor=actor_for("sato")
    )


def test_each_status_change_is_a_line_of_the_history(db):
    added = _add(db)
    _change(db, added.receipt_no, status="in_progress")
    _change(db, added.receipt_no, status="matched", outcome="甲府市と物産展を共催")
    _change(db, added.receipt_no, status="in_progress")

    history = actions.list_actions(db, added.receipt_no)
    assert [(a.kind, a.note, a.staff) for a in history] == [
        ("status_change", "受付 → 対応中", "sato"),
        ("status_change", "対応中 → 連携成立（結果: 甲府市と物産展を共催）", "sato"),
        ("status_change", "連携成立 → 対応中", "sato"),
    ]
    assert all(a.next_due is None and not a.awaiting_reply for a in history)


def test_other_changes_and_a_repeated_status_write_no_line(db):
    added = _add(db, status="in_progress")
    _change(db, added.receipt_no, subject="物産展の出店相談", status="in_progress")
    assert actions.list_actions(db, added.receipt_no) == []


def test_closing_clears_the_follow_up_date_and_reopening_leaves_it_to_the_clerk(db):
    added = _add(db)
    closed = _change(db, added.receipt_no, status="withdrawn", outcome="取下げ")
    assert closed.follow_up_due is None
    # Even when the form sends the date it opened with, a closed case keeps none.
    again = _add(db)
    closed = _change(
        db, again.receipt_no, status="info_only", outcome="案内済", follow_up_due="2026-10-20"
    )
    assert closed.follow_up_due is None
    reopened = _change(db, again.receipt_no, status="in_progress")
    assert reopened.follow_up_due is None
    moved = _change(db, again.receipt_no, follow_up_due="2026-11-10")
    assert moved.follow_up_due == dt.date(2026, 11, 10)
