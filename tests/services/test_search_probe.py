"""The faster ways to a first page find exactly what the plain ones find: a term probed row by
row along the list's index, and a receipt-number query counted as its text plus the numbers
it names. Checked on the demo data, each way against the other, for kana, kanji, digits and
receipt serials."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.engine import Database
from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, search, setup
from desktop_app.services.search import InquiryFilter

TODAY = dt.date(2026, 11, 1)
QUERIES = ("商", "商店", "すず", "0", "03", "1", "12", "0012", "2025-00012", "北海道", "相談 03")


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("probe") / "desk.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "HQ")
    generate_demo_data(db, count=400, seed=5, today=TODAY)
    db.dispose()
    return path


@pytest.fixture
def db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(demo_template, path)
    opened = database.connect(path)
    yield opened
    opened.dispose()


def _pages(db: Database, query: str) -> list[tuple[int, list[int]]]:
    flt = InquiryFilter(text=query, today=TODAY)
    pages = []
    for sort in ("received_at", "receipt_no"):
        for descending in (True, False):
            count, rows = search.first_page(db, flt, sort, descending, 30)
            pages.append((count, [row.pk for row in rows]))
    return pages


@pytest.mark.parametrize("query", QUERIES)
def test_probing_row_by_row_finds_the_same_first_pages(db, monkeypatch, query):
    plain = _pages(db, query)
    monkeypatch.setattr(search, "_PROBE_SHARE", 0.0)  # every term probed
    assert _pages(db, query) == plain
    assert plain[0][0] == search.count_inquiries(db, InquiryFilter(text=query, today=TODAY))
    keys = list(search.ordered_pks(db, InquiryFilter(text=query, today=TODAY)))
    assert plain[0] == (len(keys), keys[:30])
    assert any(count for count, _ in plain) or query == "2025-00012"
