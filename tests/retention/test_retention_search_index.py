"""The retention rewrites the inquirer texts of the search index set-based
(db.search_index.inquirers_changed_at_once): the index it leaves, on a real file, must be
exactly the one a full rebuild makes from the same rows, and the per-row trigger it sets aside
must be back and working afterwards."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from db import search_index
from desktop_app.domain.inquiry_commands import InquiryChange
from desktop_app.services import inquiries, retention, search
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, TODAY, case, inquirer_of, person
from tests.retention.test_retention import LONG_AGO

_VOCABULARIES = {
    f"{of}_{kind}_vocab": f"{of}_{kind}"
    for of in ("inquiry", "inquirer")
    for kind in ("trigram", "bigram")
}
_TEXTS = ("search_text", "inquirer_search_text")


def _index(db) -> dict[str, list[tuple]]:
    """Every term of the four indexes with the documents (and, for the trigram ones, the
    positions) it is in, and the folded texts: the index as its searches see it."""
    with db.write() as session:
        conn = session.connection()
        for vocab, table in _VOCABULARIES.items():
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{vocab}"
                f" USING fts5vocab(main, {table}, instance)"
            )
        found = {
            vocab: conn.exec_driver_sql(f"SELECT * FROM temp.{vocab} ORDER BY 1, 2, 3, 4").all()
            for vocab in _VOCABULARIES
        }
        for texts in _TEXTS:
            found[texts] = conn.exec_driver_sql(f"SELECT * FROM {texts} ORDER BY pk").all()
        for vocab in _VOCABULARIES:
            conn.exec_driver_sql(f"DROP TABLE temp.{vocab}")
    return found


@pytest.fixture
def desk(db):
    """Inquirers due for erasure with one and with several cases, and one who keeps data."""
    due = [
        case(db, person("古川 一郎", "03-1000-0001"), closed_on=LONG_AGO),
        case(db, person("古川 五郎", "03-1000-0005"), closed_on=LONG_AGO),
    ]
    again = inquirer_of(db, due[0])["id"]
    due.append(case(db, {"id": again}, closed_on=LONG_AGO))
    kept = case(db, person("未了 四郎", "03-1000-0004"))
    return due, kept


def test_the_index_after_a_retention_run_is_what_a_full_rebuild_makes(db, desk):
    due, kept = desk
    before = _index(db)

    report = retention.apply(db, actor=ADMIN, today=TODAY)

    assert report.erased == 2
    after = _index(db)
    assert after != before  # the names left the index
    with db.write() as session:
        search_index.rebuild(session.connection())
        for table in _VOCABULARIES.values():
            checked = (
                f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)"
                if table.endswith("trigram")
                else f"INSERT INTO {table}({table}) VALUES ('integrity-check')"
            )
            session.execute(text(checked))
    assert _index(db) == after
    assert search.count_inquiries(db, InquiryFilter(text="古川")) == 0
    assert search.count_inquiries(db, InquiryFilter(text="未了")) == 1
    assert kept not in due


def test_the_per_row_trigger_is_back_after_a_run(db, desk):
    _, kept = desk
    retention.apply(db, actor=ADMIN, today=TODAY)

    with sqlite3.connect(db.path) as conn:
        names = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    conn.close()
    assert "inquirer_search_au" in names
    inquiries.update_inquiry(
        db,
        InquiryChange.read(kept, {"inquirer": {"name": "改名 六郎"}}, today=TODAY),
        actor=actor_for("clerk"),
    )
    assert search.count_inquiries(db, InquiryFilter(text="改名")) == 1


def test_a_failure_inside_the_block_leaves_the_trigger_in_place(db, desk):
    with pytest.raises(RuntimeError), db.write() as session:
        with search_index.inquirers_changed_at_once(session.connection(), []):
            raise RuntimeError("stopped half-way")
    with sqlite3.connect(db.path) as conn:
        (count,) = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'inquirer_search_au'"
        ).fetchone()
    conn.close()
    assert count == 1
