"""Real processes for the crash tests: the program is started, killed with SIGKILL, reopened."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def child_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
        "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        "LANG": "ja_JP.UTF-8",
    }


def start_saves(
    db_path: Path, count: int, tag: str, tmp_path: Path, go: Path | None = None
) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "tests.crash.child", "saves", str(db_path), str(count), tag]
    return subprocess.Popen(
        command + ([str(go)] if go else []),
        cwd=ROOT,
        env=child_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)  # read-write: a crashed WAL is recovered as the program would
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def scalar(path: Path, sql: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def receipts(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT receipt_no FROM inquiry")}
    finally:
        conn.close()
