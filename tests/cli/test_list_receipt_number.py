"""`inquiry list --query` finds a case by its receipt number in every written form."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for


@pytest.fixture
def desk(template_db: Path, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    try:
        numbers = [
            inquiries.add_inquiry(
                db,
                NewInquiry.read(
                    {
                        "received_at": "2026-10-01",
                        "subject": f"相談{n}",
                        "inquirer": {"type": "other", "organization": "町会"},
                    }
                ),
                actor=actor_for("clerk"),
            ).receipt_no
            for n in range(3)
        ]
    finally:
        db.dispose()
    return path, numbers[1]


def test_every_written_form_of_the_number_lists_the_case(run, desk):
    path, number = desk
    office, year, serial = number.split("-")
    wide = str.maketrans("0123456789-", "０１２３４５６７８９－")
    forms = [number, number.lower(), number.translate(wide), serial, str(int(serial)),
             str(int(serial)).translate(wide), f"{year}-{serial}"]  # fmt: skip
    for form in forms:
        result = run("inquiry", "list", "--json", "--query", form, db=path)
        assert result.code == 0, result.err
        assert [item["receipt_no"] for item in result.json()["items"]][:1] == [number], form
