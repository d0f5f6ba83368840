"""Demo data for 100,000 inquiries: the service's insert rate vs bare sqlite3 executemany.

Both sides load exactly the same rows (the same generator, seed and starting database) into
the same tables of a freshly initialised file, with the same pragmas and the same secondary
indexes dropped; the bare side binds plain tuples with sqlite3 and nothing else.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from db import search_index
from db.bulk import TABLES
from db.engine import BUSY_TIMEOUT_MS
from desktop_app.demo.generator import DemoGenerator
from desktop_app.demo.service import generate_demo_data, read_context
from desktop_app.services import database, setup, writer
from tests.benchmarks.common import BENCH_OFFICE, BENCH_TODAY, Row, print_table, ratio

COUNT = 100_000
SEED = 1


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="renkei-bench-demo-") as tmp:
        service_db = _initialised(Path(tmp) / "service.sqlite3")
        report = generate_demo_data(service_db, count=COUNT, seed=SEED, today=BENCH_TODAY)
        service_db.dispose()
        bare_seconds, bare_rows = _bare_load(Path(tmp) / "bare.sqlite3")
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


def _bare_load(path: Path) -> tuple[float, int]:
    """Insert the service's rows with sqlite3 alone; returns the seconds inside executemany."""
    db = _initialised(path)
    with db.read() as session:
        context = read_context(session)
    db.dispose()
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
    generator = DemoGenerator(context, count=COUNT, seed=SEED, today=BENCH_TODAY)
    seconds, rows = 0.0, 0
    statements: dict[str, str] = {}
    first_seq = 1
    for batch in generator.batches():
        # The same columns the service's writer fills, filled outside the timed inserts.
        writer.prepare_batch(batch, first_seq=first_seq)
        first_seq += sum(len(batch[name]) for name in ("inquirer", "inquiry", "action"))
        for name in TABLES:
            dicts = batch[name]
            if not dicts:
                continue
            started = time.perf_counter()
            if name not in statements:
                columns = list(dicts[0])
                marks = ", ".join("?" * len(columns))
                statements[name] = f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})"
            conn.executemany(
                statements[name], [tuple(map(_sqlite_value, d.values())) for d in dicts]
            )
            seconds += time.perf_counter() - started
            rows += len(dicts)
    conn.execute("ROLLBACK")  # the index rebuild is the same SQL on both sides: not measured
    conn.close()
    return seconds, rows


def _sqlite_value(value: Any) -> Any:
    """Dates and times as SQLAlchemy stores them in SQLite (its DateTime keeps microseconds)."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


if __name__ == "__main__":
    main()
