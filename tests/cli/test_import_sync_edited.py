"""`import-sync` of a sorted package and `--accept-edited`: what is printed says exactly what
was taken, and a sorted package is no edit at all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries, setup, staff
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD, cheap_admin_hash
from tests.sync.conftest import dump

ROWS = 40


@pytest.fixture
def hq(tmp_path: Path) -> Path:
    path = tmp_path / "hq.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "HQ")
    staff.create_first_admin(db, ADMIN_PASSWORD)
    db.dispose()
    cheap_admin_hash(path)
    return path


@pytest.fixture
def package(run, db_path: Path, tmp_path: Path) -> Path:
    """A SHIBA package of ROWS cases, exported through the command line."""
    db = database.connect(db_path)
    for n in range(ROWS):
        inquiries.add_inquiry(
            db,
            NewInquiry.read(
                {
                    "received_at": "2026-10-01",
                    "subject": f"相談 {n:03d}",
                    "inquirer": {"type": "resident", "name": f"相談者 {n}"},
                }
            ),
            actor=actor_for("clerk"),
        )
    db.dispose()
    out = tmp_path / "shiba-1.xlsx"
    exported = run("export-sync", "--out", str(out), db=db_path)
    assert exported.code == 0, exported.err
    return out


def _sorted_descending(source: Path, target: Path) -> Path:
    book = openpyxl.load_workbook(source)
    work = book["受付"]
    rows = [[cell.value for cell in row] for row in work.iter_rows(min_row=2)]
    subject = [cell.value for cell in work[1]].index("件名")
    rows.sort(key=lambda row: str(row[subject]), reverse=True)
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            work.cell(r, c).value = value
    book.save(target)
    return target


def test_a_sorted_package_imports_without_a_word_about_edits(run, hq, package, tmp_path):
    sorted_ = _sorted_descending(package, tmp_path / "sorted.xlsx")

    result = run("import-sync", str(sorted_), db=hq)

    assert result.code == 0, result.out + result.err
    assert f"追加 {2 * ROWS}、" in result.out  # every inquiry and its inquirer
    assert "編集" not in result.out + result.err


def test_an_edited_hidden_column_is_refused_then_left_out_and_said_so(run, hq, package, tmp_path):
    book = openpyxl.load_workbook(package)
    work = book["受付"]
    work.cell(2, [cell.value for cell in work[1]].index("_rev") + 1).value = 99
    book.save(tmp_path / "edited.xlsx")
    before = dump(hq)

    refused = run("import-sync", str(tmp_path / "edited.xlsx"), db=hq)
    assert refused.code == 2
    assert "書き出した後に編集されています（受付 2行目）" in refused.err
    assert dump(hq) == before

    accepted = run("import-sync", "--accept-edited", str(tmp_path / "edited.xlsx"), db=hq)
    assert accepted.code == 3, accepted.err
    assert "編集を承認しましたが、取り込んだ訂正はありません" in accepted.out
    assert "取り込まなかった編集: 受付 2行目（隠し列が編集されているか" in accepted.out
    with sqlite3.connect(f"file:{hq}?mode=ro", uri=True) as conn:
        stored = conn.execute("SELECT count(*), max(rev) FROM inquiry").fetchone()
    conn.close()
    assert stored == (ROWS - 1, 1)
