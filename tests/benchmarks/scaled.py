"""A database of 1,000,000 inquiries for the list and search figures, made in minutes.

The demo generator invents rows one by one through the program's writer: about an hour for
1M on a shared 2-core machine. The figures at 1M need realistic text and codes, not ten times
more invention, so the 100k demo database is copied ten times in SQL (INSERT ... SELECT):
each copy has new ids, and its dates and receipt years moved back by 2 × its number years
(the demo data spans two fiscal years, so receipt numbers never collide and each copy reads as
two earlier years of the same desk). The search indexes are filled once at the end (FTS5
'rebuild', the bigram grams in one INSERT ... SELECT) with their triggers set aside, instead
of row by row, then ANALYZE. Kept under /tmp/renkei-bench (RENKEI_BENCH_TMP overrides), keyed
by count and schema head, built under a temporary name and renamed when complete.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

from db import migrate, search_index
from desktop_app.domain import text
from tests.benchmarks.common import demo_database

BASE_COUNT = 100_000
YEARS_PER_COPY = 2
# Columns that hold a date (shifted with date()) or a datetime ("YYYY-MM-DD HH:MM:SS.ffffff":
# its date part shifted, its time kept).
_DATES = {"received_at", "follow_up_due", "closed_on", "action_date", "next_due", "reply_due",
          "replied_on"}  # fmt: skip
_DATETIMES = {"closed_at"}
_IDS = {"id", "merged_into", "inquirer_id", "inquiry_id"}
_VERSIONS = "012356789"  # every digit but 4: nine copies besides the originals
# The search index's texts, keyed by the inquiry's pk like the code tables.
_TEXT_TABLES = (search_index.INQUIRY_TEXTS.table, search_index.INQUIRER_TEXTS.table)
_CODE_TABLES = ("inquiry_field", "inquiry_form", "inquiry_municipality", "inquiry_agreement")


def scaled_database(count: int, seed: int = 1) -> Path:
    """A database of `count` inquiries: the demo database itself up to 100k, else copies of
    the 100k one (`count` a multiple of it)."""
    if count <= BASE_COUNT:
        return demo_database(count, seed)
    if count % BASE_COUNT:
        raise ValueError(f"{count} is not a multiple of {BASE_COUNT}")
    folder = Path(os.environ.get("RENKEI_BENCH_TMP", "/tmp/renkei-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"scaled-{count}-seed{seed}-{migrate.head_revision()}.sqlite3"
    if path.exists():
        print(f"reusing {path}", flush=True)
        return path
    base = demo_database(BASE_COUNT, seed)
    building = path.with_name(path.name + ".building")
    for leftover in (building, *(Path(f"{building}{s}") for s in ("-wal", "-shm", "-journal"))):
        leftover.unlink(missing_ok=True)
    print(f"building {path}: {count // BASE_COUNT} copies of {base.name} ...", flush=True)
    started = time.perf_counter()
    with sqlite3.connect(f"file:{base}?mode=ro", uri=True) as source:
        target = sqlite3.connect(building)
        source.backup(target)
    source.close()
    try:
        _copy(target, count // BASE_COUNT)
    finally:
        target.close()
    building.rename(path)
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return path


def _copy(conn: sqlite3.Connection, copies: int) -> None:
    conn.isolation_level = None
    for pragma in ("journal_mode=DELETE", "synchronous=OFF", "cache_size=-400000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.create_function(search_index.GRAMS_FUNCTION, 1, text.grams, deterministic=True)
    conn.execute("BEGIN")
    for statement in search_index.DROP_STATEMENTS:
        if statement.startswith("DROP TRIGGER"):
            conn.execute(statement)
    # The demo database's own rows: every copy is made from them.
    originals = {
        table: conn.execute(f"SELECT max(pk) FROM {table}").fetchone()[0]
        for table in ("inquirer", "inquiry", "action")
    }
    last = originals["inquiry"]
    columns = {
        table: [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
        for table in ("inquirer", "inquiry", "action")
    }
    for copy in range(1, copies):
        years = YEARS_PER_COPY * copy
        for table in ("inquirer", "inquiry", "action"):
            # Inquiries keep their pk + copy × last, so that the code lists and the search
            # text follow them; the other tables number their rows as they come.
            kept = [c for c in columns[table] if c != "pk" or table == "inquiry"]
            values = ", ".join(_shifted(c, copy, years, last) for c in kept)
            conn.execute(
                f"INSERT INTO {table} ({', '.join(kept)}) SELECT {values} FROM {table}"
                f" WHERE pk <= {originals[table]}"
            )
        for table in (*_CODE_TABLES, *_TEXT_TABLES):
            key = "pk" if table in _TEXT_TABLES else "inquiry_pk"
            other = "folded" if table in _TEXT_TABLES else "code"
            conn.execute(
                f"INSERT INTO {table} ({key}, {other}) SELECT {key} + {copy * last}, {other}"
                f" FROM {table} WHERE {key} <= {last}"
            )
        print(f"  copy {copy} of {copies - 1} done", flush=True)
    for texts in (search_index.INQUIRY_TEXTS, search_index.INQUIRER_TEXTS):
        conn.execute(f"INSERT INTO {texts.trigram}({texts.trigram}) VALUES ('rebuild')")
        conn.execute(f"INSERT INTO {texts.bigram}({texts.bigram}) VALUES ('delete-all')")
        conn.execute(
            f"INSERT INTO {texts.bigram}(rowid, grams) "
            f"SELECT pk, {search_index.GRAMS_FUNCTION}(folded) FROM {texts.table}"
        )
    for statement in search_index.CREATE_STATEMENTS:
        if statement.lstrip().startswith("CREATE TRIGGER"):
            conn.execute(statement)
    conn.execute("COMMIT")
    conn.execute("ANALYZE")


def _shifted(column: str, copy: int, years: int, last: int) -> str:
    """The SQL of `column` in copy number `copy`."""
    if column == "pk":
        return f"pk + {copy * last}"
    if column in _IDS:
        # A UUID's version digit (always 4 in the demo's ids) names the copy; NULL stays NULL.
        return f"substr({column}, 1, 14) || '{_VERSIONS[copy - 1]}' || substr({column}, 16)"
    if column == "receipt_no":
        # OFFICE-YYYY-NNNNN: the fiscal year moved back with the dates.
        return (
            "office_code || '-' || (CAST(substr(receipt_no, length(office_code) + 2, 4) AS INTEGER)"
            f" - {years}) || substr(receipt_no, length(office_code) + 6)"
        )
    if column in _DATES:
        return f"date({column}, '-{years} years')"
    if column in _DATETIMES:
        return f"date(substr({column}, 1, 10), '-{years} years') || substr({column}, 11)"
    return column
