"""What the benchmarks share: cached demo databases, percentiles and the result table."""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from db import migrate, search_index
from db.bulk import TABLES
from db.engine import BUSY_TIMEOUT_MS
from db.search_index import TermMatch
from desktop_app.demo.service import generate_demo_data
from desktop_app.services import database, setup

# A fixed "today", so that a cached database is the same whatever day it was built.
BENCH_TODAY = dt.date(2026, 11, 23)
BENCH_OFFICE = "HQ"  # the central office holds every branch's inquiries


# The repo's bench-out/ (ignored by git): a built 1M database survives reboots and /tmp cleaning.
BENCH_OUT = Path(__file__).resolve().parents[2] / "bench-out"


def bench_dir() -> Path:
    """Where benchmark databases live between runs (RENKEI_BENCH_DIR overrides)."""
    default = BENCH_OUT
    path = Path(os.environ.get("RENKEI_BENCH_DIR", default))
    path.mkdir(parents=True, exist_ok=True)
    return path


def demo_database(count: int, seed: int = 1, office: str = BENCH_OFFICE) -> Path:
    """A database with `count` demo inquiries, built once and reused while the schema holds.

    Keyed by count, seed, office and schema revision; built under a temporary name and renamed
    when complete, so an interrupted build is never mistaken for a finished one.
    """
    where = "" if office == BENCH_OFFICE else f"-{office}"
    path = bench_dir() / f"demo-{count}-seed{seed}{where}-{migrate.head_revision()}.sqlite3"
    stamp = path.with_suffix(".json")
    if path.exists() and stamp.exists():
        built = json.loads(stamp.read_text())
        print(f"reusing {path} (built in {built['seconds']:.0f} s)", flush=True)
        return path
    building = path.with_name(path.name + ".building")
    for leftover in (building, *(Path(f"{building}{s}") for s in ("-wal", "-shm"))):
        leftover.unlink(missing_ok=True)
    print(f"building {path} with {count:,} inquiries ...", flush=True)
    started = time.perf_counter()
    db = database.connect(building)
    try:
        setup.initialise(db, office)
        report = generate_demo_data(db, count=count, seed=seed, today=BENCH_TODAY)
    finally:
        db.dispose()
    seconds = time.perf_counter() - started
    building.rename(path)
    stamp.write_text(json.dumps({"seconds": seconds, **report.to_json()}))
    print(f"built in {seconds:.0f} s ({report.rows:,} rows)", flush=True)
    return path


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: p95 of 20 samples is the 19th smallest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass(frozen=True)
class Row:
    what: str
    figure: str
    bare: str = "-"
    ratio: str = "-"
    budget: str = "-"


def ratio(figure: float, bare: float) -> str:
    """How many times the bare library's time the program takes."""
    return f"x{figure / bare:.2f}" if bare > 0 else "-"


def print_table(title: str, rows: Sequence[Row]) -> None:
    header = Row("what", "figure", "bare", "ratio", "budget")
    table = [header, *rows]
    widths = [max(_width(getattr(r, f)) for r in table) for f in Row.__dataclass_fields__]
    print(f"\n{title}")
    for i, row in enumerate(table):
        cells = [getattr(row, f) for f in Row.__dataclass_fields__]
        print(" | ".join(_pad(cell, width) for cell, width in zip(cells, widths, strict=True)))
        if i == 0:
            print("-+-".join("-" * width for width in widths))
    print(flush=True)


def _width(text: str) -> int:
    # CJK characters take two columns in a terminal.
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


REPEAT = 20  # warm runs per timed figure


def timings(run: Callable[[], object]) -> list[float]:
    """Milliseconds of REPEAT runs after one warm-up run (which loads the pages)."""
    run()
    samples = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p50_p95(samples: list[float]) -> str:
    return f"{percentile(samples, 50):.1f} / {percentile(samples, 95):.1f} ms"


BENCH_LOGIN, BENCH_PASSWORD = "keisoku", "shibaura-madoguchi-2026"
# The checkout these benchmarks run from. A whole process started from the shared virtualenv's
# renkei-desk script imports whatever its editable install points at (the main checkout, when
# the bench runs in a worktree), so the processes are told to import this checkout first.
CHECKOUT = Path(__file__).resolve().parents[2]


def program() -> list[str]:
    """The command that starts the program as a person does (`renkei-desk`)."""
    script = Path(sys.executable).with_name("renkei-desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app"]


def checkout_first(env: Mapping[str, str]) -> dict[str, str]:
    """`env` with this checkout first on PYTHONPATH, for any child process a bench starts."""
    paths = [str(CHECKOUT), *env.get("PYTHONPATH", "").split(os.pathsep)]
    return {**env, "PYTHONPATH": os.pathsep.join(dict.fromkeys(filter(None, paths)))}


def process_env(home: str) -> dict[str, str]:
    """The environment of a whole-process run: this checkout's code, .pyc files written, the
    data and state under `home`, Japanese, signed in as the bench's supervisor."""
    kept = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {
        **checkout_first(kept),
        "XDG_DATA_HOME": home,
        "XDG_STATE_HOME": home,
        "LANG": "ja_JP.UTF-8",
        "RENKEI_DESK_USER": BENCH_LOGIN,
        "RENKEI_DESK_PASSWORD": BENCH_PASSWORD,
    }


def demo_copy_with_admin(count: int, folder: str) -> Path:
    """A copy of the demo database of `count` inquiries with an administrator to sign in as
    (BENCH_LOGIN / BENCH_PASSWORD): the benches that start the program pay its real sign-in."""
    from desktop_app.domain.actor import system_actor
    from desktop_app.services import staff

    path = Path(folder) / "desk.sqlite3"
    shutil.copyfile(demo_database(count), path)
    db = database.connect(path)
    try:
        staff.add_staff(
            db,
            login=BENCH_LOGIN,
            name="計測 担当",
            role="admin",
            password=BENCH_PASSWORD,
            actor=system_actor(setup.office_required(db)),
        )
    finally:
        db.dispose()
    return path


def stored_rows(path: Path, names: Sequence[str]) -> dict[str, tuple[list[str], list[tuple]]]:
    """Each table's column names and rows as a database stores them, for a bare sqlite3
    insert of the very rows the service wrote."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {
            name: (
                [column[1] for column in source.execute(f"PRAGMA table_info({name})")],
                source.execute(f"SELECT * FROM {name}").fetchall(),
            )
            for name in names
        }
    finally:
        source.close()


def bare_store(imported: Path, path: Path, *, search: bool) -> float:
    """Seconds sqlite3 alone takes to store the data rows a service stored in `imported` again,
    into an empty schema at `path` (the least any importer must do): in one transaction, with
    the secondary and search indexes set aside, then (`search`) built again over the rows by
    the program's own statements (db/search_index.py, its folding functions registered as the
    program registers them), as a bulk load leaves them. The search index is what lets the
    desk find a row as soon as it is imported; without it the figure is the bare inserts."""
    db = database.connect(path)
    setup.initialise(db, "HQ")
    db.dispose()
    tables = stored_rows(imported, TABLES)
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    for name, function in database.SQL_FUNCTIONS.items():
        conn.create_function(name, 1, function, deterministic=True)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("BEGIN IMMEDIATE")
    indexes = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND tbl_name IN ({', '.join(repr(name) for name in TABLES)})"
        ).fetchall()
    ]
    for sql in indexes:
        conn.execute(f"DROP INDEX {sql.split()[2]}")
    for statement in search_index.DROP_STATEMENTS:
        conn.execute(statement)
    started = time.perf_counter()
    for name, (columns, rows) in tables.items():
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)
    if search:
        for statement in (*indexes, *search_index.CREATE_STATEMENTS):
            conn.execute(statement)
        for statement in search_index.REBUILD_STATEMENTS:
            conn.execute(statement)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def bare_match_query(conn: sqlite3.Connection, match: TermMatch) -> None:
    """sqlite3 asking the full-text indexes what the service asks for one term: the inquiries
    it matches in either text (each inquiry's own index and its inquirer's, their ascending
    rowids merged) counted, and the first 100 of them."""
    own, asker = f"inquiry_{match.index}", f"inquirer_{match.index}"
    either = (
        f"SELECT rowid FROM {own} WHERE {own} MATCH :e"
        f" UNION SELECT rowid FROM {asker} WHERE {asker} MATCH :e ORDER BY 1"
    )
    conn.execute(f"SELECT count(*) FROM ({either})", {"e": match.expression}).fetchone()
    conn.execute(f"{either} LIMIT 100", {"e": match.expression}).fetchall()
