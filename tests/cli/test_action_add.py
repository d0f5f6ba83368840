"""`action add RECEIPT --kind K --note TEXT`: the action, and the inquiry's follow-up date."""

from __future__ import annotations

import pytest

from desktop_app.domain.local_time import local_today


@pytest.fixture
def receipt(run, db_path, write_json, sample_inquiry) -> str:
    added = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )
    return str(added.json()["receipt_no"])


def test_a_referral_with_a_reply_deadline_moves_the_follow_up_date(run, db_path, receipt):
    result = run(
        "action", "add", receipt, "--kind", "referral", "--note", "甲府市 防災課へ紹介",
        "--referred-to", "甲府市 防災課", "--date", "2026-11-01", "--reply-due", "R8.12.1",
        "--json", db=db_path,
    )  # fmt: skip

    assert result.code == 0, result.err
    action = result.json()
    assert action["kind"] == "referral"
    assert action["note"] == "甲府市 防災課へ紹介"
    assert action["referred_to"] == "甲府市 防災課"
    assert action["action_date"] == "2026-11-01"
    assert action["reply_due"] == "2026-12-01"
    assert action["awaiting_reply"] is True
    inquiry = run("inquiry", "show", receipt, "--json", db=db_path).json()
    assert action["inquiry_id"] == inquiry["id"]
    assert inquiry["follow_up_due"] == "2026-12-01"
    assert inquiry["status"] == "referred"  # a referral moves the case to 紹介済
    assert inquiry["rev"] == 3


@pytest.mark.parametrize(
    ("argv", "due"),
    [
        (["--kind", "call", "--date", "2026-11-01", "--next-due", "2026/11/10"], "2026-11-10"),
        (["--kind", "meeting", "--date", "2026-11-01", "--next-due", "R8.11.20"], "2026-11-20"),
        (
            ["--kind", "referral", "--date", "2026-11-01", "--next-due", "2026-11-25",
             "--reply-due", "2026-11-15"],
            "2026-11-15",
        ),  # the earlier of the two
        (["--kind", "note", "--date", "2026-11-01"], "2026-09-30"),  # no date: unchanged
        (["--kind", "call", "--date", "2026-11-01", "--reply-due", "2026-11-15"], "2026-09-30"),
    ],
    ids=["next-due", "next-due-wareki", "earliest", "no-due", "reply-due-only-for-referrals"],
)  # fmt: skip
def test_follow_up_date_follows_the_action(run, db_path, receipt, argv, due):
    result = run("action", "add", receipt, *argv, "--note", "折り返し", "--json", db=db_path)
    assert result.code == 0, result.err
    assert run("inquiry", "show", receipt, "--json", db=db_path).json()["follow_up_due"] == due


def test_action_date_defaults_to_today(run, db_path, receipt):

    result = run("action", "add", receipt, "--kind", "call", "--note", "電話", "--json", db=db_path)
    # The office's today (Tokyo), not the PC clock's UTC date: they differ from 15:00 UTC on.
    assert result.json()["action_date"] == local_today().isoformat()


def test_readable_output_lists_the_action_with_labels(run, db_path, receipt):
    result = run("action", "add", receipt, "--kind", "call", "--note", "折り返し済", db=db_path)
    assert result.code == 0
    assert "内容: 折り返し済" in result.out.splitlines()
    assert "対応の種類: 電話連絡" in result.out.splitlines()


@pytest.mark.parametrize("note", ["", "   "], ids=["empty", "blank"])
def test_an_action_without_a_note_is_refused_and_nothing_is_written(
    run, db_path, receipt, snapshot, note
):
    before = snapshot(db_path)
    result = run("action", "add", receipt, "--kind", "call", "--note", note, db=db_path)
    assert result.code == 2
    assert "「内容」は必須です。" in result.err
    assert snapshot(db_path) == before


def test_a_status_change_cannot_be_logged_by_hand(run, db_path, receipt, snapshot):
    before = snapshot(db_path)
    result = run(
        "action", "add", receipt, "--kind", "status_change", "--note", "受付 → 対応中", db=db_path
    )
    assert result.code == 2
    assert "status_change" in result.err and "使えるコード: call" in result.err
    assert "status_change," not in result.err.split("使えるコード:")[1]
    assert snapshot(db_path) == before
