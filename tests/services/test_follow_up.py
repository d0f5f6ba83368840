"""An inquiry's follow-up date is the earliest of its open deadlines, after every change."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from db.models import AuditLog, Inquiry
from desktop_app.demo.service import generate_demo_data
from desktop_app.domain import follow_up as rule
from desktop_app.domain.inquiry_commands import InquiryChange, NewAction, NewInquiry
from desktop_app.domain.workflow import OPEN_STATUSES
from desktop_app.services import actions, follow_up, inquiries
from tests.actors import actor_for

D = dt.date


@pytest.fixture
def receipt(db, sample_inquiry) -> str:
    return inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).receipt_no


def _due(db, receipt: str) -> dt.date | None:
    return inquiries.get_inquiry(db, receipt, actor=actor_for("s")).follow_up_due


def _refer(db, receipt: str, reply_due: dt.date, on: dt.date | None = None):
    return actions.add_action(
        db,
        NewAction(
            receipt,
            kind="referral",
            note="紹介",
            action_date=on or D(2026, 10, 1),
            referred_to="甲府市 防災課",
            reply_due=reply_due,
        ),
        actor=actor_for("s"),
    )


def test_a_later_action_does_not_hide_an_earlier_waiting_reply(db, receipt):
    _refer(db, receipt, D(2026, 10, 15))
    actions.add_action(
        db,
        NewAction(
            receipt,
            kind="call",
            note="進捗確認",
            action_date=D(2026, 10, 5),
            next_due=D(2026, 10, 30),
        ),
        actor=actor_for("s"),
    )
    assert _due(db, receipt) == D(2026, 10, 15)


def test_logging_the_reply_moves_the_date_to_the_next_open_deadline(db, receipt):
    first = _refer(db, receipt, D(2026, 10, 15))
    _refer(db, receipt, D(2026, 10, 25))
    actions.add_action(
        db,
        NewAction(
            receipt,
            kind="call",
            note="進捗確認",
            action_date=D(2026, 10, 5),
            next_due=D(2026, 11, 5),
        ),
        actor=actor_for("s"),
    )

    actions.log_reply(db, first.id, D(2026, 10, 12), actor=actor_for("sato"))

    assert _due(db, receipt) == D(2026, 10, 25)
    with db.read() as session:
        entry = session.scalars(
            select(AuditLog)
            .where(AuditLog.entity == "inquiry", AuditLog.field == "follow_up_due")
            .order_by(AuditLog.pk.desc())
        ).first()
        assert (entry.old, entry.new, entry.staff) == ("2026-10-15", "2026-10-25", "sato")


def test_the_last_reply_leaves_the_latest_next_due_date(db, receipt):
    actions.add_action(
        db,
        NewAction(
            receipt, kind="call", note="1", action_date=D(2026, 10, 1), next_due=D(2026, 10, 10)
        ),
        actor=actor_for("s"),
    )
    actions.add_action(
        db,
        NewAction(
            receipt, kind="call", note="2", action_date=D(2026, 10, 3), next_due=D(2026, 11, 20)
        ),
        actor=actor_for("s"),
    )
    referral = _refer(db, receipt, D(2026, 10, 20), on=D(2026, 10, 4))
    assert _due(db, receipt) == D(2026, 10, 20)

    actions.log_reply(db, referral.id, D(2026, 10, 18), actor=actor_for("s"))

    # The newest action's next due date stands; an older action's earlier one was superseded.
    assert _due(db, receipt) == D(2026, 11, 20)


def test_the_only_deadline_answered_leaves_nothing_to_follow_up(db, receipt):
    referral = _refer(db, receipt, D(2026, 10, 15))
    actions.log_reply(db, referral.id, D(2026, 10, 10), actor=actor_for("s"))
    assert _due(db, receipt) is None


def test_a_reply_on_a_closed_case_sets_no_date(db, receipt):
    referral = _refer(db, receipt, D(2026, 10, 15))
    inquiries.update_inquiry(
        db, InquiryChange.read(receipt, {"status": "in_progress"}), actor=actor_for("s")
    )
    inquiries.update_inquiry(
        db,
        InquiryChange.read(receipt, {"status": "info_only", "outcome": "情報提供で完了"}),
        actor=actor_for("s"),
    )
    assert _due(db, receipt) is None
    actions.log_reply(db, referral.id, D(2026, 10, 20), actor=actor_for("s"))
    assert _due(db, receipt) is None


def test_the_deadlines_are_read_through_the_actions_inquiry_index(db, receipt):
    with db.read() as session:
        inquiry = session.scalars(select(Inquiry)).first()
        compiled = follow_up.deadlines_query(inquiry.id).compile(
            session.get_bind(), compile_kwargs={"literal_binds": True}
        )
        plan = session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")).all()
    details = [row.detail for row in plan]
    assert any("ix_action_inquiry_id" in d for d in details), details
    assert not any(d.startswith("SCAN action") for d in details), details


def test_demo_data_keeps_the_same_rule(db):
    generate_demo_data(db, count=300, seed=3, today=D(2026, 11, 23))
    with db.read() as session:
        rows = session.scalars(select(Inquiry).where(Inquiry.status.in_(OPEN_STATUSES))).all()
        assert rows
        for row in rows:
            deadlines = session.execute(follow_up.deadlines_query(row.id)).all()
            if any(d.next_due or d.reply_due for d in deadlines):
                expected = rule.follow_up_due(
                    row.status, None, [rule.Deadlines(*d) for d in deadlines]
                )
                assert row.follow_up_due == expected, row.receipt_no
