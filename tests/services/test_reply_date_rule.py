"""A logged reply (the follow-ups page) takes its date through the same entry rule as every
other path (domain/entry_rules): a date before 2000 is refused and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewAction, NewInquiry
from desktop_app.domain.local_time import local_today
from desktop_app.services import actions, inquiries
from tests.actors import actor_for


def test_a_reply_dated_1868_is_refused_and_nothing_changes(db, sample_inquiry, snapshot):
    case = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("clerk"))
    referral = actions.add_action(
        db,
        NewAction(
            case.receipt_no,
            kind="referral",
            note="防災課へ紹介",
            referred_to="防災課",
            reply_due=local_today() + dt.timedelta(days=7),
        ),
        actor=actor_for("clerk"),
    )
    before = snapshot(db.path)

    with pytest.raises(UserError) as refused:
        actions.log_reply(db, referral.id, dt.date(1868, 1, 1), actor=actor_for("clerk"))

    assert refused.value.code == "date_out_of_range"
    assert refused.value.message("ja").startswith("「回答日」の日付 1868-01-01 は入力できません")
    assert snapshot(db.path) == before
    logged = actions.log_reply(db, referral.id, local_today(), actor=actor_for("clerk"))
    assert logged.replied_on == local_today()
