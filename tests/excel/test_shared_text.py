"""The text a workbook's cells take from its shared strings, and the number of its cell tags.

calamine copies a shared string into every cell of type s naming it, so a 20 KB file with one
string of a million letters named by 3,000 cells asks for six gigabytes; and it keeps every
cell tag it reads, however many stand at one place. The guard (excel/xml_guard, zip_guard)
adds up the first from the strings' lengths and counts the second, both ways of its scan, and
refuses the file before calamine reads it. A real workbook full of repeated strings opens.
"""

from __future__ import annotations

import io
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from desktop_app.domain.errors import UserError
from desktop_app.excel.safe_read import open_xlsx, read_rows
from desktop_app.excel.xml_guard import NotPlain, PartScanner, SharedStrings
from desktop_app.excel.zip_guard import DEFAULT_LIMITS, Limits, check_xlsx
from tests.excel import hostile
from tests.excel.test_plain_scan import feed

TOO_LONG = re.compile(
    r"「受付簿\.xlsx」は共有文字列を各セルに展開すると文字が多すぎるため開きません"
    r"（xl/worksheets/sheet1\.xml: [0-9,]+ 文字、上限 100,000,000 文字）。"
    r"壊れているか、不正なファイルです。"
)


def _refusal(data: bytes, limits: Limits = DEFAULT_LIMITS) -> UserError:
    with pytest.raises(UserError) as refused:
        check_xlsx(data, "受付簿.xlsx", limits)
    return refused.value


def _sheet(data: bytes) -> bytes:
    return hostile.read_member(data, "xl/worksheets/sheet1.xml")


def _scan(part: bytes, strings: SharedStrings, *, plain: bool, cuts: list[int]) -> tuple:
    scanner = PartScanner(lambda _: None, plain=plain, strings=strings)
    feed(scanner, part, cuts)
    return scanner.cells, scanner.text


def test_the_plain_scan_refuses_one_long_string_in_many_cells() -> None:
    data = hostile.one_long_string_in_many_cells()
    strings = SharedStrings()
    strings.merge([1_000_000])
    assert _scan(_sheet(data), strings, plain=True, cuts=[]) == (3000, 3_000_000_000)
    refused = _refusal(data)
    assert refused.code == "workbook_text_too_large"
    assert TOO_LONG.fullmatch(refused.message("ja")), refused.message("ja")


@pytest.mark.parametrize("cell", hostile.SHARED_CELLS_THE_CAREFUL_WAY.values(),
                         ids=list(hostile.SHARED_CELLS_THE_CAREFUL_WAY))  # fmt: skip
def test_the_careful_scan_refuses_it_however_the_cells_are_written(cell: str) -> None:
    data = hostile.one_long_string_in_many_cells(cell=cell)
    book = CalamineWorkbook.from_filelike(io.BytesIO(hostile.one_long_string_in_many_cells(
        cells=2, length=5, cell=cell)))  # fmt: skip
    assert book.get_sheet_by_index(0).to_python() == [["aaaaa"], ["aaaaa"]]  # calamine reads it
    strings = SharedStrings()
    strings.merge([1_000_000])
    with pytest.raises(NotPlain):
        _scan(_sheet(data), strings, plain=True, cuts=[])
    assert _scan(_sheet(data), strings, plain=False, cuts=[]) == (3000, 3_000_000_000)
    refused = _refusal(data)
    assert refused.code == "workbook_text_too_large"
    assert TOO_LONG.fullmatch(refused.message("ja")), refused.message("ja")


def test_the_shared_strings_are_found_whatever_the_case_of_their_name() -> None:
    """calamine looks the part up whatever its case (and slashes)."""
    for name in ("xl/SharedStrings.xml", "xl/SHAREDSTRINGS.XML"):
        small = hostile.one_long_string_in_many_cells(cells=2, length=5)
        strings = hostile.read_member(small, "xl/sharedStrings.xml")
        small = hostile.replace_member(hostile.drop_member(small, "xl/sharedStrings.xml"),
                                       name, strings)  # fmt: skip
        book = CalamineWorkbook.from_filelike(io.BytesIO(small))
        assert book.get_sheet_by_index(0).to_python() == [["aaaaa"], ["aaaaa"]], name
        data = hostile.one_long_string_in_many_cells()
        table = hostile.read_member(data, "xl/sharedStrings.xml")
        data = hostile.replace_member(hostile.drop_member(data, "xl/sharedStrings.xml"), name,
                                      table)  # fmt: skip
        assert _refusal(data).code == "workbook_text_too_large", name


def test_a_shared_strings_table_calamine_would_number_otherwise_is_refused() -> None:
    """A string inside a string ends at the inner one's end in calamine: every later index
    would name another string than the guard's; and a table that is no XML is not scanned."""
    nested = (f'<sst xmlns="{hostile.MAIN_NS}"><si><t>a</t><si><t>b</t></si></si>'
              "<si><t>c</t></si></sst>").encode()  # fmt: skip
    for table in (nested, b"PK\x03\x04 <sst><si><t>a</t></si></sst>"):
        data = hostile.replace_member(
            hostile.one_long_string_in_many_cells(cells=2, length=5), "xl/sharedStrings.xml", table
        )
        refused = _refusal(data)
        assert refused.code == "workbook_unreadable"
        assert refused.message("ja").startswith("「受付簿.xlsx」のシートを読めません。")


@st.composite
def shared_sheet(draw: st.DrawFn) -> tuple[bytes, list[int]]:
    """A sheet whose cells of type s name strings of many lengths, written the plain way (with
    a few empty cells, numbers and inline strings between)."""
    lengths = draw(st.lists(st.integers(0, 2000), min_size=1, max_size=20))
    cells = []
    for row in range(1, draw(st.integers(1, 40)) + 1):
        for column in "ABCDE":
            kind = draw(st.sampled_from(["s", "s", "s", "empty", "n", "inline"]))
            ref = f"{column}{row}"
            cells.append({
                "s": f'<c r="{ref}" t="s"><v>{draw(st.integers(0, len(lengths) - 1))}</v></c>',
                "empty": f'<c r="{ref}" s="1" t="s"/>',
                "n": f'<c r="{ref}" s="2"><v>{row}</v></c>',
                "inline": f'<c r="{ref}" t="inlineStr"><is><t>t="s"x</t></is></c>',
            }[kind])  # fmt: skip
    return hostile.sheet_xml("<row>" + "".join(cells) + "</row>"), lengths


@settings(max_examples=200, deadline=None)
@given(shared_sheet(), st.data())
def test_both_scans_add_up_the_same_text_however_the_part_is_cut(drawn, data) -> None:
    part, lengths = drawn
    strings = SharedStrings()
    strings.merge(lengths)
    cuts = data.draw(st.lists(st.integers(1, len(part) - 1), max_size=12))
    careful = _scan(part, strings, plain=False, cuts=cuts)
    try:
        plain = _scan(part, strings, plain=True, cuts=cuts)
    except NotPlain:  # only a text holding t="s" may send it the careful way
        assert b'<t>t="s"x</t>' in part
        return
    assert plain == careful


def test_the_text_counted_is_what_calamine_reads() -> None:
    texts = ["", "受付", "a" * 300, "相談内容 " * 20]
    rows = "".join(
        f'<row r="{n}">'
        + "".join(
            f'<c r="{c}{n}" t="s"><v>{(n + i) % len(texts)}</v></c>' for i, c in enumerate("ABC")
        )  # fmt: skip
        + "</row>"
        for n in range(1, 201)
    )
    table = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in texts)
    sst = f'<sst xmlns="{hostile.MAIN_NS}" uniqueCount="{len(texts)}">{table}</sst>'
    data = hostile.replace_member(
        hostile.replace_member(
            hostile.plain_workbook(), "xl/worksheets/sheet1.xml", hostile.sheet_xml(rows)
        ),  # fmt: skip
        "xl/sharedStrings.xml",
        sst.encode(),
    )
    read = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0).to_python()
    total = sum(len(value) for row in read for value in row)
    strings = SharedStrings()
    strings.merge([len(text) for text in texts])
    for plain in (True, False):
        assert _scan(_sheet(data), strings, plain=plain, cuts=[]) == (600, total)
    limit = Limits(shared_text=total)
    check_xlsx(data, "受付簿.xlsx", limit)
    refused = _refusal(data, Limits(shared_text=total - 1))
    assert refused.code == "workbook_text_too_large"


def test_a_large_workbook_of_repeated_shared_strings_opens(tmp_path) -> None:
    """10,000 rows of 10 columns, their texts from a few hundred (some of 300 characters) kept
    once in the shared-strings table as Excel keeps them, read back exactly."""
    texts = [f"{word}{n}" for n in range(40) for word in ("完了", "対応中", "港区高輪1-1-")]
    texts += [f"相談 {n}。" + "連携自治体を探している。" * 25 for n in range(60)]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("受付")
    for row in range(10_000):
        sheet.append([row] + [texts[(row * 7 + column) % len(texts)] for column in range(9)])
    inline = io.BytesIO()
    book.save(inline)
    data = hostile.with_shared_strings(inline.getvalue())
    assert b'<si><t xml:space="preserve">' in hostile.read_member(data, "xl/sharedStrings.xml")
    assert b' t="s"><v>' in _sheet(data) and b"inlineStr" not in _sheet(data)
    rows = read_rows(
        open_xlsx(hostile.write(tmp_path, "受付簿.xlsx", data), password=None), name="受付簿.xlsx"
    )
    expected = CalamineWorkbook.from_filelike(io.BytesIO(inline.getvalue()))
    assert rows["受付"] == [
        [int(value) if isinstance(value, float) else value for value in row]
        for row in expected.get_sheet_by_name("受付").to_python(skip_empty_area=False)
    ]
    text = sum(len(value) for row in rows["受付"] for value in row if isinstance(value, str))
    assert 9_000_000 < text < DEFAULT_LIMITS.shared_text / 10


@pytest.mark.parametrize("cell", ['<c r="{ref}"/>', '<x:c xmlns:x="urn:x" r="{ref}"/>'],
                         ids=["plain", "careful"])  # fmt: skip
def test_more_cell_tags_than_a_sheet_may_hold_cells_are_refused(cell: str) -> None:
    limits = Limits(cells=30_000)
    check_xlsx(hostile.many_cell_tags(30_000, cell=cell), "受付簿.xlsx", limits)
    refused = _refusal(hostile.many_cell_tags(30_001, cell=cell), limits)
    assert refused.code == "workbook_too_many_cells"
    assert refused.message("ja") == (
        "「受付簿.xlsx」のシート（xl/worksheets/sheet1.xml）はセルの数が多すぎるため開きません"
        "（30,001 個、上限 30,000 個）。壊れているか、不正なファイルです。"
    )


def test_a_number_too_long_for_python_is_no_crash() -> None:
    """Python refuses to convert a number of over 4,300 digits (ValueError): a count claim that
    long is refused as unreadable, an index that long counts as the longest string (calamine
    reads it as string 0)."""
    digits = "9" * 5000
    claim = f'<sst xmlns="{hostile.MAIN_NS}" uniqueCount="{digits}"><si><t>a</t></si></sst>'
    refused = _refusal(
        hostile.replace_member(hostile.plain_workbook(), "xl/sharedStrings.xml", claim.encode())
    )
    assert refused.code == "workbook_unreadable"
    assert refused.message("ja").startswith("「受付簿.xlsx」のシートを読めません。")
    cell = '<c r="A{n}" t="s"><v>' + digits + "</v></c>"
    data = hostile.one_long_string_in_many_cells(cells=2, length=5, cell=cell)
    strings = SharedStrings()
    strings.merge([5])
    assert _scan(_sheet(data), strings, plain=False, cuts=[]) == (2, 10)
    check_xlsx(data, "受付簿.xlsx")


_SPELLINGS = [
    '<c r="{ref}" t="s"><v>{i}</v></c>',
    '<c r="{ref}" s="3" t="s"><v>{i}</v></c>',
    '<c r="{ref}" t="s"/>',
    '<c r="{ref}" t="s"><v>{i}</v><v>{j}</v></c>',
    '<c r="{ref}" t="s"><v>{i}<!-- -->{j}</v></c>',
    '<c r="{ref}" t="s"><v> {i}</v></c>',
    '<c r="{ref}" t="s"><v>{i}&#4{j};</v></c>',
    '<c t="s" r="{ref}"><v>{i}</v></c>',
    '<x:c xmlns:x="' + hostile.MAIN_NS + '" r="{ref}" t="s"><x:v>{i}</x:v></x:c>',
    '<c r="{ref}" t="s">\n<v>{i}</v>\n</c>',
    '<c r="{ref}" t="s"><v><![CDATA[{i}]]></v></c>',
    '<c r="{ref}"><v>{i}</v></c>',
]


@st.composite
def shared_workbook(draw: st.DrawFn) -> bytes:
    """A table of strings (plain, rich text, phonetic runs, entities, kanji) and cells naming
    them in every spelling above."""
    text = st.text(alphabet="ab &<>相談\u3000_x", max_size=40).map(
        lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    )
    strings = []
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["t", "rich", "phonetic"]))
        one, two = draw(text), draw(text)
        strings.append({
            "t": f'<si><t xml:space="preserve">{one}</t></si>',
            "rich": f"<si><r><rPr><b/></rPr><t>{one}</t></r><r><t>{two}</t></r></si>",
            "phonetic": f"<si><t>{one}</t><rPh sb=\"0\" eb=\"1\"><t>{two}</t></rPh></si>",
        }[kind])  # fmt: skip
    cells = "".join(
        draw(st.sampled_from(_SPELLINGS)).format(
            ref=f"A{row}", i=draw(st.integers(0, len(strings))), j=draw(st.integers(0, 9))
        )
        for row in range(1, draw(st.integers(1, 30)) + 1)
    )
    table = f'<sst xmlns="{hostile.MAIN_NS}">{"".join(strings)}</sst>'
    book = hostile.replace_member(
        hostile.plain_workbook(),
        "xl/worksheets/sheet1.xml",
        hostile.sheet_xml(f"<row>{cells}</row>"),
    )
    return hostile.replace_member(book, "xl/sharedStrings.xml", table.encode())


@settings(max_examples=200, deadline=None)
@given(shared_workbook())
def test_the_guard_never_counts_less_text_than_calamine_reads(data: bytes) -> None:
    try:
        sheet = CalamineWorkbook.from_filelike(io.BytesIO(data)).get_sheet_by_index(0)
        read = sheet.to_python()
    except Exception:  # calamine refuses the sheet: it holds no text
        return
    text = sum(len(value) for row in read for value in row if isinstance(value, str))
    if not text:
        return
    # Counted at least as much as calamine reads (more where a cell is written unusually).
    refused = _refusal(data, Limits(shared_text=text - 1))
    assert refused.code == "workbook_text_too_large"


@pytest.mark.parametrize("cell", ['<c r="A{n}" t="s"><v>{i}</v></c>',
                                  '<x:c xmlns:x="urn:x" r="A{n}" t="s"><v>{i}</v></x:c>'],
                         ids=["plain", "careful"])  # fmt: skip
def test_text_counted_loosely_is_counted_again_exactly_before_a_refusal(cell: str) -> None:
    """Up to half the limit, a cell of type s counts as the longest string (no index read);
    a total past the limit only so counted is checked again exactly: 10 cells naming "y" count
    1,000 loosely, then 50 naming 100 letters 5,000 exactly: 6,000, but in truth 5,010."""
    table = f'<sst xmlns="{hostile.MAIN_NS}"><si><t>{"x" * 100}</t></si><si><t>y</t></si></sst>'

    def sheet(cells: int, index: int) -> bytes:
        body = "".join(cell.format(n=n, i=index) for n in range(1, cells + 1))
        return hostile.sheet_xml(f"<row>{body}</row>")

    data = hostile.replace_member(hostile.plain_workbook(), "xl/sharedStrings.xml", table.encode())
    data = hostile.replace_member(data, "xl/worksheets/sheet1.xml", sheet(10, 1))
    data = hostile.replace_member(data, "xl/worksheets/sheet2.xml", sheet(50, 0))
    check_xlsx(data, "受付簿.xlsx", Limits(shared_text=5_500))
    check_xlsx(data, "受付簿.xlsx", Limits(shared_text=5_010))
    refused = _refusal(data, Limits(shared_text=5_009))
    assert refused.code == "workbook_text_too_large"
    assert "（xl/worksheets/sheet2.xml: 5,010 文字、上限 5,009 文字）" in refused.message("ja")
