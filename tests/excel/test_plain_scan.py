"""The guard's plain scan (patterns, no Python per element) agrees with the careful one.

excel/xml_guard.py scans a part the plain way first and falls back to the element-by-element
scan when the part is not written plainly. Whatever a part holds and however its bytes are cut
into chunks, the plain scan either says so (NotPlain) or finds the same rectangle and the same
dimension claims as the careful scan; a plainly written sheet never needs the fallback.
"""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from desktop_app.domain.errors import UserError
from desktop_app.excel import xml_guard
from desktop_app.excel.xml_guard import NotPlain, PartScanner, Span, XmlRefused
from desktop_app.excel.zip_guard import check_xlsx
from tests.excel import hostile
from tests.excel.test_attribute_syntax import loose_sheet, sheet, workbook

Seen = tuple[tuple[int, int, int, int], list[tuple[int, int, int, int]]] | str


def _corners(span: Span) -> tuple[int, int, int, int]:
    return (span.top, span.bottom, span.left, span.right)


def _scan(part: bytes, cuts: list[int], *, plain: bool) -> Seen:
    """(the cells' rectangle, the dimension claims) or the refusal's reason."""
    claims: list[tuple[int, int, int, int]] = []
    scanner: PartScanner

    def on_span(span: Span) -> None:
        if span is not scanner.span:
            claims.append(_corners(span))

    scanner = PartScanner(on_span, plain=plain)
    try:
        feed(scanner, part, cuts)
    except XmlRefused as refused:
        return refused.reason
    return _corners(scanner.span), sorted(claims)


def feed(scanner: PartScanner, part: bytes, cuts: list[int]) -> None:
    """The part fed to the scanner in pieces cut at `cuts`, then closed."""
    start = 0
    for cut in [*sorted(cuts), len(part)]:
        if cut > start:
            scanner.feed(part[start:cut])
            start = cut
    scanner.close()


def _agree(part: bytes, cuts: list[int]) -> bool:
    """True when the plain scan answered (and agreed), False when it handed the part back."""
    careful = _scan(part, cuts, plain=False)
    try:
        plain = _scan(part, cuts, plain=True)
    except NotPlain:
        return False
    assert plain == careful, (part, cuts)
    return True


def _cuts(part: bytes) -> st.SearchStrategy[list[int]]:
    return st.lists(st.integers(1, max(1, len(part) - 1)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.one_of(loose_sheet(), sheet("XFD1048576"), sheet("B2")), st.data())
def test_the_plain_scan_finds_what_the_careful_one_finds(part: bytes, data: st.DataObject) -> None:
    _agree(part, data.draw(_cuts(part)))


@st.composite
def plain_sheet(draw: st.DrawFn) -> bytes:
    """Cells written as every spreadsheet writer writes them, texts that look like tags."""
    rows = []
    for row in range(1, draw(st.integers(1, 30)) + 1):
        cells = []
        for column in sorted(set(draw(st.lists(st.integers(1, 800), min_size=1, max_size=6)))):
            ref = f"{_letters(column)}{row * draw(st.integers(1, 3000))}"
            text = draw(st.sampled_from(["a", "c&lt;c", "相談", "cols", "&#60;c r", None]))
            if text is None:  # an empty cell as openpyxl writes it, a space before its "/>"
                close = draw(st.sampled_from([" />", "/>", "\n/>", " ></c>", "\t></c>"]))
                cells.append(f'<c r="{ref}" t="inlineStr"{close}')
            else:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>')
        rows.append(f'<row r="{row}">{"".join(cells)}</row>')
    dimension = draw(st.sampled_from([None, "A1", "A1:XFD1048576", "B2:C3"]))
    return hostile.sheet_xml("".join(rows), dimension)


def _letters(column: int) -> str:
    out = ""
    while column:
        column, rest = divmod(column - 1, 26)
        out = chr(65 + rest) + out
    return out


@settings(max_examples=200, deadline=None)
@given(plain_sheet(), st.data())
def test_a_plainly_written_sheet_is_scanned_the_plain_way(part: bytes, data: st.DataObject) -> None:
    assert _agree(part, data.draw(_cuts(part))), part


_REFERENCE = st.from_regex(rb"[A-Z]{1,3}[1-9][0-9]{0,6}", fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(_REFERENCE, min_size=1, max_size=40))
def test_the_references_split_at_once_give_what_each_split_alone_gives(cells: list[bytes]) -> None:
    """The plain scan splits the references it found into columns and rows all at once; each
    reference split alone (letters stripped of the digits, digits of the letters) gives the
    same distinct columns and rows."""
    columns = {xml_guard._column(ref.rstrip(b"0123456789").decode()) for ref in cells}
    rows = {int(ref.lstrip(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ")) for ref in cells}
    found_columns, found_rows = xml_guard._places(cells)
    assert sorted(found_columns) == sorted(columns)
    assert sorted(found_rows) == sorted(rows)
    assert len(found_columns) == len(columns) and len(found_rows) == len(rows)


@st.composite
def large_plain_sheet(draw: st.DrawFn) -> bytes:
    """A plainly written sheet of many chunks' worth, some of its texts longer than the tail a
    chunk may carry over (xml_guard._CARRY, 4 KB: a chunk cut in one sends the part the careful
    way, and so may one starting in one)."""
    long_text = draw(st.sampled_from(["相" * 1500, "a" * 4200, "c&lt;c " * 700]))
    texts = ["a", "相談", "c&lt;c", "&#60;c r", long_text]
    rows = []
    for row in range(1, draw(st.integers(100, 400)) + 1):
        cells = "".join(
            f'<c r="{_letters(column)}{row}" t="inlineStr"><is><t>{text}</t></is></c>'
            for column, text in enumerate(
                draw(st.lists(st.sampled_from(texts[:4] * 30 + texts[4:]), min_size=1, max_size=5)),
                start=1,
            )
        )
        rows.append(f'<row r="{row}">{cells}</row>')
    return hostile.sheet_xml("".join(rows), draw(st.sampled_from([None, "A1:E400"])))


@settings(max_examples=60, deadline=None)
@given(large_plain_sheet(), st.data())
def test_chunks_longer_than_the_tail_carried_are_scanned_where_they_lie(
    part: bytes, data: st.DataObject
) -> None:
    """A chunk after one whose end cut a tag is scanned in place but for its start, joined to
    that tag: the same rectangle, claims and cell count as the careful scan, however it is cut
    (a few cuts, so that chunks are many times the tail carried)."""
    cuts = data.draw(st.lists(st.integers(1, len(part) - 1), max_size=4))
    careful = PartScanner(lambda _: None)
    feed(careful, part, cuts)
    seen = []
    for pieces in (cuts, []):
        plain = PartScanner(lambda _: None, plain=True)
        try:
            feed(plain, part, pieces)
        except NotPlain:  # a long text across a cut
            assert b"a" * 4100 in part or "相" * 1400 in part.decode() or b"c&lt;c " * 600 in part
            continue
        seen.append((_corners(plain.span), plain.cells))
        assert seen[-1] == (_corners(careful.span), careful.cells), cuts
    if not cuts:
        assert len(seen) == 2


# The pattern the plain scan used before it matched every "<c" (kept verbatim): plain cells only.
_PLAIN_CELL = re.compile(
    rb'<c r="([A-Z]{1,3}+[1-9][0-9]{0,6}+)"(?: s="[0-9]{1,9}+")?+(?: t="[a-zA-Z]{1,9}+")?+'
    rb"[ \t\r\n]*+/?>"
)
_TAG_PIECES = st.sampled_from(
    [b"<c", b"<c ", b"<co", b"<cols>", b":c", b"c", b"<", b">", b"/>", b" ", b"\t", b'"', b"=",
     b'r="', b's="', b't="', b"A", b"XFD", b"1", b"0", b"1048576", b"inlineStr", b"s", b"<v>",
     b'<c r="B12" s="3" t="inlineStr">', b'<c r="A1"/>', b'<c r="A1" r="B2">', b"\xe7\x9b\xb8"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_TAG_PIECES, max_size=60).map(b"".join))
def test_the_cell_tag_pattern_matches_each_c_once_and_plain_cells_as_before(text: bytes) -> None:
    """The plain scan counts the "<c" by its matches, and takes the plain cells' references
    from them: as many matches as "<c", and the references the plain pattern alone finds."""
    found = xml_guard._CELL_TAG.findall(text)
    assert len(found) == text.count(b"<c")
    assert [ref for ref in found if ref] == _PLAIN_CELL.findall(text)


def test_a_sheet_openpyxl_wrote_is_scanned_the_plain_way() -> None:
    """openpyxl (the bench's ledgers, the program's own exports) writes an empty cell with a
    space before its "/>": no part of its sheets needs the element-by-element scan."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("受付簿")
    sheet.append(["No.", "受付日", "", "相談者"])
    sheet.append([1, "R7.4.1", "", None, "港南商店会 田中"])
    sheet.append([])
    out = io.BytesIO()
    book.save(out)
    part = zipfile.ZipFile(out).read("xl/worksheets/sheet1.xml")
    assert b'" />' in part
    assert _agree(part, [])
    assert _agree(part, [part.index(b" />") + 1])


def test_a_cell_hidden_from_the_patterns_sends_the_part_the_careful_way() -> None:
    hidden = (
        "<c r='XFD9'><v>1</v></c>",
        '<c  r="XFD9"><v>1</v></c>',
        '<c r = "XFD9"><v>1</v></c>',
        '<c t="n" r="XFD9"><v>1</v></c>',
        '<c r="&#88;FD9"><v>1</v></c>',
        '<x:c xmlns:x="urn:x" r="XFD9"><v>1</v></x:c>',
        "<c><v>1</v></c>",
    )
    for cell in hidden:
        part = hostile.sheet_xml(f'<row r="1"><c r="A1"><v>1</v></c>{cell}</row>')
        assert _scan(part, [], plain=False) != "unreadable", cell
        try:
            _scan(part, [], plain=True)
        except NotPlain:
            continue
        raise AssertionError(f"{cell} was read by the patterns")


def test_calamine_places_a_cell_at_its_last_reference() -> None:
    """Why the patterns match a cell's whole start tag: a second `r` moves the cell."""
    part = hostile.sheet_xml('<row r="1"><c r="A1" r="C3"><v>1</v></c></row>')
    book = CalamineWorkbook.from_filelike(io.BytesIO(workbook(part)))
    assert book.get_sheet_by_index(0).to_python(skip_empty_area=False)[2] == ["", "", 1.0]


def test_a_cell_with_a_second_reference_is_not_read_by_the_patterns() -> None:
    """The part goes the careful way, which refuses it (expat: a repeated attribute); so does
    a dimension with a second `ref` or another attribute."""
    for cell in (
        '<c r="A1" r="XFD1048576"><v>1</v></c>',
        '<c r="A1" s="1" r="XFD1048576"><v>1</v></c>',
        '<c r="A1" t="n"\nr=\'XFD1048576\'><v>1</v></c>',
        '<c r="A1" t="n"r="XFD1048576"><v>1</v></c>',
        '<c r="A1" t="n" r="XFD1048576" />',
        '<c r="A1" t="n"\n r="XFD1048576"/>',
    ):
        part = hostile.sheet_xml(f'<row r="1">{cell}</row>')
        with pytest.raises(NotPlain):
            _scan(part, [], plain=True)
        assert _scan(part, [], plain=False) == "unreadable", cell
        with pytest.raises(UserError) as refused:
            check_xlsx(workbook(part), "送付.xlsx")
        assert refused.value.code == "workbook_unreadable"
    for claim, careful in (
        ('A1:B2" ref="A1:XFD1048576', "unreadable"),
        ('A1:B2" x="1', ((1, 1, 1, 1), [(1, 2, 1, 2)])),
    ):
        part = hostile.sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', claim)
        with pytest.raises(NotPlain):
            _scan(part, [], plain=True)
        assert _scan(part, [], plain=False) == careful, claim


def test_a_dtd_comment_or_cdata_sends_the_part_the_careful_way() -> None:
    """No XML parser runs on a plain part: whatever `<!` opens is the careful scan's, also
    when the chunk ends between `<` and `!`."""
    cells = '<row r="1"><c r="A1"><v>1</v></c></row>'
    for extra in ("<!-- <c r='XFD1'/> -->", "<![CDATA[ <c r='XFD1'> ]]>"):
        part = hostile.sheet_xml(cells + extra)
        for cuts in ([], [part.index(b"<!") + 1]):
            with pytest.raises(NotPlain):
                _scan(part, cuts, plain=True)
            assert _scan(part, cuts, plain=False) == ((1, 1, 1, 1), [])
    bomb = hostile.billion_laughs("worksheet")
    with pytest.raises(NotPlain):
        _scan(bomb, [], plain=True)
    assert _scan(bomb, [], plain=False) == "dtd"
