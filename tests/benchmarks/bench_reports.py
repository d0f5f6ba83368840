"""Both reports over 1,000,000 inquiries, against the bare GROUP BY queries they run.

* figures: `services.reports.build_report` (every count of the report) against the same
  GROUP BY statements run bare through sqlite3 on the same file (budget 2 s);
* workbook: the whole `report monthly` / `report fiscal-year` file (figures, tables, charts,
  the period's list and the overdue list), against bare openpyxl and bare XlsxWriter (when
  installed) writing the same list cells, and against the lists' own writer
  (`excel.sheet_fill`: rows as sheet XML streamed into an openpyxl placeholder) on those cells;
  the time to read the list rows (`services.report_lists`) is shown on its own.

Run with `python -m tests.benchmarks reports`; median of RUNS. `RENKEI_BENCH_REPORTS=100000`
runs it over a smaller database (a 1M build takes minutes; profile there first).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.report_figures import Period
from desktop_app.services import database, report_export, report_lists, reports
from tests.benchmarks.common import BENCH_TODAY, Row, demo_database, print_table, ratio

COUNT = int(os.environ.get("RENKEI_BENCH_REPORTS", "1000000"))
RUNS = 3
NOW = dt.datetime(2026, 11, 23, 3, 0)
ACTOR = Actor("bench", "bench", Role.CLERK, "HQ")
PERIODS = (
    ("monthly 2026-10", Period.parse_month("2026-10")),
    ("fiscal year 2025", Period.fiscal_year(2025)),
)


def _bare_queries(period: Period) -> list[tuple[str, tuple[str, ...]]]:
    """The statements build_report runs, written by hand."""
    first, last = period.first.isoformat(), period.last.isoformat()
    fy_first = dt.date(period.fy - 1, 4, 1).isoformat()
    fy_last = dt.date(period.fy + 1, 3, 31).isoformat()
    received = "i.deleted = 0 AND i.received_at BETWEEN ? AND ?"
    r = (first, last)
    return [
        (f"SELECT count(*) FROM inquiry i WHERE {received}", r),
        (
            "SELECT count(*), sum(status='matched') FROM inquiry"
            " WHERE deleted = 0 AND closed_on BETWEEN ? AND ?",
            r,
        ),
        ("SELECT count(*) FROM inquiry WHERE deleted = 0 AND received_at <= ?", (last,)),
        ("SELECT count(*) FROM inquiry WHERE deleted = 0 AND closed_on <= ?", (last,)),
        (
            "SELECT count(*) FROM inquiry WHERE deleted = 0 AND follow_up_due < ? AND status IN"
            " ('received','in_progress','referred')",
            ("2026-11-23",),
        ),
        (
            f"SELECT office_code, relationship, status, channel, step, count(*) FROM inquiry i"
            f" WHERE {received} GROUP BY 1, 2, 3, 4, 5",
            r,
        ),
        (
            f"SELECT f.code, count(*) FROM inquiry_field f JOIN inquiry i ON i.pk = f.inquiry_pk"
            f" WHERE {received} GROUP BY f.code",
            r,
        ),
        (
            f"SELECT p.type, count(*) FROM inquiry i JOIN inquirer p ON p.id = i.inquirer_id"
            f" WHERE {received} GROUP BY p.type",
            r,
        ),
        (
            f"SELECT m.prefecture, count(*) FROM inquiry_municipality x JOIN inquiry i ON i.pk ="
            f" x.inquiry_pk JOIN municipality m ON m.code = x.code WHERE {received}"
            f" GROUP BY m.prefecture_code, m.prefecture",
            r,
        ),
        (
            f"SELECT a.code, count(*) FROM inquiry_agreement a JOIN inquiry i ON i.pk ="
            f" a.inquiry_pk WHERE {received} GROUP BY a.code",
            r,
        ),
        (
            "SELECT substr(received_at, 1, 7), count(*) FROM inquiry i WHERE i.deleted = 0 AND"
            " i.received_at BETWEEN ? AND ? GROUP BY 1",
            (fy_first, fy_last),
        ),
        (
            "SELECT substr(closed_on, 1, 7), count(*), sum(status='matched') FROM inquiry WHERE"
            " deleted = 0 AND closed_on BETWEEN ? AND ? GROUP BY 1",
            (fy_first, fy_last),
        ),
    ]


def _median(work: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _bare(path: Path, period: Period) -> None:
    conn = sqlite3.connect(path)
    try:
        for statement, args in _bare_queries(period):
            conn.execute(statement, args).fetchall()
    finally:
        conn.close()


def _bare_openpyxl(rows: list[tuple[object, ...]], out: Path) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("list")
    for row in rows:
        sheet.append(list(row))
    book.save(out)


def _bare_xlsxwriter(rows: list[tuple[object, ...]], out: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(out), {"constant_memory": True})
    sheet = book.add_worksheet("list")
    dated = book.add_format({"num_format": "yyyy/mm/dd"})
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet.write_datetime(i, j, value, dated)
            elif value is not None:
                sheet.write(i, j, value)
    book.close()


def _sheet_fill(rows: list[tuple[object, ...]], out: Path) -> None:
    """The lists' writer alone: an openpyxl placeholder sheet, the rows streamed into it."""
    from openpyxl import Workbook

    from desktop_app.excel.cells import DATE_FORMAT, DATETIME_FORMAT, format_style_id
    from desktop_app.excel.sheet_fill import SheetFill, fill_sheets
    from desktop_app.excel.sheet_rows import CellStyles

    book = Workbook(write_only=True)
    sheet = book.create_sheet("list")
    styles = CellStyles(
        format_style_id(sheet, DATE_FORMAT), format_style_id(sheet, DATETIME_FORMAT)
    )
    placeholder = io.BytesIO()
    book.save(placeholder)
    fill_sheets(
        placeholder.getvalue(), out, {"xl/worksheets/sheet1.xml": SheetFill(rows, 1, styles)}
    )


def _timed(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def main() -> None:
    path = demo_database(COUNT)
    db = database.connect(path)
    results = []
    folder = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    try:
        for name, period in PERIODS:
            _bare(path, period)  # warm the page cache for both sides alike
            figures = _median(lambda p=period: reports.build_report(db, p, actor=ACTOR, now=NOW))
            bare = _median(lambda p=period: _bare(path, p))
            results.append(
                Row(
                    f"{name}: figures",
                    f"{figures:.2f} s",
                    f"{bare:.2f} s",
                    ratio(figures, bare),
                    "2 s",
                )
            )
            out = folder / "report.xlsx"
            whole = _timed(
                lambda p=period, o=out: report_export.export_workbook(db, p, o, actor=ACTOR)
            )
            rows: list[tuple[object, ...]] = []

            def read(p: Period = period, into: list[tuple[object, ...]] = rows) -> None:
                into += report_lists.period_inquiries(db, p, office=None, personal=False)
                into += report_lists.overdue_inquiries(db, BENCH_TODAY, office=None, personal=False)

            reading = _timed(read)
            cells = sum(len(r) for r in rows)
            bare_openpyxl = _timed(lambda r=rows: _bare_openpyxl(r, folder / "bare.xlsx"))
            results.append(
                Row(
                    f"{name}: workbook ({len(rows):,} list rows, {cells:,} cells)",
                    f"{whole:.1f} s",
                    f"{bare_openpyxl:.1f} s openpyxl",
                    ratio(whole, bare_openpyxl),
                    "2 s",
                )
            )
            results.append(Row("  list rows read (report_lists)", f"{reading:.1f} s"))
            fill = _timed(lambda r=rows: _sheet_fill(r, folder / "fill.xlsx"))
            results.append(
                Row(
                    "  same list cells, sheet_fill",
                    f"{fill:.1f} s",
                    f"{bare_openpyxl:.1f} s openpyxl",
                    ratio(fill, bare_openpyxl),
                )
            )
            try:
                xlsxwriter = _timed(lambda r=rows: _bare_xlsxwriter(r, folder / "bare-x.xlsx"))
                results.append(
                    Row(
                        "  same list cells, sheet_fill against bare XlsxWriter",
                        f"{fill:.1f} s",
                        f"{xlsxwriter:.1f} s XlsxWriter",
                        ratio(fill, xlsxwriter),
                    )
                )
            except ImportError:
                results.append(Row("  same list cells, bare XlsxWriter", "not installed"))
    finally:
        db.dispose()
    print_table(f"Reports over {COUNT:,} inquiries (median of {RUNS} for figures)", results)
