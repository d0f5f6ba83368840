"""The sync package workbook: rows a person can read, machine columns the merge trusts.

Layout (docs/sync-format.md): a cover sheet, one sheet per kind of row (相談者, 受付, 対応履歴)
with labelled columns for people and hidden machine columns at the right (`_id` ... `_data`,
`_check`), and a hidden `_manifest` sheet. `_data` is the row's synced content as canonical
JSON, the lossless form the import reads (an empty string stays distinct from no value, codes
stay exactly as stored). `_check` is a hash of every other cell of its row, so an edit made
after export is found and named by row; the manifest holds a hash per sheet (over the rows'
`_check` values in sorted order, so that sorting a sheet changes nothing), a hash of the cover
sheet and, when the offices share a key, an HMAC-SHA256 over itself.

Cells are written as `cells.printable` gives them (a control character as its picture, a date
before 1900 as text) and hashed in that form; `_data` is JSON, which escapes every control
character, so a value stored with one still travels exactly.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from desktop_app.domain.errors import UserError
from desktop_app.excel import cells, layout
from desktop_app.excel.package_row import PackageRow, canonical_json
from desktop_app.excel.safe_read import whole_numbers_of
from desktop_app.excel.sheet_fill import SheetFill, fill_sheets
from desktop_app.excel.sheet_rows import MAX_ROWS, CellStyles, TallRows

FORMAT = "renkei-desk-package"
# 2: rows carry `_seen_personal` (docs/sync-format.md, "Personal fields"); a package of an
# earlier build is refused with a message asking for one made again by an updated program.
FORMAT_VERSION = 2
MANIFEST_SHEET = "_manifest"
COVER_SHEET = "表紙"
# The records a data sheet holds: a sheet's rows less its header (row 1).
RECORDS_PER_SHEET = MAX_ROWS - 1
MACHINE_HEADERS = (
    "_id", "_origin", "_rev", "_updated_at", "_updated_by", "_seen", "_seen_personal", "_data"
)  # fmt: skip
CHECK_HEADER = "_check"
PRINT_WIDTH = 20  # a shown column's width at most (character units); longer values wrap


@dataclass(frozen=True)
class Column:
    """A column for people: its header, width, and the cell it shows for a row."""

    header: str
    width: int
    value: Callable[[PackageRow], Any]


@dataclass(frozen=True)
class SheetSpec:
    entity: str
    title: str
    columns: Sequence[Column]


@dataclass
class Manifest:
    """What the package is; `sheets` (hashes) and `hmac` are filled when it is written."""

    kind: str
    package_id: str
    from_office: str
    to_office: str
    sequence: int
    previous_id: str | None
    created_at: str
    created_by: str
    full: bool
    personal: bool
    training: bool
    counts: dict[str, int] = field(default_factory=dict)
    sheets: dict[str, str] = field(default_factory=dict)
    # A hash of the cover sheet's cells ("" in packages written before it was kept).
    cover: str = ""
    hmac: str = ""
    # The sending database's id (services/identity.py); None in packages made before it,
    # which are read as before: it is then left out of the signed text.
    database_id: str | None = None
    # The highest number N such that the sender holds every package 1..N of the receiver's to
    # it, and the number after which this package's rows begin (it makes good the receiver's
    # missing packages since+1 .. sequence-1; 0 in a full one). None in packages made before
    # they existed, which are read as before (docs/sync-format.md, "Lost packages heal").
    acknowledged: int | None = None
    since: int | None = None

    def signed_text(self) -> str:
        """Every fact but the HMAC itself, canonically: what the HMAC is computed over."""
        facts = {key: value for key, value in vars(self).items() if key != "hmac"}
        for later in ("database_id", "acknowledged", "since"):
            if facts.get(later) is None:
                facts.pop(later, None)
        return json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class EditedRow:
    """A row whose cells differ from what was exported (sheet title, row number as Excel shows).

    `visible` holds the cells for people as read, `row` the machine columns as read (None when
    they no longer make a row) and `check` the row's `_check`: enough to tell, given the sheet's
    columns, which visible cells a person changed and whether the machine columns are intact
    (`visible_edits`).
    """

    sheet: str
    row: int
    id: str
    visible: tuple[Any, ...] = ()
    package_row: PackageRow | None = None
    check: str = ""


@dataclass(frozen=True)
class Package:
    manifest: Manifest
    rows: dict[str, list[PackageRow]]
    edited: tuple[EditedRow, ...]
    # Sheets whose rows were all intact but whose hash differs (rows removed, or rows added
    # that were not in the package as written).
    altered_sheets: tuple[str, ...]
    # Rows the manifest counts that the sheet no longer holds, by sheet title.
    missing: Mapping[str, int] = field(default_factory=dict)
    # The cover sheet's cells differ from what was written (it is never read by the import).
    cover_edited: bool = False


def sign(manifest: Manifest, key: bytes | None) -> str:
    if key is None:
        return ""
    return hmac.new(key, manifest.signed_text().encode(), hashlib.sha256).hexdigest()


# --- writing ------------------------------------------------------------------------------


def write_package(
    target: IO[bytes],
    manifest: Manifest,
    sheets: Sequence[tuple[SheetSpec, Sequence[PackageRow]]],
    *,
    cover: Sequence[tuple[str, str]],
    key: bytes | None,
) -> Manifest:
    """Write the workbook to `target`; returns the manifest with its hashes and HMAC.

    openpyxl writes the cover and every sheet's settings and header (excel/sheet_fill's
    placeholders); the rows are streamed into them as XML (excel/sheet_rows), a package being
    nearly all rows. The hidden manifest sheet comes last, so its rows are made once the data
    sheets' rows have been written and hashed.
    """
    book = Workbook(write_only=True)
    _write_cover(book.create_sheet(COVER_SHEET), cover)
    manifest.cover = _cover_hash([[label, value] for label, value in cover])
    fills: list[tuple[WriteOnlyWorksheet, SheetFill]] = []
    hashed: list[_HashedRows] = []
    for spec, rows in sheets:
        sheet = book.create_sheet(spec.title)
        hashed.append(_HashedRows(spec, rows))
        fills.append((sheet, _placeholder(sheet, spec, hashed[-1])))
    facts = book.create_sheet(MANIFEST_SHEET)
    facts.sheet_state = "hidden"
    manifest_rows = _manifest_rows(manifest, hashed, key)
    fills.append((facts, SheetFill(manifest_rows, first_row=1, styles=_number_styles(facts))))
    placeholders = io.BytesIO()
    book.save(placeholders)  # names the sheets' parts
    fill_sheets(
        placeholders.getvalue(), target, {sheet.path.lstrip("/"): fill for sheet, fill in fills}
    )
    return manifest


def _write_cover(sheet: WriteOnlyWorksheet, cover: Sequence[tuple[str, str]]) -> None:
    widths = (
        min(30, max([16, *(cells.display_width(label) for label, _ in cover)])),
        min(60, max((cells.display_width(v) for _, v in cover), default=0)),
    )
    cells.set_widths(sheet, widths)
    layout.print_setup(sheet, title_rows=None, landscape=False)
    rows = layout.RowWriter(sheet, [w + 2 for w in widths])
    for label, value in cover:
        rows.append([label, value])


class _HashedRows:
    """A data sheet's cells row by row as written (`written_cells` and `_check`), keeping the
    `_check` values for the sheet's hash; iterated once, by `fill_sheets`."""

    def __init__(self, spec: SheetSpec, rows: Sequence[PackageRow]):
        self.spec = spec
        self.rows = rows
        self.checks: list[str] = []
        self.done = False

    def __iter__(self) -> Iterator[list[Any]]:
        spec, checks = self.spec, self.checks
        for row in self.rows:
            values = written_cells(spec, row)
            check = _row_hash(values)
            checks.append(check)
            values.append(check)
            yield values
        self.done = True

    def digest(self) -> str:
        if not self.done:
            raise RuntimeError(f"the sheet {self.spec.title} was not written before the manifest")
        return _sheet_hash(sorted(self.checks))


def _number_styles(sheet: WriteOnlyWorksheet) -> CellStyles:
    """The date and datetime styles of the streamed rows, registered with the workbook."""
    return CellStyles(
        date=cells.style_id(sheet, number_format=cells.DATE_FORMAT),
        datetime=cells.style_id(sheet, number_format=cells.DATETIME_FORMAT),
    )


def _placeholder(sheet: WriteOnlyWorksheet, spec: SheetSpec, rows: _HashedRows) -> SheetFill:
    """A data sheet's settings and header, and its rows to stream into it, laid out as
    `layout.RowWriter` lays out rows (wrapped text in rows tall enough)."""
    visible = len(spec.columns)
    widths = _fitted_widths(spec, rows.rows[: layout.SAMPLE_ROWS])
    cells.set_widths(sheet, widths + [10] * (len(MACHINE_HEADERS) + 1))
    cells.hide_columns(sheet, visible + 1, visible + len(MACHINE_HEADERS) + 1)
    sheet.freeze_panes = "A2"
    layout.print_setup(sheet, landscape=layout.is_wide(widths))
    headers = [column.header for column in spec.columns] + [*MACHINE_HEADERS, CHECK_HEADER]
    sheet.append(cells.header_cells(sheet, headers))
    count = len(rows.rows)
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    sheet.print_area = _print_area(spec, count)
    tall = TallRows(
        widths=[w + 2 for w in widths],
        wrap=cells.style_id(sheet, alignment=layout.WRAP),
        top=cells.style_id(sheet, alignment=layout.TOP),
        date_top=cells.style_id(sheet, number_format=cells.DATE_FORMAT, alignment=layout.TOP),
        datetime_top=cells.style_id(
            sheet, number_format=cells.DATETIME_FORMAT, alignment=layout.TOP
        ),
    )
    return SheetFill(rows, first_row=2, styles=_number_styles(sheet), tall=tall)


def _manifest_rows(
    manifest: Manifest, sheets: Sequence[_HashedRows], key: bytes | None
) -> Iterator[list[Any]]:
    """The manifest sheet's rows, made when it is written: after every data sheet."""
    for sheet in sheets:
        manifest.sheets[sheet.spec.entity] = sheet.digest()
        manifest.counts[sheet.spec.entity] = len(sheet.checks)
    manifest.hmac = sign(manifest, key)
    yield ["format", FORMAT]
    yield ["format_version", FORMAT_VERSION]
    yield ["manifest", canonical_json(vars(manifest))]


def written_cells(spec: SheetSpec, row: PackageRow) -> list[Any]:
    """Every cell of the row but `_check`, as written and hashed."""
    return cells.printable_row(
        [column.value(row) for column in spec.columns] + _machine_values(row)
    )


def _sheet_hash(checks: Iterable[str]) -> str:
    sheet_hash = hashlib.sha256()
    for check in checks:
        sheet_hash.update(check.encode())
    return sheet_hash.hexdigest()


def _cover_hash(table: Sequence[Sequence[Any]]) -> str:
    """The cover's cells, row by row (empty rows left out): a person's edit changes it."""
    hashes = [_row_hash([cells.printable(value) for value in row]) for row in table]
    empty = _row_hash([])
    return _sheet_hash(check for check in hashes if check != empty)


def _fitted_widths(spec: SheetSpec, sample: Sequence[PackageRow]) -> list[int]:
    """Each shown column as wide as its label and its values in the first rows, at most its
    declared width and `PRINT_WIDTH` (the rest wraps), so that a sheet printed one page wide
    stays legible."""
    return layout.fitted_widths(
        [column.header for column in spec.columns],
        ([column.value(row) for column in spec.columns] for row in sample),
        caps=[min(column.width, PRINT_WIDTH) for column in spec.columns],
    )


def _print_area(spec: SheetSpec, count: int) -> str:
    """The shown columns, without the leading row IDs (UUIDs for the machine and for
    finding a row on screen; on paper the receipt number names a row)."""
    first = next(
        (n for n, column in enumerate(spec.columns, 1) if not column.header.endswith("ID")), 1
    )
    last = get_column_letter(len(spec.columns))
    return f"{get_column_letter(first)}1:{last}{count + 1}"


def _machine_values(row: PackageRow) -> list[Any]:
    return [
        row.id,
        row.origin,
        row.rev,
        row.updated_at,
        row.updated_by,
        row.seen or "",
        row.seen_personal or "",
        row.data,
    ]


def _row_hash(values: Sequence[Any]) -> str:
    text = "\x1f".join(
        [
            # Text, the common cell, is its own canonical form but for CR, replaced below; the
            # others (a rev, an empty cell, a date) repeat from row to row and are worked out once.
            value if type(value) is str else _canonical_once(value)
            for value in values
        ]
    ).rstrip("\x1f")
    if "\r" in text:  # as `_canonical_cell` of each text: no CR LF spans two cells
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _canonical_cell(value: Any) -> str:
    """A cell's value as both writing and reading it back give it (readers differ in types).

    Numbers may come back as floats, dates as datetimes off by a rounding error, CR as LF.
    """
    if value is None:
        text = ""
    elif isinstance(value, bool):
        text = "1" if value else "0"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, dt.datetime):
        rounded = (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
        midnight = (rounded.hour, rounded.minute, rounded.second) == (0, 0, 0)
        text = rounded.date().isoformat() if midnight else rounded.isoformat()
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n")
    else:
        text = str(value)
    return text


# Large enough for a package's distinct dates and times (its rows' cells that are not text).
_canonical_once = lru_cache(maxsize=1 << 17, typed=True)(_canonical_cell)


# --- reading ------------------------------------------------------------------------------


def read_package(
    sheets: Mapping[str, list[list[Any]]],
    titles: Mapping[str, str],
    *,
    key: bytes | None,
    file_name: str,
) -> Package:
    """The package in `sheets` (every sheet's rows as read), verified; UserError if it is none.

    `titles` names the sheet of each kind of row. Refuses a workbook that is not a package,
    an unknown format version, and a manifest whose HMAC does not match the shared key (or
    that has none when a key is set). Edited rows are reported, not refused: whether to accept
    them is the caller's (a supervisor's) decision.
    """
    manifest = _manifest(sheets.get(MANIFEST_SHEET), file_name)
    if key is not None and not hmac.compare_digest(manifest.hmac, sign(manifest, key)):
        raise UserError("package_key_mismatch", path=file_name)
    if key is None and manifest.hmac:
        raise UserError("package_key_missing", path=file_name)
    rows: dict[str, list[PackageRow]] = {}
    edited: list[EditedRow] = []
    altered: list[str] = []
    missing: dict[str, int] = {}
    for entity, expected in manifest.sheets.items():
        title = titles.get(entity)
        table = sheets.get(title) if title else None
        if title is None or table is None:
            raise UserError("package_sheet_missing", path=file_name, sheet=title or entity)
        found, bad, checks = _read_sheet(entity, title, table, file_name)
        # A row copied within the sheet is the same row: taken once.
        found = list({row.id: row for row in reversed(found)}.values())[::-1]
        rows[entity] = found
        edited.extend(bad)
        # Sorted: the order of rows does not matter. In order: packages written before.
        # Without repeats: rows copied within the sheet.
        known = (sorted(checks), checks, sorted(set(checks)))
        if expected not in map(_sheet_hash, known) and not bad:
            altered.append(title)
        if (lost := manifest.counts.get(entity, 0) - len(found)) > 0:
            missing[title] = lost
    cover = sheets.get(COVER_SHEET)
    cover_edited = bool(manifest.cover) and (cover is None or _cover_hash(cover) != manifest.cover)
    return Package(manifest, rows, tuple(edited), tuple(altered), missing, cover_edited)


def _manifest(table: list[list[Any]] | None, file_name: str) -> Manifest:
    rows = [whole_numbers_of(row) for row in table or ()]
    facts = {str(row[0]): row[1] for row in rows if len(row) >= 2}
    if facts.get("format") != FORMAT:
        raise UserError("package_not_package", path=file_name)
    version = facts.get("format_version")
    if not isinstance(version, int | float) or int(version) > FORMAT_VERSION:
        raise UserError("package_version_unknown", path=file_name, version=version)
    if int(version) < FORMAT_VERSION:
        raise UserError("package_version_older", path=file_name, version=int(version))
    try:
        data = json.loads(str(facts["manifest"]))
        manifest = Manifest(**data)
    except (KeyError, TypeError, ValueError) as exc:
        raise UserError("package_not_package", path=file_name) from exc
    if not _numbers_fit(manifest):
        raise UserError("package_not_package", path=file_name)
    return manifest


def _numbers_fit(manifest: Manifest) -> bool:
    """A package number is a positive whole number, and a package can make good only numbers
    before its own: anything else is no package this program wrote."""
    sequence, since, acknowledged = manifest.sequence, manifest.since, manifest.acknowledged

    def whole(value: object) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    return (
        whole(sequence)
        and sequence >= 1
        and (since is None or (whole(since) and 0 <= since < sequence))
        and (acknowledged is None or (whole(acknowledged) and acknowledged >= 0))
    )


def _read_sheet(
    entity: str, title: str, table: list[list[Any]], file_name: str
) -> tuple[list[PackageRow], list[EditedRow], list[str]]:
    """The rows of one sheet, its edited rows and its `_check` values in sheet order; its
    machine columns are found by their headers.

    Numbers come as calamine reads them (floats): the hash and the machine columns read them
    either way, and the cells of an edited row, which become corrections, are made whole
    numbers here (safe_read.whole_numbers_of).
    """
    header = [str(value) for value in table[0]] if table else []
    if "_id" not in header:
        raise UserError("package_sheet_missing", path=file_name, sheet=title)
    first = header.index("_id")
    width = first + len(MACHINE_HEADERS) + 1
    if header[first:width] != [*MACHINE_HEADERS, CHECK_HEADER]:
        raise UserError("package_sheet_missing", path=file_name, sheet=title)
    found: list[PackageRow] = []
    edited: list[EditedRow] = []
    checks: list[str] = []
    for number, raw in enumerate(table[1:], start=2):
        values = raw[:width] if len(raw) >= width else [*raw, *[""] * (width - len(raw))]
        # A row with its `_check` is no empty row; only one without is looked at cell by cell.
        if values[-1] in _EMPTY and all(value in _EMPTY for value in values):
            continue
        check = str(values[-1] or "")
        checks.append(check)
        machine = values[first:-1]
        row = _package_row(entity, machine)
        if row is None or _row_hash(values[:-1]) != check:
            visible = tuple(whole_numbers_of(values[:first]))
            edited.append(EditedRow(title, number, str(machine[0] or ""), visible, row, check))
        elif type(machine[-1]) is str:
            # Intact, so the `_data` cell is the canonical JSON the exporter wrote: kept as
            # `data` rather than made again from the content it was just parsed into.
            row.__dict__["data"] = machine[-1]
        if row is not None:
            found.append(row)
    return found, edited, checks


_EMPTY = (None, "")


def visible_edits(spec: SheetSpec, edited: EditedRow) -> dict[str, Any] | None:
    """The visible cells a person changed in `edited`, {header: value as read}; None when the
    machine columns were changed (or the row's columns no longer line up), so that nothing of
    the row may be taken.

    The cells for people are made from the machine columns: made again from those read, they
    hash to `_check` exactly when the machine columns are as exported.
    """
    row = edited.package_row
    if row is None or len(edited.visible) != len(spec.columns):
        return None
    exported = written_cells(spec, row)
    if _row_hash(exported) != edited.check:
        return None
    return {
        column.header: found
        for column, was, found in zip(
            spec.columns, exported[: len(spec.columns)], edited.visible, strict=True
        )
        if _canonical_cell(was) != _canonical_cell(found)
    }


_DECODER = json.JSONDecoder()


def _json_of(text: str) -> Any:
    """`json.loads(text)`, through the decoder's own scan when the text is JSON and nothing
    else (as the exporter writes `_data`): json.loads's wrapper looks for white space twice,
    which over a package's rows costs half as much again as decoding them."""
    try:
        value, end = _DECODER.raw_decode(text)
    except ValueError:
        return json.loads(text)  # raises as it always did, or reads white space around it
    return value if end == len(text) else json.loads(text)


def _package_row(entity: str, machine: Sequence[Any]) -> PackageRow | None:
    row_id, origin, rev, updated_at, updated_by, seen, seen_personal, data = machine
    try:
        content = _json_of(data if type(data) is str else str(data))
        if not isinstance(content, dict) or not row_id:
            return None
        return PackageRow(
            entity=entity,
            id=str(row_id),
            origin=str(origin),
            rev=int(rev),
            updated_at=str(updated_at),
            updated_by=str(updated_by or ""),
            seen=str(seen) if seen else None,
            content=content,
            seen_personal=str(seen_personal) if seen_personal else None,
        )
    except (TypeError, ValueError):
        return None
