"""The cell references of a sheet, fuzzed over every way XML lets an attribute be written.

The guard reads the references with an XML parser (excel/xml_guard.py), so a far cell is found
whatever the spelling: either quote, any XML whitespace around `=`, any character written as a
decimal or hexadecimal character reference, other attributes before or after, a namespace
prefix, lower-case letters, `$` in a dimension. Hypothesis writes the references; a far one
(XFD1048576 beside A1) is always refused, a near one (B2) never is.
"""

from __future__ import annotations

import os
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import UserError
from desktop_app.excel.zip_guard import check_xlsx
from tests.excel import hostile

WHITESPACE = st.text(alphabet=" \t\n\r", max_size=3)
QUOTES = st.sampled_from(["'", '"'])


@cache
def base_workbook() -> bytes:
    return hostile.plain_workbook()


@st.composite
def spelt(draw: st.DrawFn, value: str) -> str:
    """`value` with each character written as itself or as a character reference."""
    out = []
    for char in value:
        way = draw(st.sampled_from(["plain", "plain", "decimal", "hex", "HEX"]))
        if way == "decimal":
            out.append(f"&#{ord(char)};")
        elif way == "hex":
            out.append(f"&#x{ord(char):x};")
        elif way == "HEX":
            out.append(f"&#x{ord(char):X};")
        else:
            out.append(char)
    return "".join(out)


@st.composite
def attribute(draw: st.DrawFn, name: str, value: str) -> str:
    quote = draw(QUOTES)
    return f"{name}{draw(WHITESPACE)}={draw(WHITESPACE)}{quote}{draw(spelt(value))}{quote}"


@st.composite
def cell(draw: st.DrawFn, ref: str, prefix: str) -> str:
    case = draw(st.sampled_from([str.upper, str.lower]))
    attributes = [draw(attribute("r", case(ref)))]
    for extra in draw(st.lists(st.sampled_from(['t="n"', "s='0'"]), max_size=2, unique=True)):
        attributes.insert(draw(st.integers(0, len(attributes))), extra)
    space = draw(st.sampled_from([" ", "\n", "\t "]))
    value = f"<{prefix}v>1</{prefix}v>"
    return f"<{prefix}c{space}{space.join(attributes)}{draw(WHITESPACE)}>{value}</{prefix}c>"


@st.composite
def sheet(draw: st.DrawFn, ref: str) -> bytes:
    """A sheet with a cell at A1 and one at `ref` (or a dimension claiming A1:`ref`)."""
    name = draw(st.sampled_from(["", "x", "main"]))
    prefix = f"{name}:" if name else ""
    xmlns = f'xmlns:{name}="{hostile.MAIN_NS}"' if name else f'xmlns="{hostile.MAIN_NS}"'
    row = "".join(c for c in ref if c.isdigit())
    if draw(st.booleans()):
        dimension = draw(attribute("ref", f"$A$1:${ref[: -len(row)]}${row}"))
        head = f"<{prefix}dimension {dimension}/>"
        rows = f'<{prefix}row r="1">{draw(cell("A1", prefix))}</{prefix}row>'
    else:
        head = ""
        rows = (
            f'<{prefix}row r="1">{draw(cell("A1", prefix))}</{prefix}row>'
            f"<{prefix}row {draw(attribute('r', row))}>{draw(cell(ref, prefix))}</{prefix}row>"
        )
    return (
        f"<{prefix}worksheet {xmlns}>{head}<{prefix}sheetData>{rows}</{prefix}sheetData>"
        f"</{prefix}worksheet>"
    ).encode()


def workbook(part: bytes) -> bytes:
    return hostile.replace_member(base_workbook(), "xl/worksheets/sheet1.xml", part)


@settings(max_examples=150, deadline=None)
@given(sheet("XFD1048576"))
def test_a_far_cell_is_refused_however_it_is_written(part: bytes) -> None:
    with pytest.raises(UserError) as refused:
        check_xlsx(workbook(part), "送付.xlsx")
    assert refused.value.code == "workbook_sheet_too_large", part
    assert "16,384 列 × 1,048,576 行" in refused.value.message("ja")


@settings(max_examples=100, deadline=None)
@given(sheet("B2"))
def test_a_near_cell_is_accepted_however_it_is_written(part: bytes) -> None:
    check_xlsx(workbook(part), "送付.xlsx")


# --- the positions of cells written without `r`: the guard's rectangle holds calamine's --------


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


@st.composite
def loose_sheet(draw: st.DrawFn) -> bytes:
    """Rows and cells each with or without `r` (rows and columns below 40), values in all."""
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        row_r = draw(st.one_of(st.none(), st.integers(1, 39)))
        cells = []
        for _ in range(draw(st.integers(1, 5))):
            place = draw(st.one_of(st.none(), st.tuples(st.integers(1, 39), st.integers(1, 39))))
            ref = f' r="{_letters(place[1])}{place[0]}"' if place else ""
            cells.append(f"<c{ref}><v>1</v></c>")
        row_ref = f' r="{row_r}"' if row_r else ""
        rows.append(f"<row{row_ref}>{''.join(cells)}</row>")
    return hostile.sheet_xml("".join(rows))


@settings(max_examples=int(os.environ.get("LOOSE_EXAMPLES", "300")), deadline=None)
@given(loose_sheet())
def test_cells_without_a_reference_stay_inside_the_guarded_rectangle(part: bytes) -> None:
    import io

    from python_calamine import CalamineWorkbook

    from desktop_app.excel.xml_guard import PartScanner

    scanner = PartScanner(lambda _: None)
    scanner.feed(part)
    scanner.close()
    book = CalamineWorkbook.from_filelike(io.BytesIO(workbook(part)))
    rows = book.get_sheet_by_index(0).to_python(skip_empty_area=False)
    placed = [(r + 1, c + 1) for r, row in enumerate(rows) for c, v in enumerate(row) if v != ""]
    span = scanner.span
    for row, column in placed:
        assert span.top <= row <= span.bottom and span.left <= column <= span.right, (
            part,
            placed,
            span,
        )


def test_a_cell_in_row_0_is_refused_and_does_not_reset_the_rectangle() -> None:
    body = (
        '<row r="1"><c r="A1"><v>1</v></c><c r="A0"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    with pytest.raises(UserError) as refused:
        check_xlsx(workbook(hostile.sheet_xml(body)), "送付.xlsx")
    assert refused.value.code == "workbook_unreadable"
    zero_row = '<row r="0"><c><v>1</v></c></row>'
    with pytest.raises(UserError) as refused:
        check_xlsx(workbook(hostile.sheet_xml(zero_row)), "送付.xlsx")
    assert refused.value.code == "workbook_unreadable"
