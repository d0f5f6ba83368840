"""A package of a few hundred inquiries, written as the export writes it (rows streamed into
openpyxl's placeholders) and read back as the import and a receiver read it: the rows read as
plain columns are the rows the mapped objects give, every row comes back exactly, nothing is
reported edited, and the print layout is the package's."""

from __future__ import annotations

import datetime as dt
from typing import Any

import openpyxl
import pytest
from sqlalchemy import select, true

from db.engine import Database
from db.models import Action, Inquirer, Inquiry
from desktop_app.demo.service import generate_demo_data
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.excel import layout
from desktop_app.excel.sync_package import CHECK_HEADER, read_package
from desktop_app.services import (
    database,
    inquiries,
    package_key,
    setup,
    sync_export,
    sync_import,
    sync_rows,
)
from desktop_app.services.package_files import load_workbook
from desktop_app.services.package_sheets import SHEET_TITLES
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)
PASSWORD = "shared-ward-password-2026"
# Text a cell must carry as it is: XML's specials, Excel's escape syntax, formula-like text,
# a CR, and more lines than a row shows.
AWKWARD = "=SUM(A1) & <b>「値」</b> _x000D_ 1\r\n2\n" + "\n".join(f"{n}行目" for n in range(3, 12))
MODELS = {"inquirer": Inquirer, "inquiry": Inquiry, "action": Action}


@pytest.fixture(scope="module")
def shiba(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("rows") / "SHIBA.sqlite3"
    db = database.connect(path)
    setup.initialise(db, "SHIBA")
    generate_demo_data(db, count=150, seed=7, today=TODAY)
    inquiries.add_inquiry(
        db,
        NewInquiry.read(
            {
                "received_at": "2026-10-01",
                "subject": "-5 から始まる件名",
                "content": AWKWARD,
                "inquirer": {"type": "resident", "name": "鈴木 一郎", "notes": AWKWARD},
            },
            today=TODAY,
        ),
        actor=actor_for("clerk"),
    )
    package_key.set_password(db, PASSWORD, actor=actor_for())
    yield db
    db.dispose()


def _expected(row: Any, *, personal: bool) -> tuple[Any, ...]:
    """What `package_rows` must give for a mapped row: its version and `content_of`."""
    return (
        row.id,
        row.origin,
        row.rev,
        sync_rows.stamp_text(row.updated_at),
        row.updated_by,
        sync_rows.content_of(row, personal=personal),
    )


@pytest.mark.parametrize("personal", (False, True))
def test_rows_read_as_columns_are_the_mapped_rows_content(shiba, personal):
    with shiba.read() as session:
        for entity, model in MODELS.items():
            mapped = [
                _expected(row, personal=personal)
                for row in session.scalars(select(model).order_by(model.pk))
            ]
            read = [
                (row.id, row.origin, row.rev, row.updated_at, row.updated_by, row.content)
                for row in sync_rows.package_rows(session, entity, true(), personal=personal)
            ]
            assert read == mapped, entity
            assert len(read) > 100


@pytest.mark.parametrize("personal", (False, True))
def test_a_package_reads_back_exactly_as_it_was_written(shiba, tmp_path, personal):
    out = tmp_path / "p.xlsx"
    report = sync_export.export_sync(
        shiba, out, actor=actor_for("c"), full=True, include_personal=personal
    )
    sheets = load_workbook(out, password=PASSWORD if personal else None)
    package = read_package(
        sheets, SHEET_TITLES, key=package_key.hmac_key(PASSWORD), file_name=out.name
    )
    assert not package.edited and not package.altered_sheets and not package.missing
    assert not package.cover_edited
    assert package.manifest.counts == report.counts
    with shiba.read() as session:
        for entity in MODELS:
            sent = sync_rows.package_rows(session, entity, true(), personal=personal)
            assert [(r.id, r.version, r.content) for r in package.rows[entity]] == [
                (r.id, r.version, r.content) for r in sent
            ]
    inquiry = next(r for r in package.rows["inquiry"] if r.content["content"] == AWKWARD)
    shown = sheets[SHEET_TITLES["inquiry"]]
    header = shown[0]
    cells = next(row for row in shown if inquiry.id in row)
    assert cells[header.index("相談内容")] == AWKWARD
    assert cells[header.index("件名")] == "-5 から始まる件名"  # text, never a formula
    assert cells[header.index(CHECK_HEADER)]


def test_the_streamed_sheets_keep_the_print_layout(shiba, tmp_path):
    out = tmp_path / "p.xlsx"
    sync_export.export_sync(shiba, out, actor=actor_for("c"), full=True)
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET_TITLES["inquiry"]]
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}" + str(
        sheet.max_row
    )
    assert str(sheet.print_area).endswith(f"{sheet.max_row}")
    header = [cell.value for cell in sheet[1]]
    column = header.index("相談内容") + 1
    # openpyxl shows Excel's _xHHHH_ escapes as they are: found by its last line.
    tall = next(
        row
        for row in range(2, sheet.max_row + 1)
        if str(sheet.cell(row, column).value).endswith("11行目")
    )
    content = sheet.cell(tall, column)
    assert content.alignment.wrap_text and content.alignment.vertical == "top"
    assert sheet.row_dimensions[tall].height == layout.MAX_LINES * layout.LINE_POINTS  # capped
    received = sheet.cell(tall, header.index("受付日") + 1)
    assert isinstance(received.value, dt.datetime) and received.number_format == "yyyy/mm/dd"
    assert received.alignment.vertical == "top"
    machine = sheet.cell(1, header.index("_data") + 1).column_letter
    assert sheet.column_dimensions[machine].hidden
    assert book["_manifest"].sheet_state == "hidden"


def test_a_package_written_so_imports_into_hq(shiba, tmp_path):
    out = tmp_path / "p.xlsx"
    report = sync_export.export_sync(shiba, out, actor=actor_for("c"), full=True)
    hq = database.connect(tmp_path / "HQ.sqlite3")
    try:
        setup.initialise(hq, "HQ")
        package_key.set_password(hq, PASSWORD, actor=actor_for(office="HQ"))
        with hq.write() as session:
            setup.mark_training(session)  # demo data enters only a training database
        imported = sync_import.import_sync(hq, [out], actor=actor_for("s", office="HQ"))
        assert not imported.refused
        assert imported.total("inserted") == sum(report.counts.values())
        assert imported.to_json()["conflicts"] == 0
    finally:
        hq.dispose()
