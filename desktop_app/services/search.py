"""Finding inquiries: free text, filters, counts and ordered pages, all in SQL.

Nothing here loads a table into Python. Lists page by the local integer key: `first_rows` gives
the first screenful at once, `ordered_pks` the whole ordered key list (a few MB at 1,000,000
rows, fetched off the GUI thread), and `rows_by_pk` the rows of any page of it.
Free text goes to the trigram index for terms of 3+ characters and to the bigram index for
1-2 characters (db.search_index says why); a term written like a phone number is searched as
its digits, so 03-5555-0101 and (03)5555-0101 find the same inquirer. A term may end (or start)
with `*` as people write a wildcard (`東*`, `東京都*`): every term already matches anywhere in
the text, so "followed by anything" is the term itself and the asterisks are set aside.

A role that sees phones masked (a clerk) must not recover one by searching for its digits a
few at a time (`鈴木 5555`, `鈴木 5556` ...): with `phones_whole`, which `list_inquiries`,
`iter_inquiries` and the window's list set for such a role, a term holding a digit matches the
text the list shows (subject, content, organisation, name, reading) and a phone only as the
whole number. E-mail addresses are not in the search text at all.

A query of one term written like a receipt number (SHIBA-2026-01412, 2026-01412, 01412, 1412,
in either width) also finds the inquiries with that number, listed before the text matches:
a clerk reads the number off a 相談票 or hears it on the phone (domain.receipt.receipt_query).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from array import array
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    and_,
    case,
    column,
    exists,
    func,
    literal_column,
    or_,
    select,
)
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session, aliased

from db.engine import Database
from db.models import (
    Inquirer,
    Inquiry,
    InquiryAgreement,
    InquiryField,
    InquiryMunicipality,
    Municipality,
)
from db.search_index import (
    TermMatch,
    match_count,
    match_expression,
    matching_pks,
    row_matches,
    text_holds,
)
from desktop_app.domain import fields, text
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.local_time import local_today
from desktop_app.domain.receipt import receipt_query
from desktop_app.services.followups import overdue_clause
from desktop_app.services.list_rows import (
    EXTRA,
    InquiryFilter,
    InquiryRow,
    ListHead,
    SortKey,
    for_actor,
    list_row,
)
from desktop_app.services.listed import as_listed_all as _as_listed
from desktop_app.services.records import InquiryRecord, inquiry_record
from desktop_app.services.stale_reads import Staleness, watched

_SORT_COLUMNS: dict[str, Any] = {
    "received_at": Inquiry.received_at,
    "receipt_no": Inquiry.receipt_no,
    "status": Inquiry.status,
    "follow_up_due": Inquiry.follow_up_due,
    "office": Inquiry.office_code,
}
_IN_CHUNK = 500  # stays well under SQLite's bound-parameter limit
# Unary plus keeps SQLite from driving a query by the rowid IN-list of the full-text matches.
# For a term found in thousands of rows, walking the list's own index (deleted, received_at)
# and testing each row against the matches stops after one page; driving by the matches would
# fetch and sort all of them first (measured at 1,000,000 rows: 33 ms against 285 ms).
_PK_UNINDEXED = literal_column("+inquiry.pk", Integer)
_COMMON_MATCHES = 2_000
# A term matched by this share of the inquiries is tested row by row as the list's index is
# walked (`row_matches`): at 1,000,000 rows `03` finds its first page in 6 ms that way and in
# 100 ms by listing its 700,000 matches first; at 17 % (`商`) both take about 20 ms.
_PROBE_SHARE = 0.2
# A wildcard at either end of a term, in either width (＊ folds to * only later).
_WILDCARDS = "*＊"
_WHOLE_PHONE = 10  # digits of the shortest whole Japanese phone number (03-5555-0101)
# The first rows of the list walked for a first page before the index lists the matches
# instead (`_walked_first_pks`): a term in 1 row of 20 fills a page within them; at about 2 µs
# a row the walk costs at most 4 ms at 1,000,000 rows.
_WALK_ROWS = 2_000
_WALK_SHARE = 100 / _WALK_ROWS  # a longer term's share of the rows that fills a page there
_WALKED_SORTS = frozenset({"received_at", "follow_up_due", "receipt_no"})  # an index's order


# The list's values a row names itself; any other inquiry field the catalogue puts in the list
# is read into its `extra`.
_ROW_NAMED = frozenset(f.name for f in dataclasses.fields(InquiryRow)) | {"office", "inquirer"}


def _extra_columns() -> list[Any]:
    """The model's columns of the catalogue's list fields a row does not name (codes lists
    are not list columns)."""
    return [
        getattr(Inquiry, f.attribute).label(f"{EXTRA}{f.key}")
        for f in fields.list_columns()
        if f.entity == "inquiry" and f.key not in _ROW_NAMED and f.kind is not fields.Kind.CODES
    ]


def term_matches(query: str) -> list[TermMatch]:
    """Each term of a free-text query as an index match (see the module docstring)."""
    matches = []
    for term in _searched_terms(query):
        if len(term) >= 3:
            matches.append(TermMatch("trigram", match_expression(term)))
        else:
            matches.append(TermMatch("bigram", match_expression(term, prefix=len(term) == 1)))
    return matches


def _searched_terms(query: str) -> Iterator[str]:
    """Each term as the indexes are asked for it: folded (a phone number as its digits), the
    wildcards set aside; a 1-2 character term as its letters and digits alone (the bigram
    index holds nothing else), left out when it has none."""
    for written in query.split():
        raw = written.strip(_WILDCARDS)
        term = text.digits(raw) if text.looks_like_phone(raw) else text.fold(raw)
        searched = term if len(term) >= 3 else "".join(ch for ch in term if ch.isalnum())
        if searched:
            yield searched


def receipt_clause(query: str) -> ColumnElement[bool] | None:
    """The inquiries whose receipt number the query names (None: it names none).

    The exact number is one look-up in the unique index; a serial ends many numbers (one an
    office and fiscal year), found by a scan of that index's keys, short text only.
    """
    terms = query.split()
    named = receipt_query(terms[0].strip(_WILDCARDS)) if len(terms) == 1 else None
    if named is None:
        return None
    if named.exact is not None:
        return Inquiry.receipt_no == named.exact
    assert named.suffix is not None
    # Each office and fiscal year's number with this serial, looked up in the unique index,
    # then held to the whole suffix: a LIKE '%…' read every key (seconds at 1,000,000).
    serial = named.suffix.rsplit("-", 1)[1]
    candidates = select(_RECEIPT_PREFIXES.c.prefix.op("||")(f"-{serial}"))
    return and_(Inquiry.receipt_no.in_(candidates), Inquiry.receipt_no.like(f"%{named.suffix}"))


# Every receipt number's part before its 5-digit serial ("SHIBA-2026" of SHIBA-2026-01412),
# once each: a skip scan of the unique index, one seek per office and fiscal year (a key past
# `prefix || '~'` starts the next one, '~' sorting after every character of a serial).
_RECEIPT_PREFIXES = (
    sql_text(
        """
        WITH RECURSIVE prefixes(prefix) AS (
            SELECT (SELECT substr(receipt_no, 1, length(receipt_no) - 6) FROM inquiry
                    ORDER BY receipt_no LIMIT 1)
            UNION ALL
            SELECT (SELECT substr(i.receipt_no, 1, length(i.receipt_no) - 6) FROM inquiry i
                    WHERE i.receipt_no > prefixes.prefix || '~' ORDER BY i.receipt_no LIMIT 1)
            FROM prefixes WHERE prefixes.prefix IS NOT NULL
        )
        SELECT prefix FROM prefixes WHERE prefix IS NOT NULL
        """
    )
    .columns(column("prefix", String))
    .subquery("receipt_prefixes")
)


def count_inquiries(db: Database, flt: InquiryFilter, *, stale: Staleness | None = None) -> int:
    """How many match. With free text alone (the common case) the index counts on its own and
    only the few deleted matches are looked up, instead of visiting every matching row.
    `stale`: see `first_page`."""
    with db.read() as session, watched(session, stale):
        return _count(session, flt, term_matches(flt.text))


def first_rows(
    db: Database,
    flt: InquiryFilter,
    sort: SortKey = "received_at",
    descending: bool = True,
    limit: int = 100,
) -> list[InquiryRow]:
    with db.read() as session:
        matches = term_matches(flt.text)
        pks = _first_pks(session, flt, sort, descending, limit, _common(session, matches, flt=flt))
    return rows_by_pk(db, pks, today=flt.today)


def first_page(
    db: Database,
    flt: InquiryFilter,
    sort: SortKey = "received_at",
    descending: bool = True,
    limit: int = 100,
    *,
    stale: Staleness | None = None,
) -> tuple[int, list[InquiryRow]]:
    """`count_inquiries` and `first_rows` in one read, counting the full-text matches once.

    The list's first load needs both; asked separately, a common term's matches were counted
    twice (once for the count, once to choose how to walk them). Free text alone: that one
    count answers both. With filters: a filtered count past the threshold settles the choice,
    since the raw matches can only be more. `stale`: a newer keystroke may stop the read
    (services/stale_reads.py).
    """
    head = list_head(db, flt, sort, descending, limit, stale=stale, count=True)
    assert head.count is not None
    return head.count, head.rows


def list_head(
    db: Database,
    flt: InquiryFilter,
    sort: SortKey = "received_at",
    descending: bool = True,
    limit: int = 100,
    *,
    stale: Staleness | None = None,
    count: bool = False,
) -> ListHead:
    """The first `limit` rows; their count too when `count`, or when the index gives it at
    once (free text alone naming no receipt number, or no condition at all). Search as you
    type paints the rows first: a count that walks rows (a receipt number's, a filtered one)
    or a short term's (the index counting 100,000s of matches) comes after, from
    `count_inquiries`. Free text is first counted by the index up to the share of the rows
    that fills a page within the list's first rows: a common text's page is then looked for
    there (`_walked_first_pks`, its full count after); a rarer one's count is already whole
    and its page comes from the index. See `first_page` for the rest."""
    with db.read() as session, watched(session, stale):
        matches = term_matches(flt.text)
        matched = None
        if matches and _text_alone(flt) and not count:
            bound = max(int(_WALK_SHARE * _rows_about(session)), limit)
            seen = _match_count(session, matches, up_to=bound)
            if seen >= bound:
                walked = _walked_first_pks(session, flt, sort, descending, limit)
                if walked is not None:
                    return ListHead(None, rows_by_pk(db, walked, today=flt.today))
            else:
                matched = seen  # every match counted
        if matched is None and matches and _text_alone(flt):
            matched = _match_count(session, matches)
        counted = (
            _count(session, flt, matches, matched=matched) if count or _text_only(flt) else None
        )
        common = _common(session, matches, flt=flt, matched=matched, at_least=counted or 0)
        probe = matched is not None and matched >= _PROBE_SHARE * _rows_about(session)
        pks = _first_pks(session, flt, sort, descending, limit, common, probe=probe)
    if stale is not None:
        stale.check()
    return ListHead(counted, rows_by_pk(db, pks, today=flt.today))


def _walked_first_pks(
    session: Session, flt: InquiryFilter, sort: SortKey, descending: bool, limit: int
) -> list[int] | None:
    """The first page of free text alone, found among the first _WALK_ROWS rows of the list
    in its order (after the receipt numbers it names, if any), each row's two folded search
    texts, its own and its inquirer's (what the indexes read), tested with instr; None when
    they hold fewer matches than the page needs (a rarer term: the index lists its matches
    instead, `_first_pks`).

    A common term's first page comes at once this way (`商` at 1,000,000 rows: 0.5 ms, where
    listing its 170,000 matches to walk against took 40 ms), and the page is exact: the rows
    walked are the list's first ones in its order. instr on the folded text is what the
    indexes answer: the trigram index matches a substring, the bigram one letters and digits
    within a run (`grams`), which is where a term's own letters and digits occur. Only for
    an order an index walks, and not for digits a masked list must hold to its shown text.
    """
    if sort not in _WALKED_SORTS or not _text_alone(flt):
        return None
    needles = list(_searched_terms(flt.text))
    if not needles or (flt.phones_whole and any(char.isdigit() for char in flt.text)):
        return None
    named = receipt_clause(flt.text)
    # The numbers named come first, as in `_first_pks`; the walk finds the text's matches.
    first = (
        []
        if named is None
        else list(session.scalars(_in_order(_filtered(flt).where(named), sort, descending)))
    )
    wanted = limit - len(first)
    if wanted <= 0:
        return first[:limit]
    key = _SORT_COLUMNS[sort]
    ordered = _in_order(
        select(Inquiry.pk, key.label("key")).where(Inquiry.deleted.is_(False)), sort, descending
    )
    walked = ordered.limit(_WALK_ROWS).subquery()
    tested = [text_holds(walked.c.pk, needle) for needle in needles]
    order = (walked.c.key.desc(), walked.c.pk.desc()) if descending else (walked.c.key, walked.c.pk)
    matched = select(walked.c.pk).where(*tested, walked.c.pk.not_in(first))
    found = list(session.connection().execute(matched.order_by(*order).limit(wanted)).scalars())
    return first + found if len(found) == wanted else None


def _rows_about(session: Session) -> int:
    """About how many inquiries there are: the newest key (one look-up, where count(*) reads
    an index at 1,000,000 rows)."""
    return session.scalar(select(func.max(Inquiry.pk))) or 0


def ordered_pks(
    db: Database,
    flt: InquiryFilter,
    sort: SortKey = "received_at",
    descending: bool = True,
    *,
    stale: Staleness | None = None,
) -> array[int]:
    """Every matching key in list order: the list model's row index (`stale`: see
    `first_page`; seconds at 1,000,000 rows, so the one read worth stopping)."""
    with db.read() as session, watched(session, stale):
        return _ordered_keys(session, flt, sort, descending)


def _ordered_keys(
    session: Session, flt: InquiryFilter, sort: SortKey, descending: bool
) -> array[int]:
    result = session.connection().execute(_ordered(flt, sort, descending))
    return array("q", (row[0] for row in result))


def list_rows_select() -> Select[*tuple[Any, ...]]:
    """The list's columns of an inquiry and its inquirer, labelled as `list_row` reads them;
    the caller says which inquiries (also compiled for the start-up's light read,
    services/light_sql_source.py)."""
    return select(
        Inquiry.pk,
        Inquiry.receipt_no,
        Inquiry.received_at,
        Inquiry.office_code,
        Inquiry.status,
        Inquiry.subject,
        Inquirer.organization,
        Inquirer.name,
        Inquiry.relationship_code.label("relationship_code"),
        Inquiry.channel,
        Inquiry.follow_up_due,
        *_extra_columns(),
    ).join(Inquirer, Inquirer.id == Inquiry.inquirer_id)


def rows_by_pk(
    db: Database, pks: Sequence[int], *, today: dt.date | None = None
) -> list[InquiryRow]:
    """The list rows of `pks`, in the order given."""
    on = today or local_today()
    found: dict[int, InquiryRow] = {}
    with db.read() as session:
        for start in range(0, len(pks), _IN_CHUNK):
            chunk = pks[start : start + _IN_CHUNK]
            statement = list_rows_select().where(Inquiry.pk.in_(chunk))
            # Core, not the ORM's result handling: plain columns (a third of the time).
            for row in session.connection().execute(statement):
                found[row.pk] = list_row(dict(row._mapping), on)
    return [found[pk] for pk in pks if pk in found]


def position_of(
    db: Database,
    flt: InquiryFilter,
    receipt_no: str,
    sort: SortKey = "received_at",
    descending: bool = True,
) -> int | None:
    """The row of `receipt_no` in the list of `flt` in this order, or None when it is not on it.

    Counts the rows that sort before it (an index range, not a walk of the list), so a case
    opened from elsewhere can be selected in a list of any length.
    """
    column = _SORT_COLUMNS[sort]
    with db.read() as session:
        target = session.execute(
            select(Inquiry.pk, column.label("value")).where(
                Inquiry.receipt_no == receipt_no.strip().upper(), Inquiry.deleted.is_(False)
            )
        ).first()
        if target is None:
            return None
        if receipt_clause(flt.text) is not None:
            # Named receipts sort first: no index range says how many rows are ahead.
            keys = _ordered_keys(session, flt, sort, descending)
            return keys.index(target.pk) if target.pk in keys else None
        listed = _filtered(flt).where(Inquiry.pk == target.pk)
        if session.scalar(select(func.count()).select_from(listed.subquery())) == 0:
            return None
        before = _sorts_before(column, target.value, target.pk, descending)
        ahead = select(func.count()).select_from(_filtered(flt).where(before).subquery())
        return session.scalar(ahead) or 0


def _sorts_before(column: Any, value: Any, pk: int, descending: bool) -> Any:
    """Rows ahead of (value, pk) in the list's order; SQLite sorts NULL as the smallest value."""
    tie = and_(column.is_(None) if value is None else column == value, Inquiry.pk > pk)
    if descending:
        if value is None:
            return or_(column.is_not(None), tie)
        return or_(column > value, tie)
    tie = and_(column.is_(None) if value is None else column == value, Inquiry.pk < pk)
    if value is None:
        return tie
    return or_(column.is_(None), column < value, tie)


def list_inquiries(
    db: Database, flt: InquiryFilter, limit: int = 50, *, actor: Actor
) -> tuple[int, list[InquiryRecord]]:
    """Count and records of the newest matches (the CLI's `inquiry list`); the inquirers'
    personal fields masked for a role that may not list them (domain.pii.masked)."""
    actor.require(Permission.RECORD)
    flt = for_actor(flt, actor)
    count = count_inquiries(db, flt)
    with db.read() as session:
        pks = list(session.scalars(_ordered(flt, "received_at", True).limit(limit)))
        return count, _as_listed(_records(session, pks), actor)


def _text_alone(flt: InquiryFilter) -> bool:
    """No filter but the free text (and the day it is judged on)."""
    return flt == InquiryFilter(text=flt.text, today=flt.today)


def _text_only(flt: InquiryFilter) -> bool:
    """Free text alone, counted by the index alone (a receipt number is not in the index)."""
    return _text_alone(flt) and receipt_clause(flt.text) is None


def _match_count(session: Session, matches: list[TermMatch], *, up_to: int | None = None) -> int:
    """How many inquiries (deleted ones too) the full-text index matches: FTS5 counts alone
    (`up_to`: counting stops there, a few ms where a common term's whole count takes tens)."""
    if up_to is None:
        return session.scalar(match_count(matches)) or 0
    listed = matching_pks(matches).limit(up_to)
    return session.scalar(select(func.count()).select_from(listed.subquery())) or 0


def _count(
    session: Session, flt: InquiryFilter, matches: list[TermMatch], *, matched: int | None = None
) -> int:
    """The match count; `matched`, when known, is `_match_count(session, matches)`."""
    places = _place_pks(flt)
    if places is not None and flt == _only_places(flt):
        # One place alone: counted in its code table's index, as the text index counts.
        listed = select(func.count(func.distinct(places.c.inquiry_pk)))
        deleted_places = select(func.count()).where(
            Inquiry.deleted.is_(True), _PK_UNINDEXED.in_(select(places.c.inquiry_pk))
        )
        return (session.scalar(listed) or 0) - (session.scalar(deleted_places) or 0)
    named = receipt_clause(flt.text)
    if named is not None and matches and _text_alone(flt):
        # The text's matches as any text's are counted (the index alone), plus the few named
        # numbers it does not match: counting "named or matched" row by row read every match.
        text_alone = _text_count(session, matches, matched)
        unmatched = _filtered(flt).where(
            named, ~and_(*(row_matches(match, Inquiry.pk) for match in matches))
        )
        return text_alone + (
            session.scalar(select(func.count()).select_from(unmatched.subquery())) or 0
        )
    if not _text_only(flt):
        return session.scalar(select(func.count()).select_from(_filtered(flt).subquery())) or 0
    if matches:
        return _text_count(session, matches, matched)
    everything = session.scalar(select(func.count()).select_from(Inquiry)) or 0
    deleted = select(func.count()).where(Inquiry.deleted.is_(True))
    return everything - (session.scalar(deleted) or 0)


def _text_count(session: Session, matches: list[TermMatch], matched: int | None) -> int:
    """The live inquiries the terms match: the index's count less the deleted ones."""
    everything = _match_count(session, matches) if matched is None else matched
    deleted = select(func.count()).where(
        Inquiry.deleted.is_(True), _PK_UNINDEXED.in_(matching_pks(matches))
    )
    return everything - (session.scalar(deleted) or 0)


def _common(
    session: Session,
    matches: list[TermMatch],
    *,
    flt: InquiryFilter,
    matched: int | None = None,
    at_least: int = 0,
) -> bool:
    """Whether the terms (or the one place) match so many rows that walking the list's index
    is faster.

    `matched` is the match count if already known; `at_least` a number it cannot be below
    (a filtered count), which may settle the question without counting.
    """
    if not matches:
        places = _place_pks(flt)
        if places is None:
            return False
        found = session.scalar(select(func.count()).select_from(places)) or 0
        return found >= _COMMON_MATCHES
    if matched is None:
        if at_least >= _COMMON_MATCHES:
            return True
        matched = _match_count(session, matches)
    return matched >= _COMMON_MATCHES


def _first_pks(
    session: Session,
    flt: InquiryFilter,
    sort: SortKey,
    descending: bool,
    limit: int,
    common: bool,
    *,
    probe: bool = False,
) -> list[int]:
    named = receipt_clause(flt.text)
    if named is None:
        ordered = _ordered(flt, sort, descending, walk_index=common, probe=probe)
        return list(session.scalars(ordered.limit(limit)))
    # The numbers named come first (a few rows), then the text's matches in list order, read
    # as any text's are: ordering everything by "named first" sorted every match.
    first = list(session.scalars(_in_order(_filtered(flt).where(named), sort, descending)))
    rest = _in_order(
        _filtered(flt, walk_index=common, receipts=False, probe=probe).where(
            Inquiry.pk.not_in(first)
        ),
        sort,
        descending,
    )
    return (first + list(session.scalars(rest.limit(limit))))[:limit]


def iter_inquiries(db: Database, flt: InquiryFilter, *, actor: Actor) -> Iterator[InquiryRecord]:
    """Every match as a record, newest first, however many there are (`list --all`), masked
    as `list_inquiries` masks them.

    Pages through the ordered key list (`ordered_pks`) in one read transaction, so the stream
    is one consistent snapshot and memory holds one page of records at a time.
    """
    flt = for_actor(flt, actor)
    with db.read() as session:
        pks = _ordered_keys(session, flt, "received_at", True)
        for start in range(0, len(pks), _IN_CHUNK):
            yield from _as_listed(_records(session, pks[start : start + _IN_CHUNK]), actor)


def as_listed(record: InquiryRecord, actor: Actor) -> InquiryRecord:
    """One record as a list shows it to `actor`: what `inquiry add` and `inquiry update`
    print, since neither is a request to read the inquirer (`inquiry show` is, audited)."""
    return _as_listed([record], actor)[0]


def _records(session: Session, pks: Sequence[int]) -> list[InquiryRecord]:
    """Full records of `pks` in the order given (their lists arrive by selectin loads)."""
    rows = session.scalars(select(Inquiry).where(Inquiry.pk.in_(pks)))
    by_pk = {row.pk: inquiry_record(row) for row in rows}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def _ordered(
    flt: InquiryFilter,
    sort: SortKey,
    descending: bool,
    *,
    walk_index: bool = False,
    probe: bool = False,
) -> Select[int]:
    named = receipt_clause(flt.text)
    filtered = _filtered(flt, walk_index=walk_index and named is None, probe=probe)
    # The inquiries a receipt number names come first, whatever the order.
    return _in_order(filtered, sort, descending, first=named)


def _in_order(
    statement: Select[int],
    sort: SortKey,
    descending: bool,
    *,
    first: ColumnElement[bool] | None = None,
) -> Select[int]:
    """`statement` in the list's order (`first`: the rows it holds before all others)."""
    column = _SORT_COLUMNS[sort]
    ahead = () if first is None else (case((first, 0), else_=1),)
    if descending:
        return statement.order_by(*ahead, column.desc(), Inquiry.pk.desc())
    return statement.order_by(*ahead, column.asc(), Inquiry.pk.asc())


def _filtered(
    flt: InquiryFilter,
    *,
    walk_index: bool = False,
    receipts: bool = True,
    probe: bool = False,
) -> Select[int]:
    """The list's rows for `flt` (`receipts=False`: its text as text alone, not as the
    receipt numbers it may name; `probe`: each row tested against the index, `row_matches`)."""
    statement = select(Inquiry.pk).where(Inquiry.deleted.is_(False))
    matches = term_matches(flt.text)
    named = receipt_clause(flt.text) if receipts else None
    key = _PK_UNINDEXED if walk_index else Inquiry.pk
    if matches:
        text_match: ColumnElement[bool] = (
            and_(*(row_matches(match, Inquiry.pk) for match in matches))
            if probe
            else key.in_(matching_pks(matches))
        )
        if flt.phones_whole:  # a receipt number is no phone: only the text match is narrowed
            text_match = and_(text_match, *_digits_not_from_phones(flt.text))
        statement = statement.where(text_match if named is None else or_(named, text_match))
    if flt.date_from is not None:
        statement = statement.where(Inquiry.received_at >= flt.date_from)
    if flt.date_to is not None:
        statement = statement.where(Inquiry.received_at <= flt.date_to)
    if flt.statuses:
        statement = statement.where(Inquiry.status.in_(flt.statuses))
    if flt.office:
        statement = statement.where(Inquiry.office_code == flt.office)
    if flt.relationship:
        statement = statement.where(Inquiry.relationship_code == flt.relationship)
    if flt.field:
        tagged = select(InquiryField.inquiry_pk).where(InquiryField.code == flt.field)
        statement = statement.where(Inquiry.pk.in_(tagged))
    if flt.inquirer_type:
        of_type = select(Inquirer.id).where(Inquirer.type == flt.inquirer_type)
        statement = statement.where(Inquiry.inquirer_id.in_(of_type))
    if flt.overdue_only:
        statement = statement.where(overdue_clause(flt.today or local_today()))
    return _by_place(statement, flt, key)


def _digits_not_from_phones(query: str) -> list[Any]:
    """For each term holding a digit: it is in the text a masked list shows, or it is the
    inquirer's whole phone number. The index has already narrowed the rows to a few."""
    conditions: list[Any] = []
    for written in query.split():
        raw = written.strip(_WILDCARDS)
        folded = text.fold(raw)
        if not any(char.isdigit() for char in folded):
            continue
        inquirer = aliased(Inquirer)
        shown = func.rd_fold(
            func.coalesce(Inquiry.subject, "").op("||")(" | ")
            .op("||")(func.coalesce(Inquiry.content, "")).op("||")(" | ")
            .op("||")(func.coalesce(inquirer.organization, "")).op("||")(" | ")
            .op("||")(func.coalesce(inquirer.name, "")).op("||")(" | ")
            .op("||")(func.coalesce(inquirer.kana, ""))
        )  # fmt: skip
        either = [shown.contains(folded, autoescape=True)]
        digits = text.digits(raw)
        if text.looks_like_phone(raw) and len(digits) >= _WHOLE_PHONE:
            either.append(inquirer.phone_digits == digits)
        conditions.append(exists(select(1).where(inquirer.id == Inquiry.inquirer_id, or_(*either))))
    return conditions


def _only_places(flt: InquiryFilter) -> InquiryFilter:
    """`flt` with nothing but its place conditions (and today)."""
    return InquiryFilter(
        today=flt.today,
        prefecture=flt.prefecture,
        municipality=flt.municipality,
        agreement_body=flt.agreement_body,
    )


def _place_pks(flt: InquiryFilter) -> Any:
    """The inquiry keys of `flt`'s one place condition as a subquery; None for none or several."""
    selects = _place_selects(flt)
    return selects[0].subquery() if len(selects) == 1 else None


def _by_place(statement: Select[int], flt: InquiryFilter, key: Any) -> Select[int]:
    """`key` is the unindexed pk when the list's own index should drive (common places)."""
    for targeted in _place_selects(flt):
        statement = statement.where(key.in_(targeted))
    return statement


def _place_selects(flt: InquiryFilter) -> list[Select[int]]:
    """The inquiry keys of each place condition, through the code tables' (code, inquiry_pk)
    indexes; a prefecture first finds its municipalities by municipality.prefecture_code
    (about 60, through its index)."""
    selects = []
    if flt.prefecture:
        in_prefecture = select(Municipality.code).where(
            Municipality.prefecture_code == flt.prefecture
        )
        selects.append(
            select(InquiryMunicipality.inquiry_pk).where(
                InquiryMunicipality.code.in_(in_prefecture)
            )
        )
    if flt.municipality:
        selects.append(
            select(InquiryMunicipality.inquiry_pk).where(
                InquiryMunicipality.code == flt.municipality
            )
        )
    if flt.agreement_body:
        selects.append(
            select(InquiryAgreement.inquiry_pk).where(InquiryAgreement.code == flt.agreement_body)
        )
    return selects
