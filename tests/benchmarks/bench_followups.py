"""対応予定 over 1,000,000 inquiries: services.followups.due_followups vs the same SQL, bare.

The program's figure is the start screen's list: open inquiries due within a week, each once,
and which of them still wait for a referral's reply (`due_followups`, limit 500). The bare
figure runs the very statements the service sent, with the same parameters, through sqlite3
and fetches every row, so the ratio is the cost of SQLAlchemy and of building the rows; each
statement is also shown apart.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import event

from desktop_app.services import database
from desktop_app.services.followups import due_followups
from tests.benchmarks.common import (
    BENCH_TODAY,
    REPEAT,
    Row,
    p50_p95,
    percentile,
    print_table,
    ratio,
    timings,
)
from tests.benchmarks.scaled import scaled_database

COUNT = 1_000_000
SEED = 1
BUDGET = "<= 150 ms p95"


def main() -> None:
    path = scaled_database(COUNT, SEED)
    db = database.connect(path)
    bare = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        statements = _statements_sent(db)
        program = timings(lambda: due_followups(db, BENCH_TODAY))
        direct = timings(lambda: [_run(bare, *s) for s in statements])
        parts = [(_part(sql), timings(lambda s=(sql, p): _run(bare, *s))) for sql, p in statements]
        shown = len(due_followups(db, BENCH_TODAY))
    finally:
        bare.close()
        db.dispose()
    print_table(
        f"対応予定 over {COUNT:,} inquiries: p50 / p95 of {REPEAT} warm runs "
        "(due_followups vs its statements through bare sqlite3)",
        [
            Row(
                f"対応予定 (due_followups), {shown} rows",
                p50_p95(program),
                p50_p95(direct),
                ratio(percentile(program, 95), percentile(direct, 95)),
                BUDGET,
            ),
            *(Row(f"  bare: {what}", p50_p95(samples)) for what, samples in parts),
        ],
    )


def _statements_sent(db: database.Database) -> list[tuple[str, Any]]:
    """The SELECTs that due_followups sends, with their parameters, captured from one run."""
    sent: list[tuple[str, Any]] = []

    def record(conn: Any, cursor: Any, statement: str, parameters: Any, *args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            sent.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        due_followups(db, BENCH_TODAY)
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    return sent


def _run(bare: sqlite3.Connection, statement: str, parameters: Any) -> int:
    return len(bare.execute(statement, parameters).fetchall())


def _part(statement: str) -> str:
    return "referrals still waiting" if "FROM action" in statement else "inquiries due"


if __name__ == "__main__":
    main()
