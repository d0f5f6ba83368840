"""A real package as export-sync writes it fits what excel/package_limits assumes of it (its
widest sheet, its bytes per inquiry, how well it deflates) and imports through the package
limits; a master package and a ledger keep the default ones."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import msoffcrypto
import pytest
from python_calamine import CalamineWorkbook

from db.engine import Database
from desktop_app.demo.service import generate_demo_data
from desktop_app.excel import package_limits
from desktop_app.excel.zip_guard import check_xlsx
from desktop_app.services import database, package_key, setup, sync_export, sync_import
from tests.actors import actor_for
from tests.excel import hostile

TODAY = dt.date(2026, 11, 1)
PASSWORD = "shared-ward-password-2026"
COUNT = 300


@pytest.fixture(scope="module")
def shiba(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = database.connect(tmp_path_factory.mktemp("size") / "SHIBA.sqlite3")
    setup.initialise(db, "SHIBA")
    generate_demo_data(db, count=COUNT, seed=3, today=TODAY)
    package_key.set_password(db, PASSWORD, actor=actor_for())
    return db


def _plain(path: Path) -> bytes:
    """The package's .xlsx bytes, decrypted as the import decrypts them."""
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    office.load_key(password=PASSWORD)
    out = io.BytesIO()
    office.decrypt(out)
    return out.getvalue()


def test_a_personal_full_package_fits_the_limits_assumptions_and_imports(shiba, tmp_path):
    out = tmp_path / "SHIBA-to-HQ.xlsx"
    report = sync_export.export_sync(
        shiba, out, actor=actor_for("c"), full=True, include_personal=True
    )
    plain = _plain(out)
    members = zipfile.ZipFile(io.BytesIO(plain)).infolist()
    inflated = sum(member.file_size for member in members)
    assert inflated / COUNT <= package_limits.XML_BYTES_PER_INQUIRY
    assert len(plain) / COUNT <= package_limits.FILE_BYTES_PER_INQUIRY * package_limits.HEADROOM
    assert inflated / len(plain) < package_limits.WHOLE_RATIO / 2
    book = CalamineWorkbook.from_filelike(io.BytesIO(plain))
    widths = {name: book.get_sheet_by_name(name).width for name in book.sheet_names}
    assert max(widths.values()) <= package_limits.WIDEST_SHEET, widths
    # Its text, were it saved again as shared strings (as Excel and LibreOffice save it): per
    # inquiry within what the limits assume, and per byte of the file far under the ratio.
    text = sum(
        len(value)
        for name in book.sheet_names
        for row in book.get_sheet_by_name(name).to_python()
        for value in row
        if isinstance(value, str)
    )
    assert text / COUNT <= package_limits.TEXT_PER_INQUIRY
    shared = hostile.with_shared_strings(plain)
    assert text / len(shared) < package_limits.WHOLE_RATIO / 4
    check_xlsx(shared, out.name, package_limits.SYNC_PACKAGE_LIMITS)

    hq = database.connect(tmp_path / "HQ.sqlite3")
    try:
        setup.initialise(hq, "HQ")
        package_key.set_password(hq, PASSWORD, actor=actor_for(office="HQ"))
        with hq.write() as session:
            setup.mark_training(session)  # demo data enters only a training database
        imported = sync_import.import_sync(hq, [out], actor=actor_for("s", office="HQ"))
        assert not imported.refused
        assert imported.total("inserted") == sum(report.counts.values())
    finally:
        hq.dispose()
