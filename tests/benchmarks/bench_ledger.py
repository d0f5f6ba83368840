"""Importing a 10,000-row ledger: dry run and apply, against a bare read of the same file.

The ledger is the tests' standard layout (title row, 和暦 dates in every form, free-text
categories, a combined 団体名・氏名 column, blank and total rows) with ROWS data rows (the knob:
`python -c "import tests.benchmarks.bench_ledger as b; b.ROWS=50000; b.main()"`), written
once into bench-out/. Budgets (issue 23): dry run x4, apply x6 of the bare read. The bare
figure is python-calamine reading the sheet with to_python(), the floor any importer pays; the
import adds the checks, the reading of each row, the lookups and (for apply) the one
transaction through the bulk writer into a fresh SHIBA database.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from desktop_app.domain.actor import Actor, Role
from desktop_app.services import database, ledger_import, setup
from tests.benchmarks.common import Row, bench_dir, print_table, ratio
from tests.ledger import ledgers

ROWS = 10_000
DRY_BUDGET = 4.0
APPLY_BUDGET = 6.0
ACTOR = Actor(login="bench", name="bench", role=Role.SUPERVISOR, office="SHIBA")
_DATES = ("R7.{m}.{d}", "令和7年{m}月{d}日", "令和７年{m}月{d}日", "2025/{m}/{d}")
_WHO = ("港南商店会 田中{n}", "鈴木 一郎{n}", "ＮＰＯ法人みなと{n} 佐藤", "㈱ミナト商事{n}")
_FIELDS = ("観光・ＰＲ", "物産", "防災", "まちおこし", "")
_STATUS = ("完了", "対応中", "紹介済", "受付", "済")


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
    path = ledger()
    data = path.read_bytes()
    started = time.perf_counter()
    CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_name("受付簿").to_python()
    bare = time.perf_counter() - started
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
        ],
    )  # fmt: skip
    budgets = (("dry run", dry_seconds, DRY_BUDGET), ("apply", apply_seconds, APPLY_BUDGET))
    over = [what for what, seconds, budget in budgets if seconds > bare * budget]
    if over:
        print(f"over budget: {', '.join(over)}", flush=True)
