"""Demo data for 100,000 inquiries: the service's insert rate vs bare sqlite3 executemany.

Both sides load exactly the same rows into the same tables of a freshly initialised file, with
the same pragmas and the same secondary indexes dropped: the bare side reads back what the
service stored and binds those plain tuples with sqlite3 and nothing else. Budget: under 40 s
end to end (COUNT is the knob: `python -c "import tests.benchmarks.bench_demo_data as b;
b.COUNT=20000; b.main()"`).
"""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from db import search_index
from db.bulk import TABLES
from db.engine import BUSY_TIMEOUT_MS
from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, setup
from tests.benchmarks.common import BENCH_OFFICE, BENCH_TODAY, Row, print_table, ratio, stored_rows

COUNT = 100_000
SEED = 1


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="renkei-bench-demo-") as tmp:
        service_db = _initialised(Path(tmp) / "service.sqlite3")
        report = generate_demo_data(service_db, count=COUNT, seed=SEED, today=BENCH_TODAY)
        service_db.dispose()
        folder = Path(tmp)
        bare_seconds, bare_rows = _bare_load(folder / "service.sqlite3", folder / "bare.sqlite3")
    if bare_rows != report.rows:
        raise RuntimeError(f"bare loaded {bare_rows} rows, the service {report.rows}")
    generation = report.seconds - report.insert_seconds - report.index_seconds
    service_rate = report.rows / report.insert_seconds
    bare_rate = bare_rows / bare_seconds
    print_table(
        f"demo-data, {COUNT:,} inquiries ({report.rows:,} rows in {len(TABLES)} tables)",
        [
            Row(
                "insert rate (Core executemany vs sqlite3 executemany)",
                f"{service_rate:,.0f} rows/s",
                f"{bare_rate:,.0f} rows/s",
                ratio(report.insert_seconds, bare_seconds),
            ),
            Row("generating the rows in Python", f"{generation:.1f} s"),
            Row("indexes, search index and ANALYZE", f"{report.index_seconds:.1f} s"),
            Row(
                "end to end",
                f"{report.seconds:.1f} s ({COUNT / report.seconds:,.0f} inquiries/s)",
                budget="under 40 s",
            ),
        ],
    )


def _initialised(path: Path) -> Any:
    db = database.connect(path)
    setup.initialise(db, BENCH_OFFICE)
    return db


def _bare_load(service: Path, path: Path) -> tuple[float, int]:
    """Insert the rows the service stored with sqlite3 alone; returns the seconds inside
    executemany (in the service's batch size, as it inserts them)."""
    _initialised(path).dispose()
    tables = stored_rows(service, TABLES)
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN IMMEDIATE")
    for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join(repr(name) for name in TABLES)})"
    ).fetchall():
        conn.execute(f"DROP INDEX {sql.split()[2]}")
    for statement in search_index.DROP_STATEMENTS:
        conn.execute(statement)
    seconds, rows = 0.0, 0
    for name, (columns, stored) in tables.items():
        marks = ", ".join("?" * len(columns))
        statement = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})"
        started = time.perf_counter()
        conn.executemany(statement, stored)
        seconds += time.perf_counter() - started
        rows += len(stored)
    conn.execute("ROLLBACK")  # the index rebuild is the same SQL on both sides: not measured
    conn.close()
    return seconds, rows


if __name__ == "__main__":
    main()
