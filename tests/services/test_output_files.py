"""services/output_files: the one way files are written (issue 18, defect 1)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.services import backups, output_files


def _parts(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_an_error_while_writing_leaves_the_old_file_and_no_temporary(db, tmp_path):
    out = tmp_path / "report.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with output_files.output(db, out, overwrite=True) as temporary:
            temporary.write_bytes(b"half")
            raise RuntimeError("disk went away")
    assert out.read_bytes() == b"old"
    assert _parts(tmp_path) == []


def test_a_file_that_appears_while_writing_is_not_replaced(db, tmp_path):
    out = tmp_path / "report.xlsx"
    with pytest.raises(UserError) as refused:
        with output_files.output(db, out, overwrite=False) as temporary:
            temporary.write_bytes(b"new")
            out.write_bytes(b"someone else's")
    assert refused.value.code == "output_exists"
    assert out.read_bytes() == b"someone else's"
    assert _parts(tmp_path) == []


def test_the_result_is_the_owners_only_whatever_the_writer_did(db, tmp_path):
    out = tmp_path / "report.xlsx"
    with output_files.output(db, out, overwrite=False) as temporary:
        temporary.unlink()
        temporary.write_bytes(b"written by a library that recreated the file")
    assert out.read_bytes().startswith(b"written")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.parametrize("link", ["symlink", "hardlink"])
def test_a_link_to_the_database_is_refused(db, tmp_path, link):
    out = tmp_path / "innocent.xlsx"
    if link == "symlink":
        out.symlink_to(db.path)
    else:
        os.link(db.path, out)
    with pytest.raises(UserError) as refused:
        output_files.target(db, out, overwrite=True)
    assert refused.value.code == "output_protected"


def test_a_chosen_backup_folder_is_protected_too(db, tmp_path):
    from desktop_app.domain.actor import system_actor

    chosen = tmp_path / "usb-backups"
    chosen.mkdir()
    backups.set_folder(db, chosen, actor=system_actor("SHIBA", "admin"))
    with pytest.raises(UserError) as refused:
        output_files.target(db, chosen / "sub" / ".." / "report.xlsx", overwrite=True)
    assert refused.value.code == "output_protected"
    assert "バックアップのフォルダ" in refused.value.message("ja")


def test_leftovers_of_a_killed_write_go_with_the_next_complete_one(db, tmp_path):
    out = tmp_path / "p.xlsx"
    old = tmp_path / ".p.xlsx.0badc0de.part"
    recent = tmp_path / ".p.xlsx.12345678.part"
    other = tmp_path / ".q.xlsx.0badc0de.part"
    for left in (old, recent, other):
        left.write_bytes(b"half")
    hours_ago = time.time() - 2 * output_files.STALE_AFTER_S
    os.utime(old, (hours_ago, hours_ago))
    os.utime(other, (hours_ago, hours_ago))
    with output_files.output(db, out, overwrite=False) as temporary:
        temporary.write_bytes(b"whole")
    assert sorted(_parts(tmp_path)) == sorted([recent.name, other.name])
