"""What the command line imports before it answers, seen in a real process (issue 23).

Qt (PySide6) is for the window and a PDF report, openpyxl for writing workbooks; `--help`
and `inquiry list` need neither, and a command that loads them pays for it on every run.
Each command runs in a child Python through `desktop_app.cli.main`, as `renkei-desk` does,
and prints the top-level packages in its `sys.modules` when it is done.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.child_process import run_child

HEAVY = ("PySide6", "openpyxl")
# Runs the command in the child and prints which of HEAVY (and sqlalchemy) it loaded.
CHILD = """
import json, sys
from desktop_app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
watched = {"PySide6", "openpyxl", "sqlalchemy"}
loaded = sorted({name.split(".")[0] for name in sys.modules} & watched)
print(json.dumps({"code": code, "loaded": loaded}), file=sys.stderr)
"""


def _loaded(tmp_path: Path, *args: str) -> dict[str, object]:
    seen, _done = run_child(list(args), tmp_path, script=CHILD, env={"LANG": "ja_JP.UTF-8"})
    return seen


@pytest.mark.parametrize(
    "args", [("--help",), ("inquiry", "--help"), ("inquiry", "list", "--limit", "x")], ids=" ".join
)
def test_help_and_a_refused_argument_load_no_database_qt_or_openpyxl(tmp_path, args):
    seen = _loaded(tmp_path, *args)

    assert seen["code"] in (0, 2)
    assert seen["loaded"] == []  # argparse is built without the services under it


@pytest.mark.parametrize("as_json", [False, True], ids=["plain", "json"])
def test_inquiry_list_loads_neither_qt_nor_openpyxl(tmp_path, db_path, as_json):
    json_flag = ("--json",) if as_json else ()
    seen = _loaded(tmp_path, "--db", str(db_path), *json_flag, "inquiry", "list", "--limit", "20")

    assert seen["code"] == 0
    assert not set(HEAVY) & set(seen["loaded"]), seen
