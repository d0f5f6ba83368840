"""Every file a command writes (issue 18, defect 1): never onto the database, its WAL/SHM, a
backup or the backup folder; an existing file only with --overwrite; no temporary left behind;
created readable by its owner only."""

from __future__ import annotations

import hashlib
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ledger import ledgers

PROTECTED = "データベース、そのバックアップ、またはバックアップのフォルダです"
EXISTS = "は既にあります。置き換えるときは --overwrite を付けてください"

# Each writer as (its arguments with the destination, whether it needs the central office).
Writer = Callable[[Path, Path], tuple[str, ...]]


def _ledger(tmp_path: Path) -> Path:
    return ledgers.write_xlsx(tmp_path / "受付簿.xlsx")


WRITERS: dict[str, Writer] = {
    "report monthly": lambda out, _: ("report", "monthly", "--month", "2026-10", "--out", str(out)),
    "report fiscal-year": lambda out, _: ("report", "fiscal-year", "--year", "2026", "--out", str(out)),  # noqa: E501
    "report pdf": lambda out, _: ("report", "monthly", "--month", "2026-10", "--pdf", "--out", str(out)),  # noqa: E501
    "export-sync": lambda out, _: ("export-sync", "--out", str(out)),
    "audit export": lambda out, _: ("audit", "export", "--out", str(out)),
    "import-ledger --rejected-out": lambda out, tmp: (
        "import-ledger", str(_ledger(tmp)), "--rejected-out", str(out),
    ),
}  # fmt: skip


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


@pytest.fixture
def hq_db(run, tmp_path: Path) -> Path:
    path = tmp_path / "hq" / "hq.sqlite3"
    assert run("init", "--office", "HQ", db=path).code == 0
    return path


@pytest.mark.parametrize("name", sorted(WRITERS))
@pytest.mark.parametrize("companion", ["", "-wal", "-shm"])
def test_the_database_and_its_companions_are_refused_even_with_overwrite(
    run, db_path, tmp_path, snapshot, name, companion
):
    target = db_path.with_name(db_path.name + companion)
    before, header = snapshot(db_path), db_path.read_bytes()[:16]
    for extra in ((), ("--overwrite",)):
        result = run(*WRITERS[name](target, tmp_path), *extra, db=db_path)
        assert result.code == 2, result.out + result.err
        assert PROTECTED in result.err
    assert snapshot(db_path) == before
    assert db_path.read_bytes()[:16] == header == b"SQLite format 3\x00"
    assert _leftovers(db_path.parent) == []


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_a_backup_and_the_backup_folder_are_refused(run, db_path, tmp_path, snapshot, name):
    assert run("backup", db=db_path).code == 0
    folder = db_path.parent / "backups"
    (backup,) = folder.glob("*.sqlite3")
    kept = _digest(backup)
    before = snapshot(db_path)
    for target in (backup, folder / "report.xlsx", tmp_path / backup.name):
        result = run(*WRITERS[name](target, tmp_path), "--overwrite", db=db_path)
        assert result.code == 2, (target, result.out + result.err)
        assert PROTECTED in result.err
    assert _digest(backup) == kept
    assert [p.name for p in folder.iterdir() if not p.name.endswith(".sqlite3")] == []
    assert not (tmp_path / backup.name).exists()
    assert snapshot(db_path) == before


def test_another_database_file_is_refused_whatever_its_name(run, db_path, tmp_path, template_db):
    other = tmp_path / "月報.xlsx"
    other.write_bytes(template_db.read_bytes())
    kept = _digest(other)
    result = run(*WRITERS["report monthly"](other, tmp_path), "--overwrite", db=db_path)
    assert result.code == 2 and PROTECTED in result.err
    assert _digest(other) == kept


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_an_existing_file_is_kept_unless_overwrite(run, db_path, tmp_path, snapshot, name):
    out = tmp_path / "out" / ("existing.pdf" if name == "report pdf" else "existing.xlsx")
    out.parent.mkdir()
    out.write_bytes(b"the clerk's own file")
    before = snapshot(db_path)
    refused = run(*WRITERS[name](out, tmp_path), db=db_path)
    assert refused.code == 2, refused.out + refused.err
    assert EXISTS in refused.err and str(out) in refused.err
    assert out.read_bytes() == b"the clerk's own file"
    assert snapshot(db_path) == before  # import-ledger imported nothing either
    replaced = run(*WRITERS[name](out, tmp_path), "--overwrite", db=db_path)
    assert replaced.code in (0, 3), replaced.out + replaced.err
    assert out.read_bytes() != b"the clerk's own file"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert _leftovers(out.parent) == []


def test_in_english_too(run, db_path, tmp_path, set_language):
    set_language("en")
    out = tmp_path / "existing.xlsx"
    out.write_bytes(b"x")
    result = run(*WRITERS["export-sync"](out, tmp_path), db=db_path)
    assert result.code == 2 and "exists already. Add --overwrite" in result.err
    result = run(*WRITERS["export-sync"](db_path, tmp_path), db=db_path)
    assert result.code == 2 and "it is the database, one of its backups" in result.err


def test_new_files_are_created_for_the_owner_only(run, db_path, tmp_path):
    for name, writer in WRITERS.items():
        out = tmp_path / f"{name.replace(' ', '_')}.{'pdf' if 'pdf' in name else 'xlsx'}"
        result = run(*writer(out, tmp_path), db=db_path)
        assert result.code in (0, 3), (name, result.out + result.err)
        assert stat.S_IMODE(out.stat().st_mode) == 0o600, name
    assert _leftovers(tmp_path) == []


def test_export_masters_keeps_the_same_rules(run, hq_db, tmp_path, snapshot):
    before = snapshot(hq_db)
    result = run("export-masters", "--out", str(hq_db), "--overwrite", db=hq_db)
    assert result.code == 2 and PROTECTED in result.err
    out = tmp_path / "masters.xlsx"
    out.write_bytes(b"old")
    result = run("export-masters", "--out", str(out), db=hq_db)
    assert result.code == 2 and EXISTS in result.err
    assert out.read_bytes() == b"old"
    assert snapshot(hq_db) == before
    assert run("export-masters", "--out", str(out), "--overwrite", db=hq_db).code == 0
    assert out.read_bytes()[:2] == b"PK"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_missing_folder_is_refused_without_a_trace(run, db_path, tmp_path, snapshot):
    before = snapshot(db_path)
    result = run("export-sync", "--out", str(tmp_path / "nowhere" / "p.xlsx"), db=db_path)
    assert result.code == 2 and "ファイルを書き込めません" in result.err
    assert snapshot(db_path) == before
    assert not (tmp_path / "nowhere").exists()
