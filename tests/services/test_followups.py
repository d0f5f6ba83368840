"""対応予定: due and overdue inquiries and unanswered referrals, from a real database file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from db.engine import ensure_statistics
from desktop_app.domain.inquiry_commands import NewAction, NewInquiry
from desktop_app.services import actions, database, followups, inquiries, search, setup
from tests.actors import actor_for

TODAY = dt.date(2026, 10, 15)


@pytest.fixture
def desk(tmp_path: Path):
    db = database.connect(tmp_path / "desk.db")
    setup.initialise(db, "SHIBA")
    yield db
    db.dispose()


def _inquiry(db, subject: str, *, due: dt.date | None = None, status: str = "received") -> str:
    data = {
        "received_at": "2026-10-01",
        "subject": subject,
        "inquirer": {"type": "npo", "organization": "NPO法人みなと"},
        "follow_up_due": due.isoformat() if due else None,
        "status": status,
    }
    if status != "received":
        data["outcome"] = "情報提供"
    return inquiries.add_inquiry(
        db, NewInquiry.read(data, today=TODAY), actor=actor_for("clerk")
    ).receipt_no


def test_lists_overdue_today_and_soon_but_not_later_or_closed(desk):
    late = _inquiry(desk, "期限切れ", due=TODAY - dt.timedelta(days=3))
    today = _inquiry(desk, "本日", due=TODAY)
    soon = _inquiry(desk, "来週", due=TODAY + dt.timedelta(days=7))
    _inquiry(desk, "先の話", due=TODAY + dt.timedelta(days=8))
    _inquiry(desk, "期限なし")
    _inquiry(desk, "完了済", due=TODAY - dt.timedelta(days=1), status="info_only")

    rows = followups.due_followups(desk, TODAY)

    assert [(r.receipt_no, r.overdue, r.reason) for r in rows] == [
        (late, True, "follow_up"),
        (today, False, "follow_up"),
        (soon, False, "follow_up"),
    ]
    assert rows[0].inquirer_label == "NPO法人みなと"
    assert followups.start_counts(desk, TODAY) == (1, 1)


def test_an_inquiry_is_one_line_however_many_deadlines_it_had(desk):
    receipt = _inquiry(desk, "物産展の相談")
    referral = actions.add_action(
        desk,
        NewAction(
            receipt,
            kind="referral",
            note="産業振興課へ紹介",
            action_date=dt.date(2026, 10, 2),
            referred_to="産業振興課",
            reply_due=dt.date(2026, 10, 9),
        ),
        actor=actor_for("clerk"),
    )
    # A later call with a later date does not hide the reply deadline still waiting.
    actions.add_action(
        desk,
        NewAction(
            receipt,
            kind="call",
            note="再連絡予定",
            action_date=dt.date(2026, 10, 10),
            next_due=dt.date(2026, 10, 20),
        ),
        actor=actor_for("clerk"),
    )

    rows = followups.due_followups(desk, TODAY)

    assert [(r.receipt_no, r.reason, r.due, r.referred_to, r.overdue) for r in rows] == [
        (receipt, "reply", dt.date(2026, 10, 9), "産業振興課", True),
    ]
    assert rows[0].action_id == referral.id

    actions.log_reply(desk, referral.id, dt.date(2026, 10, 15), actor=actor_for("clerk"))
    after = followups.due_followups(desk, TODAY)
    assert [(r.reason, r.due, r.overdue) for r in after] == [
        ("follow_up", dt.date(2026, 10, 20), False)
    ]


def test_overdue_means_the_same_on_every_screen(desk):
    """受付一覧's count, its 期限超過のみ filter and 対応予定 agree, each inquiry once."""
    late = _inquiry(desk, "期限切れ", due=TODAY - dt.timedelta(days=3))
    for reply_due in (dt.date(2026, 10, 5), dt.date(2026, 10, 8)):  # two late referrals
        actions.add_action(
            desk,
            NewAction(
                late,
                kind="referral",
                note="紹介",
                action_date=dt.date(2026, 10, 2),
                referred_to="いわき市",
                reply_due=reply_due,
            ),
            actor=actor_for("clerk"),
        )
    _inquiry(desk, "本日", due=TODAY)
    _inquiry(desk, "完了済", due=TODAY - dt.timedelta(days=1), status="info_only")

    listed = [r.receipt_no for r in followups.due_followups(desk, TODAY) if r.overdue]
    flt = search.InquiryFilter(overdue_only=True, today=TODAY)
    count, records = search.list_inquiries(desk, flt, actor=actor_for())
    assert listed == [late]
    assert followups.start_counts(desk, TODAY) == (1, 1)
    assert (count, [r.receipt_no for r in records]) == (1, [late])
    assert search.count_inquiries(desk, flt) == 1


def test_a_referral_date_is_shown_once(desk):
    receipt = _inquiry(desk, "移住相談")
    actions.add_action(
        desk,
        NewAction(
            receipt,
            kind="referral",
            note="照会",
            action_date=dt.date(2026, 10, 2),
            referred_to="いわき市",
            reply_due=dt.date(2026, 10, 9),
        ),
        actor=actor_for("clerk"),
    )
    rows = followups.due_followups(desk, TODAY)
    assert [(r.reason, r.due) for r in rows] == [("reply", dt.date(2026, 10, 9))]


def test_office_filter(desk):
    _inquiry(desk, "芝の案件", due=TODAY)
    assert len(followups.due_followups(desk, TODAY, office="SHIBA")) == 1
    assert followups.due_followups(desk, TODAY, office="AZABU") == []
    assert followups.start_counts(desk, TODAY, office="AZABU") == (0, 0)


def _plans(db, run) -> list[tuple[str, list[str]]]:
    """(statement, EXPLAIN QUERY PLAN details) of each statement that `run` sends on `db`."""
    sent: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, *args):
        sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    with sqlite3.connect(db.path) as conn:
        plans = [
            (statement, [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {statement}", params)])
            for statement, params in sent
        ]
    conn.close()
    return plans


def _many_old_actions(db, count: int) -> None:
    """Copies of the last action, on an inquiry long closed: a desk's history, as SQL sees it."""
    closed = _inquiry(db, "過去の相談", status="info_only")
    with sqlite3.connect(db.path) as conn:
        columns = [row[1] for row in conn.execute("PRAGMA table_info(action)") if row[1] != "pk"]
        copied = ", ".join(
            {"id": "lower(hex(randomblob(16)))", "inquiry_id": ":closed"}.get(c, c) for c in columns
        )
        inquiry_id = conn.execute(
            "SELECT id FROM inquiry WHERE receipt_no = ?", (closed,)
        ).fetchone()[0]
        for _ in range(count):
            conn.execute(
                f"INSERT INTO action ({', '.join(columns)}) SELECT {copied} FROM action"
                " ORDER BY pk DESC LIMIT 1",
                {"closed": inquiry_id},
            )
    conn.close()


@pytest.mark.parametrize("office", [None, "SHIBA"])
def test_every_statement_of_the_list_is_an_index_search(desk, office):
    for n in range(30):
        receipt = _inquiry(desk, f"相談{n}", status="received" if n % 3 else "info_only")
        actions.add_action(
            desk,
            NewAction(
                receipt,
                kind="referral" if n % 2 else "call",
                note="照会",
                action_date=dt.date(2026, 10, 2),
                next_due=None if n % 2 else dt.date(2026, 10, 12),
                referred_to="産業振興課" if n % 2 else "",
                reply_due=dt.date(2026, 10, 9) if n % 2 else None,
            ),
            actor=actor_for("clerk"),
        )
    _many_old_actions(desk, 3000)
    ensure_statistics(desk.engine, force=True)

    plans = _plans(desk, lambda: followups.due_followups(desk, TODAY, office))

    selects = [plan for statement, plan in plans if statement.lstrip().startswith("SELECT")]
    assert len(selects) == 2  # the due inquiries, then the referrals still waiting among them
    for plan in selects:
        assert not any(step.startswith("SCAN") for step in plan), plan
