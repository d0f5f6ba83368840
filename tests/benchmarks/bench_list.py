"""The desk's GUI figures: start-up with 100,000 inquiries, the list with 1,000,000, one save.

* Start to a usable main window (list filled and painted, 100k inquiries) against a bare
  PySide6 QMainWindow with an empty QTableView, each measured from process launch to the first
  painted frame in its own child process (median of RUNS, interleaved), so interpreter start
  and imports count on both sides. Both children are scripts run by path: the bare one imports
  nothing of the project (bare_window.py), the desk one nothing of the tests (desk_window.py).
  Budget: 1.5x the bare window. Also the desk's start frame (the window on screen, still empty,
  before SQLAlchemy and the screens are imported) against the same bare window.
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
from pathlib import Path

from tests.benchmarks.common import (
    BENCH_TODAY,
    Row,
    checkout_first,
    demo_database,
    percentile,
    print_table,
    ratio,
)

START_COUNT = 100_000
LIST_COUNT = 1_000_000
SEED = 1
RUNS = 5
REPEAT = 5  # list measurements per figure; the median is reported
SAVES = 100
TIMEOUT_S = 600


def main() -> None:
    small = demo_database(START_COUNT, SEED)
    bares, frames, desks = [], [], []
    for _ in range(RUNS):  # interleaved, so a busy machine slows both sides alike
        bares.append(_launch("bare")["ready"])
        desk_lines = _launch("desk", small)
        frames.append(desk_lines["shown"])
        desks.append(desk_lines["ready"])
    bare, frame, desk = (statistics.median(v) for v in (bares, frames, desks))
    save_p95 = _save_p95(small)
    big = demo_database(LIST_COUNT, SEED)
    figures = json.loads(_child_output("list", big))
    ms = "{:.0f} ms".format
    print_table(
        "GUI (offscreen)",
        [
            Row("start to usable window, 100k", ms(desk), ms(bare), ratio(desk, bare), "x1.5"),
            Row("  start frame on screen", ms(frame), ms(bare), ratio(frame, bare), "x1.5"),
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
    return checkout_first(
        {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    )


HERE = Path(__file__).parent
# Window children run by path: the bare one imports PySide6 only, the desk one the program only.
SCRIPTS = {"bare": HERE / "bare_window.py", "desk": HERE / "desk_window.py"}


def _command(kind: str, db: Path | None) -> list[str]:
    if kind in SCRIPTS:
        args = [sys.executable, str(SCRIPTS[kind])]
    else:
        args = [sys.executable, "-m", "tests.benchmarks.bench_list", kind]
    return [*args, str(db)] if db else args


def _launch(kind: str, db: Path | None = None) -> dict[str, float]:
    """Milliseconds from launching the child to each line it prints, up to its 'ready' line."""
    seen: dict[str, float] = {}
    started = time.perf_counter()
    with subprocess.Popen(
        _command(kind, db), stdout=subprocess.PIPE, text=True, env=_env()
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            seen[line.strip()] = (time.perf_counter() - started) * 1000
            if line.strip() == "ready":
                break
        child.wait(TIMEOUT_S)
    if "ready" not in seen:
        raise RuntimeError(f"{kind} child did not start: {sorted(seen)!r}")
    return seen


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
    from desktop_app.domain.changes import NOTHING
    from desktop_app.domain.inquiry_commands import NewInquiry
    from desktop_app.services import database, inquiries
    from desktop_app.ui.worker import DbRunner
    from tests.actors import actor_for

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
                runner.write_now(
                    lambda data=data: inquiries.add_inquiry(
                        db, NewInquiry.read(data, today=BENCH_TODAY), actor=actor_for("bench")
                    ),
                    NOTHING,
                )
                timings.append((time.perf_counter() - started) * 1000)
        finally:
            runner.shutdown()
            db.dispose()
    return percentile(timings, 95)


# -- children ---------------------------------------------------------------------------------


def _list(path: Path) -> None:
    from PySide6.QtCore import Qt

    from desktop_app.ui.inquiry_list.list_model import COLUMN_NAMES
    from tests.benchmarks.desk_window import open_desk, until

    app, desk = open_desk(path)
    window = desk.build("ja", restore=False)
    page = window.list_page
    model, table = page.model, page.table
    until(app, lambda: window.windowHandle().isExposed() and not desk.runner.busy)

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
        until(app, lambda: bool(heads))
        table.viewport().repaint()
        paints.append(_ms(started))
        started = time.perf_counter()  # the clerk drags to the end at once: keys not in yet
        table.scrollToBottom()
        last = model.rowCount() - 1
        until(app, lambda: model.row_at(last) is not None)  # noqa: B023 (used at once)
        table.viewport().repaint()
        early_scrolls.append(_ms(started))
        table.scrollToTop()
        until(app, lambda: bool(keys))
        keys_ready.append(_ms(started))
        until(app, lambda: not desk.runner.busy)

        model.refresh_rows()  # nothing cached: the last page must be read
        started = time.perf_counter()
        table.scrollToBottom()
        last = model.rowCount() - 1
        until(app, lambda: model.row_at(last) is not None)  # noqa: B023 (used at once)
        table.viewport().repaint()
        scrolls.append(_ms(started))
        table.scrollToTop()
        until(app, lambda: not desk.runner.busy)

    receipt = COLUMN_NAMES.index("receipt_no")
    for order in [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * (REPEAT // 2 + 1):
        heads.clear()
        started = time.perf_counter()
        table.sortByColumn(receipt, order)
        until(app, lambda: bool(heads))
        table.viewport().repaint()
        sorts.append(_ms(started))
        until(app, lambda: not desk.runner.busy)

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


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    if sys.argv[1] == "list":
        _list(Path(sys.argv[2]))
