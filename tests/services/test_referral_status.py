"""A referral (所管課・自治体へ紹介) moves an open case to 紹介済, logged as a status change."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain import workflow
from desktop_app.domain.inquiry_commands import NewAction, NewInquiry
from desktop_app.services import actions, inquiries
from desktop_app.services.status_history import STATUS_CHANGE
from tests.actors import actor_for

D = dt.date


@pytest.mark.parametrize(
    ("status", "after"),
    [("received", "referred"), ("in_progress", "referred"), ("referred", None),
     ("matched", None), ("withdrawn", None)],
)  # fmt: skip
def test_status_after_referral(status, after):
    assert workflow.status_after_referral(status) == after


def test_a_referral_sets_referred_and_logs_the_change(db, sample_inquiry):
    receipt = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).receipt_no
    assert inquiries.get_inquiry(db, receipt, actor=actor_for("tanaka")).status == "received"
    actions.add_action(
        db,
        NewAction(
            receipt,
            kind="referral",
            note="産業振興課へ",
            action_date=D(2026, 10, 1),
            referred_to="所管課：産業振興課",
        ),
        actor=actor_for("sato"),
    )
    assert inquiries.get_inquiry(db, receipt, actor=actor_for("tanaka")).status == "referred"
    kinds = [(a.kind, a.note) for a in actions.list_actions(db, receipt)]
    assert ("status_change", "受付 → 紹介済") in kinds
    # A second referral leaves 紹介済 alone: no second status change.
    actions.add_action(
        db,
        NewAction(
            receipt,
            kind="referral",
            note="交流自治体へ",
            action_date=D(2026, 10, 2),
            referred_to="交流自治体：釧路市",
        ),
        actor=actor_for("sato"),
    )
    changes = [a for a in actions.list_actions(db, receipt) if a.kind == STATUS_CHANGE]
    assert len(changes) == 1


def test_a_call_leaves_the_status(db, sample_inquiry):
    receipt = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).receipt_no
    actions.add_action(
        db,
        NewAction(receipt, kind="call", note="折り返し", action_date=D(2026, 10, 1)),
        actor=actor_for("sato"),
    )
    assert inquiries.get_inquiry(db, receipt, actor=actor_for("tanaka")).status == "received"
