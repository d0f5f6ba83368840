"""Follow-up actions: the history, referral replies, and the inquiry's follow-up date."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import AuditLog
from desktop_app.domain.errors import InputErrors, UserError
from desktop_app.domain.inquiry_commands import NewAction, NewInquiry
from desktop_app.services import actions, inquiries
from tests.actors import actor_for

D = dt.date


@pytest.fixture
def receipt(db, sample_inquiry) -> str:
    return inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry), actor=actor_for("tanaka")
    ).receipt_no


def _inquiry(db, receipt: str):
    return inquiries.get_inquiry(db, receipt, actor=actor_for("tanaka"))


def test_an_action_is_recorded_and_audited(db, receipt):
    action = actions.add_action(
        db,
        NewAction(receipt, kind="call", note="  折り返し連絡  ", action_date=D(2026, 10, 1)),
        actor=actor_for("sato"),
    )
    assert (action.kind, action.note, action.staff) == ("call", "折り返し連絡", "sato")
    assert action.awaiting_reply is False
    assert actions.list_actions(db, receipt) == [action]
    with db.read() as session:
        entries = session.scalars(select(AuditLog).where(AuditLog.entity == "action")).all()
        assert [(e.action, e.entity_id) for e in entries] == [("create", action.id)]


@pytest.mark.parametrize(
    ("kind", "next_due", "reply_due", "follow_up", "rev"),
    [
        ("call", D(2026, 10, 20), None, D(2026, 10, 20), 2),
        # a referral also moves the case to 紹介済: one more revision
        ("referral", None, D(2026, 12, 1), D(2026, 12, 1), 3),
        ("referral", D(2026, 11, 30), D(2026, 11, 15), D(2026, 11, 15), 3),
        ("meeting", None, D(2026, 12, 1), D(2026, 9, 30), 1),  # reply deadline: referrals only
        ("note", None, None, D(2026, 9, 30), 1),
        ("call", D(2026, 9, 30), None, D(2026, 9, 30), 1),  # the same date: no new rev
    ],
)
def test_the_follow_up_date_follows_the_action(
    db, receipt, kind, next_due, reply_due, follow_up, rev
):
    actions.add_action(
        db,
        NewAction(
            receipt,
            kind=kind,
            note="連絡",
            action_date=D(2026, 9, 20),
            next_due=next_due,
            reply_due=reply_due,
        ),
        actor=actor_for("s"),
    )
    inquiry = _inquiry(db, receipt)
    assert inquiry.follow_up_due == follow_up
    assert inquiry.rev == rev


def test_history_is_oldest_first(db, receipt):
    late = actions.add_action(
        db,
        NewAction(receipt, kind="call", note="2", action_date=D(2026, 10, 5)),
        actor=actor_for("s"),
    )
    early = actions.add_action(
        db,
        NewAction(receipt, kind="call", note="1", action_date=D(2026, 9, 20)),
        actor=actor_for("s"),
    )
    same_day = actions.add_action(
        db,
        NewAction(receipt, kind="note", note="3", action_date=D(2026, 10, 5)),
        actor=actor_for("s"),
    )
    assert actions.list_actions(db, receipt) == [early, late, same_day]


def test_a_referral_waits_for_its_reply_until_it_is_logged(db, receipt):
    referral = actions.add_action(
        db,
        NewAction(
            receipt,
            kind="referral",
            note="紹介",
            action_date=D(2026, 10, 1),
            referred_to="甲府市 防災課",
            reply_due=D(2026, 10, 15),
        ),
        actor=actor_for("s"),
    )
    assert referral.awaiting_reply

    replied = actions.log_reply(db, referral.id, D(2026, 10, 10), actor=actor_for("s"))

    assert (replied.replied_on, replied.awaiting_reply) == (D(2026, 10, 10), False)
    with db.read() as session:
        entry = session.scalars(select(AuditLog).where(AuditLog.field == "replied_on")).one()
        assert (entry.old, entry.new) == (None, "2026-10-10")


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"kind": "dance"}, "code_unknown"),
        ({"kind": "call", "note": "長" * 5001}, "field_too_long"),
        ({"kind": "call", "next_due": D(2026, 9, 1)}, "due_before_action"),
        ({"kind": "referral", "reply_due": D(2026, 9, 1)}, "due_before_action"),
        ({"kind": "call", "note": ""}, "field_required"),
        ({"kind": "call", "note": " \n\u3000"}, "field_required"),
        ({"kind": "status_change"}, "code_unknown"),  # written only by a status change
    ],
)
def test_bad_actions_are_refused_and_change_nothing(db, receipt, snapshot, kwargs, code):
    before = snapshot(db.path)
    with pytest.raises(UserError) as refused:
        action = NewAction(receipt, action_date=D(2026, 10, 1), **{"note": "連絡", **kwargs})
        actions.add_action(db, action, actor=actor_for("s"))
    assert refused.value.code == code
    assert snapshot(db.path) == before


def test_actions_of_a_deleted_or_unknown_inquiry_are_refused(db, receipt):
    inquiries.delete_inquiry(db, receipt, actor=actor_for("s"))
    for number, code in ((receipt, "already_deleted"), ("SHIBA-2026-09999", "receipt_unknown")):
        with pytest.raises(UserError) as refused:
            actions.add_action(
                db, NewAction(number, kind="call", note="連絡"), actor=actor_for("s")
            )
        assert refused.value.code == code
        with pytest.raises(UserError):
            actions.list_actions(db, number)


def test_replies_only_to_known_referrals(db, receipt):
    call = actions.add_action(
        db, NewAction(receipt, kind="call", note="連絡"), actor=actor_for("s")
    )
    with pytest.raises(UserError) as not_referral:
        actions.log_reply(db, call.id, D(2026, 10, 1), actor=actor_for("s"))
    assert not_referral.value.code == "action_not_referral"
    with pytest.raises(UserError) as unknown:
        actions.log_reply(db, "no-such-action", D(2026, 10, 1), actor=actor_for("s"))
    assert unknown.value.code == "action_unknown"


def test_an_empty_note_is_refused_in_the_users_words_with_every_other_error(db, receipt, snapshot):
    before = snapshot(db.path)
    with pytest.raises(InputErrors) as refused:
        actions.add_action(
            db,
            NewAction(
                receipt, kind="call", note="", action_date=D(2026, 10, 1), next_due=D(2026, 9, 1)
            ),
            actor=actor_for("s"),
        )
    assert [(e.code, e.at) for e in refused.value.errors] == [
        ("field_required", "note"),
        ("due_before_action", "next_due"),
    ]
    assert refused.value.message("ja").splitlines() == [
        "「内容」は必須です。入力してください。",
        "「次回対応期限」は対応日より前にできません。",
    ]
    assert snapshot(db.path) == before
