"""The desk's GUI figures: start-up with 100,000 inquiries, the list with 1,000,000, one save.

* Start to a usable main window (list filled and painted, 100k inquiries) against a bare
  PySide6 QMainWindow with an empty QTableView, each measured from process launch to the first
  painted frame in its own child process (median of RUNS), so interpreter start and imports
  count on both sides. Budget: 1.5x the bare window.
* List over 1M inquiries: first paint, scroll to the end (the last row's data on screen, read
  from the database), sort by another column (first page of the new order on screen); median
  of REPEAT, budget 150 ms each. The RSS budget
  is 400 MB (peak, VmHWM).
* Save one inquiry (services.inquiries.add_inquiry through the DbRunner, as the intake form
  does) on a copy of the 100k database: p95 of SAVES, budget 30 ms.

Run with `python -m tests.benchmarks list`; children use QT_QPA_PLATFORM=offscreen.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.common import BENCH_TODAY, Row, demo_database, percentile, print_table, ratio

START_COUNT = 100_000
LIST_COUNT = 1_000_000
SEED = 1
RUNS = 3
REPEAT = 5  # list measurements per figure; the median is reported
SAVES = 100
TIMEOUT_S = 600


def main() -> None:
    small = demo_database(START_COUNT, SEED)
    bare = statistics.median(_launch("bare") for _ in range(RUNS))
    desk = statistics.median(_launch("desk", small) for _ in range(RUNS))
    save_p95 = _save_p95(small)
    big = demo_database(LIST_COUNT, SEED)
    figures = json.loads(_child_output("list", big))
    ms = "{:.0f} ms".format
    print_table(
        "GUI (offscreen)",
        [
            Row("start to usable window, 100k", ms(desk), ms(bare), ratio(desk, bare), "x1.5"),
            Row("list first paint, 1M", ms(figures["first_paint"]), budget="150 ms"),
            Row("list keys ready (background), 1M", ms(figures["keys"])),
            Row("list scroll to end, 1M", ms(figures["scroll"]), budget="150 ms"),
            Row("  ... at once after opening", ms(figures["early_scroll"]), budget="150 ms"),
            Row("list sort (receipt no.), 1M", ms(figures["sort"]), budget="150 ms"),
            Row("RSS peak, 1M", f"{figures['rss_mb']:.0f} MB", budget="400 MB"),
            Row("save one inquiry p95, 100k", f"{save_p95:.1f} ms", budget="30 ms"),
        ],
    )


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}


def _command(kind: str, db: Path | None) -> list[str]:
    args = [sys.executable, "-m", "tests.benchmarks.bench_list", kind]
    return [*args, str(db)] if db else args


def _launch(kind: str, db: Path | None = None) -> float:
    """Milliseconds from launching the child to its 'ready' line."""
    started = time.perf_counter()
    with subprocess.Popen(
        _command(kind, db), stdout=subprocess.PIPE, text=True, env=_env()
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        elapsed = (time.perf_counter() - started) * 1000
        child.wait(TIMEOUT_S)
    if line != "ready":
        raise RuntimeError(f"{kind} child did not start: {line!r}")
    return elapsed


def _child_output(kind: str, db: Path) -> str:
    done = subprocess.run(
        _command(kind, db),
        check=False,
        capture_output=True,
        text=True,
        env=_env(),
        timeout=TIMEOUT_S,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return done.stdout.strip().splitlines()[-1]


def _save_p95(source: Path) -> float:
    from desktop_app.services import database, inquiries
    from desktop_app.ui.worker import DbRunner

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "save.sqlite3"
        shutil.copyfile(source, path)
        db = database.connect(path)
        runner = DbRunner()
        try:
            timings = []
            for n in range(SAVES):
                data = {
                    "received_at": BENCH_TODAY.isoformat(),
                    "channel": "phone",
                    "subject": f"物産展への出店相談 {n}",
                    "fields": ["food"],
                    "inquirer": {
                        "type": "resident",
                        "name": f"測定 太郎{n}",
                        "phone": "03-5555-0101",
                    },
                }
                started = time.perf_counter()
                runner.call(inquiries.add_inquiry, db, data, staff="bench", today=BENCH_TODAY)
                timings.append((time.perf_counter() - started) * 1000)
        finally:
            runner.shutdown()
            db.dispose()
    return percentile(timings, 95)


# -- children ---------------------------------------------------------------------------------


def _bare() -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    app = QApplication([])
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(QStandardItemModel(0, 9, table))
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    _until(app, lambda: window.windowHandle().isExposed())
    window.repaint()
    print("ready", flush=True)
    os._exit(0)


def _open_desk(path: Path) -> tuple[Any, Any]:
    """(QApplication, DeskApp) set up exactly as run_gui does, in a child process."""
    from PySide6.QtWidgets import QApplication

    from desktop_app.services import database, setup
    from desktop_app.ui import preferences
    from desktop_app.ui.app import DeskApp, set_application_font
    from desktop_app.ui.i18n import install_translators
    from desktop_app.ui.style import apply_style

    app = QApplication([])
    set_application_font(app, preferences.DEFAULT_FONT_PT)
    apply_style(app)
    install_translators(app, "ja")
    db = database.connect(path)
    office = setup.office_of(db)
    assert office is not None
    desk = DeskApp(app, db, office)
    return app, desk


def _desk(path: Path) -> None:
    app, desk = _open_desk(path)
    window = desk.build("ja", restore=False)
    model = window.list_page.model
    _until(app, lambda: window.windowHandle().isExposed() and model.row_at(0) is not None)
    window.repaint()
    print("ready", flush=True)
    os._exit(0)


def _list(path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES

    app, desk = _open_desk(path)
    window = desk.build("ja", restore=False)
    page = window.list_page
    model, table = page.model, page.table
    _until(app, lambda: window.windowHandle().isExposed() and not desk.runner.busy)

    keys: list[bool] = []
    heads: list[bool] = []
    model.keysLoaded.connect(lambda: keys.append(True))
    model.headLoaded.connect(lambda: heads.append(True))
    paints, keys_ready, scrolls, early_scrolls, sorts = [], [], [], [], []
    for _ in range(REPEAT):
        keys.clear()
        heads.clear()
        started = time.perf_counter()
        model.reload()
        _until(app, lambda: bool(heads))
        table.viewport().repaint()
        paints.append(_ms(started))
        started = time.perf_counter()  # the clerk drags to the end at once: keys not in yet
        table.scrollToBottom()
        last = model.rowCount() - 1
        _until(app, lambda: model.row_at(last) is not None)  # noqa: B023 (used at once)
        table.viewport().repaint()
        early_scrolls.append(_ms(started))
        table.scrollToTop()
        _until(app, lambda: bool(keys))
        keys_ready.append(_ms(started))
        _until(app, lambda: not desk.runner.busy)

        model.refresh_rows()  # nothing cached: the last page must be read
        started = time.perf_counter()
        table.scrollToBottom()
        last = model.rowCount() - 1
        _until(app, lambda: model.row_at(last) is not None)  # noqa: B023 (used at once)
        table.viewport().repaint()
        scrolls.append(_ms(started))
        table.scrollToTop()
        _until(app, lambda: not desk.runner.busy)

    receipt = COLUMN_NAMES.index("receipt_no")
    for order in [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * (REPEAT // 2 + 1):
        heads.clear()
        started = time.perf_counter()
        table.sortByColumn(receipt, order)
        _until(app, lambda: bool(heads))
        table.viewport().repaint()
        sorts.append(_ms(started))
        _until(app, lambda: not desk.runner.busy)

    median = statistics.median
    first_paint, scroll, sort = median(paints), median(scrolls), median(sorts)
    print(
        json.dumps(
            {
                "first_paint": first_paint,
                "keys": median(keys_ready),
                "scroll": scroll,
                "early_scroll": median(early_scrolls),
                "sort": sort,
                "rss_mb": _peak_rss_mb(),
            }
        ),
        flush=True,
    )
    os._exit(0)


def _until(app: Any, condition: Callable[[], bool], timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    children: dict[str, Callable[..., None]] = {"bare": _bare, "desk": _desk, "list": _list}
    kind = sys.argv[1]
    children[kind](*(Path(arg) for arg in sys.argv[2:]))
