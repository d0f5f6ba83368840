"""The backups an import makes before it writes, and an import refused for want of one."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.models import Setting
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import backups, inquiries, masters_sync, sync_export, sync_import
from tests.actors import actor_for
from tests.conftest import table_snapshot


def _files(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def branch_and_package(office, tmp_path):
    shiba = office("SHIBA")
    inquiries.add_inquiry(
        shiba,
        NewInquiry.read(
            {
                "received_at": "2026-10-01",
                "subject": "相談",
                "inquirer": {"type": "npo", "organization": "団体"},
            }
        ),
        actor=actor_for("c"),
    )
    package = tmp_path / "p.xlsx"
    sync_export.export_sync(shiba, package, actor=actor_for("c"))
    return package


def test_a_sync_import_backs_up_once_before_it_writes(office, branch_and_package):
    hq = office("HQ")
    folder = hq.path.parent / "backups"

    sync_import.import_sync(hq, [branch_and_package], actor=actor_for("s"), dry_run=True)
    assert _files(folder) == []  # a dry run writes nothing

    sync_import.import_sync(hq, [branch_and_package, branch_and_package], actor=actor_for("s"))
    [made] = _files(folder)
    assert made.endswith("-before-sync-import.sqlite3")
    with sqlite3.connect(folder / made) as conn:  # the state before the import
        assert conn.execute("SELECT count(*) FROM inquiry").fetchone()[0] == 0
    conn.close()


def test_an_import_whose_backup_cannot_be_made_changes_nothing(
    office, branch_and_package, tmp_path
):
    hq = office("HQ")
    blocker = tmp_path / "drive-E"  # a drive letter that is a file: nothing can be made there
    blocker.write_text("")
    with hq.write() as session:
        session.merge(Setting(key=backups.FOLDER_KEY, value=str(blocker / "renkei")))
    before = table_snapshot(hq.path)

    [package] = sync_import.import_sync(hq, [branch_and_package], actor=actor_for("s")).packages

    assert package.refused_code == "backup_folder_unavailable"
    assert "に書き込めません" in (package.refused or "")
    assert table_snapshot(hq.path) == before


def test_a_master_import_backs_up_first(office, tmp_path):
    hq, shiba = office("HQ"), office("SHIBA")
    masters_sync.export_masters(hq, tmp_path / "m.xlsx", actor=actor_for("hq"))
    masters_sync.import_masters(shiba, tmp_path / "m.xlsx", actor=actor_for("s"))
    [made] = _files(shiba.path.parent / "backups")
    assert made.startswith("SHIBA-SHIBA-") and made.endswith("-before-masters-import.sqlite3")
