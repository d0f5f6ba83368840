"""Importing a 10,000-row ledger: dry run and apply, against a bare read of the same file.

The ledger is the tests' standard layout (title row, 和暦 dates in every form, free-text
categories, a combined 団体名・氏名 column, blank and total rows) with ROWS data rows (the knob:
`python -c "import tests.benchmarks.bench_ledger as b; b.ROWS=50000; b.main()"`), written
once into bench-out/. Budgets (issue 23): dry run x4, apply x6 of the bare read. The bare
figure is python-calamine reading the sheet with to_python(), the floor any importer pays; the
import adds the checks, the reading of each row, the lookups and (for apply) the one
transaction through the bulk writer into a fresh SHIBA database.

Then the same as whole processes, as a person meets them (issue 23 measures these):
`renkei-desk import-ledger FILE --dry-run` and `renkei-desk import-ledger FILE` (into a fresh
copy of the database each time, signed in as a supervisor through RENKEI_DESK_USER and
RENKEI_DESK_PASSWORD) against `python -c` reading the sheet with python-calamine; runs
interleaved so a busy machine slows every side alike, medians of PROCESS_RUNS. Below them the
floor of any command that opens the database: importing what the command imports (the apply,
and the dry run when it takes the full path), and what the dry run imports on the command
line's light path (services/ledger_check.py, no SQLAlchemy).
"""

from __future__ import annotations

import io
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from desktop_app.domain.actor import Actor, Role, system_actor
from desktop_app.services import database, ledger_import, passwords, setup, staff
from tests.benchmarks import common
from tests.benchmarks.common import (
    BENCH_LOGIN,
    BENCH_PASSWORD,
    Row,
    bare_store,
    bench_dir,
    print_table,
    ratio,
)
from tests.ledger import ledgers

ROWS = 10_000
DRY_BUDGET = 4.0
APPLY_BUDGET = 6.0
ACTOR = Actor(login="bench", name="bench", role=Role.SUPERVISOR, office="SHIBA")
_DATES = ("R7.{m}.{d}", "令和7年{m}月{d}日", "令和７年{m}月{d}日", "2025/{m}/{d}")
_WHO = ("港南商店会 田中{n}", "鈴木 一郎{n}", "ＮＰＯ法人みなと{n} 佐藤", "㈱ミナト商事{n}")
_FIELDS = ("観光・ＰＲ", "物産", "防災", "まちおこし", "")
_STATUS = ("完了", "対応中", "紹介済", "受付", "済")
PROCESS_RUNS = 5
_BARE_SCRIPT = (
    "import sys\n"
    "from python_calamine import CalamineWorkbook\n"
    "CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_name('受付簿').to_python()\n"
)
_IMPORTS = "import desktop_app.cli, desktop_app.services.ledger_import, desktop_app.services.staff"
# What the dry run imports on the command line's light path (no SQLAlchemy: cli/light.py).
_LIGHT_IMPORTS = (
    "import desktop_app.cli, desktop_app.services.ledger_check, desktop_app.services.light_list"
)


def ledger() -> Path:
    path = bench_dir() / f"ledger-{ROWS}.xlsx"
    if path.exists():
        return path
    book = Workbook(write_only=True)
    sheet = book.create_sheet("受付簿")
    sheet.append([ledgers.TITLE])
    sheet.append([])
    sheet.append(list(ledgers.HEADERS))
    for n in range(ROWS):
        month, day = 4 + n % 9, 1 + n % 28
        sheet.append([
            n + 1,
            _DATES[n % 4].format(m=month, d=day),
            "",
            _WHO[n % 4].format(n=n % 5000),
            f"03-5555-{n % 10000:04d}",
            f"相談 {n}。連携自治体を探している。",
            _FIELDS[n % 5],
            _STATUS[n % 5],
            "",
            "",
        ])  # fmt: skip
        if n % 1000 == 999:
            sheet.append([])
    sheet.append(["合計", "", "", "", "", f"{ROWS}件"])
    building = path.with_name(path.name + ".building")
    book.save(building)
    building.rename(path)
    return path


def fresh_database(folder: Path) -> database.Database:
    path = folder / "ledger-bench.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "SHIBA")
    return db


def main() -> None:
    stored = in_process()
    whole_processes(stored)


def in_process() -> float:
    """The import in this process against the bare read; the seconds sqlite3 alone takes to
    store what the apply stored (common.bare_store, with the search index), for the floor."""
    path = ledger()
    data = path.read_bytes()
    # The median of three reads: one read on a machine shared with other work swings by half.
    bare = statistics.median(_bare_read(data) for _ in range(3))
    folder = Path(tempfile.mkdtemp(dir=bench_dir()))
    try:
        db = fresh_database(folder)
        started = time.perf_counter()
        dry = ledger_import.import_ledger(db, ACTOR, path, dry_run=True)
        dry_seconds = time.perf_counter() - started
        started = time.perf_counter()
        applied = ledger_import.import_ledger(db, ACTOR, path)
        apply_seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = ledger_import.import_ledger(db, ACTOR, path)
        again_seconds = time.perf_counter() - started
        db.dispose()
        stored = bare_store(db.path, folder / "bare.sqlite3", search=True)
    finally:
        shutil.rmtree(folder)
    assert dry.imported == applied.imported == ROWS and again.already_imported == ROWS
    print_table(
        f"ledger import, {ROWS:,} rows ({path.stat().st_size / 1e6:.1f} MB)",
        [
            Row("bare calamine to_python", f"{bare:.2f} s", f"{bare:.2f} s", "x1.00"),
            Row("import-ledger --dry-run", f"{dry_seconds:.2f} s", f"{bare:.2f} s", ratio(dry_seconds, bare), f"x{DRY_BUDGET}"),  # noqa: E501
            Row("import-ledger (apply)", f"{apply_seconds:.2f} s", f"{bare:.2f} s", ratio(apply_seconds, bare), f"x{APPLY_BUDGET}"),  # noqa: E501
            Row("import again (adds 0)", f"{again_seconds:.2f} s", f"{bare:.2f} s", ratio(again_seconds, bare)),  # noqa: E501
            Row("  floor: read + sqlite3 storing the rows, search index", f"{bare + stored:.2f} s", f"{bare:.2f} s", ratio(bare + stored, bare)),  # noqa: E501
        ],
    )  # fmt: skip
    budgets = (("dry run", dry_seconds, DRY_BUDGET), ("apply", apply_seconds, APPLY_BUDGET))
    over = [what for what, seconds, budget in budgets if seconds > bare * budget]
    if over:
        print(f"over budget: {', '.join(over)}", flush=True)
    return stored


def _bare_read(data: bytes) -> float:
    started = time.perf_counter()
    CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("受付簿").to_python()
    return time.perf_counter() - started


def _timed(command: list[str], env: dict[str, str], before: Path | None = None) -> float:
    """Seconds of one whole process (`before`, a database to copy fresh first, is not timed)."""
    if before is not None:
        shutil.copyfile(before, before.with_name("apply.sqlite3"))
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 3):  # 3: rows left for a person (values placed as その他)
        raise RuntimeError(f"{command} exited {done.returncode}: {done.stderr.decode()}")
    return seconds


def _password_check() -> float:
    """Seconds of one sign-in's password verification (argon2, the program's parameters)."""
    stored = passwords.hash_password(BENCH_PASSWORD)
    started = time.perf_counter()
    assert passwords.matches(stored, BENCH_PASSWORD)
    return time.perf_counter() - started


def whole_processes(stored: float) -> None:
    """Both commands as whole processes; `stored`: sqlite3's own writes of the apply (seconds),
    added to the bare read's process and one password check for the apply's floor."""
    path = ledger()
    program = common.program()
    with tempfile.TemporaryDirectory(dir=bench_dir()) as home:
        folder = Path(home)
        template = fresh_database(folder)
        staff.add_staff(
            template, actor=system_actor("SHIBA"), login=BENCH_LOGIN, name="計測 担当",
            role="supervisor", password=BENCH_PASSWORD,
        )  # fmt: skip
        template.dispose()
        base = folder / "ledger-bench.sqlite3"
        target = folder / "apply.sqlite3"
        env = common.process_env(home)
        commands = {
            "bare": ([sys.executable, "-c", _BARE_SCRIPT, str(path)], None),
            "dry": ([*program, "--db", str(base), "import-ledger", str(path), "--dry-run"], None),
            "apply": ([*program, "--db", str(target), "import-ledger", str(path)], base),
            "imports": ([sys.executable, "-c", _IMPORTS], None),
            "light imports": ([sys.executable, "-c", _LIGHT_IMPORTS], None),
        }
        for command, before in commands.values():
            _timed(command, env, before)  # warm the page cache and the .pyc files
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(PROCESS_RUNS):
            for name, (command, before) in commands.items():
                samples[name].append(_timed(command, env, before))
    median = {name: statistics.median(values) for name, values in samples.items()}
    bare = median["bare"]
    # What no apply avoids: the read's process, the supervisor's password checked, and sqlite3
    # storing the rows with their search index (measured in this process, above).
    check = statistics.median(_password_check() for _ in range(3))
    floor = bare + check + stored
    s = "{:.2f} s".format
    print_table(
        f"ledger import, {ROWS:,} rows, whole processes (medians of {PROCESS_RUNS})",
        [
            Row("python -c: calamine to_python", s(bare), s(bare), "x1.00"),
            Row("renkei-desk import-ledger --dry-run", s(median["dry"]), s(bare), ratio(median["dry"], bare), f"x{DRY_BUDGET}"),  # noqa: E501
            Row("renkei-desk import-ledger (apply)", s(median["apply"]), s(bare), ratio(median["apply"], bare), f"x{APPLY_BUDGET}"),  # noqa: E501
            Row("  floor: importing what it imports", s(median["imports"]), s(bare), ratio(median["imports"], bare)),  # noqa: E501
            Row("  floor of the dry run (light path)", s(median["light imports"]), s(bare), ratio(median["light imports"], bare)),  # noqa: E501
            Row(f"  floor of the apply: read + password {check:.2f} + sqlite3 {stored:.2f}", s(floor), s(bare), ratio(floor, bare)),  # noqa: E501
        ],
    )  # fmt: skip
    over = [
        what
        for what, budget in (("dry", DRY_BUDGET), ("apply", APPLY_BUDGET))
        if median[what] > bare * budget
    ]
    if over:
        print(f"over budget (whole processes): {', '.join(over)}", flush=True)
