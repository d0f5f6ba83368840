"""Finding a case by its receipt number, written as a clerk reads or hears it."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.receipt import ReceiptQuery, receipt_query
from desktop_app.services import database, inquiries, search
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for

# receipt number, subject, phone (the third has 1412 in its phone: a text match, listed after)
ROWS = [
    ("SHIBA-2026-01412", "防災訓練の講師", ""),
    ("AZABU-2025-01412", "物産展の出店", ""),
    ("SHIBA-2026-00141", "移住相談会", "03-0141-2000"),
    ("SHIBA-2026-11412", "森林の活用", ""),
]
WRITTEN = ["SHIBA-2026-01412", "shiba－２０２６－０１４１２", "ＳＨＩＢＡ-2026ー01412"]
SERIALS = ["01412", "1412", "１４１２", "０１４１２", "2026-01412", "２０２６－１４１２"]


@pytest.fixture(scope="module")
def receipt_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("receipts") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        for number, subject, phone in ROWS:
            record: dict[str, Any] = {
                "received_at": "2026-10-01",
                "subject": subject,
                "inquirer": {"type": "other", "organization": f"{subject}の会", "phone": phone},
            }
            made = inquiries.add_inquiry(db, NewInquiry.read(record), actor=actor_for("clerk"))
            with db.write() as session:
                session.execute(
                    text(
                        "UPDATE inquiry SET receipt_no = :new, office_code = :office"
                        " WHERE receipt_no = :old"
                    ),
                    {"new": number, "office": number.split("-")[0], "old": made.receipt_no},
                )
    finally:
        db.dispose()
    return path


@pytest.fixture
def desk(receipt_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(receipt_template, path)
    return path


def _numbers(db: Any, query: str) -> tuple[int, list[str]]:
    count, rows = search.first_page(db, InquiryFilter(text=query))
    return count, [row.receipt_no for row in rows]


def test_receipt_query_reads_every_written_form():
    assert receipt_query("ｓｈｉｂａ－２０２６－０１４１２") == ReceiptQuery(
        exact="SHIBA-2026-01412"
    )
    assert receipt_query("１４１２") == ReceiptQuery(suffix="-01412")
    assert receipt_query("2026ー1412") == ReceiptQuery(suffix="-2026-01412")
    assert receipt_query("0") is None
    assert receipt_query("防災") is None
    assert receipt_query("0312345678") is None  # ten digits: a phone number


@pytest.mark.parametrize("query", WRITTEN)
def test_the_full_number_finds_its_case_alone(desk, query):
    db = database.connect(desk)
    try:
        assert _numbers(db, query) == (1, ["SHIBA-2026-01412"])
        assert search.ordered_pks(db, InquiryFilter(text=query)).tolist() == [
            row.pk for row in search.first_rows(db, InquiryFilter(text=query))
        ]
    finally:
        db.dispose()


@pytest.mark.parametrize("query", SERIALS)
def test_the_serial_finds_the_cases_first_then_text_matches(desk, query):
    db = database.connect(desk)
    try:
        count, numbers = _numbers(db, query)
        named = [n for n in numbers if n.endswith("-01412")]
        assert numbers[: len(named)] == named  # the numbers it names come first
        if query.startswith(("2026", "２０２６")):
            assert named == ["SHIBA-2026-01412"]
        else:
            assert sorted(named) == ["AZABU-2025-01412", "SHIBA-2026-01412"]
            # 1412 is also in a phone number: that case follows; 11412 is another serial
            assert numbers[len(named) :] == ["SHIBA-2026-00141"]
        assert count == len(numbers)
        assert "SHIBA-2026-11412" not in numbers
        flt = InquiryFilter(text=query)
        assert search.position_of(db, flt, "SHIBA-2026-01412") == numbers.index("SHIBA-2026-01412")
    finally:
        db.dispose()


def test_a_receipt_search_keeps_the_other_filters(desk):
    db = database.connect(desk)
    try:
        flt = InquiryFilter(text="1412", office="SHIBA")
        count, rows = search.first_page(db, flt)
        assert [row.receipt_no for row in rows] == ["SHIBA-2026-01412", "SHIBA-2026-00141"]
        assert count == 2
    finally:
        db.dispose()
