"""A branch PC set up again from nothing (init, no package from the centre first) issues its
receipt numbers from 00001 again; its package reaches the centre with numbers that already
name other inquiries there. The import is refused with a message naming a number (exit 2,
nothing changed), not an internal error: the unique receipt number stops the insert."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.messages import render
from desktop_app.services import database, inquiries, setup, staff, sync_export
from tests.actors import actor_for
from tests.conftest import ADMIN_PASSWORD, cheap_admin_hash

TODAY = dt.date(2026, 11, 1)


def _branch_with_cases(path: Path, template: Path, subjects: list[str]) -> Path:
    shutil.copyfile(template, path)
    db = database.connect(path)
    try:
        for subject in subjects:
            data = {
                "received_at": "2026-10-01",
                "subject": subject,
                "channel": "phone",
                "inquirer": {"type": "resident", "name": "鈴木 一郎"},
            }
            inquiries.add_inquiry(db, NewInquiry.read(data, today=TODAY), actor=actor_for())
        package = path.with_suffix(".xlsx")
        sync_export.export_sync(db, package, actor=actor_for(), to_office="HQ", full=True)
    finally:
        db.dispose()
    return package


def test_a_package_reusing_receipt_numbers_the_centre_holds_is_refused(
    run, snapshot, tmp_path, template_db
):
    hq = tmp_path / "hq.sqlite3"
    db = database.connect(hq)
    setup.initialise(db, "HQ")
    staff.create_first_admin(db, ADMIN_PASSWORD)
    db.dispose()
    cheap_admin_hash(hq)
    first = _branch_with_cases(tmp_path / "shiba.sqlite3", template_db, ["相談 1", "相談 2"])
    assert run("import-sync", str(first), db=hq).code == 0

    again = _branch_with_cases(tmp_path / "shiba-again.sqlite3", template_db, ["別の相談"])
    before = snapshot(hq)
    refused = run("import-sync", str(again), db=hq)

    assert refused.code == 2, refused.err
    assert render("sync_receipt_taken", "ja", receipt="SHIBA-2026-00001", path=again.name) in (
        refused.err
    )
    assert snapshot(hq) == before
