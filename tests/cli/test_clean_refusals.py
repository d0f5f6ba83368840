"""Issue 18, defects 5 and 6: every failure a clean refusal, through the command line.

A far cell however it is written, a device for a file, a full disk, a write lock held by another
program, a date of the year 1, a number of 5,000 digits, half a surrogate pair, a CSV with broken
cp932 bytes: each ends with exit 2, its own Japanese message, no traceback and nothing changed
(row for row: the sign-in entry every command writes is left out of the comparison). A read
command still works while another program holds the write lock.

The hostile workbooks run in a child process under an address-space limit, so one that got
through would abort that child (exit 134 then) and not the test run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD
from tests.excel import hostile
from tests.excel.open_in_child import limit_memory

ROOT = Path(__file__).resolve().parents[2]
FAR_VARIANTS = ("r in single quotes", "spaces around =", "character references")
IMPORTS = (
    ("import-sync",),
    ("import-sync", "--dry-run"),
    ("import-ledger",),
    ("import-ledger", "--dry-run"),
    ("import-masters",),
)


@pytest.fixture
def desk(db_path: Path, contract_example: dict) -> Path:
    """The SHIBA database with one inquiry."""
    db = database.connect(db_path)
    try:
        inquiries.add_inquiry(db, NewInquiry.read(contract_example), actor=actor_for("clerk"))
    finally:
        db.dispose()
    return db_path


def _cli_in_child(tmp_path: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db), *args],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
            "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
            "LANG": "ja_JP.UTF-8",
        },
        preexec_fn=limit_memory,  # noqa: PLW1509 - the child runs nothing but the CLI
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize("command", IMPORTS, ids=" ".join)
@pytest.mark.parametrize("variant", FAR_VARIANTS)
def test_a_far_cell_is_refused_by_every_import(desk, tmp_path, snapshot, command, variant):
    path = hostile.write(tmp_path, "送付.xlsx", hostile.far_cell_workbook(variant))
    before = snapshot(desk)

    done = _cli_in_child(tmp_path, desk, *command, str(path))

    assert done.returncode == 2, (done.returncode, done.stderr[-2000:])
    assert "「送付.xlsx」のシート（xl/worksheets/sheet1.xml）の範囲が大きすぎる" in done.stderr
    assert "16,384 列 × 1,048,576 行" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert snapshot(desk) == before


@pytest.mark.parametrize(
    "command",
    [("import-ledger",), ("import-ledger", "--dry-run"), ("import-sync",), ("import-masters",)],
    ids=" ".join,
)
def test_a_device_is_no_file_to_import(run, desk, snapshot, command):
    before = snapshot(desk)
    result = run(*command, "/dev/zero", db=desk)
    assert result.code == 2, result.err
    assert "「zero」は通常のファイルではありません" in result.err
    assert snapshot(desk) == before


def test_a_mapping_profile_from_a_device_is_refused(run, desk, tmp_path, snapshot):
    path = tmp_path / "受付簿.csv"
    path.write_text("受付日,件名,相談者\n2026/4/1,防災の相談,山田 太郎\n", encoding="utf-8")
    before = snapshot(desk)
    result = run("import-ledger", str(path), "--mapping", "/dev/zero", db=desk)
    assert result.code == 2, result.err
    assert "「zero」は通常のファイルではありません" in result.err
    assert snapshot(desk) == before


def test_json_from_a_device_is_read_with_a_bound(run, desk, snapshot):
    before = snapshot(desk)
    result = run("inquiry", "add", "--json-file", "/dev/zero", db=desk)
    assert result.code == 2, result.err
    assert "「/dev/zero」は大きすぎるため開きません" in result.err
    assert snapshot(desk) == before


def test_a_broken_cp932_csv_names_the_row(run, desk, tmp_path, snapshot):
    good = "受付日,件名,相談者\n2026/4/1,防災の相談,山田 太郎\n".encode("cp932")
    path = tmp_path / "受付簿.csv"
    path.write_bytes(good + b"2026/4/2,\x82\x20,\x88\n")
    before = snapshot(desk)
    result = run("import-ledger", str(path), "--dry-run", db=desk)
    assert result.code == 2, result.err
    assert "「受付簿.csv」の 3 行目に" in result.err
    assert "読めないバイト（0x82）" in result.err
    assert "ExcelのブックでもCSVでもありません" not in result.err
    assert snapshot(desk) == before


# --- JSON input -------------------------------------------------------------------------------


def test_received_in_the_year_1_is_refused(run, desk, write_json, sample_inquiry, snapshot):
    before = snapshot(desk)
    path = write_json({**sample_inquiry, "received_at": "0001-01-01"})
    result = run("inquiry", "add", "--json-file", str(path), db=desk)
    assert result.code == 2, result.err
    assert "「受付日」の日付 0001-01-01 は入力できません（2000-01-01 から" in result.err
    update = run(
        "inquiry", "update", "SHIBA-2026-00001", "--set", "received_at=0001/01/01", db=desk
    )
    assert update.code == 2 and "は入力できません" in update.err, update.err
    assert snapshot(desk) == before


def test_a_number_of_5000_digits_is_refused(run, desk, write_json, sample_inquiry, snapshot):
    before = snapshot(desk)
    text = json.dumps(sample_inquiry, ensure_ascii=False)
    path = write_json(text.replace('"content": ', '"content": ' + "9" * 5_000 + ', "x": ', 1))
    result = run("inquiry", "add", "--json-file", str(path), db=desk)
    assert result.code == 2, result.err
    assert "JSONの数値が長すぎます" in result.err and "4,300桁" in result.err
    assert snapshot(desk) == before


def test_a_year_of_5000_digits_is_refused(run, desk, tmp_path):
    out = tmp_path / "年度.xlsx"
    result = run("report", "fiscal-year", "--year", "9" * 5_000, "--out", str(out), db=desk)
    assert result.code == 2, result.err
    assert "1900" in result.err and "2999" in result.err
    assert not out.exists()


def test_a_lone_surrogate_is_refused(run, desk, write_json, sample_inquiry, snapshot):
    before = snapshot(desk)
    text = json.dumps(sample_inquiry, ensure_ascii=True)
    path = write_json(text.replace('"subject": "', '"subject": "\\ud800', 1))
    result = run("inquiry", "add", "--json-file", str(path), db=desk)
    assert result.code == 2, result.err
    assert "の subject に、文字として表せない値（対になっていないサロゲート U+D800）" in result.err
    from_stdin = run("inquiry", "add", "--json-file", "-", db=desk, stdin=text.replace(
        '"name": "', '"name": "\\udfff', 1
    ))  # fmt: skip
    assert from_stdin.code == 2 and "inquirer.name" in from_stdin.err, from_stdin.err
    # Bytes that are no UTF-8 on the command line arrive as lone surrogates too.
    argument = run("inquiry", "update", "SHIBA-2026-00001", "--set", "subject=\udcff", db=desk)
    assert argument.code == 2 and "U+DCFF" in argument.err, argument.err
    assert snapshot(desk) == before


# --- a full disk ------------------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 1.5 MB (tmpfs, mounted as root), or the test is skipped."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a small file system needs mount (root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=False)


def test_demo_data_on_a_full_disk(run, db_path, tiny_disk, snapshot):
    desk = tiny_disk / "desk.sqlite3"
    shutil.copyfile(db_path, desk)
    before = snapshot(desk)
    result = run("demo-data", "--count", "5000", db=desk)
    assert result.code == 2, result.err
    assert (
        "ディスクの空き容量が足りないため保存できませんでした。何も変更していません。" in result.err
    )
    assert snapshot(desk) == before


def test_import_sync_on_a_full_disk(run, tmp_path, tiny_disk, snapshot):
    from desktop_app.demo.service import generate_demo_data
    from desktop_app.services import backup_key, backups, setup, staff, sync_export

    shiba = database.connect(tmp_path / "shiba.sqlite3")
    setup.initialise(shiba, "SHIBA")
    generate_demo_data(shiba, count=600, seed=3)
    package = tmp_path / "shiba.xlsx"
    sync_export.export_sync(shiba, package, actor=actor_for("clerk"), full=True)
    shiba.dispose()
    here = tiny_disk / "hq.sqlite3"
    hq = database.connect(here)
    setup.initialise(hq, "HQ")
    staff.create_first_admin(hq, ADMIN_PASSWORD)
    with hq.write() as session:
        setup.mark_training(session)  # demo cases go only into a training database
    # The backups go elsewhere, so that it is the import's own transaction that meets the
    # full disk (a backup that cannot be written is refused with a message of its own); a
    # backup outside the database's folder is encrypted, so it needs the backup password.
    backup_key.set_password(hq, "backup-Passw0rd-for-tests", actor=actor_for(office="HQ"))
    backups.set_folder(hq, tmp_path / "backups", actor=actor_for(office="HQ"))
    hq.dispose()
    before = snapshot(here)

    result = run("import-sync", str(package), db=here)

    assert result.code == 2, (result.out, result.err)
    assert "ディスクの空き容量が足りないため保存できませんでした。" in result.err
    assert snapshot(here) == before


# --- a write lock held by another program -------------------------------------------------------

HOLD_THE_LOCK = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE setting SET value = value WHERE 0")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


@pytest.fixture
def held(desk: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """`desk` while a second process holds BEGIN IMMEDIATE on it (past a busy timeout of 0.3 s
    instead of 10 s, so that the test waits less)."""
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 300)
    monkeypatch.setattr("db.connection.BUSY_TIMEOUT_MS", 300)  # the light read's (db.light)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(desk)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield desk
    finally:
        holder.communicate("done\n", timeout=30)


def test_a_change_waits_then_is_refused_while_another_program_writes(
    run, held, snapshot, write_json, sample_inquiry
):  # noqa: E501
    before = snapshot(held)
    result = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=held)
    assert result.code == 2, result.err
    assert "他のプログラム（別の窓口の画面や取込みなど）がデータベースに書き込み中" in result.err
    assert "何も変更していません" in result.err
    assert snapshot(held) == before


def test_a_read_works_while_another_program_writes(run, held, snapshot):
    before = snapshot(held)
    listed = run("inquiry", "list", db=held)
    assert listed.code == 0, listed.err
    assert "SHIBA-2026-00001" in listed.out
    assert "今回のサインインは記録せずに読み取りだけを行いました" in listed.err
    as_json = run("inquiry", "list", "--json", db=held)
    assert as_json.code == 0 and as_json.json()["count"] == 1, as_json.err
    assert snapshot(held) == before


def test_a_wrong_password_is_still_refused_while_another_program_writes(run, held, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "not-the-password")
    result = run("inquiry", "list", db=held)
    assert result.code == 2
    assert "SHIBA-2026-00001" not in result.out
