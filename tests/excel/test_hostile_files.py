"""Hostile and broken files: each refused with its Japanese message naming the file, within
30 s and 1.5 GB (measured in a child process), and nothing written anywhere.

The child runs with an empty working directory and an empty TMPDIR; both must still be empty
afterwards, and the file itself unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from tests.excel import hostile

ROOT = Path(__file__).resolve().parents[2]
SECONDS = 30
PEAK_MB = 1536


def open_in_child(path: Path, scratch: Path, password: str | None = None) -> dict:
    work = scratch / "cwd"
    temp = scratch / "tmp"
    work.mkdir(parents=True)
    temp.mkdir()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    beside = sorted(path.parent.iterdir())
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.excel.open_in_child", str(path)]
    done = subprocess.run(
        command + ([password] if password else []),
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=SECONDS * 2,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout)
    assert outcome["seconds"] < SECONDS, outcome
    assert outcome["peak_rss_mb"] < PEAK_MB, outcome
    assert list(work.iterdir()) == [] and list(temp.iterdir()) == [], "something was written"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(path.parent.iterdir()) == beside
    return outcome


CASES: list[tuple[str, Callable[[], bytes], str, str]] = [
    ("entity bomb in sharedStrings", hostile.entity_bomb_in_shared_strings,
     "workbook_xml_forbidden", "DTD"),
    ("entity bomb behind 100 KB of comment", hostile.entity_bomb_after_padding,
     "workbook_xml_forbidden", "DTD"),
    ("member declaring 3 GB", hostile.declares_gigabytes,
     "workbook_inflates_too_much", "展開すると大きくなりすぎる"),
    ("member claiming 1 KB, inflating to 300 MB", hostile.inflates_past_its_claim,
     "workbook_inflates_too_much", "展開すると大きくなりすぎる"),
    ("40 MB at 1000:1", hostile.compresses_too_well,
     "workbook_inflates_too_much", "展開すると大きくなりすぎる"),
    ("680 members of 1 MB, each under the ratio's floor", hostile.many_small_members,
     "workbook_inflates_too_much", "展開すると大きくなりすぎる"),
    ("dimension claiming a million columns", hostile.claims_a_million_columns,
     "workbook_sheet_too_large", "16,384 列 × 1,048,576 行"),
    ("cells at A1 and XFD1048576", hostile.far_apart_cells,
     "workbook_sheet_too_large", "範囲が大きすぎる"),
    ("truncated", hostile.truncated, "workbook_damaged", "途中で切れています"),
    (".xls renamed .xlsx", hostile.legacy_xls, "workbook_is_xls", "古い形式のExcelファイル（.xls"),
    ("CSV named .xlsx", lambda: "受付日,件名\n2026/4/1,相談\n".encode("cp932"),
     "workbook_is_csv", "CSV（テキスト）ファイル"),
    ("empty file", lambda: b"", "workbook_empty", "空のファイル"),
    ("binary junk", lambda: bytes(range(256)) * 64, "workbook_not_spreadsheet",
     "ExcelのブックでもCSVでもありません"),
    ("CSV with broken cp932 bytes",
     lambda: "受付日,件名\n2026/4/1,相談\n".encode("cp932") + b"2026/4/2,\x82\x20\n",
     "csv_bad_bytes", "3 行目に"),
    ("four billion shared strings", hostile.claims_four_billion_strings,
     "workbook_count_implausible", "ありえない数の項目（4,000,000,000 個）"),
    ("a cell with a second, far reference", hostile.second_reference,
     "workbook_unreadable", "のシートを読めません"),
    ("a dimension with a second, far reference", hostile.second_dimension_reference,
     "workbook_unreadable", "のシートを読めません"),
    ("a date of -1e300: calamine panics", hostile.date_before_year_one,
     "workbook_unreadable", "のシートを読めません"),
] + [
    (f"far cell: {kind}", partial(hostile.far_cell_workbook, kind), "workbook_sheet_too_large",
     "範囲が大きすぎる")
    for kind in hostile.far_cell_variants()
]  # fmt: skip


@pytest.mark.parametrize(
    ("build", "code", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_refused_quickly_in_bounded_memory_naming_the_file(tmp_path, build, code, words):
    path = hostile.write(tmp_path, "受付簿.xlsx", build())
    outcome = open_in_child(path, tmp_path / "child")
    assert outcome["code"] == code, outcome
    assert "「受付簿.xlsx」" in outcome["message"]
    assert words in outcome["message"]


def test_one_long_shared_string_in_many_cells_is_refused(tmp_path):
    """20 KB that calamine would copy into 3,000 cells: three billion characters (6 GB)."""
    path = hostile.write(tmp_path, "受付簿.xlsx", hostile.one_long_string_in_many_cells())
    outcome = open_in_child(path, tmp_path / "child")
    assert outcome["code"] == "workbook_text_too_large", outcome
    assert re.fullmatch(
        "「受付簿.xlsx」は共有文字列を各セルに展開すると文字が多すぎるため開きません"
        r"（xl/worksheets/sheet1\.xml: [0-9,]+ 文字、上限 100,000,000 文字）。"
        "壊れているか、不正なファイルです。",
        outcome["message"],
    ), outcome


def test_encrypted_without_password_and_with_a_wrong_one(tmp_path):
    from desktop_app.excel.safe_read import encrypt_xlsx

    path = hostile.write(
        tmp_path, "送付.xlsx", encrypt_xlsx(hostile.plain_workbook(), "正しい合言葉2026")
    )
    missing = open_in_child(path, tmp_path / "a")
    assert missing["code"] == "workbook_needs_password"
    assert missing["message"].startswith("「送付.xlsx」はパスワードで保護されています。")
    wrong = open_in_child(path, tmp_path / "b", password="違う合言葉")
    assert wrong["code"] == "workbook_password_wrong"
    assert "「送付.xlsx」をこのパスワードでは開けません" in wrong["message"]
    assert wrong["seconds"] < 5
    right = open_in_child(path, tmp_path / "c", password="正しい合言葉2026")
    assert right["code"] is None and right["sheets"] == {"受付": 1}
