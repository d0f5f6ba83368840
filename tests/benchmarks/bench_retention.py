"""Retention's first run: 100,000 inquirers whose cases all closed long ago, erased at once.

The database is the 200k scaled one (tests/benchmarks/scaled.py) with every case closed on
the day it was received and the personal fields of all but the first 100,000 inquirers
already empty (not timed), so exactly 100,000 are due. The program's figure is
`retention.apply` as the window's daily run calls it: the backup taken first, each chunk's
new versions, audit entries (one per inquirer, hash-chained) and the search text the
triggers rewrite. The bare figure is sqlite3 alone emptying the same fields of the same rows
and their derived keys in one UPDATE (the search triggers firing as they must), on another
copy. Budget: 30 s.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services import audit_chain, database, retention
from tests.actors import actor_for
from tests.benchmarks.common import Row, print_table, ratio
from tests.benchmarks.scaled import scaled_database

INQUIRIES = 200_000
DUE = 100_000
BUDGET_S = 30.0
TODAY = dt.date(2040, 4, 1)  # every case of the bench data closed more than 5 years before


def main() -> None:
    source = scaled_database(INQUIRIES)
    with tempfile.TemporaryDirectory(prefix="renkei-bench-retention-") as tmp:
        folder = Path(tmp)
        program_copy, bare_copy = folder / "desk.sqlite3", folder / "bare.sqlite3"
        shutil.copyfile(source, program_copy)
        _prepare(program_copy)
        shutil.copyfile(program_copy, bare_copy)
        db = database.connect(program_copy)
        try:
            heard: list[float] = []
            started = time.perf_counter()
            report = retention.apply(
                db,
                actor=actor_for("bench", office="HQ"),
                today=TODAY,
                progress=lambda done, total: heard.append(time.perf_counter() - started),
            )
            seconds = time.perf_counter() - started
            chain_ok = audit_chain.first_broken(db) is None
        finally:
            db.dispose()
        bare = _bare(bare_copy)
    print_table(
        f"retention's first run: {report.erased:,} inquirers due ({report.inquiries:,} cases), "
        f"{INQUIRIES:,} inquiries",
        [
            Row(
                "retention.apply (backup, chunks, audit, search text)",
                f"{seconds:.1f} s",
                f"{bare:.1f} s",
                ratio(seconds, bare),
                f"<= {BUDGET_S:.0f} s",
            ),
            Row("  first chunk done after", f"{heard[0]:.1f} s" if heard else "-"),
            Row("  progress reports", str(len(heard))),
            Row("  audit chain verifies afterwards", "yes" if chain_ok else "NO"),
        ],
    )
    if report.erased != DUE or not chain_ok:
        raise RuntimeError(f"expected {DUE} erased and a whole chain: {report.to_json()}")
    if seconds > BUDGET_S:
        print("over budget: retention", flush=True)


def _prepare(path: Path) -> None:
    """Every case closed on the day it came in; personal data left on the first DUE only."""
    conn = _connect(path)
    conn.execute("BEGIN")
    conn.execute(
        "UPDATE inquiry SET closed_on = received_at,"
        " closed_at = coalesce(closed_at, received_at || ' 03:00:00.000000')"
    )
    (last,) = conn.execute(
        f"SELECT pk FROM inquirer ORDER BY pk LIMIT 1 OFFSET {DUE - 1}"
    ).fetchone()
    blank = ", ".join(f"{key} = ''" for key in PERSONAL_INQUIRER_FIELDS)
    conn.execute(f"UPDATE inquirer SET {blank} WHERE pk > ?", (last,))
    conn.execute(f"UPDATE inquirer SET name = 'x' WHERE pk <= ? AND {_no_personal()}", (last,))
    conn.execute("COMMIT")
    conn.close()


def _connect(path: Path) -> sqlite3.Connection:
    """sqlite3 with the folding functions the search triggers call."""
    conn = sqlite3.connect(path, isolation_level=None)
    for name, function in database.SQL_FUNCTIONS.items():
        conn.create_function(name, 1, function, deterministic=True)
    return conn


def _no_personal() -> str:
    return " AND ".join(f"{key} = ''" for key in PERSONAL_INQUIRER_FIELDS)


def _bare(path: Path) -> float:
    """sqlite3 emptying the same fields of the same rows and the keys derived from them (the
    phone's digits, the name's and the reading's keys), the search triggers firing."""
    conn = _connect(path)
    derived = ("phone_digits", "name_key", "kana_key")
    blank = ", ".join(f"{key} = ''" for key in (*PERSONAL_INQUIRER_FIELDS, *derived))
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(f"UPDATE inquirer SET {blank} WHERE NOT ({_no_personal()})")
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


if __name__ == "__main__":
    main()
