"""Search by place: a case is found by its target municipalities, their prefectures and its
agreement bodies, and stays current as they change."""

from __future__ import annotations

import datetime as dt

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import inquiries, search
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


def _add(db, subject: str, **extra):
    data = {
        "received_at": "2026-10-01",
        "subject": subject,
        "inquirer": {"type": "shopping_street", "organization": "芝商店会"},
        **extra,
    }
    return inquiries.add_inquiry(
        db, NewInquiry.read(data, today=TODAY), actor=actor_for("tanaka")
    ).receipt_no


def _found(db, term: str) -> set[str]:
    count = search.count_inquiries(db, InquiryFilter(text=term))
    rows = {row.receipt_no for row in search.first_rows(db, InquiryFilter(text=term))}
    assert count == len(rows), term
    return rows


def test_municipality_prefecture_and_agreement_body_names_are_searched(db):
    kushiro = _add(db, "物産展の出店相談", municipalities=["012068"])
    kyoto = _add(db, "大学との連携", agreement_bodies=["kyoto_mayors"])
    other = _add(db, "防災訓練の講師")

    assert _found(db, "釧路") == {kushiro}  # 2 characters: the bigram index
    assert _found(db, "釧路市") == {kushiro}  # 3: the trigram index
    assert _found(db, "北海道") == {kushiro}
    assert _found(db, "京都府市長会") == {kyoto}
    assert _found(db, "市長") == {kyoto}
    assert other not in _found(db, "北海道") | _found(db, "京都")


def test_changing_the_places_changes_what_finds_the_case(db):
    receipt = _add(db, "物産展の出店相談", municipalities=["012068"])
    inquiries.update_inquiry(
        db,
        InquiryChange.read(receipt, {"municipalities": ["261009"]}, today=TODAY),
        actor=actor_for("sato"),
    )
    assert _found(db, "釧路") == set()
    assert _found(db, "京都") == {receipt}
    inquiries.update_inquiry(
        db,
        InquiryChange.read(receipt, {"municipalities": []}, today=TODAY),
        actor=actor_for("sato"),
    )
    assert _found(db, "京都") == set()
    assert _found(db, "物産展") == {receipt}
