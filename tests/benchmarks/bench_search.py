"""Search latency over 1,000,000 inquiries: services.search vs the bare FTS5 MATCH.

`RENKEI_BENCH_SEARCH_COUNT=200000 make bench` (or `python -m tests.benchmarks search`) measures
a smaller database; the 1M one is ten copies of the 100k demo database
(tests/benchmarks/scaled.py).

The program's figure is what the list does for a typed query: count every match
(`count_inquiries`) and fetch the first screen, newest first (`first_rows`, limit 100). The bare
figure is the same index asked directly with sqlite3: count the MATCH and take 100 rowids. The
term goes to the index the service would choose (trigram for 3+ characters and phone digits,
bigram for 1-2 characters), so the ratio is the cost of everything around the index.
"""

from __future__ import annotations

import os
import sqlite3

from desktop_app.services import database
from desktop_app.services.search import (
    InquiryFilter,
    count_inquiries,
    first_rows,
    ordered_pks,
    term_matches,
)
from tests.benchmarks.common import (
    BENCH_TODAY,
    REPEAT,
    Row,
    bare_match_query,
    p50_p95,
    percentile,
    print_table,
    ratio,
    timings,
)
from tests.benchmarks.scaled import scaled_database

COUNT = int(os.environ.get("RENKEI_BENCH_SEARCH_COUNT", "1000000"))
SEED = 1
# (kind, term): a frequent and a rare term of each length, in the words of the demo corpus.
TERMS = (
    ("1 char", "東"),
    ("1 char", "梅"),
    ("2 chars", "移住"),
    ("2 chars", "和紙"),
    ("3 chars", "商店街"),
    ("3 chars", "豊富町"),
    ("5 chars", "地域おこし"),
    ("5 chars", "移住相談会"),
    # Places (migration 0004 puts target municipalities, prefectures, agreement bodies in the text).
    ("2 chars", "釧路"),
    ("3 chars", "北海道"),
    ("6 chars", "北海道町村会"),
)
BUDGET_MS = {"1 char": 500, "2 chars": 500}  # everything else: 100 ms


def main() -> None:
    path = scaled_database(COUNT, SEED)
    db = database.connect(path)
    bare = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = [_measure(db, bare, kind, term) for kind, term in (*TERMS, _phone_term(bare))]
        rows.extend(_measure_prefecture(db, bare, "01"))
    finally:
        bare.close()
        db.dispose()
    print_table(
        f"search over {COUNT:,} inquiries: p50 / p95 of {REPEAT} warm runs "
        "(count + first 100 rows vs bare count + 100 rowids)",
        rows,
    )


def _phone_term(bare: sqlite3.Connection) -> tuple[str, str]:
    """A stored number typed the other way round: digits stored, dashes typed."""
    (digits,) = bare.execute(
        "SELECT phone_digits FROM inquirer WHERE length(phone_digits) = 10 "
        "AND phone_digits LIKE '03%' ORDER BY pk LIMIT 1"
    ).fetchone()
    return "phone", f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"


def _measure(db: database.Database, bare: sqlite3.Connection, kind: str, term: str) -> Row:
    flt = InquiryFilter(text=term, today=BENCH_TODAY)
    (match,) = term_matches(term)
    hits = count_inquiries(db, flt)

    def program() -> None:
        count_inquiries(db, flt)
        first_rows(db, flt, limit=100)

    service = timings(program)
    direct = timings(lambda: bare_match_query(bare, match))
    budget = BUDGET_MS.get(kind, 100)
    shown = f"{term} -> {match.expression}" if kind == "phone" else term
    return Row(
        f"「{shown}」 {kind}, {match.index}, {hits:,} hits",
        p50_p95(service),
        p50_p95(direct),
        ratio(percentile(service, 95), percentile(direct, 95)),
        f"<= {budget} ms p95",
    )


def _measure_prefecture(
    db: database.Database, bare: sqlite3.Connection, code: str
) -> tuple[Row, Row]:
    """The 都道府県 filter against bare SQL over the same indexes (municipality.prefecture_code,
    inquiry_municipality's code): what the list paints first (count + first 100 rows), and the
    ordered key list it fetches afterwards on the worker."""
    flt = InquiryFilter(prefecture=code, today=BENCH_TODAY)
    hits = count_inquiries(db, flt)
    inner = (
        "SELECT inquiry_pk FROM inquiry_municipality WHERE code IN "
        "(SELECT code FROM municipality WHERE prefecture_code = ?)"
    )
    ordered = (
        f"SELECT pk FROM inquiry WHERE deleted = 0 AND pk IN ({inner}) "
        "ORDER BY received_at DESC, pk DESC"
    )

    def first_paint() -> None:
        count_inquiries(db, flt)
        first_rows(db, flt, limit=100)

    def bare_first() -> None:
        bare.execute(f"SELECT count(DISTINCT inquiry_pk) FROM ({inner})", (code,)).fetchone()
        bare.execute(f"{ordered} LIMIT 100", (code,)).fetchall()

    rows = []
    for what, program, direct in (
        ("count + first 100 rows", first_paint, bare_first),
        (
            "ordered key list",
            lambda: ordered_pks(db, flt),
            lambda: bare.execute(ordered, (code,)).fetchall(),
        ),
    ):
        service = timings(program)
        plain = timings(direct)
        rows.append(
            Row(
                f"都道府県 {code} filter, {hits:,} hits: {what}",
                p50_p95(service),
                p50_p95(plain),
                ratio(percentile(service, 95), percentile(plain, 95)),
                "<= 100 ms p95",
            )
        )
    return rows[0], rows[1]


if __name__ == "__main__":
    main()
