"""Properties of the package workbook, checked by hypothesis on real files written and read.

- Rows in any order (a sheet sorted by any column, as a person may) are no edit: each row
  carries its own hash and the sheet's hash does not depend on the order.
- Any text and any date a database may hold (control characters, dates before 1900, put in
  before the entry rules refused them) is written, read back as no edit, and `_data` gives the
  exact value.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.excel.package_row import PackageRow
from desktop_app.excel.sync_package import Column, Manifest, SheetSpec, read_package, write_package
from desktop_app.services.package_files import load_workbook

SPEC = SheetSpec(
    "inquiry",
    "受付",
    [
        Column("ID", 38, lambda row: row.id),
        Column("件名", 30, lambda row: row.content.get("subject")),
        Column("受付日", 12, lambda row: _date(row.content.get("received_at"))),
    ],
)
PROPERTY = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Any character SQLite can store (no lone surrogates), control characters made likely.
TEXT = st.text(
    st.one_of(
        st.sampled_from("\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x85\t\n\r=+-@"),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=20,
)
DATES = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _rows(contents: list[tuple[str, dt.date]]) -> list[PackageRow]:
    return [
        PackageRow(
            entity="inquiry",
            id=f"id-{n:04d}",
            origin="SHIBA",
            rev=1,
            updated_at="2026-10-01T00:00:00.000000+00:00",
            updated_by="clerk",
            seen=None,
            content={"subject": subject, "received_at": day.isoformat()},
        )
        for n, (subject, day) in enumerate(contents)
    ]


def _written(rows: list[PackageRow], folder: Path) -> dict[str, list[list[Any]]]:
    manifest = Manifest(
        kind="sync", package_id="p", from_office="SHIBA", to_office="HQ", sequence=1,
        previous_id=None, created_at="2026-10-01T00:00:00+00:00", created_by="clerk",
        full=True, personal=False, training=False,
    )  # fmt: skip
    stream = io.BytesIO()
    write_package(stream, manifest, [(SPEC, rows)], cover=[("送付元", "SHIBA")], key=None)
    path = folder / "p.xlsx"
    path.write_bytes(stream.getvalue())
    return load_workbook(path, password=None)


@PROPERTY
@given(
    contents=st.lists(st.tuples(TEXT, DATES), min_size=1, max_size=8),
    order=st.randoms(use_true_random=False),
)
def test_rows_in_any_order_with_any_stored_values_read_back_exactly(
    tmp_path_factory, contents, order
):
    rows = _rows(contents)
    sheets = _written(rows, tmp_path_factory.mktemp("package"))
    header, *body = sheets["受付"]
    order.shuffle(body)  # sorted or filtered by whatever column a person chose
    sheets["受付"] = [header, *body]

    package = read_package(sheets, {"inquiry": "受付"}, key=None, file_name="p.xlsx")

    assert (package.edited, package.altered_sheets, dict(package.missing)) == ((), (), {})
    assert not package.cover_edited
    read = {row.id: row.content for row in package.rows["inquiry"]}
    assert read == {row.id: row.content for row in rows}
