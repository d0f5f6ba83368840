"""A term matches an inquiry in its own text or in its inquirer's (db.search_index): the same
inquiries, in the same order, as when both were one text (migration 0013), for every kind of
term the desk types: kana in either script and width, digits, names, places, several terms
split between the two texts."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db.models import Inquiry
from desktop_app.demo.service import generate_demo_data
from desktop_app.domain import text as folding
from desktop_app.services import database, search
from desktop_app.services.database import Database
from desktop_app.services.search import InquiryFilter

# The single text of each inquiry before migration 0013, written from the rows themselves
# (not from either index): subject, content, inquirer, phone digits, places.
_ONE_TEXT = """
    SELECT i.pk, i.deleted, rd_fold(
        coalesce(i.subject, '') || ' | ' || coalesce(i.content, '') || ' | ' ||
        coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
        coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
        coalesce((SELECT group_concat(CASE WHEN m.name = m.prefecture THEN m.name
                                           ELSE m.prefecture || m.name END, ' ')
                  FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                  WHERE im.inquiry_pk = i.pk), '') || ' | ' ||
        coalesce((SELECT group_concat(b.name, ' ')
                  FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                  WHERE ia.inquiry_pk = i.pk), ''))
    FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id
"""
QUERIES = ("0", "03", "０３", "す", "すず", "スズキ", "鈴木", "田", "相談", "の", "商店",
           "株式会社", "北海道", "釧路", "東京都", "03-5", "55", "区", "a", "npo", "ー",
           "相談 0", "鈴 相", "会社 の 03")  # fmt: skip


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> Iterator[Database]:
    path = tmp_path_factory.mktemp("two_texts") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    opened = database.connect(path)
    generate_demo_data(opened, count=400, seed=5)
    yield opened
    opened.dispose()


def _one_text_matches(db: Database, query: str) -> list[int]:
    """The live inquiries whose one text holds every term, newest first: what the single
    index answered (a substring for 3+ characters; letters and digits within a run for 1-2,
    which for a term of letters and digits is a substring too)."""
    terms = [
        folding.digits(raw) if folding.looks_like_phone(raw) else folding.fold(raw)
        for raw in query.split()
    ]
    named_by = search.receipt_clause(query)  # a receipt number it names comes first
    with db.read() as session:
        rows = session.execute(text(_ONE_TEXT)).all()
        order = dict(session.execute(text("SELECT pk, received_at FROM inquiry")).all())
        named = (
            set()
            if named_by is None
            else set(session.scalars(select(Inquiry.pk).where(named_by, ~Inquiry.deleted)))
        )
    found = [pk for pk, deleted, one in rows if not deleted and all(t in one for t in terms)]
    return sorted(named | set(found), key=lambda pk: (pk in named, order[pk], pk), reverse=True)


@pytest.mark.parametrize("query", QUERIES)
def test_either_text_finds_what_the_one_text_found(demo, query):
    expected = _one_text_matches(demo, query)
    count, rows = search.first_page(demo, InquiryFilter(text=query), limit=1000)
    assert count == len(expected)
    assert [row.pk for row in rows] == expected
    assert list(search.ordered_pks(demo, InquiryFilter(text=query))) == expected


def test_the_demo_has_terms_in_each_text_alone(demo):
    """The comparison above means something: names and digits only in the inquirer's text,
    words of the subject only in the inquiry's own."""
    with demo.read() as session:
        own = session.execute(text("SELECT group_concat(folded, '') FROM search_text")).scalar()
        asker = session.execute(
            text("SELECT group_concat(folded, '') FROM inquirer_search_text")
        ).scalar()
    assert "すず" in asker and "すず" not in own
    assert "相談" in own
