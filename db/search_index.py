"""Full-text search over inquiries: a trigram index for 3+ characters, a bigram one for 1-2.

Why two indexes: FTS5's trigram tokenizer cannot match terms shorter than three characters, and
on SQLite 3.40 (Debian 12's Python) its LIKE path silently returns nothing for 1-2 character
non-ASCII patterns. Short terms therefore go to a second FTS5 table whose tokens are overlapping
character pairs (plus the last character alone), so "東" is the prefix query `"東"*` and "東京"
the token `"東京"`. Both read one folded text per inquiry held in `search_text`; the caller
registers the folding functions as SQL functions `rd_fold` and `rd_grams` (db knows no rules).

Triggers keep everything current: inquiry and inquirer changes rewrite `search_text`, and
`search_text` changes feed both indexes with FTS5's 'delete' command on the old text, so no
index ever needs to re-read a row that has since changed.

Because the bigram table is contentless, its 'delete' recomputes the old tokens with
`rd_grams`: a change to the folding rules therefore needs a migration that calls `rebuild`,
or old tokens would be left behind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Exists,
    Select,
    bindparam,
    column,
    exists,
    intersect,
    select,
    table,
    text,
)
from sqlalchemy.orm import InstrumentedAttribute

FOLD_FUNCTION = "rd_fold"
GRAMS_FUNCTION = "rd_grams"
# The duplicate-matching key of a person's name alone (migration 0003 backfills with it).
NAME_KEY_FUNCTION = "rd_name_key"

# The text of one inquiry as the desk searches it: subject, content, who asked, their phone,
# and the places it is about: each target municipality with its prefecture (北海道釧路市; a
# prefecture itself once) and each agreement body's name, so 釧路 finds a case about 釧路市.
_FOLDED_SOURCE = """
    rd_fold(coalesce({row}.subject, '') || ' | ' || coalesce({row}.content, '') || ' | ' ||
            coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = {row}.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = {row}.pk), ''))
"""
# One inquiry's folded text again, after one of its places was added or removed.
_REFRESH_ONE = f"""
        UPDATE search_text SET folded = (
            SELECT {_FOLDED_SOURCE.format(row="i")}
            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = {{pk}}
        ) WHERE pk = {{pk}};"""

_SEARCH_TEXT_INSERTED = """CREATE TRIGGER search_text_ai AFTER INSERT ON search_text BEGIN
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END"""
_SEARCH_TEXT_DELETED = """CREATE TRIGGER search_text_ad AFTER DELETE ON search_text BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END"""

CREATE_STATEMENTS: tuple[str, ...] = (
    "CREATE TABLE search_text (pk INTEGER PRIMARY KEY, folded TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE inquiry_trigram USING fts5("
    "folded, content='search_text', content_rowid='pk', tokenize='trigram')",
    "CREATE VIRTUAL TABLE inquiry_bigram USING fts5("
    "grams, content='', tokenize='unicode61 remove_diacritics 0', prefix='1', detail='none')",
    # search_text -> both indexes
    _SEARCH_TEXT_INSERTED,
    _SEARCH_TEXT_DELETED,
    """CREATE TRIGGER search_text_au AFTER UPDATE OF folded ON search_text
        WHEN OLD.folded IS NOT NEW.folded BEGIN
        INSERT INTO inquiry_trigram(inquiry_trigram, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO inquiry_bigram(inquiry_bigram, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
        INSERT INTO inquiry_trigram(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO inquiry_bigram(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
    # inquiry -> search_text
    f"""CREATE TRIGGER inquiry_search_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO search_text(pk, folded)
            SELECT NEW.pk, {_FOLDED_SOURCE.format(row="NEW")}
            FROM inquirer q WHERE q.id = NEW.inquirer_id;
    END""",
    f"""CREATE TRIGGER inquiry_search_au
        AFTER UPDATE OF subject, content, inquirer_id ON inquiry BEGIN
        UPDATE search_text SET folded = (
            SELECT {_FOLDED_SOURCE.format(row="NEW")} FROM inquirer q WHERE q.id = NEW.inquirer_id
        ) WHERE pk = NEW.pk;
    END""",
    """CREATE TRIGGER inquiry_search_ad AFTER DELETE ON inquiry BEGIN
        DELETE FROM search_text WHERE pk = OLD.pk;
    END""",
    # an inquiry's places -> its search_text (the form replaces them after the inquiry row)
    *(
        f"""CREATE TRIGGER {link}_search_a{event[0].lower()} AFTER {event} ON {link} BEGIN
        {_REFRESH_ONE.format(pk=f"{row}.inquiry_pk")}
    END"""
        for link in ("inquiry_municipality", "inquiry_agreement")
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD"))
    ),
    # inquirer -> search_text of each of its inquiries
    f"""CREATE TRIGGER inquirer_search_au
        AFTER UPDATE OF organization, name, kana, phone_digits ON inquirer BEGIN
        UPDATE search_text SET folded = (
            SELECT {_FOLDED_SOURCE.format(row="i")}
            FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = search_text.pk
        ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id = NEW.id);
    END""",
)

DROP_STATEMENTS: tuple[str, ...] = (
    "DROP TRIGGER IF EXISTS inquiry_agreement_search_ad",
    "DROP TRIGGER IF EXISTS inquiry_agreement_search_ai",
    "DROP TRIGGER IF EXISTS inquiry_municipality_search_ad",
    "DROP TRIGGER IF EXISTS inquiry_municipality_search_ai",
    "DROP TRIGGER IF EXISTS inquirer_search_au",
    "DROP TRIGGER IF EXISTS inquiry_search_ad",
    "DROP TRIGGER IF EXISTS inquiry_search_au",
    "DROP TRIGGER IF EXISTS inquiry_search_ai",
    "DROP TRIGGER IF EXISTS search_text_au",
    "DROP TRIGGER IF EXISTS search_text_ad",
    "DROP TRIGGER IF EXISTS search_text_ai",
    "DROP TABLE IF EXISTS inquiry_bigram",
    "DROP TABLE IF EXISTS inquiry_trigram",
    "DROP TABLE IF EXISTS search_text",
)

# Bulk loads drop the per-row triggers, insert, then call rebuild() once: far faster than
# feeding the indexes row by row. The texts are written first, with the triggers that would
# feed both indexes row by row set aside; then each index is built in one sweep of its own
# (the trigram one by FTS5's 'rebuild' from search_text, the bigram one from the same texts):
# feeding the two alternately cost half as much again. The inquiries are read in key order
# (CROSS JOIN keeps the inquiry the outer loop whatever the statistics say): in the inquirer's
# order (the planner's choice once ANALYZE has run) FTS5 flushed its pending terms at nearly
# every row, two to three times slower.
_REBUILD_STATEMENTS: tuple[str, ...] = (
    "DROP TRIGGER search_text_ai",
    "DROP TRIGGER search_text_ad",
    "DELETE FROM search_text",
    f"""INSERT INTO search_text(pk, folded)
        SELECT i.pk, {_FOLDED_SOURCE.format(row="i")}
        FROM inquiry i CROSS JOIN inquirer q ON q.id = i.inquirer_id
        ORDER BY i.pk""",
    "INSERT INTO inquiry_trigram(inquiry_trigram) VALUES ('rebuild')",
    "INSERT INTO inquiry_bigram(inquiry_bigram) VALUES ('delete-all')",
    "INSERT INTO inquiry_bigram(rowid, grams) SELECT pk, rd_grams(folded) FROM search_text"
    " ORDER BY pk",
    _SEARCH_TEXT_INSERTED,
    _SEARCH_TEXT_DELETED,
)


def create(conn: Connection) -> None:
    for statement in CREATE_STATEMENTS:
        conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    for statement in DROP_STATEMENTS:
        conn.exec_driver_sql(statement)


def rebuild(conn: Connection) -> None:
    """Refill search_text and both indexes from the inquiries; one transaction, the caller's."""
    for statement in _REBUILD_STATEMENTS:
        conn.exec_driver_sql(statement)


# The search text of every inquiry of the inquirers in :ids, as inquirer_search_au writes it
# for one inquirer; a rowid IN (...) is visited in ascending order.
_REFRESH_INQUIRERS = text(f"""
    UPDATE search_text SET folded = (
        SELECT {_FOLDED_SOURCE.format(row="i")}
        FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = search_text.pk
    ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id IN :ids)""").bindparams(
    bindparam("ids", expanding=True)
)
_INQUIRER_TRIGGER = "inquirer_search_au"
_IDS_PER_STATEMENT = 10_000  # well under SQLite's limit of bound variables


@contextmanager
def inquirers_changed_at_once(conn: Connection, ids: Sequence[str]) -> Iterator[None]:
    """Inquirers `ids` changed inside the block; their inquiries' search text rewritten after.

    Why: inquirer_search_au rewrites an inquirer's inquiries as each inquirer row changes, so a
    bulk change (the retention erasing thousands) feeds FTS5 rowids in the inquirers' order,
    and FTS5 flushes its pending terms to a new segment whenever a rowid goes back. Here that
    trigger is set aside for the block and the same rows are rewritten by one statement in
    ascending rowid order, through the same search_text trigger that feeds both indexes: the
    index ends exactly as the per-row path leaves it. The trigger is dropped and created again
    from its own stored SQL inside the caller's transaction, so a failure leaves it in place.
    """
    (created,) = conn.execute(
        text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": _INQUIRER_TRIGGER},
    ).one()
    conn.exec_driver_sql(f"DROP TRIGGER {_INQUIRER_TRIGGER}")
    yield
    for start in range(0, len(ids), _IDS_PER_STATEMENT):
        conn.execute(_REFRESH_INQUIRERS, {"ids": list(ids[start : start + _IDS_PER_STATEMENT])})
    conn.exec_driver_sql(created)


IndexName = Literal["trigram", "bigram"]


@dataclass(frozen=True)
class TermMatch:
    """One search term as an FTS5 MATCH expression against one of the two indexes."""

    index: IndexName
    expression: str


def match_expression(term: str, *, prefix: bool = False) -> str:
    """An FTS5 phrase for `term` with every double quote doubled, so no term is FTS syntax."""
    quoted = '"' + term.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def row_matches(match: TermMatch, pk: ColumnElement[int] | InstrumentedAttribute[int]) -> Exists:
    """Whether the inquiry `pk` names matches the term: the index probed at that one rowid.

    For a term most rows match (`03` in every phone), testing the list's rows in order finds a
    page after a few hundred probes, where `matching_pks` lists every match first."""
    name = f"inquiry_{match.index}"
    fts = table(name, column("rowid"), column(name))
    return exists(
        select(1)
        .select_from(fts)
        .where(fts.c[name].op("MATCH")(match.expression), fts.c.rowid == pk)
    )


def matching_pks(matches: Sequence[TermMatch]) -> Select[int]:
    """Inquiry pks matching every term (AND); the caller joins this to its filters."""
    selects = []
    for match in matches:
        name = f"inquiry_{match.index}"
        fts = table(name, column("rowid"), column(name))
        selects.append(
            select(fts.c.rowid.label("pk")).where(fts.c[name].op("MATCH")(match.expression))
        )
    if not selects:
        raise ValueError("matching_pks needs at least one term")
    if len(selects) == 1:
        return selects[0]
    return select(intersect(*selects).subquery().c.pk)
