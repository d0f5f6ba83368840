"""Sync packages at scale: a branch's 100,000 inquiries exported, imported and imported again.

- Export (SHIBA → HQ, every row) against openpyxl's write-only writer writing the same cells:
  the bare side writes exactly the values the package holds (read back from it beforehand,
  every sheet, the hidden manifest included), with none of the program's work around them
  (reading the rows, labels, canonical JSON, hashes, bookkeeping). Budget x0.5: the package's
  rows are streamed into openpyxl's placeholders by excel/sheet_rows (docs/excel.md).
- Import + merge into an empty HQ, and the same package again into the HQ that now holds it
  (a re-import), each against a bare read of the same file with python-calamine plus a bare
  sqlite3 executemany of the same data rows (inquirers, inquiries with their code lists,
  actions, as the import stored them) into the same tables with the secondary and search
  indexes set aside, which is the least any importer must do. Budget x2.0. The first import
  is also set against the bare read alone: budget x3.0, in wall time and, since a loaded
  machine makes wall times swing by half from run to run, in the process's CPU time too.
  Beside it, the floor of that budget: the bare read, the bare insert and the search index
  built again over the rows by sqlite3 alone (tests/benchmarks/common.bare_store), which is
  what any import that leaves the rows searchable pays before any work of its own.
- The return package at the branch (issue 23): HQ's first full package back to SHIBA, made after
  HQ took SHIBA's full package and imported into a copy of the branch as it was after sending
  it, so that almost every row is the branch's own version echoed back. Plain (after a plain
  package in) and with personal fields (`--full --include-personal` both ways, encrypted with
  the tests' package password), each against python-calamine reading the same workbook (the
  personal one decrypted beforehand: its decryption counts against the import), in wall and
  CPU time. Budget x3.0.
COUNT is the knob: `python -c "import tests.benchmarks.bench_sync as b; b.COUNT=20000; b.main()"`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from desktop_app.excel.crypto import decrypt_xlsx
from desktop_app.services import database, package_key, setup, sync_export, sync_import
from tests.actors import actor_for
from tests.benchmarks.common import Row, bare_store, demo_database, print_table, ratio
from tests.sync.test_sync_properties import PASSWORD

COUNT = 100_000
EXPORT_BUDGET = 0.5
IMPORT_BUDGET = 2.0
READ_BUDGET = 3.0  # issue 23: an import against python-calamine reading the same file
RETURN_BUDGET = 3.0  # issue 23: the return package at the branch against the same read


def main() -> None:
    source = demo_database(COUNT, office="SHIBA")
    with tempfile.TemporaryDirectory(prefix="renkei-bench-sync-") as tmp:
        folder = Path(tmp)
        package = folder / "SHIBA-to-HQ.xlsx"
        export_seconds, counts = _export(source, folder / "shiba.sqlite3", package)
        bare_write = _bare_write(_read(package), folder / "bare.xlsx")
        hq_path = folder / "hq.sqlite3"
        (first, first_cpu), second = _imports(hq_path, package)
        bare_read, bare_read_cpu = _timed(lambda: _read(package))
        bare_insert = bare_store(hq_path, folder / "bare.sqlite3", search=False)
        bare_indexed = bare_store(hq_path, folder / "indexed.sqlite3", search=True)
        returns = [
            _return_package(source, folder / kind, personal=personal)
            for kind, personal in (("plain", False), ("personal", True))
        ]
    bare_import = bare_read + bare_insert
    floor = bare_read + bare_indexed
    rows = sum(counts.values())
    print_table(
        f"sync packages, {COUNT:,} inquiries from SHIBA ({rows:,} rows: "
        + ", ".join(f"{name} {n:,}" for name, n in counts.items())
        + ")",
        [
            Row(
                "export-sync --full (vs openpyxl write-only, same cells)",
                f"{export_seconds:.1f} s",
                f"{bare_write:.1f} s",
                ratio(export_seconds, bare_write),
                f"x{EXPORT_BUDGET}",
            ),
            Row(
                "import-sync into an empty HQ (vs calamine read + sqlite3 insert)",
                f"{first:.1f} s",
                f"{bare_import:.1f} s ({bare_read:.1f} + {bare_insert:.1f})",
                ratio(first, bare_import),
                f"x{IMPORT_BUDGET}",
            ),
            Row(
                "import-sync into an empty HQ (vs calamine reading the file)",
                f"{first:.1f} s",
                f"{bare_read:.1f} s",
                ratio(first, bare_read),
                f"x{READ_BUDGET}",
            ),
            Row(
                "  floor: calamine read + sqlite3 insert + search index (vs the read)",
                f"{floor:.1f} s ({bare_read:.1f} + {bare_indexed:.1f})",
                f"{bare_read:.1f} s",
                ratio(floor, bare_read),
            ),
            Row(
                "the same, CPU time of the process (vs calamine's read, CPU time)",
                f"{first_cpu:.1f} s",
                f"{bare_read_cpu:.1f} s",
                ratio(first_cpu, bare_read_cpu),
                f"x{READ_BUDGET}",
            ),
            Row(
                "import-sync again into that HQ (re-import, nothing changes)",
                f"{second:.1f} s",
                f"{bare_import:.1f} s",
                ratio(second, bare_import),
                f"x{IMPORT_BUDGET}",
            ),
            *(
                Row(
                    f"return package at the branch, {kind}{how} (vs calamine reading it)",
                    f"{seconds:.1f} s",
                    f"{read:.1f} s",
                    ratio(seconds, read),
                    f"x{RETURN_BUDGET}",
                )
                for kind, figures in zip(("plain", "personal"), returns, strict=True)
                for how, seconds, read in (("", *figures[0]), (", CPU", *figures[1]))
            ),
        ],
    )
    failures = [
        what
        for what, figure, bare, budget in (
            ("export", export_seconds, bare_write, EXPORT_BUDGET),
            ("import", first, bare_import, IMPORT_BUDGET),
            ("import vs read", first, bare_read, READ_BUDGET),
            ("import vs read (CPU)", first_cpu, bare_read_cpu, READ_BUDGET),
            ("re-import", second, bare_import, IMPORT_BUDGET),
            *(
                (f"return package ({kind}{how})", seconds, read, RETURN_BUDGET)
                for kind, figures in zip(("plain", "personal"), returns, strict=True)
                for how, seconds, read in ((" wall", *figures[0]), (" CPU", *figures[1]))
            ),
        )
        if figure > bare * budget
    ]
    if failures:
        print(f"over budget: {', '.join(failures)}", flush=True)


def _timed(work: Any) -> tuple[float, float]:
    """Seconds of wall time and of this process's CPU time that `work` took."""
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return time.perf_counter() - started, time.process_time() - cpu


def _export(source: Path, copy: Path, package: Path) -> tuple[float, dict[str, int]]:
    shutil.copyfile(source, copy)
    db = database.connect(copy)
    try:
        started = time.perf_counter()
        report = sync_export.export_sync(db, package, actor=actor_for("bench"), full=True)
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
    return seconds, report.counts


def _imports(hq_path: Path, package: Path) -> tuple[tuple[float, float], float]:
    """The first import (wall and CPU seconds) and the re-import (wall seconds)."""
    db = database.connect(hq_path)
    try:
        setup.initialise(db, "HQ")
        with db.write() as session:
            setup.mark_training(session)  # demo packages enter only a training database
        figures = []
        for expected in ("inserted", "unchanged"):
            started, cpu = time.perf_counter(), time.process_time()
            report = sync_import.import_sync(db, [package], actor=actor_for("bench"))
            figures.append((time.perf_counter() - started, time.process_time() - cpu))
            moved = sum(report.total(outcome) for outcome in sync_import.OUTCOMES)
            if report.refused or report.total(expected) != moved:
                raise RuntimeError(f"expected every row {expected}: {report.to_json()}")
    finally:
        db.dispose()
    return figures[0], figures[1][0]


def _return_package(
    source: Path, folder: Path, *, personal: bool
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The branch's import of HQ's first full package back, and calamine reading that workbook
    (decrypted beforehand when it is encrypted): (import, read) in wall seconds, then in the
    process's CPU seconds."""
    folder.mkdir()
    before = os.environ.get(package_key.ENVIRONMENT)
    os.environ[package_key.ENVIRONMENT] = PASSWORD
    try:
        branch, hq_path = folder / "shiba.sqlite3", folder / "hq.sqlite3"
        going, back = folder / "SHIBA-to-HQ.xlsx", folder / "HQ-to-SHIBA.xlsx"
        shutil.copyfile(source, branch)
        _exchange(branch, going, "HQ", personal=personal)
        hq = database.connect(hq_path)
        try:
            setup.initialise(hq, "HQ")
            with hq.write() as session:
                setup.mark_training(session)
        finally:
            hq.dispose()
        _take(hq_path, going, "inserted")
        _exchange(hq_path, back, "SHIBA", personal=personal)
        seconds, cpu = _take(branch, back, "unchanged")
        plain = folder / "plain.xlsx"
        plain.write_bytes(
            decrypt_xlsx(back.read_bytes(), back.name, PASSWORD) if personal else back.read_bytes()
        )
        read, read_cpu = _timed(lambda: _read(plain))
    finally:
        if before is None:
            del os.environ[package_key.ENVIRONMENT]
        else:
            os.environ[package_key.ENVIRONMENT] = before
    return (seconds, read), (cpu, read_cpu)


def _exchange(path: Path, package: Path, to_office: str, *, personal: bool) -> None:
    db = database.connect(path)
    try:
        sync_export.export_sync(
            db, package, actor=actor_for("bench"), to_office=to_office, full=True,
            include_personal=personal,
        )  # fmt: skip
    finally:
        db.dispose()


def _take(path: Path, package: Path, expected: str) -> tuple[float, float]:
    """Wall and CPU seconds to import `package` into the database at `path`, every row counted
    `expected`."""
    db = database.connect(path)
    try:
        started, cpu = time.perf_counter(), time.process_time()
        report = sync_import.import_sync(db, [package], actor=actor_for("bench"))
        seconds = (time.perf_counter() - started, time.process_time() - cpu)
    finally:
        db.dispose()
    moved = sum(report.total(outcome) for outcome in sync_import.OUTCOMES)
    if report.refused or report.total(expected) != moved:
        raise RuntimeError(f"expected every row {expected}: {report.to_json()}")
    return seconds


def _read(path: Path) -> dict[str, list[list[Any]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def _bare_write(sheets: dict[str, list[list[Any]]], path: Path) -> float:
    """openpyxl write-only writing every cell of the package as plain values."""
    started = time.perf_counter()
    book = Workbook(write_only=True)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
