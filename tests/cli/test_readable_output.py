"""Plain output is for a person: labels, not codes (issue 7 §6); JSON keeps the codes.

`inquiry show` also lists the inquiry's actions, oldest first, and JSON gains `"actions"`.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def receipt(run, db_path, write_json, sample_inquiry) -> str:
    sample_inquiry["municipalities"] = ["012068", "192015"]
    added = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )
    assert added.code == 0, added.err
    return str(added.json()["receipt_no"])


def test_show_prints_labels_of_codes_in_japanese(run, db_path, receipt):
    lines = run("inquiry", "show", receipt, db=db_path).out.splitlines()

    assert "受付方法: 電話" in lines
    assert "対象自治体: 北海道釧路市 (012068)、山梨県甲府市 (192015)" in lines
    assert "状況: 受付" in lines
    assert "連携分野: 防災・災害支援" in lines
    assert "相談者区分: 町会・自治会" in lines
    assert "事務所: 芝地区総合支所" in lines
    assert "受付日: 2026/09/14" in lines
    assert not any(line.endswith(": phone") or line.endswith(": received") for line in lines)


def test_show_prints_english_labels_under_an_english_locale(run, db_path, receipt, set_language):
    set_language("en")
    lines = run("inquiry", "show", receipt, db=db_path).out.splitlines()

    assert "Channel: Phone" in lines
    assert "Municipalities: 北海道釧路市 (012068), 山梨県甲府市 (192015)" in lines
    assert "Status: Received" in lines
    assert "Office: Shiba District Branch Office" in lines


def test_renkei_desk_lang_overrides_lang(run, db_path, receipt, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_LANG", "en")
    assert "Status: Received" in run("inquiry", "show", receipt, db=db_path).out.splitlines()


def test_json_keeps_the_codes(run, db_path, receipt):
    record = run("inquiry", "show", receipt, "--json", db=db_path).json()
    assert record["channel"] == "phone"
    assert record["status"] == "received"
    assert record["municipalities"] == ["012068", "192015"]


def test_show_lists_the_actions_in_plain_output_and_in_json(run, db_path, receipt):
    for date, kind, note in (
        ("2026-09-15", "call", "甲府市 防災課に電話した。\n折り返し待ち"),
        ("2026-09-16", "referral", "釧路市 観光課へ紹介"),
    ):
        extra = ["--reply-due", "2026-10-01"] if kind == "referral" else []
        added = run(
            "action", "add", receipt, "--kind", kind, "--note", note, "--date", date, *extra,
            db=db_path,
        )  # fmt: skip
        assert added.code == 0, added.err

    lines = run("inquiry", "show", receipt, db=db_path).out.splitlines()
    history = lines[lines.index("対応履歴（3 件）") :]
    assert history == [
        "対応履歴（3 件）",
        "  2026/09/15  電話連絡  甲府市 防災課に電話した。",
        "      折り返し待ち",
        "  2026/09/16  所管課・自治体へ紹介  釧路市 観光課へ紹介",
        "      回答期限: 2026/10/01",
        "  2026/09/16  状況変更  受付 → 紹介済",  # the referral moved the case to 紹介済
    ]

    actions = run("inquiry", "show", receipt, "--json", db=db_path).json()["actions"]
    assert [(a["action_date"], a["kind"]) for a in actions] == [
        ("2026-09-15", "call"),
        ("2026-09-16", "referral"),
        ("2026-09-16", "status_change"),
    ]
    assert actions[1]["reply_due"] == "2026-10-01"


def test_list_prints_status_labels(run, db_path, receipt, set_language):
    line = run("inquiry", "list", db=db_path).out.splitlines()[1]
    assert line.startswith(f"{receipt}  2026/09/14  受付  ")
    assert "received" not in line

    set_language("en")
    assert f"{receipt}  2026/09/14  Received" in run("inquiry", "list", db=db_path).out


def test_action_add_prints_the_kind_by_its_label(run, db_path, receipt):
    result = run("action", "add", receipt, "--kind", "meeting", "--note", "面談した", db=db_path)
    assert "対応の種類: 面談" in result.out.splitlines()
