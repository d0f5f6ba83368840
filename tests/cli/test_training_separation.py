"""Training and real data never mix (issue 17 defect 9, issue 18 defect 4), through the CLI.

- `demo-data` is refused on a database holding real records or accounts, and works on a fresh
  database (which becomes training) and on a training one;
- a training package is refused by a real database, a fresh one included, and a real package
  by a training one, dry run included; nothing changes and a fresh HQ stays real.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ADMIN_PASSWORD

DEMO_REFUSED = "デモデータは入れられません"
TRAINING_INTO_REAL = "研修用データの送付ファイルです。研修用でない（実際の相談を記録する）"
REAL_INTO_TRAINING = "は実データの送付ファイルです。研修用のデータベースには取り込めません"
TRAINING_MARK = "【研修用】"


def _staff_rows(path: Path) -> list[tuple[str, str]]:
    import sqlite3

    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT login, role FROM staff ORDER BY login").fetchall()
    conn.close()
    return rows


@pytest.fixture
def real_desk(run, db_path, write_json, sample_inquiry) -> Path:
    """SHIBA with one real inquiry."""
    added = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path)
    assert added.code == 0, added.err
    return db_path


def test_demo_data_refused_on_a_database_with_an_inquiry(run, real_desk, snapshot):
    before, accounts = snapshot(real_desk), _staff_rows(real_desk)
    result = run("demo-data", "--count", "5", db=real_desk)
    assert result.code == 2
    assert DEMO_REFUSED in result.err and "相談 1 件" in result.err
    assert snapshot(real_desk) == before
    assert _staff_rows(real_desk) == accounts  # no demo account with the published password
    assert TRAINING_MARK not in run("check", db=real_desk).out


def test_a_deleted_inquiry_is_a_real_record_too(run, real_desk, snapshot):
    receipt = run("inquiry", "list", "--json", db=real_desk).json()["items"][0]["receipt_no"]
    assert run("inquiry", "delete", receipt, db=real_desk).code == 0
    before = snapshot(real_desk)
    result = run("demo-data", "--count", "5", db=real_desk)
    assert result.code == 2 and DEMO_REFUSED in result.err
    assert snapshot(real_desk) == before


def test_demo_data_refused_on_a_database_with_a_second_account(run, db_path, snapshot, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "hirose-kakarichou-2026")
    assert run("staff", "add", "sato", "--name", "佐藤", "--role", "clerk", db=db_path).code == 0
    before, accounts = snapshot(db_path), _staff_rows(db_path)
    result = run("demo-data", "--count", "5", db=db_path)
    assert result.code == 2
    assert DEMO_REFUSED in result.err and "init 以外のアカウント 1 件" in result.err
    assert snapshot(db_path) == before and _staff_rows(db_path) == accounts


def test_in_english_too(run, real_desk, set_language):
    set_language("en")
    result = run("demo-data", "--count", "5", db=real_desk)
    assert result.code == 2 and "Demo data is refused here" in result.err


def test_a_fresh_database_becomes_training_and_takes_more(run, db_path):
    assert run("demo-data", "--count", "5", db=db_path).code == 0
    assert TRAINING_MARK in run("check", db=db_path).out
    assert run("demo-data", "--count", "5", "--seed", "2", db=db_path).code == 0
    assert run("inquiry", "list", "--json", db=db_path).json()["count"] == 10


# --- packages -------------------------------------------------------------------------------


@pytest.fixture
def offices(run, tmp_path, monkeypatch):
    """`make(code, training)`: an initialised office database, training when asked."""
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", ADMIN_PASSWORD)

    def make(code: str, name: str, *, training: bool) -> Path:
        path = tmp_path / name / "desk.sqlite3"
        assert run("init", "--office", code, db=path).code == 0
        if training:
            assert run("demo-data", "--count", "3", db=path).code == 0
        return path

    return make


def _package(run, db: Path, out: Path, *, add: Path | None = None) -> Path:
    if add is not None:
        assert run("inquiry", "add", "--json-file", str(add), db=db).code == 0
    result = run("export-sync", "--out", str(out), db=db)
    assert result.code == 0, result.err
    return out


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_training_package_is_refused_by_a_fresh_hq_which_stays_real(
    run, offices, tmp_path, snapshot, dry_run
):
    shiba = offices("SHIBA", "shiba", training=True)
    hq = offices("HQ", "hq", training=False)
    package = _package(run, shiba, tmp_path / "training.xlsx")
    before = snapshot(hq)
    result = run("import-sync", str(package), *(["--dry-run"] if dry_run else []), db=hq)
    assert result.code == 2, result.out + result.err
    assert TRAINING_INTO_REAL in result.out + result.err
    assert snapshot(hq) == before
    checked = run("check", db=hq)
    assert checked.code == 0 and TRAINING_MARK not in checked.out


@pytest.mark.parametrize("dry_run", [True, False])
def test_a_real_package_is_refused_by_a_training_hq(
    run, offices, tmp_path, snapshot, write_json, sample_inquiry, dry_run
):
    shiba = offices("SHIBA", "shiba", training=False)
    hq = offices("HQ", "hq", training=True)
    package = _package(run, shiba, tmp_path / "real.xlsx", add=write_json(sample_inquiry))
    before = snapshot(hq)
    result = run("import-sync", str(package), *(["--dry-run"] if dry_run else []), db=hq)
    assert result.code == 2, result.out + result.err
    assert REAL_INTO_TRAINING in result.out + result.err
    assert snapshot(hq) == before
