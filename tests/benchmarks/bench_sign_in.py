"""Start-up as a clerk sees it: launch to the sign-in dialog, and Enter to the first page.

Each run launches two child processes, interleaved so a busy machine slows both alike: the
bare PySide6 window with a table (bare_window.py, launch to its first painted frame) and the
desk on a copy of the 100,000-inquiry demo database with an administrator account added
(desk_sign_in.py): launch to the sign-in dialog painted, then, counted inside the child, the
Enter (the password check with the real argon2 parameters) to the first page of the list
painted. Budgets: the dialog within 1.5x the bare window's first paint; the first page within
300 ms of Enter (the list's first page and count only; every other screen loads later).
The dialog comes before the database is opened (SQLAlchemy, the models and the main window's
modules are imported behind it, ui/sign_in/opening.py), so Enter is pressed as soon as the
dialog is painted (the worst case: nothing warmed yet), after SHORT_TYPING_MS (an 8-character
password typed at 8 keys a second, key events and all) and after TYPING_MS. Medians of
RUNS. The program's modules are compiled first, as an installation ships them (pip and the
bundle do): with PYTHONDONTWRITEBYTECODE set, every child would compile the desk's sources
again while the bare window's PySide6 comes compiled. Run with `python -m tests.benchmarks
sign_in`; children use QT_QPA_PLATFORM=offscreen.
RENKEI_BENCH_SIGN_IN_COUNTS=100000,1000000 adds 1M (its database takes long to build).
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import (
    BENCH_LOGIN,
    BENCH_PASSWORD,
    Row,
    checkout_first,
    demo_copy_with_admin,
    print_table,
    ratio,
)

COUNTS = tuple(int(n) for n in os.environ.get("RENKEI_BENCH_SIGN_IN_COUNTS", "100000").split(","))
RUNS = 5
SHORT_TYPING_MS = 1000  # 8 characters at 8 keys a second (desk_sign_in.KEYS_PER_S)
TYPING_MS = 2000  # a password typed in two seconds
LOGIN, PASSWORD = BENCH_LOGIN, BENCH_PASSWORD
TIMEOUT_S = 600
HERE = Path(__file__).parent


def main() -> None:
    rows: list[Row] = []
    for count in COUNTS:
        rows.extend(_measure(count))
    print_table("Sign-in and first page (launch, Enter)", rows)


def _measure(count: int) -> list[Row]:

    for package in ("desktop_app", "db"):
        compileall.compile_dir(HERE.parents[1] / package, quiet=1)

    with tempfile.TemporaryDirectory() as folder:
        path = demo_copy_with_admin(count, folder)
        bares, dialogs, checks, pages, paused, typed = [], [], [], [], [], []
        desk = [str(HERE / "desk_sign_in.py"), str(path), LOGIN, PASSWORD]
        for _ in range(RUNS):
            bares.append(_launch([str(HERE / "bare_window.py")], folder)["ready"][0])
            seen = _launch(desk, folder)
            dialogs.append(seen["dialog"][0])
            checks.append(seen["checked"][1])
            pages.append(seen["page"][1])
            paused.append(_launch(desk, folder, typing_ms=SHORT_TYPING_MS)["page"][1])
            typed.append(_launch(desk, folder, typing_ms=TYPING_MS)["page"][1])
    bare, dialog = statistics.median(bares), statistics.median(dialogs)
    page, check = statistics.median(pages), statistics.median(checks)
    after_pause, after_typing = statistics.median(paused), statistics.median(typed)
    ms = "{:.0f} ms".format
    return [
        Row("bare PySide6 window + table, first paint", ms(bare)),
        Row(f"launch -> sign-in dialog, {count:,}", ms(dialog), ms(bare), ratio(dialog, bare),
            "x1.5"),
        Row(f"Enter -> first page painted, {count:,}", ms(page), budget="300 ms"),
        Row("  of which the password check", ms(check)),
        Row(f"Enter after {SHORT_TYPING_MS} ms of typing -> first page", ms(after_pause),
            budget="300 ms"),
        Row(f"Enter after {TYPING_MS} ms of typing -> first page", ms(after_typing),
            budget="300 ms"),
    ]  # fmt: skip


def _launch(args: list[str], home: str, typing_ms: int = 0) -> dict[str, tuple[float, float]]:
    """For each line the child prints: (ms since launch, the number on the line or 0)."""
    seen: dict[str, tuple[float, float]] = {}
    folders = {"XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "XDG_STATE_HOME": home}
    env = checkout_first(
        {**os.environ, **folders, "QT_QPA_PLATFORM": "offscreen",
         "RENKEI_BENCH_TYPING_MS": str(typing_ms)}
    )  # fmt: skip
    started = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            word, _, number = line.strip().partition(" ")
            seen[word] = ((time.perf_counter() - started) * 1000, float(number or 0))
            if word == "ready":
                break
        child.wait(TIMEOUT_S)
    if "ready" not in seen:
        raise RuntimeError(f"{args[0]} did not start: {sorted(seen)!r}")
    return seen
