"""Reading a 100,000 x 20 workbook: safe_read against bare python-calamine and openpyxl.

Interleaved in one run (the machine's load changes from minute to minute), best of three for
the fast readers, one run of openpyxl read-only (tens of seconds). Ratios are to bare
calamine reading every sheet with to_python(), the floor for this work.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from desktop_app.excel.safe_read import open_xlsx, read_rows
from desktop_app.excel.zip_guard import check_xlsx
from tests.benchmarks.common import bench_dir

ROWS = 100_000
WORDS = ["防災訓練", "観光・ＰＲ", "物産", "ＮＰＯ法人", "港区高輪1-1-1", "鈴木 一郎", "=SUM(A1)"]


def workbook() -> Path:
    path = bench_dir() / f"read-{ROWS}x20.xlsx"
    if path.exists():
        return path
    rng = random.Random(1)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("受付")
    start = dt.date(2026, 4, 1)
    for i in range(ROWS):
        words = [rng.choice(WORDS) + str(i % 97) for _ in range(15)]
        sheet.append(
            [i, f"SHIBA-2026-{i:05d}", start + dt.timedelta(days=i % 365), *words, i * 1.5]
        )
    building = path.with_name(path.name + ".building")
    book.save(building)
    building.rename(path)
    return path


def _best(work, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    path = workbook()
    data = path.read_bytes()

    def bare_calamine() -> None:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python(skip_empty_area=False)

    def guard() -> None:
        check_xlsx(data, path.name)

    def safe() -> None:
        read_rows(open_xlsx(path, password=None), name=path.name)

    def bare_openpyxl() -> None:
        book = load_workbook(io.BytesIO(data), read_only=True)
        for sheet in book.worksheets:
            for _ in sheet.iter_rows(values_only=True):
                pass

    floor = _best(bare_calamine)
    figures = {
        "bare calamine (to_python)": floor,
        "zip_guard.check_xlsx alone": _best(guard),
        "safe_read open_xlsx + read_rows": _best(safe),
        "bare openpyxl read-only": _best(bare_openpyxl, runs=1),
    }
    print(f"{ROWS:,} rows x 20 columns, {len(data) / 1e6:.1f} MB file")
    for name, seconds in figures.items():
        print(f"  {name:34s} {seconds:7.2f} s   ratio {seconds / floor:5.2f}")
