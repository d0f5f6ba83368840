"""Setting a desk up on its first start: all or nothing, at the destination only when done."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.domain.actor import Role
from desktop_app.domain.errors import UserError
from desktop_app.services import database, masters_sync, setup, staff
from desktop_app.services.first_run import FirstAdmin, set_up_desk
from tests.actors import actor_for

ADMIN = FirstAdmin("minato.taro", "港 太郎", "correct-horse")


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_new_desk_is_made_for_the_office_with_its_first_administrator(new_db_path):
    report = set_up_desk(new_db_path, "azabu", ADMIN)
    assert (report.office, report.admin, report.masters) == ("AZABU", "minato.taro", None)
    assert _files(new_db_path.parent) == [new_db_path.name]  # no partial file, no WAL left
    assert ADMIN.password.encode() not in new_db_path.read_bytes()  # only its argon2 hash
    db = database.connect(new_db_path)
    try:
        assert setup.office_of(db) == "AZABU"
        assert not setup.is_training(db)
        actor = staff.sign_in(db, "minato.taro", ADMIN.password)
        assert (actor.name, actor.role, actor.office) == ("港 太郎", Role.ADMIN, "AZABU")
    finally:
        db.dispose()


def test_the_central_offices_master_package_is_taken(new_db_path, tmp_path):
    hq_path, package = tmp_path / "hq" / "desk.sqlite3", tmp_path / "masters.xlsx"
    set_up_desk(hq_path, "HQ", ADMIN)
    hq = database.connect(hq_path)
    try:
        sent = masters_sync.export_masters(hq, package, actor=actor_for("hq"))
    finally:
        hq.dispose()
    report = set_up_desk(new_db_path, "SHIBA", ADMIN, masters_package=package)
    assert report.masters is not None
    assert report.masters.package_id == sent.package_id
    sent_rows = sum(table["rows"] for table in sent.by_table.values())
    assert report.masters.counts()["unchanged"] == sent_rows > 1000


def test_a_path_with_a_file_is_refused_and_left_alone(db_path):
    before = db_path.read_bytes()
    with pytest.raises(UserError) as caught:
        set_up_desk(db_path, "SHIBA", ADMIN)
    assert caught.value.message("ja").startswith(f"{db_path} にはもうデータベースがあります。")
    assert db_path.read_bytes() == before


def test_a_refused_package_leaves_no_database(new_db_path, tmp_path):
    not_a_package = tmp_path / "notes.xlsx"
    not_a_package.write_bytes(b"not a workbook")
    with pytest.raises(UserError):
        set_up_desk(new_db_path, "SHIBA", ADMIN, masters_package=not_a_package)
    assert _files(new_db_path.parent) == []


def test_an_unknown_office_is_refused_naming_the_known_ones(new_db_path):
    with pytest.raises(UserError) as caught:
        set_up_desk(new_db_path, "NOWHERE", ADMIN)
    assert "事務所コード「NOWHERE」は登録されていません" in caught.value.message("ja")
    assert _files(new_db_path.parent) == []
