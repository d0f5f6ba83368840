"""Finding inquiries: every filter, sort keys both ways, and the paging functions agreeing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, text

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries, search
from desktop_app.services.list_rows import SORT_KEYS
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)
OPEN = ("received", "in_progress", "referred")

# subject, received, status, field, relationship, inquirer type, follow-up due
CASES = [
    ("物産展の出店", "2026-04-03", "received", "food", "business_business", "business",
     "2026-10-01"),
    ("防災訓練の講師", "2026-05-10", "in_progress", "disaster", "resident_resident",
     "neighborhood", "2026-11-20"),
    ("大学のフィールド", "2026-06-15", "referred", "university", "gov_project", "education",
     "2026-10-31"),
    ("移住相談会", "2026-07-01", "matched", "migration", "hub", "municipality", "2026-08-01"),
    ("森林の活用", "2026-08-20", "info_only", "forest", None, "npo", None),
    ("商店街のマルシェ", "2026-09-09", "received", "food", "resident_resident",
     "shopping_street", "2026-11-01"),
    ("給食の食材", "2026-10-30", "withdrawn", "food", "business_business", "education", None),
]  # fmt: skip


@pytest.fixture(scope="module")
def search_template(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("search") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        for subject, received, status, field, relationship, kind, due in CASES:
            record: dict[str, Any] = {
                "received_at": received,
                "subject": subject,
                "status": status,
                "outcome": "済" if status in ("matched", "info_only", "withdrawn") else None,
                "fields": [field],
                "relationship": relationship,
                "follow_up_due": due,
                "inquirer": {"type": kind, "organization": f"{subject}の団体"},
            }
            inquiries.add_inquiry(db, NewInquiry.read(record, today=TODAY), actor=actor_for("s"))
        # One row imported from another office (as a sync package would bring it).
        with db.write() as session:
            session.execute(
                text("UPDATE inquiry SET office_code = 'AZABU' WHERE subject = '移住相談会'")
            )
        deleted = inquiries.add_inquiry(
            db,
            NewInquiry.read(
                {
                    "received_at": "2026-10-31",
                    "subject": "削除された物産展",
                    "inquirer": {"type": "npo", "organization": "x"},
                },
                today=TODAY,
            ),
            actor=actor_for("s"),
        )
        inquiries.delete_inquiry(db, deleted.receipt_no, actor=actor_for("s"))
    finally:
        db.dispose()
    return path


@pytest.fixture(scope="module")
def desk(search_template: Path):
    """Read-only tests share one opened copy."""
    db = database.connect(search_template)
    yield db
    db.dispose()


def _subjects(db, flt: InquiryFilter, **kwargs: Any) -> list[str]:
    return [row.subject for row in search.first_rows(db, flt, **kwargs)]


def _expected(predicate) -> list[str]:
    """Subjects of CASES matching `predicate`, newest first (the default order)."""
    rows = [case for case in CASES if predicate(case)]
    return [case[0] for case in sorted(rows, key=lambda case: case[1], reverse=True)]


@pytest.mark.parametrize(
    ("flt", "predicate"),
    [
        (InquiryFilter(), lambda c: True),
        (InquiryFilter(date_from=dt.date(2026, 6, 1)), lambda c: c[1] >= "2026-06-01"),
        (InquiryFilter(date_to=dt.date(2026, 6, 15)), lambda c: c[1] <= "2026-06-15"),
        (InquiryFilter(date_from=dt.date(2026, 5, 10), date_to=dt.date(2026, 7, 1)),
         lambda c: "2026-05-10" <= c[1] <= "2026-07-01"),
        (InquiryFilter(statuses=("received",)), lambda c: c[2] == "received"),
        (InquiryFilter(statuses=("received", "referred")), lambda c: c[2] in OPEN[::2]),
        (InquiryFilter(office="AZABU"), lambda c: c[0] == "移住相談会"),
        (InquiryFilter(office="SHIBA"), lambda c: c[0] != "移住相談会"),
        (InquiryFilter(field="food"), lambda c: c[3] == "food"),
        (InquiryFilter(relationship="resident_resident"), lambda c: c[4] == "resident_resident"),
        (InquiryFilter(inquirer_type="education"), lambda c: c[5] == "education"),
        (InquiryFilter(field="food", statuses=("received",)),
         lambda c: c[3] == "food" and c[2] == "received"),
        (InquiryFilter(text="食", field="food"), lambda c: c[0] == "給食の食材"),
        (InquiryFilter(text="物産展"), lambda c: c[0] == "物産展の出店"),
        (InquiryFilter(text="の団体"), lambda c: True),
        (InquiryFilter(overdue_only=True, today=TODAY),
         lambda c: c[6] is not None and c[6] < "2026-11-01" and c[2] in OPEN),
        (InquiryFilter(overdue_only=True, today=dt.date(2026, 12, 1)),
         lambda c: c[6] is not None and c[2] in OPEN),
    ],
    ids=["all", "from", "to", "range", "status", "statuses", "office-azabu", "office-shiba",
         "field", "relationship", "inquirer-type", "field-and-status", "text-and-field", "text",
         "text-all", "overdue", "overdue-later"],
)  # fmt: skip
def test_each_filter(desk, flt, predicate):
    expected = _expected(predicate)
    assert _subjects(desk, flt) == expected
    assert search.count_inquiries(desk, flt) == len(expected)
    count, records = search.list_inquiries(desk, flt, limit=3, actor=actor_for())
    assert count == len(expected)
    assert [r.subject for r in records] == expected[:3]


def test_overdue_rows_are_flagged(desk):
    rows = search.first_rows(desk, InquiryFilter(today=TODAY))
    flagged = {row.subject for row in rows if row.overdue}
    assert flagged == {"物産展の出店", "大学のフィールド"}


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_sort_keys_both_ways(desk, sort, descending):
    rows = search.first_rows(desk, InquiryFilter(), sort=sort, descending=descending)
    attribute = {"office": "office_code"}.get(sort, sort)
    keys = [(getattr(row, attribute), row.pk) for row in rows]
    present = [key for key in keys if key[0] is not None]
    assert present == sorted(present, reverse=descending)
    assert len(rows) == len(CASES)


@pytest.mark.parametrize("sort", SORT_KEYS)
def test_ordered_pks_rows_by_pk_and_first_rows_agree(desk, sort):
    flt = InquiryFilter(statuses=("received", "in_progress", "referred", "matched", "withdrawn"))
    pks = search.ordered_pks(desk, flt, sort=sort, descending=True)
    assert len(pks) == search.count_inquiries(desk, flt)
    page = search.rows_by_pk(desk, pks[1:4], today=TODAY)
    assert [row.pk for row in page] == list(pks[1:4])
    first = search.first_rows(desk, flt, sort=sort, descending=True, limit=3)
    assert [row.pk for row in first] == list(pks[:3])


def test_rows_by_pk_keeps_the_order_given_and_skips_unknown_keys(desk):
    pks = list(search.ordered_pks(desk, InquiryFilter()))
    shuffled = [pks[3], 999_999, pks[0], pks[5]]
    assert [row.pk for row in search.rows_by_pk(desk, shuffled)] == [pks[3], pks[0], pks[5]]


def test_rows_by_pk_reads_past_one_chunk(db, sample_inquiry):
    for _ in range(3):
        inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("s"))
    pks = list(search.ordered_pks(db, InquiryFilter()))
    many = pks * 400  # 1,200 keys: more than one IN (...) chunk
    assert len(search.rows_by_pk(db, many)) == 1200


def test_list_row_shows_the_inquirer_and_codes(desk):
    row = search.first_rows(desk, InquiryFilter(text="防災訓練"))[0]
    assert row.inquirer_label == "防災訓練の講師の団体"
    assert (row.relationship, row.status, row.office_code) == (
        "resident_resident",
        "in_progress",
        "SHIBA",
    )
    assert row.receipt_no.startswith("SHIBA-2026-")


def test_deleted_inquiries_are_never_found(desk):
    assert _subjects(desk, InquiryFilter(text="削除")) == []
    assert search.count_inquiries(desk, InquiryFilter(text="物産展")) == 1
    assert search.count_inquiries(desk, InquiryFilter()) == len(CASES)


@pytest.mark.parametrize(
    ("query", "index"),
    [("東", "bigram"), ("東京", "bigram"), ("東京都", "trigram"), ("03-5555", "trigram"),
     ("ab", "bigram"), ("03", "bigram"), ("ＡＢＣ", "trigram")],
)  # fmt: skip
def test_terms_go_to_the_right_index(query, index):
    assert [match.index for match in search.term_matches(query)] == [index]


def test_punctuation_only_terms_are_dropped():
    assert search.term_matches('" * ( )') == []


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [True, False])
def test_position_of_is_the_row_in_the_ordered_list(desk, sort, descending):
    flt = InquiryFilter(today=TODAY)
    keys = list(search.ordered_pks(desk, flt, sort, descending))
    rows = search.rows_by_pk(desk, keys)
    for index, row in enumerate(rows):
        assert search.position_of(desk, flt, row.receipt_no, sort, descending) == index


def test_position_of_a_case_outside_the_filter_is_none(desk):
    flt = InquiryFilter(statuses=("matched",), today=TODAY)
    (inside,) = search.rows_by_pk(desk, search.ordered_pks(desk, flt))
    everything = search.rows_by_pk(desk, search.ordered_pks(desk, InquiryFilter()))
    outside = next(row for row in everything if row.status != "matched")
    assert search.position_of(desk, flt, inside.receipt_no) == 0
    assert search.position_of(desk, flt, outside.receipt_no) is None
    assert search.position_of(desk, flt, "SHIBA-2026-09999") is None


@pytest.mark.parametrize(
    ("query", "same_as"),
    [("物*", "物"), ("物産*", "物産"), ("物産展*", "物産展"), ("＊物産展＊", "物産展"),
     ("の団体*", "の団体"), ("食* 給*", "食 給"), ("*", "")],
)  # fmt: skip
def test_a_trailing_asterisk_is_a_wildcard_not_literal_text(desk, query, same_as):
    assert search.term_matches(query) == search.term_matches(same_as)
    found = _subjects(desk, InquiryFilter(text=query))
    assert found == _subjects(desk, InquiryFilter(text=same_as))
    assert found or not same_as, query  # each of them finds something


def test_an_asterisk_after_a_phone_number_still_searches_its_digits():
    assert search.term_matches("03-5555*") == search.term_matches("035555")


@pytest.mark.parametrize(
    "flt",
    [InquiryFilter(), InquiryFilter(text="の団体"), InquiryFilter(text="食", field="food"),
     InquiryFilter(text="物産展"), InquiryFilter(text="存在しない語"),
     InquiryFilter(statuses=("received",)), InquiryFilter(text="の団", office="SHIBA")],
    ids=["all", "text", "text-and-field", "one-match", "no-match", "status", "bigram-and-office"],
)  # fmt: skip
def test_first_page_is_the_count_and_the_first_rows(desk, flt):
    count, rows = search.first_page(desk, flt, limit=3)
    assert count == search.count_inquiries(desk, flt)
    assert rows == search.first_rows(desk, flt, limit=3)


def _match_counts(db, run) -> int:
    """How many statements `run` sends that count every full-text match (deleted ones too)."""
    seen: list[str] = []

    def record(conn, cursor, statement, *args):
        flat = " ".join(statement.split())
        counts = flat.startswith(
            ("SELECT count(*) AS count_1 FROM (SELECT", "SELECT ((SELECT count")
        )
        if counts and "MATCH" in flat:
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        run()
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return len(seen)


def test_the_first_page_counts_a_terms_matches_once(desk):
    flt = InquiryFilter(text="の団体")
    assert _match_counts(desk, lambda: search.first_page(desk, flt)) == 1
    separately = _match_counts(
        desk, lambda: (search.count_inquiries(desk, flt), search.first_rows(desk, flt))
    )
    assert separately == 2  # what the list's first load did before
