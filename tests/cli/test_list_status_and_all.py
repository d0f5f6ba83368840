"""`inquiry list --status` accepts codes and labels and refuses the unknown; `--all` streams.

`--all` has no 10,000 cap: it pages through the ordered keys (services.search.iter_inquiries)
and prints as it reads; with `--json` each record is one line (JSON Lines).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop_app.demo.service import generate_demo_data
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for

MANY = 10_050  # past `--limit`'s cap of 10,000


@pytest.fixture
def listed(db_path, sample_inquiry) -> Path:
    db = database.connect(db_path)
    try:
        for status, outcome in (("received", None), ("in_progress", None), ("info_only", "案内")):
            sample_inquiry.update(status=status, outcome=outcome)
            inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("clerk"))
    finally:
        db.dispose()
    return db_path


def _statuses(result) -> list[str]:
    assert result.code == 0, result.err
    return sorted(item["status"] for item in result.json()["items"])


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (["received"], ["received"]),
        (["受付"], ["received"]),
        (["Received"], ["received"]),
        (["情報提供で完了"], ["info_only"]),
        (["受付", "in_progress"], ["in_progress", "received"]),
    ],
)
def test_status_by_code_or_label(run, listed, given, expected):
    args = [arg for value in given for arg in ("--status", value)]
    assert _statuses(run("inquiry", "list", *args, "--json", db=listed)) == expected


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_an_unknown_status_is_refused_naming_the_valid_ones(run, listed, lang, set_language):
    set_language(lang)
    result = run("inquiry", "list", "--status", "done", db=listed)
    assert result.code == 2
    assert result.out == ""
    if lang == "ja":
        assert result.err.startswith("状況「done」はありません。使える状況: 受付 (received), ")
        assert "取下げ (withdrawn)" in result.err
    else:
        assert result.err.startswith('Unknown status "done". Known statuses: Received (received)')


def test_help_lists_the_statuses(run):
    out = " ".join(run("inquiry", "list", "--help").out.split())
    assert "received (受付), in_progress (対応中), referred (紹介済)" in out
    assert "withdrawn (取下げ)" in out


@pytest.fixture(scope="module")
def many(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("many") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        generate_demo_data(db, count=MANY, seed=3)
    finally:
        db.dispose()
    return path


@pytest.mark.slow
def test_all_streams_every_match_as_json_lines(run, many):
    result = run("inquiry", "list", "--all", "--json", db=many)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert len(lines) == MANY
    records = [json.loads(line) for line in lines]
    assert len({record["receipt_no"] for record in records}) == MANY
    keys = [(record["received_at"], record["receipt_no"]) for record in records]
    assert [key[0] for key in keys] == sorted((key[0] for key in keys), reverse=True)
    # Each line is the record of `inquiry show`.
    first = run("inquiry", "show", records[0]["receipt_no"], "--json", db=many).json()
    del first["actions"]
    assert records[0] == first


def test_all_honours_the_filters_and_prints_plain_lines(run, many):
    counted = run("inquiry", "list", "--status", "対応中", "--json", "--limit", "1", db=many)
    expected = counted.json()["count"]
    result = run("inquiry", "list", "--status", "対応中", "--all", db=many)
    assert result.code == 0, result.err
    header, *lines, training = result.out.splitlines()
    assert header == f"該当 {expected} 件（{expected} 件を表示）"
    assert training.startswith("【研修用】")  # demo data made it a training database
    assert len(lines) == expected
    assert all("  対応中  " in line for line in lines)


def test_limit_is_still_capped_at_ten_thousand(run, many):
    result = run("inquiry", "list", "--limit", "10001", db=many)
    assert result.code == 2
    assert "1以上10000以下" in result.err
