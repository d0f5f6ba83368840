"""Start-up of the command line, whole processes, against the bare Python line in the same run.

`renkei-desk --help` and `--version` (budget 4x) and `inquiry list --limit 20` on 1,000,000
inquiries (budget 8x; RENKEI_BENCH_STARTUP_COUNT for another size), each against
`python -c "import argparse, sqlite3, json"`: the least a Python command line that reads SQLite
and prints JSON can cost. Runs are interleaved (bare, help, version, list, bare, ...) so a busy
machine slows every side alike; medians of RUNS. `-X importtime` tells where a slow figure's
time goes (docs/architecture.md, "The command line's start").

The list signs in as every command does (an account made in a copy of the demo database, its
password in RENKEI_DESK_PASSWORD): the argon2 check and the audited sign-in are part of the
figure. The children run with their .pyc files written, as an installed program has them
(PYTHONDONTWRITEBYTECODE, set in some shells, would compile every module on every run).

Below the list figure, imports, each a whole process of its own: SQLAlchemy's core, its ORM
and the models (what the full path pays, and why the list takes the light read without them:
services/light_list.py), and every module the light list imports. The list minus its imports
is the work (parsing, open, version check, sign-in with its argon2, count, first page,
printing, the sign-in's audit entry).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time

from tests.benchmarks import common
from tests.benchmarks.common import (
    Row,
    demo_copy_with_admin,
    print_table,
    ratio,
)

LIST_COUNT = int(os.environ.get("RENKEI_BENCH_STARTUP_COUNT", "1000000"))
RUNS = 15
# (name, modules imported): what the list command's imports cost, layer by layer.
FLOORS = (
    ("sqlalchemy", "sqlalchemy"),
    ("orm", "sqlalchemy.orm"),
    ("models", "db.models"),
    ("list imports", "desktop_app.cli, desktop_app.cli.inquiry, desktop_app.services.light_list"),
)


def _once(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{command} exited {done.returncode}: {done.stderr.decode()}")
    return elapsed


def main() -> None:
    program = common.program()
    with tempfile.TemporaryDirectory() as home:
        big = demo_copy_with_admin(LIST_COUNT, home)
        env = common.process_env(home)
        commands = {
            "bare": [sys.executable, "-c", "import argparse, sqlite3, json"],
            "help": [*program, "--help"],
            "version": [*program, "--version"],
            "list": [*program, "--db", str(big), "inquiry", "list", "--limit", "20"],
            # The floors of any command that reads the database, from SQLAlchemy up.
            **{name: [sys.executable, "-c", f"import {modules}"] for name, modules in FLOORS},
        }
        for command in commands.values():
            _once(command, env)  # warm the page cache and the .pyc files
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(RUNS):
            for name, command in commands.items():
                samples[name].append(_once(command, env))
    median = {name: statistics.median(values) for name, values in samples.items()}
    bare = median["bare"]
    ms = "{:.0f} ms".format
    print_table(
        "Command line start-up (whole processes)",
        [
            Row("python -c 'import argparse, sqlite3, json'", ms(bare)),
            Row(
                "renkei-desk --help",
                ms(median["help"]),
                ms(bare),
                ratio(median["help"], bare),
                "x4",
            ),
            Row(
                "renkei-desk --version",
                ms(median["version"]),
                ms(bare),
                ratio(median["version"], bare),
                "x4",
            ),
            Row(
                f"inquiry list --limit 20, {LIST_COUNT:,}",
                ms(median["list"]),
                ms(bare),
                ratio(median["list"], bare),
                "x8",
            ),
            *(
                Row(
                    f"  floor: import {modules}" if "," not in modules else f"  floor: {name}",
                    ms(median[name]),
                    ms(bare),
                    ratio(median[name], bare),
                )
                for name, modules in FLOORS
            ),
            Row(
                "  list minus its imports (the work)",
                ms(median["list"] - median["list imports"]),
            ),
        ],
    )
