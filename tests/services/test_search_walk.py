"""A common term's first page found by walking the list's first rows (instr on the folded
search text) is the page the full-text index gives: same rows, same order, every sort the
walk serves, short and long terms, kana in either script, phones written any way."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, search
from desktop_app.services.database import Database
from desktop_app.services.search import InquiryFilter

QUERIES = ("0", "03", "０３", "相", "相談", "そうだん", "ソウダン", "の", "東京", "区", "1",
           "03-", "0*", "相 談", "東 0", "す", "a", "ー", "・",
           "00012", "0001", "2026-00003")  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    """One demo desk for every comparison here (nothing in this module writes)."""
    path = tmp_path_factory.mktemp("walk") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    opened = database.connect(path)
    generate_demo_data(opened, count=700, seed=9)
    yield opened
    opened.dispose()


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize(
    ("sort", "descending"),
    [("received_at", True), ("received_at", False), ("follow_up_due", True),
     ("receipt_no", False), ("status", True)],
)  # fmt: skip
def test_the_walked_first_page_is_the_index_first_page(demo, query, sort, descending):
    flt = InquiryFilter(text=query)
    count, expected = search.first_page(demo, flt, sort, descending, 100)
    head = search.list_head(demo, flt, sort, descending, 100)
    assert head.rows == expected
    assert head.count in (None, count)


def test_common_terms_take_the_walk(demo):
    taken = []
    for query in ("0", "相談", "の"):
        with demo.read() as session:
            walked = search._walked_first_pks(session, InquiryFilter(text=query), "received_at",
                                              True, 100)  # fmt: skip
        taken.append(walked is not None)
    assert taken == [True, True, True]


def test_a_clerk_searching_digits_is_not_walked(demo):
    flt = InquiryFilter(text="03", phones_whole=True)
    with demo.read() as session:
        assert search._walked_first_pks(session, flt, "received_at", True, 100) is None
    assert search.list_head(demo, flt).rows == search.first_page(demo, flt)[1]
