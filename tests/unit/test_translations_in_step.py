"""The English translation file is in step with the code: every string the window asks Qt to
translate has a finished English translation, and no entry is left for a string the code no
longer asks for (an obsolete entry hides that its screen moved to the field catalogue, and a
missing one shows Japanese in the English window).

The code's strings are collected by pyside6-lupdate itself (the tool resources/i18n/update.sh
runs) into a scratch file, so the test sees exactly what the next update would write.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "resources" / "i18n" / "renkei_desk_en.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def _messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(path).getroot()
    return {
        (context.findtext("name") or "", m.findtext("source") or ""): m
        for context in root.iter("context")
        for m in context.iter("message")
    }


def test_every_english_entry_is_finished():
    unfinished = [
        key
        for key, m in _messages(COMMITTED).items()
        if (t := m.find("translation")) is None or t.get("type") or not (t.text or "").strip()
    ]
    assert unfinished == []


def test_the_english_file_holds_what_the_code_asks_for_and_nothing_else(tmp_path):
    scratch = tmp_path / "en.ts"
    shutil.copy(COMMITTED, scratch)
    sources = sorted(str(p) for p in (ROOT / "desktop_app" / "ui").rglob("*.py"))
    subprocess.run(
        [str(LUPDATE), *sources, "-no-obsolete", "-locations", "none", "-source-language",
         "ja_JP", "-target-language", "en_GB", "-ts", str(scratch)],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    asked, committed = set(_messages(scratch)), set(_messages(COMMITTED))
    assert sorted(asked - committed) == [], "run sh resources/i18n/update.sh and translate"
    assert sorted(committed - asked) == [], "obsolete entries: run sh resources/i18n/update.sh"
