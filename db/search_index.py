"""Full-text search over inquiries: a trigram index for 3+ characters, a bigram one for 1-2.

Why two indexes: FTS5's trigram tokenizer cannot match terms shorter than three characters, and
on SQLite 3.40 (Debian 12's Python) its LIKE path silently returns nothing for 1-2 character
non-ASCII patterns. Short terms therefore go to a second FTS5 table whose tokens are overlapping
character pairs (plus the last character alone), so "東" is the prefix query `"東"*` and "東京"
the token `"東京"`. The caller registers the folding functions as SQL functions `rd_fold` and
`rd_grams` (db knows no rules).

Two texts of each inquiry are indexed, each in both ways and under the inquiry's pk: its own
(`search_text`: subject, content, places) and its inquirer's (`inquirer_search_text`:
organisation, name, reading, phone digits). A term matches an inquiry when it is in either
(`row_matches`, `matching_pks`: two rowid streams merged, so a count stops where it is asked to).
Why apart: changing an inquirer (an edit, the retention erasing their name) rewrites only the
short inquirer text of each of their inquiries, where with the inquirer's words inside every
inquiry's one text FTS5 re-read and re-tokenised the whole text of each (the retention's first
run spent two thirds of its time there). A term can therefore no longer match across the two
texts, which only a term holding the separator `|` could. (One row per inquirer rather than per
inquiry was measured too: a common name or digit then joins each matching inquirer to their
inquiries; counting `0` up to 10,000 matches at 200,000 rows took 3.9 s that way, 1 ms over the
merged rowids.)

Triggers keep everything current: inquiry and inquirer changes rewrite the text rows, and a
text row's change feeds its two indexes with FTS5's 'delete' command on the old text, so no
index ever needs to re-read a row that has since changed.

Because the bigram tables are contentless, their 'delete' recomputes the old tokens with
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
    Select,
    TableClause,
    bindparam,
    column,
    exists,
    func,
    intersect,
    or_,
    select,
    table,
    text,
    union,
)
from sqlalchemy.orm import InstrumentedAttribute

FOLD_FUNCTION = "rd_fold"
GRAMS_FUNCTION = "rd_grams"
# The duplicate-matching key of a person's name alone (migration 0003 backfills with it).
NAME_KEY_FUNCTION = "rd_name_key"

# The text of one inquiry as the desk searches it: subject, content, and the places it is
# about: each target municipality with its prefecture (北海道釧路市; a prefecture itself once)
# and each agreement body's name, so 釧路 finds a case about 釧路市.
_INQUIRY_SOURCE = """
    rd_fold(coalesce({row}.subject, '') || ' | ' || coalesce({row}.content, '') || ' | ' ||
            coalesce((SELECT group_concat(
                          CASE WHEN m.name = m.prefecture THEN m.name
                               ELSE m.prefecture || m.name END, ' ')
                      FROM inquiry_municipality im JOIN municipality m ON m.code = im.code
                      WHERE im.inquiry_pk = {row}.pk), '') || ' | ' ||
            coalesce((SELECT group_concat(b.name, ' ')
                      FROM inquiry_agreement ia JOIN agreement_body b ON b.code = ia.code
                      WHERE ia.inquiry_pk = {row}.pk), ''))
"""
# Who asked, as the desk searches them: organisation, name, reading and phone digits (`q` the
# inquirer row).
_INQUIRER_SOURCE = """
    rd_fold(coalesce(q.organization, '') || ' | ' || coalesce(q.name, '') || ' | ' ||
            coalesce(q.kana, '') || ' | ' || coalesce(q.phone_digits, ''))
"""
_LINKS = ("inquiry_municipality", "inquiry_agreement")
# One inquiry's folded text again, after one of its places was added or removed.
_REFRESH_ONE = f"""
        UPDATE search_text SET folded = (
            SELECT {_INQUIRY_SOURCE.format(row="i")} FROM inquiry i WHERE i.pk = {{pk}}
        ) WHERE pk = {{pk}};"""


@dataclass(frozen=True)
class _Texts:
    """One table of folded texts and the two full-text indexes fed from it."""

    table: str
    trigram: str
    bigram: str

    def creates(self) -> tuple[str, ...]:
        return (
            f"CREATE TABLE {self.table} (pk INTEGER PRIMARY KEY, folded TEXT NOT NULL)",
            f"CREATE VIRTUAL TABLE {self.trigram} USING fts5("
            f"folded, content='{self.table}', content_rowid='pk', tokenize='trigram')",
            f"CREATE VIRTUAL TABLE {self.bigram} USING fts5(grams, content='',"
            " tokenize='unicode61 remove_diacritics 0', prefix='1', detail='none')",
            self.inserted(),
            self.deleted(),
            f"""CREATE TRIGGER {self.table}_au AFTER UPDATE OF folded ON {self.table}
        WHEN OLD.folded IS NOT NEW.folded BEGIN
        INSERT INTO {self.trigram}({self.trigram}, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO {self.bigram}({self.bigram}, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
        INSERT INTO {self.trigram}(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO {self.bigram}(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END""",
        )

    def inserted(self) -> str:
        return f"""CREATE TRIGGER {self.table}_ai AFTER INSERT ON {self.table} BEGIN
        INSERT INTO {self.trigram}(rowid, folded) VALUES (NEW.pk, NEW.folded);
        INSERT INTO {self.bigram}(rowid, grams) VALUES (NEW.pk, rd_grams(NEW.folded));
    END"""

    def deleted(self) -> str:
        return f"""CREATE TRIGGER {self.table}_ad AFTER DELETE ON {self.table} BEGIN
        INSERT INTO {self.trigram}({self.trigram}, rowid, folded)
            VALUES ('delete', OLD.pk, OLD.folded);
        INSERT INTO {self.bigram}({self.bigram}, rowid, grams)
            VALUES ('delete', OLD.pk, rd_grams(OLD.folded));
    END"""

    def drops(self) -> tuple[str, ...]:
        return (
            *(f"DROP TRIGGER IF EXISTS {self.table}_a{event}" for event in "udi"),
            f"DROP TABLE IF EXISTS {self.bigram}",
            f"DROP TABLE IF EXISTS {self.trigram}",
            f"DROP TABLE IF EXISTS {self.table}",
        )

    def rebuilds(self, source: str) -> tuple[str, ...]:
        """Refill the texts from `source` (a SELECT of pk and folded text in key order) with
        the per-row triggers that feed the indexes set aside, then each index in one sweep of
        its own (the trigram one by FTS5's 'rebuild', the bigram one from the same texts):
        feeding the two alternately cost half as much again."""
        return (
            f"DROP TRIGGER {self.table}_ai",
            f"DROP TRIGGER {self.table}_ad",
            f"DELETE FROM {self.table}",
            f"INSERT INTO {self.table}(pk, folded) {source}",
            f"INSERT INTO {self.trigram}({self.trigram}) VALUES ('rebuild')",
            f"INSERT INTO {self.bigram}({self.bigram}) VALUES ('delete-all')",
            f"INSERT INTO {self.bigram}(rowid, grams) SELECT pk, rd_grams(folded)"
            f" FROM {self.table} ORDER BY pk",
            self.inserted(),
            self.deleted(),
        )


INQUIRY_TEXTS = _Texts("search_text", "inquiry_trigram", "inquiry_bigram")
INQUIRER_TEXTS = _Texts("inquirer_search_text", "inquirer_trigram", "inquirer_bigram")

# The inquirer text of every inquiry of the inquirer NEW names, as one changed inquirer row.
_INQUIRER_CHANGED = f"""CREATE TRIGGER inquirer_search_au
        AFTER UPDATE OF organization, name, kana, phone_digits ON inquirer BEGIN
        UPDATE inquirer_search_text SET folded = (
            SELECT {_INQUIRER_SOURCE} FROM inquirer q WHERE q.pk = NEW.pk
        ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id = NEW.id);
    END"""

CREATE_STATEMENTS: tuple[str, ...] = (
    *INQUIRY_TEXTS.creates(),
    *INQUIRER_TEXTS.creates(),
    # inquiry -> its two texts
    f"""CREATE TRIGGER inquiry_search_ai AFTER INSERT ON inquiry BEGIN
        INSERT INTO search_text(pk, folded) VALUES (NEW.pk, {_INQUIRY_SOURCE.format(row="NEW")});
        INSERT INTO inquirer_search_text(pk, folded)
            SELECT NEW.pk, {_INQUIRER_SOURCE} FROM inquirer q WHERE q.id = NEW.inquirer_id;
    END""",
    f"""CREATE TRIGGER inquiry_search_au AFTER UPDATE OF subject, content ON inquiry BEGIN
        UPDATE search_text SET folded = {_INQUIRY_SOURCE.format(row="NEW")} WHERE pk = NEW.pk;
    END""",
    f"""CREATE TRIGGER inquiry_inquirer_search_au AFTER UPDATE OF inquirer_id ON inquiry BEGIN
        UPDATE inquirer_search_text SET folded = (
            SELECT {_INQUIRER_SOURCE} FROM inquirer q WHERE q.id = NEW.inquirer_id
        ) WHERE pk = NEW.pk;
    END""",
    """CREATE TRIGGER inquiry_search_ad AFTER DELETE ON inquiry BEGIN
        DELETE FROM search_text WHERE pk = OLD.pk;
        DELETE FROM inquirer_search_text WHERE pk = OLD.pk;
    END""",
    # an inquiry's places -> its search_text (the form replaces them after the inquiry row)
    *(
        f"""CREATE TRIGGER {link}_search_a{event[0].lower()} AFTER {event} ON {link} BEGIN
        {_REFRESH_ONE.format(pk=f"{row}.inquiry_pk")}
    END"""
        for link in _LINKS
        for event, row in (("INSERT", "NEW"), ("DELETE", "OLD"))
    ),
    # inquirer -> the inquirer text of each of their inquiries
    _INQUIRER_CHANGED,
)

DROP_STATEMENTS: tuple[str, ...] = (
    *(
        f"DROP TRIGGER IF EXISTS {link}_search_a{suffix}"
        for link in reversed(_LINKS)
        for suffix in "di"
    ),
    "DROP TRIGGER IF EXISTS inquirer_search_au",
    "DROP TRIGGER IF EXISTS inquiry_inquirer_search_au",
    *(f"DROP TRIGGER IF EXISTS inquiry_search_a{event}" for event in "dui"),
    *INQUIRER_TEXTS.drops(),
    *INQUIRY_TEXTS.drops(),
)

# Bulk loads drop the per-row triggers, insert, then call rebuild() once: far faster than
# feeding the indexes row by row. The inquiries are read in key order (CROSS JOIN keeps the
# inquiry the outer loop whatever the statistics say): in the inquirer's order (the planner's
# choice once ANALYZE has run) FTS5 flushed its pending terms at nearly every row, two to
# three times slower.
REBUILD_STATEMENTS: tuple[str, ...] = (
    *INQUIRY_TEXTS.rebuilds(
        f"SELECT i.pk, {_INQUIRY_SOURCE.format(row='i')} FROM inquiry i ORDER BY i.pk"
    ),
    *INQUIRER_TEXTS.rebuilds(
        f"SELECT i.pk, {_INQUIRER_SOURCE} FROM inquiry i CROSS JOIN inquirer q"
        " ON q.id = i.inquirer_id ORDER BY i.pk"
    ),
)


def create(conn: Connection) -> None:
    for statement in CREATE_STATEMENTS:
        conn.exec_driver_sql(statement)


def drop(conn: Connection) -> None:
    for statement in DROP_STATEMENTS:
        conn.exec_driver_sql(statement)


def rebuild(conn: Connection) -> None:
    """Refill both texts and all four indexes from the rows; one transaction, the caller's."""
    for statement in REBUILD_STATEMENTS:
        conn.exec_driver_sql(statement)


# The inquirer text of every inquiry of the inquirers in :ids, as inquirer_search_au writes it
# for one inquirer; a rowid IN (...) is visited in ascending order.
_REFRESH_INQUIRERS = text(f"""
    UPDATE inquirer_search_text SET folded = (
        SELECT {_INQUIRER_SOURCE}
        FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id WHERE i.pk = inquirer_search_text.pk
    ) WHERE pk IN (SELECT pk FROM inquiry WHERE inquirer_id IN :ids)""").bindparams(
    bindparam("ids", expanding=True)
)
_INQUIRER_TRIGGER = "inquirer_search_au"
_IDS_PER_STATEMENT = 10_000  # well under SQLite's limit of bound variables


@contextmanager
def inquirers_changed_at_once(conn: Connection, ids: Sequence[str]) -> Iterator[None]:
    """Inquirers `ids` changed inside the block; their inquiries' inquirer text rewritten after.

    Why: inquirer_search_au rewrites an inquirer's inquiries as each inquirer row changes, so a
    bulk change (the retention erasing thousands) feeds FTS5 rowids in the inquirers' order,
    and FTS5 flushes its pending terms to a new segment whenever a rowid goes back. Here that
    trigger is set aside for the block and the same rows are rewritten by one statement in
    ascending rowid order, through the same text trigger that feeds both indexes: the index
    ends exactly as the per-row path leaves it. The trigger is dropped and created again from
    its own stored SQL inside the caller's transaction, so a failure leaves it in place.
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


def _index(match: TermMatch, texts: _Texts) -> TableClause:
    name = texts.trigram if match.index == "trigram" else texts.bigram
    return table(name, column("rowid"), column(name))


def _matched(fts: TableClause, match: TermMatch) -> ColumnElement[bool]:
    return fts.c[fts.name].op("MATCH")(match.expression)


def _each_index(match: TermMatch) -> tuple[TableClause, TableClause]:
    """The term's index over the inquiries' own texts and over their inquirers'."""
    return _index(match, INQUIRY_TEXTS), _index(match, INQUIRER_TEXTS)


def row_matches(
    match: TermMatch, pk: ColumnElement[int] | InstrumentedAttribute[int]
) -> ColumnElement[bool]:
    """Whether the inquiry `pk` names matches the term: both indexes probed at that one rowid.

    For a term most rows match (`03` in every phone), testing the list's rows in order finds a
    page after a few hundred probes, where `matching_pks` lists every match first."""
    return or_(
        *(
            exists(select(1).select_from(fts).where(_matched(fts, match), fts.c.rowid == pk))
            for fts in _each_index(match)
        )
    )


def _term_pks(match: TermMatch) -> Select[int]:
    """Inquiry pks the one term matches in either text: two ascending rowid streams merged
    (UNION ... ORDER BY pk, a merge of FTS5's own order, no temporary table), so a count with
    a limit reads no further than the limit."""
    own, asker = _each_index(match)
    merged = union(
        select(own.c.rowid.label("pk")).where(_matched(own, match)),
        select(asker.c.rowid.label("pk")).where(_matched(asker, match)),
    ).order_by(column("pk"))
    return select(merged.subquery().c.pk)


def matching_pks(matches: Sequence[TermMatch]) -> Select[int]:
    """Inquiry pks matching every term (AND); the caller joins this to its filters."""
    selects = [_term_pks(match) for match in matches]
    if not selects:
        raise ValueError("matching_pks needs at least one term")
    if len(selects) == 1:
        return selects[0]
    return select(intersect(*selects).subquery().c.pk)


def match_count(matches: Sequence[TermMatch]) -> Select[int]:
    """How many inquiries (deleted ones too) match every term. One term: each index counts
    alone and the inquiries matched in both texts are taken off once, found by a merge that
    ends with the shorter list (a digit or a name is in one text only: `0` at 1,000,000 rows
    costs the count of its one index); several terms: their `matching_pks` counted."""
    if len(matches) != 1:
        return select(func.count()).select_from(matching_pks(matches).subquery())
    (match,) = matches
    own, asker = _each_index(match)
    counts = [
        select(func.count()).select_from(fts).where(_matched(fts, match)).scalar_subquery()
        for fts in (own, asker)
    ]
    both = intersect(
        select(own.c.rowid.label("pk")).where(_matched(own, match)),
        select(asker.c.rowid.label("pk")).where(_matched(asker, match)),
    ).order_by(column("pk"))
    overlap = select(func.count()).select_from(both.subquery()).scalar_subquery()
    return select(counts[0] + counts[1] - overlap)


def text_holds(pk: ColumnElement[int], needle: str) -> ColumnElement[bool]:
    """Whether either folded text of the inquiry `pk` holds `needle` (instr): what the indexes
    answer, tested on one row (services.search's walk of the list's first rows)."""
    return or_(
        *(
            exists(select(1).where(texts.c.pk == pk, func.instr(texts.c.folded, needle) > 0))
            for texts in (
                table(name, column("pk"), column("folded"))
                for name in (INQUIRY_TEXTS.table, INQUIRER_TEXTS.table)
            )
        )
    )
