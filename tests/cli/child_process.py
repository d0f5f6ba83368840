"""The command line in a child process that says, last on standard error, its exit code and
whether it imported SQLAlchemy: how the light paths (cli/light.py) are shown to answer without
the database layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import json, sys
from desktop_app.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "sqlalchemy": "sqlalchemy" in sys.modules}), file=sys.stderr)
"""


def run_child(
    args: list[str], home: Path, *, script: str = CHILD, env: dict[str, str] | None = None
) -> tuple[dict[str, Any], subprocess.CompletedProcess[str]]:
    """`renkei-desk ARGS` run by `script` with its data folders under `home` (and `env`): what
    it said of itself, last on standard error, and the finished process."""
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_DATA_HOME": str(home / "xdg-data"),
            "XDG_STATE_HOME": str(home / "xdg-state"),
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return json.loads(done.stderr.strip().splitlines()[-1]), done
