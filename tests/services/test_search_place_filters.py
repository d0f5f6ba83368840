"""The list's place filters: a prefecture, one municipality, one agreement body, in SQL."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquiries, lookup, search
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


def _add(db, subject: str, **extra) -> str:
    data = {
        "received_at": "2026-10-01",
        "subject": subject,
        "inquirer": {"type": "shopping_street", "organization": "芝商店会"},
        **extra,
    }
    return inquiries.add_inquiry(
        db, NewInquiry.read(data, today=TODAY), actor=actor_for("tanaka")
    ).receipt_no


@pytest.fixture
def places(db) -> dict[str, str]:
    return {
        "kushiro": _add(db, "物産展", municipalities=["012068"]),  # 北海道釧路市
        "hokkaido": _add(db, "北海道庁と", municipalities=["010006"]),  # the prefecture itself
        "kyoto": _add(db, "大学", municipalities=["261009"], agreement_bodies=["kyoto_mayors"]),
        "both": _add(db, "二地域", municipalities=["012068", "261009"]),
        "none": _add(db, "講師"),
    }


def _listed(db, flt: InquiryFilter) -> set[str]:
    rows = {row.receipt_no for row in search.first_rows(db, flt)}
    assert search.count_inquiries(db, flt) == len(rows)
    assert len(search.ordered_pks(db, flt)) == len(rows)
    return rows


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (InquiryFilter(prefecture="01"), {"kushiro", "hokkaido", "both"}),
        (InquiryFilter(prefecture="26"), {"kyoto", "both"}),
        (InquiryFilter(prefecture="47"), set()),
        (InquiryFilter(municipality="012068"), {"kushiro", "both"}),
        (InquiryFilter(agreement_body="kyoto_mayors"), {"kyoto"}),
        (InquiryFilter(prefecture="26", agreement_body="kyoto_mayors"), {"kyoto"}),
        (InquiryFilter(text="物産展", prefecture="01"), {"kushiro"}),
    ],
)
def test_place_filters_narrow_the_list(db, places, flt, expected):
    assert _listed(db, flt) == {places[name] for name in expected}


def test_a_deleted_case_is_not_listed_by_place(db, places):
    inquiries.delete_inquiry(db, places["kushiro"], actor=actor_for("s"))
    assert _listed(db, InquiryFilter(municipality="012068")) == {places["both"]}


def test_a_prefecture_filter_walks_indexes_not_tables(db, places):
    statement = search._filtered(InquiryFilter(prefecture="01"))
    with db.read() as session:
        compiled = statement.compile(session.get_bind(), compile_kwargs={"literal_binds": True})
        plan = [row.detail for row in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))]
    assert any("municipality USING COVERING INDEX ix_municipality_prefecture_code" in d
               or "municipality USING INDEX ix_municipality_prefecture_code" in d
               for d in plan), plan  # fmt: skip
    assert any("inquiry_municipality USING COVERING INDEX ix_inquiry_municipality_code" in d
               for d in plan), plan  # fmt: skip
    assert not any(d.startswith("SCAN inquiry_municipality") for d in plan), plan
    assert not any(d.startswith("SCAN municipality") for d in plan), plan


@pytest.mark.parametrize(
    ("typed", "names"),
    [
        ("ちば", ["千葉県町村会", "千葉県市長会"]),
        ("チバ", ["千葉県町村会", "千葉県市長会"]),
        ("京都", ["京都府市長会", "京都府町村会"]),
        ("損害", ["損害保険ジャパン株式会社"]),
        ("", []),
        ("ぬ", []),
    ],
)
def test_agreement_bodies_complete_on_name_or_prefecture_reading(db, typed, names):
    assert [item.name for item in lookup.search_agreement_bodies(db, typed)] == names
