"""The search index: triggers keep search_text and both FTS5 tables in step with the data.

Run on the SQLite this Python links (3.40.1 on Debian 12), where the trigram table's LIKE path
finds nothing for 1-2 character non-ASCII patterns: short terms must go to the bigram table.
"""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import inquiries, search
from desktop_app.services.search import InquiryFilter
from tests.actors import actor_for

SQLITE = f"SQLite {sqlite3.sqlite_version}"


def _add(db, subject: str, *, name: str = "", organization: str = "港区商店会", phone: str = ""):
    record = {
        "received_at": "2026-10-01",
        "subject": subject,
        "inquirer": {"type": "other", "organization": organization, "name": name, "phone": phone},
    }
    return inquiries.add_inquiry(db, NewInquiry.read(record), actor=actor_for("clerk"))


def _found(db, query: str) -> list[str]:
    rows = search.first_rows(db, InquiryFilter(text=query), sort="receipt_no", descending=False)
    return [row.receipt_no for row in rows]


def _fts(db, table: str, expression: str) -> list[int]:
    with db.read() as session:
        return list(
            session.execute(
                text(f"SELECT rowid FROM {table} WHERE {table} MATCH :q ORDER BY rowid"),
                {"q": expression},
            ).scalars()
        )


def _pk(db, receipt: str) -> int:
    with db.read() as session:
        return int(
            session.execute(
                text("SELECT pk FROM inquiry WHERE receipt_no = :r"), {"r": receipt}
            ).scalar_one()
        )


def _index_rows(db) -> tuple[int, int]:
    with db.read() as session:
        indexed = session.execute(text("SELECT count(*) FROM search_text")).scalar_one()
        total = session.execute(text("SELECT count(*) FROM inquiry")).scalar_one()
    return indexed, total


def _integrity(db) -> None:
    """FTS5's own check of each trigram index against its content table (search_text,
    inquirer_search_text), and of each bigram index."""
    with db.write() as session:
        for of in ("inquiry", "inquirer"):
            session.execute(
                text(f"INSERT INTO {of}_trigram({of}_trigram, rank) VALUES ('integrity-check', 1)")
            )
            session.execute(
                text(f"INSERT INTO {of}_bigram({of}_bigram) VALUES ('integrity-check')")
            )


@pytest.mark.parametrize(
    ("query", "expected"),
    [("東", ["東京の物産展"]), ("京", ["東京の物産展", "京都の大学"]),
     ("東京", ["東京の物産展"]), ("大学", ["京都の大学"]), ("の", ["東京の物産展", "京都の大学"]),
     ("物産展", ["東京の物産展"])],
)  # fmt: skip
def test_short_japanese_terms_are_found_on_this_sqlite(db, query, expected):
    receipts = {subject: _add(db, subject).receipt_no for subject in ("東京の物産展", "京都の大学")}
    found = _found(db, query)
    assert found == [receipts[s] for s in expected], f"{query!r} on {SQLITE}"


def test_the_trigram_like_path_is_what_the_bigram_route_avoids(db):
    """Documents why: on SQLite < 3.41 LIKE '%東京%' on the trigram table finds nothing."""
    _add(db, "東京の物産展")
    with db.read() as session:
        by_like = session.execute(
            text("SELECT count(*) FROM inquiry_trigram WHERE folded LIKE '%東京%'")
        ).scalar_one()
    if sqlite3.sqlite_version_info < (3, 41, 0):
        assert by_like == 0, f"the LIKE bug seems fixed on {SQLITE}"
    assert len(_found(db, "東京")) == 1, SQLITE


def test_insert_feeds_search_text_and_both_indexes(db):
    receipt = _add(db, "物産展の出店者", name="髙橋 花子", phone="03-5555-0101").receipt_no
    pk = _pk(db, receipt)

    assert _index_rows(db) == (1, 1)
    assert _fts(db, "inquiry_trigram", '"物産展"') == [pk]
    assert _fts(db, "inquiry_bigram", '"物産"') == [pk]
    assert _fts(db, "inquiry_bigram", '"物"*') == [pk]
    # who asked: the inquiry's second text, under the same pk
    assert _fts(db, "inquirer_trigram", '"高橋花子"') == [pk]  # folded: 髙 -> 高, no space
    assert _fts(db, "inquirer_trigram", '"0355550101"') == [pk]
    assert _fts(db, "inquirer_bigram", '"花子"') == [pk]
    assert _fts(db, "inquiry_trigram", '"高橋花子"') == []
    assert _found(db, "高橋花子") == [receipt] and _found(db, "花子") == [receipt]
    _integrity(db)


def test_changing_the_subject_replaces_the_old_terms_in_both_indexes(db):
    receipt = _add(db, "物産展の出店者").receipt_no
    pk = _pk(db, receipt)

    inquiries.update_inquiry(
        db, InquiryChange.read(receipt, {"subject": "防災訓練の講師"}), actor=actor_for("clerk")
    )

    assert _fts(db, "inquiry_trigram", '"物産展"') == []
    assert _fts(db, "inquiry_bigram", '"物産"') == []
    assert _fts(db, "inquiry_trigram", '"防災訓練"') == [pk]
    assert _fts(db, "inquiry_bigram", '"講師"') == [pk]
    assert _found(db, "物産") == [] and _found(db, "講師") == [receipt]
    assert _index_rows(db) == (1, 1)
    _integrity(db)


def test_changing_the_content_is_searched_too(db):
    receipt = _add(db, "件名").receipt_no
    inquiries.update_inquiry(
        db,
        InquiryChange.read(receipt, {"content": "甲府市の担当課と面談"}),
        actor=actor_for("clerk"),
    )
    assert _found(db, "甲府") == [receipt]
    assert _found(db, "担当課") == [receipt]


def test_renaming_the_inquirer_reindexes_each_of_its_inquiries(db):
    first = _add(db, "一件目", name="鈴木 一郎")
    inquirer_id = first.inquirer.id
    second = inquiries.add_inquiry(
        db,
        NewInquiry.read(
            {"received_at": "2026-10-02", "subject": "二件目", "inquirer": {"id": inquirer_id}}
        ),
        actor=actor_for("clerk"),
    )
    other = _add(db, "別の人", name="佐藤 花子")

    inquiries.update_inquiry(
        db,
        InquiryChange.read(
            first.receipt_no, {"inquirer": {"name": "田中 一郎", "phone": "0154-31-4500"}}
        ),
        actor=actor_for("clerk"),
    )

    assert _found(db, "鈴木") == []
    assert _found(db, "田中") == [first.receipt_no, second.receipt_no]
    assert _found(db, "0154314500") == [first.receipt_no, second.receipt_no]
    assert _found(db, "佐藤") == [other.receipt_no]
    assert _index_rows(db) == (3, 3)
    _integrity(db)


def test_linking_another_inquirer_reindexes_the_inquiry(db):
    receipt = _add(db, "相談", name="鈴木 一郎").receipt_no
    sato = _add(db, "別件", name="佐藤 花子").inquirer.id

    inquiries.update_inquiry(
        db, InquiryChange.read(receipt, {"inquirer": {"id": sato}}), actor=actor_for("clerk")
    )

    assert _found(db, "鈴木") == []
    assert len(_found(db, "佐藤")) == 2


def test_a_tombstone_stays_indexed_but_is_not_listed(db):
    receipt = _add(db, "物産展").receipt_no
    inquiries.delete_inquiry(db, receipt, actor=actor_for("clerk"))
    assert _found(db, "物産展") == []
    assert _index_rows(db) == (1, 1)


def test_removing_a_row_removes_it_from_both_indexes(db):
    keep = _add(db, "物産展の相談").receipt_no
    gone = _add(db, "物産展の出店").receipt_no
    gone_pk = _pk(db, gone)

    with db.write() as session:
        session.execute(text("DELETE FROM inquiry WHERE receipt_no = :r"), {"r": gone})

    assert _index_rows(db) == (1, 1)
    assert gone_pk not in _fts(db, "inquiry_trigram", '"物産展"')
    assert gone_pk not in _fts(db, "inquiry_bigram", '"物産"')
    assert _found(db, "物産展") == [keep]
    _integrity(db)


@pytest.mark.parametrize(
    "query",
    ['"', '" OR "', "AND", "東京 AND", "*", "物*", "NEAR(物産 展)", "(物産", "物産)", "folded:物産",
     "^物産", "物産 NOT 展", '"物産展"', "'", "\\", "%", "_", "物%", "\x00"],
)  # fmt: skip
def test_fts_syntax_neither_errors_nor_injects(db, query):
    receipt = _add(db, "物産展の出店者").receipt_no
    _add(db, "防災訓練")
    other = "SHIBA-2026-00002"
    found = _found(db, query)
    if any(ch.isalnum() for ch in query):
        assert found in ([], [receipt]), f"{query!r} on {SQLITE}"  # matched literally
    else:
        assert found == [receipt, other], query  # nothing searchable: no filter


def test_operators_are_not_applied(db):
    _add(db, "物産展")
    _add(db, "防災訓練")
    assert _found(db, "物産展 OR 防災訓練") == []
    assert _found(db, '"物産展" OR "防災訓練"') == []
    assert search.count_inquiries(db, InquiryFilter(text="NOT 物産展")) == 0


def test_a_rebuild_reads_the_inquiries_in_key_order_whatever_the_statistics(db):
    """FTS5 takes ascending rowids in one sweep; in the inquirer's order (what the planner picks
    once ANALYZE has run over many inquiries per inquirer) it flushed at nearly every row."""
    from db import search_index

    for n in range(6):
        _add(db, f"相談 {n}", name=f"佐藤 {n % 2}")
    (rebuild,) = [s for s in search_index.REBUILD_STATEMENTS if "INTO search_text" in s]
    select = rebuild[rebuild.index("SELECT") :]
    with db.write() as session:
        session.execute(text("ANALYZE"))
        # Statistics as a large office's: many inquiries per inquirer, few inquirers.
        session.execute(text("DELETE FROM sqlite_stat1 WHERE tbl IN ('inquiry', 'inquirer')"))
        session.execute(
            text(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES"
                " ('inquiry', NULL, '1000000'), ('inquirer', NULL, '1000'),"
                " ('inquiry', 'ix_inquiry_inquirer_id', '1000000 1000'),"
                " ('inquirer', 'sqlite_autoindex_inquirer_1', '1000 1')"
            )
        )
    with db.read() as session:
        session.execute(text("ANALYZE sqlite_schema"))  # load the statistics just written
        plan = [row.detail for row in session.execute(text(f"EXPLAIN QUERY PLAN {select}"))]
        order = session.execute(text(select)).all()
    assert plan[0] == "SCAN i", plan
    assert [row[0] for row in order] == sorted(row[0] for row in order)


_REBUILT_TERMS = {
    "inquiry_trigram": ['"防災訓"', '"の相談"', '"観光pr"'],
    "inquiry_bigram": ['"防災"', '"相談"', '"物"*'],
    "inquirer_trigram": ['"0355"', '"みなと"', '"鈴木一"'],
    "inquirer_bigram": ['"佐藤"', '"55"', '"鈴"*'],
}


@pytest.mark.parametrize("table", list(_REBUILT_TERMS))
def test_a_rebuild_indexes_what_the_triggers_indexed(db, table):
    """rebuild() over a database the triggers kept (a migration's case) changes no answer, and
    the triggers keep working after it."""
    from db import search_index

    _add(db, "防災訓練の相談", name="鈴木 一郎", phone="03-5555-0101")
    _add(db, "観光ＰＲの相談", organization="株式会社ミナト")
    _add(db, "物産展", name="佐藤")
    terms = _REBUILT_TERMS[table]
    before = {term: _fts(db, table, term) for term in terms}
    assert all(before.values()), before
    with db.write() as session:
        search_index.rebuild(session.connection())
    assert {term: _fts(db, table, term) for term in terms} == before
    added = _add(db, "防災の相談 その二")
    assert _found(db, "防災") == sorted([*_found(db, "防災訓練"), added.receipt_no])
