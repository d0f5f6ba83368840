"""Real workbooks built for the tests: good ones, and the hostile and broken ones importers meet.

Every file is made here, byte by byte where need be (a ZIP whose directory lies), so the
tests need no binary fixtures and say exactly what each file is.
"""

from __future__ import annotations

import functools
import io
import random
import re
import string
import struct
import zipfile
import zlib
from pathlib import Path

import xlwt
from openpyxl import Workbook

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def plain_workbook(*cells: str) -> bytes:
    """A small real .xlsx (openpyxl, shared strings) with `cells` in row 1 of sheet 受付."""
    book = Workbook()
    sheet = book.active
    sheet.title = "受付"
    sheet.append(list(cells or ("受付日", "件名")))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def replace_member(xlsx: bytes, member: str, content: bytes) -> bytes:
    """`xlsx` with one member's content replaced (the archive rebuilt honestly)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = content if info.filename == member else source.read(info)
            target.writestr(info.filename, data)
        if member not in source.namelist():
            target.writestr(member, content)
    return out.getvalue()


def read_member(xlsx: bytes, member: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(xlsx)).read(member)


def drop_member(xlsx: bytes, member: str) -> bytes:
    """`xlsx` without one member (the archive rebuilt honestly)."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info.filename, source.read(info))
    return out.getvalue()


def billion_laughs(root: str) -> bytes:
    """An XML part whose one entity expands to 10**9 'lol's (3 GB) if a parser lets it."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    return (
        f'<?xml version="1.0"?><!DOCTYPE {root} [{"".join(entities)}]>'
        f'<{root} xmlns="{MAIN_NS}">'
        + (
            "<si><t>&lol9;</t></si></sst>"
            if root == "sst"
            else '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c>'
            "</row></sheetData></worksheet>"
        )
    ).encode()


def entity_bomb_in_shared_strings() -> bytes:
    return replace_member(plain_workbook(), "xl/sharedStrings.xml", billion_laughs("sst"))


def entity_bomb_after_padding() -> bytes:
    """The DTD pushed past the part's first 64 KB by a comment, so the reader must refuse it."""
    bomb = billion_laughs("worksheet")
    head, rest = bomb.split(b"?>", 1)
    padded = head + b"?><!--" + b" " * 100_000 + b"-->" + rest
    return replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", padded)


def sheet_xml(body: str, dimension: str | None = None) -> bytes:
    claim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return f'<worksheet xmlns="{MAIN_NS}">{claim}<sheetData>{body}</sheetData></worksheet>'.encode()


def claims_a_million_columns() -> bytes:
    xml = sheet_xml(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>', "A1:XFD1048576"
    )
    return replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", xml)


def far_apart_cells() -> bytes:
    """Two cells, A1 and XFD1048576, no <dimension>: python-calamine would allocate 17e9 cells."""
    body = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>'
        '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>b</t></is></c></row>'
    )
    return replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", sheet_xml(body))


def _patch_sizes(xlsx: bytes, member: str, size: int, crc: int | None = None) -> bytes:
    """Rewrite the uncompressed size (and CRC) that the local header and the central
    directory give for `member`: a directory that lies."""
    data = bytearray(xlsx)
    info = zipfile.ZipFile(io.BytesIO(xlsx)).getinfo(member)
    local = info.header_offset
    struct.pack_into("<I", data, local + 22, size)
    if crc is not None:
        struct.pack_into("<I", data, local + 14, crc)
    name = member.encode()
    central = bytes(data).find(b"PK\x01\x02", 0)
    while central != -1:
        (name_length,) = struct.unpack_from("<H", data, central + 28)
        if bytes(data[central + 46 : central + 46 + name_length]) == name:
            struct.pack_into("<I", data, central + 24, size)
            if crc is not None:
                struct.pack_into("<I", data, central + 16, crc)
            break
        central = bytes(data).find(b"PK\x01\x02", central + 4)
    return bytes(data)


def declares_gigabytes() -> bytes:
    """A sheet whose directory entry says it inflates to 3 GB."""
    return _patch_sizes(plain_workbook(), "xl/worksheets/sheet1.xml", 3 * 1024**3)


def inflates_past_its_claim(megabytes: int = 300) -> bytes:
    """A sheet that claims 1 KB (with the CRC of its first KB) but inflates to `megabytes`."""
    zeros = b" " * (megabytes * 1024 * 1024)
    packed = replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", zeros)
    return _patch_sizes(packed, "xl/worksheets/sheet1.xml", 1024, zlib.crc32(zeros[:1024]))


def compresses_too_well(megabytes: int = 40) -> bytes:
    """An honest member of `megabytes` of spaces: a ratio of about 1000:1."""
    padding = b" " * (megabytes * 1024 * 1024)
    return replace_member(plain_workbook(), "docProps/padding.xml", padding)


@functools.cache
def many_small_members(megabytes: int = 680) -> bytes:
    """`megabytes` members of 1 MB of spaces each (about 1 KB deflated), every one under the
    per-member ratio's floor: together as much as a 100,000-inquiry sync package's sheets, in
    a file of about 1 MB."""
    padding = b" " * (1024 * 1024)
    out = io.BytesIO(plain_workbook())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        for number in range(megabytes):
            archive.writestr(f"docProps/padding{number}.xml", padding)
    return out.getvalue()


def truncated() -> bytes:
    whole = plain_workbook()
    return whole[: len(whole) // 2]


def legacy_xls() -> bytes:
    """A real Excel 97-2003 workbook."""
    book = xlwt.Workbook(encoding="utf-8")
    book.add_sheet("受付").write(0, 0, "受付日")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write(tmp: Path, name: str, data: bytes) -> Path:
    path = tmp / name
    path.write_bytes(data)
    return path


# A far cell (or dimension claim) written every way XML allows: the guard parses the XML, so
# each is refused however it is spelt (issue 18: quotes and spaces once went through).
FAR = "XFD1048576"


def _far_sheet(body: str, *, root: str = "worksheet", prefix: str = "", head: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}{root} {xmlns}>{head}'
        f"<{p}sheetData>{body}</{p}sheetData></{p}{root}>"
    ).encode()


def _near_and_far(far_cell: str, far_row: str = '<row r="1048576">') -> str:
    return (
        f'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row>{far_row}{far_cell}</row>'
    )


def far_cell_variants() -> dict[str, bytes]:
    """Sheet parts (xl/worksheets/sheet1.xml) that put a cell at XFD1048576, by their syntax."""
    inline = ' t="inlineStr"><is><t>b</t></is></c>'
    encoded = "".join(f"&#{ord(char)};" for char in FAR)
    return {
        "r in single quotes": _far_sheet(_near_and_far(f"<c r='{FAR}'{inline}")),
        "spaces around =": _far_sheet(_near_and_far(f'<c r = "{FAR}"{inline}')),
        "tab and newline around =": _far_sheet(_near_and_far(f'<c\n\tr\t=\n"{FAR}"{inline}')),
        "r after another attribute": _far_sheet(
            _near_and_far(f'<c t="inlineStr" s="0" r="{FAR}"><is><t>b</t></is></c>')
        ),
        "character references": _far_sheet(_near_and_far(f'<c r="{encoded}"{inline}')),
        "hex character reference": _far_sheet(_near_and_far(f'<c r="&#x58;FD1048576"{inline}')),
        "namespace prefix": _far_sheet(
            _near_and_far(
                f'<x:c r="{FAR}" t="inlineStr"><x:is><x:t>b</x:t></x:is></x:c>',
                '<x:row r="1048576">',
            )
            .replace("<row", "<x:row")
            .replace("</row>", "</x:row>")
            .replace(
                '<c r="A1" t="inlineStr"><is><t>a</t></is></c>', '<x:c r="A1"><x:v>1</x:v></x:c>'
            ),
            prefix="x",
        ),
        "lower-case reference": _far_sheet(_near_and_far(f'<c r="{FAR.lower()}"{inline}')),
        "cell without r in a far row": _far_sheet(
            '<row r="1"><c r="XFD1"><v>1</v></c></row><row r="1048576"><c><v>2</v></c></row>'
        ),
        "cell without r in the row of its row element": _far_sheet(
            '<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="1048576"><c r="XFC1"><v>1</v></c><c><v>2</v></c></row>'
        ),
        "dimension in single quotes": _far_sheet(
            _near_and_far("").replace('<row r="1048576"></row>', ""),
            head=f"<dimension ref='A1:{FAR}'/>",
        ),
        "dimension with spaces and $": _far_sheet(
            _near_and_far("").replace('<row r="1048576"></row>', ""),
            head='<dimension ref = "$A$1:$XFD$1048576" />',
        ),
        "dimension after sheetData": _far_sheet(
            _near_and_far("").replace('<row r="1048576"></row>', "")
        ).replace(b"</worksheet>", f'<dimension ref="A1:{FAR}"/></worksheet>'.encode()),
        "UTF-16 part": _far_sheet(_near_and_far(f"<c r='{FAR}'{inline}"))
        .decode()
        .replace('encoding="UTF-8"', 'encoding="UTF-16"')
        .encode("utf-16"),
    }


def far_cell_workbook(kind: str) -> bytes:
    return replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", far_cell_variants()[kind])


def second_reference() -> bytes:
    """A cell with two references, the near one first: calamine places a cell at its last `r`
    (XFD1048576 beside A1, an abort), so a guard taking the first would let it through."""
    far = _far_sheet(_near_and_far(f'<c r="B2" r="{FAR}" t="inlineStr"><is><t>b</t></is></c>'))
    return replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", far)


def second_dimension_reference() -> bytes:
    """A dimension claiming A1 and then the whole sheet: the claim read must be every one."""
    far = _far_sheet(_near_and_far("").replace('<row r="1048576"></row>', ""))
    far = far.replace(b"<sheetData>", f'<dimension ref="A1" ref="A1:{FAR}"/><sheetData>'.encode())
    return replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", far)


def one_long_string_in_many_cells(
    cells: int = 3000,
    length: int = 1_000_000,
    *,
    cell: str = '<c r="A{n}" t="s"><v>0</v></c>',
    mixed: bool = False,
) -> bytes:
    """A shared string of a million letters referenced by 3,000 cells of one column: a file of
    20 KB, every member under the inflation ratio's floor and the rectangle 1 x 3,000, but
    calamine copies the string into every cell, and python-calamine again into a str of its
    own: six gigabytes. `cell` is how each cell is written ({n}: its row); `mixed` letters
    (600 KB deflated) keep the whole file under a sync package's ratio of everything inflated
    to the file (30), so that the text is what refuses it there too."""
    text = (
        "".join(random.Random(1).choices(string.ascii_letters, k=length)) if mixed else "a" * length
    )
    strings = f'<sst xmlns="{MAIN_NS}" count="{cells}" uniqueCount="1"><si><t>{text}</t></si></sst>'
    rows = "".join(f'<row r="{n}">{cell.format(n=n)}</row>' for n in range(1, cells + 1))
    book = replace_member(plain_workbook(), "xl/worksheets/sheet1.xml", sheet_xml(rows))
    return replace_member(book, "xl/sharedStrings.xml", strings.encode())


# A cell of type s naming string 0, written so that the guard's plain scan hands the part to
# the careful one (each one read by calamine as string 0).
SHARED_CELLS_THE_CAREFUL_WAY = {
    "a comment in the cell": '<c r="A{n}" t="s"><!-- --><v>0</v></c>',
    "a namespace prefix": '<x:c xmlns:x="' + MAIN_NS + '" r="A{n}" t="s"><x:v>0</x:v></x:c>',
    "a line break before the value": '<c r="A{n}" t="s">\n<v>0</v></c>',
    "t before r": '<c t="s" r="A{n}"><v>0</v></c>',
    "spaces in the value": '<c r="A{n}" t="s"><v> 0 </v></c>',
    "a character reference after the index": '<c r="A{n}" t="s"><v>0&#48;</v></c>',
}


def many_cell_tags(tags: int, *, cell: str = '<c r="{ref}"/>') -> bytes:
    """A sheet of `tags` cell tags over and over at the same 26,000 places (A1:Z1000): its
    rectangle is small, but calamine keeps every tag it reads (23 million in a 20 MB file:
    19 s and 957 MB). The places repeat every few hundred KB, so the deflated file keeps a
    real sheet's ratio."""
    places = [f"{chr(65 + column)}{row}" for row in range(1, 1001) for column in range(26)]
    cycle = "".join(cell.format(ref=ref) for ref in places).encode()
    whole, rest = divmod(tags, len(places))
    body = cycle * whole + "".join(cell.format(ref=ref) for ref in places[:rest]).encode()
    xml = f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1">'.encode()
    xml += body + b"</row></sheetData></worksheet>"
    source = zipfile.ZipFile(io.BytesIO(plain_workbook()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                target.writestr(info.filename, source.read(info))
        target.writestr("xl/worksheets/sheet1.xml", xml)
    return out.getvalue()


def claims_four_billion_strings() -> bytes:
    """A 100-byte shared-strings part whose uniqueCount claims four billion strings: calamine
    reserves room for them first (96 GB) and aborts."""
    part = f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="4000000000"><si><t>a</t></si></sst>'
    return replace_member(plain_workbook(), "xl/sharedStrings.xml", part.encode())


_INLINE_CELL = re.compile(
    rb'<c r="([A-Z]+[0-9]+)"( s="[0-9]+")? t="inlineStr"><is><t(?: xml:space="preserve")?>'
    rb"(.*?)</t></is></c>"
)


def with_shared_strings(xlsx: bytes) -> bytes:
    """`xlsx` (as openpyxl or our exporter writes it, every text an inline string) with its texts
    in a shared-strings table instead, each distinct text once, as Excel and LibreOffice save a
    workbook: cells `<c r="B2" t="s"><v>7</v></c>`."""
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    table: dict[bytes, int] = {}

    def shared(cell: re.Match[bytes]) -> bytes:
        index = table.setdefault(cell[3], len(table))
        return b'<c r="%s"%s t="s"><v>%d</v></c>' % (cell[1], cell[2] or b"", index)

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = _INLINE_CELL.sub(shared, data)
            elif info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
                )
            elif info.filename == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(info.filename, data)
        strings = b"".join(b'<si><t xml:space="preserve">%s</t></si>' % text for text in table)
        target.writestr(
            "xl/sharedStrings.xml",
            b'<sst xmlns="%s" count="%d" uniqueCount="%d">%s</sst>'
            % (MAIN_NS.encode(), len(table), len(table), strings),
        )
    return out.getvalue()


def date_before_year_one() -> bytes:
    """A date cell holding -1e300: python-calamine panics turning it into a date (chrono's
    "TimeDelta::milliseconds out of bounds"), a PanicException that is no Exception."""
    book = Workbook()
    sheet = book.active
    sheet.title = "受付"
    sheet["A1"] = 1.0
    sheet["A1"].number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    book.save(out)
    part = read_member(out.getvalue(), "xl/worksheets/sheet1.xml")
    part = re.sub(rb"<v>[^<]*</v>", b"<v>-1e300</v>", part)
    return replace_member(out.getvalue(), "xl/worksheets/sheet1.xml", part)
