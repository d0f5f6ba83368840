"""A code field added the catalogue's way reaches every part of the program, or the test names
where it went missing (tests/catalogue/synthetic_field.py does the adding, in a process of its
own: the catalogue and the model are extended there before the program loads)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The stages the child reports (never imported here: importing it extends the catalogue).
STAGES = ("record", "form", "list", "package", "ledger", "report", "demo")


def test_a_field_added_to_the_catalogue_goes_everywhere(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "tests.catalogue.synthetic_field", str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert tuple(outcome) == STAGES
    missing = {stage: why for stage, why in outcome.items() if why != "ok"}
    assert missing == {}, f"the synthetic field went missing in: {missing}"
