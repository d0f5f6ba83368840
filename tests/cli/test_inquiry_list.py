"""`inquiry list`: {"count": all matches, "items": newest first}, free text and filters."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for

# (received, subject, organisation, name, kana, phone, status)
ROWS = [
    (
        "2026-09-14",
        "防災訓練への参加自治体を探している",
        "高輪一丁目町会",
        "鈴木 一郎",
        "スズキ イチロウ",
        "03-5555-0101",
        "received",
    ),
    (
        "2026-09-20",
        "東京の物産展に出店したい",
        "釧路市 観光課",
        "",
        "",
        "0154-31-4500",
        "in_progress",
    ),
    (
        "2026-10-01",
        "京都の大学と連携したい",
        "芝浦テック株式会社",
        "髙橋 花子",
        "タカハシ ハナコ",
        "",
        "received",
    ),
    ("2026-10-05", "森林環境譲与税の活用", "ＮＰＯ法人みなと森", "", "", "", "info_only"),
    (
        "2026-10-20",
        "東北の食材を学校給食に",
        "芝小学校",
        "佐藤 次郎",
        "サトウ ジロウ",
        "03-3333-4444",
        "received",
    ),
]


@pytest.fixture(scope="module")
def listed_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("list") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        for received, subject, org, name, kana, phone, status in ROWS:
            record: dict[str, Any] = {
                "received_at": received,
                "subject": subject,
                "status": status,
                "outcome": "案内済" if status == "info_only" else None,
                "inquirer": {
                    "type": "other",
                    "organization": org,
                    "name": name,
                    "kana": kana,
                    "phone": phone,
                },
            }
            inquiries.add_inquiry(db, NewInquiry.read(record), actor=actor_for("clerk"))
    finally:
        db.dispose()
    return path


@pytest.fixture
def desk(listed_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(listed_template, path)
    return path


def _subjects(result: Any) -> list[str]:
    return [item["subject"] for item in result.json()["items"]]


def test_list_prints_count_and_items_newest_first(run, desk):
    result = run("inquiry", "list", "--json", db=desk)

    assert result.code == 0
    listing = result.json()
    assert set(listing) == {"count", "items"}
    assert listing["count"] == len(ROWS)
    assert [item["received_at"] for item in listing["items"]] == sorted(
        (row[0] for row in ROWS), reverse=True
    )
    # Items have the record shape of `inquiry show`.
    shown = run("inquiry", "show", listing["items"][0]["receipt_no"], "--json", db=desk).json()
    del shown["actions"]  # show adds the history
    assert listing["items"][0] == shown


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("東", ["東北の食材を学校給食に", "東京の物産展に出店したい"]),  # 1 character
        ("京", ["京都の大学と連携したい", "東京の物産展に出店したい"]),
        ("東京", ["東京の物産展に出店したい"]),  # 2 characters
        ("連携", ["京都の大学と連携したい"]),
        ("物産展", ["東京の物産展に出店したい"]),  # 3+ characters (trigram)
        ("防災訓練", ["防災訓練への参加自治体を探している"]),
        ("東 給食", ["東北の食材を学校給食に"]),  # terms AND together
        ("すずき", ["防災訓練への参加自治体を探している"]),  # kana reading, folded
        ("ｽｽﾞｷ", ["防災訓練への参加自治体を探している"]),  # half-width katakana
        ("高橋", ["京都の大学と連携したい"]),  # 髙 is written 高
        ("npo", ["森林環境譲与税の活用"]),  # full-width ＮＰＯ folded
        ("03-5555-0101", ["防災訓練への参加自治体を探している"]),
        ("(03)5555-0101", ["防災訓練への参加自治体を探している"]),
        ("０３５５５５０１０１", ["防災訓練への参加自治体を探している"]),
        ("03 3333 4444", ["東北の食材を学校給食に"]),  # three terms, each within the digits
        ("5555-0101", ["防災訓練への参加自治体を探している"]),
        ("大阪", []),
        ("阪", []),
    ],
)
def test_query_finds_short_long_folded_and_phone_terms(run, desk, query, expected):
    result = run("inquiry", "list", "--query", query, "--json", db=desk)
    assert result.code == 0
    assert _subjects(result) == expected
    assert result.json()["count"] == len(expected)


@pytest.mark.parametrize(
    ("argv", "count"),
    [
        (["--status", "received"], 3),
        (["--status", "received", "--status", "info_only"], 4),
        (["--status", "withdrawn"], 0),
        (["--month", "2026-09"], 2),
        (["--month", "2026-10"], 3),
        (["--month", "2026-11"], 0),
        (["--month", "2026-10", "--status", "received"], 2),
        (["--month", "2026-10", "--query", "東"], 1),
    ],
)
def test_filters(run, desk, argv, count):
    result = run("inquiry", "list", *argv, "--json", db=desk)
    assert result.code == 0
    assert result.json()["count"] == count
    assert len(result.json()["items"]) == count


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_count_is_every_match_even_when_limit_is_smaller(run, desk, limit):
    result = run("inquiry", "list", "--limit", str(limit), "--json", db=desk)
    listing = result.json()
    assert listing["count"] == len(ROWS)
    assert len(listing["items"]) == min(limit, len(ROWS))
    assert listing["items"][0]["received_at"] == "2026-10-20"


def test_readable_listing_has_a_header_and_one_line_per_item(run, desk):
    result = run("inquiry", "list", "--limit", "2", db=desk)
    lines = result.out.splitlines()
    assert lines[0] == "該当 5 件（2 件を表示）"
    assert len(lines) == 3
    assert "東北の食材を学校給食に" in lines[1]


def test_english_header(run, desk, set_language):
    set_language("en")
    assert (
        run("inquiry", "list", "--limit", "1", db=desk).out.splitlines()[0] == "5 found (1 shown)"
    )


# Each query is searched as plain text: FTS5 operators must neither fail nor take effect.
# A query of punctuation only has no searchable term and lists everything. A `*` at the end of
# a term is a wildcard (東京* finds what 東京 finds), not FTS5's prefix operator on raw input.
@pytest.mark.parametrize(
    ("query", "count"),
    [
        ('"', 5), ('""', 5), ("*", 5), ("(", 5), (")", 5),
        ('"東京', 0), ("東京)", 0), ("^東京", 0), ("-東京", 0), ("{folded}:東京", 0),
        ("東京 AND 京都", 0), ("東京 OR 京都", 0), ("NOT 京都", 0), ("OR", 0),
        ("NEAR(東京 京都)", 0), ("東*", 2), ("東京*", 1),
        ("'; DROP TABLE inquiry; --", 0),
    ],
)  # fmt: skip
def test_fts_syntax_in_a_query_is_searched_as_text(run, desk, snapshot, query, count):
    before = snapshot(desk)
    result = run("inquiry", "list", f"--query={query}", "--json", db=desk)
    assert result.code == 0, result.err
    assert result.json()["count"] == count
    assert snapshot(desk) == before
