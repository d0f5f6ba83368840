"""One part of an .xlsx read by a real XML parser, as it inflates, before python-calamine sees it.

calamine allocates the whole rectangle between a sheet's first and last cell (and reserves what
a `<dimension>` claims): a 1.5 KB sheet with cells at A1 and XFD1048576 asks for 512 GiB and
aborts the process. Matching the cell references with a pattern misses what XML allows and
calamine reads all the same: single quotes (`r='XFD1048576'`), spaces around `=`, character
references (`r="&#88;FD1048576"`), namespace prefixes (`<x:c>`), another encoding (UTF-16).
So every part is parsed here with expat, fed chunk by chunk (nothing but the positions is
kept), and the rectangle is computed from what the parser reports:

- a `<c>` with `r` is placed there; one without `r` goes right of the cell before it, in the
  row its `<row>` gives, and a `<row>` without `r` below the `<row>` before it (calamine's own
  rule, checked against calamine by a property test), so that no cell escapes;
- every `<dimension ref>` claim is bounded too, wherever in the part it stands;
- an `<sst uniqueCount>` claim is handed to the caller (calamine reserves that many strings
  before reading one: a claim of four billion in a 200-byte part aborts the process too);
- the cell tags are counted (calamine keeps every one, many at one place included), and the
  characters the cells of type s take from the shared strings added up (calamine copies a
  string into every cell naming it: one string of a million letters named by 3,000 cells is
  6 GB from a 20 KB file); the shared strings' own lengths come from scanning their part;
- a DTD is refused outright (entity bombs: no workbook has one), as defusedxml would;
- a part that is not well-formed XML is refused: calamine is lenient with broken XML, so a
  part this parser cannot follow could hold cells it never saw.

A part that does not start like XML (a picture, a printer-settings blob) is not parsed; one
that nonetheless holds sheet markup is refused. The caller bounds the rectangle (zip_guard).

Speed: a sheet of a hundred thousand rows has millions of elements, and a Python call for each
costs more than calamine's whole read. So a part is first scanned the plain way (`plain=True`),
on its bytes alone: no XML parser runs, and the cells are found by a pattern, which is sound
only while every cell is written the plain way this and every spreadsheet writer writes it,
`<c r="B12" s="3" t="inlineStr">` whole: `r` first and in double quotes, then at most `s`
(digits) and `t` (letters) in that order, white space only before its close (openpyxl writes
an empty cell `<c r="C4" t="inlineStr" />`), in UTF-8. Every start tag named `c` (with any
prefix) is counted, and so is every plain one; when the counts differ, or the part holds `<!`
anywhere (a DTD, an entity declaration, a comment, a CDATA section), is in another encoding,
has a `<dimension>` written otherwise, or claims shared strings, `NotPlain` is raised and the
caller scans the part again element by element with expat, as above, which refuses a DTD or a
part that is not well-formed. The whole start tag is matched because calamine takes a cell's
last `r` (`<c r="A1" r="XFD1048576">` is at XFD1048576): a tag with a second `r`, or anything
else, is no plain cell; a `<dimension>` likewise holds its one `ref` and nothing else. A
plain cell's place is its reference, as the careful way says; a plain cell of type s is
`t="s"><v>123</v></c>` from its type on, or empty, its index read by a pattern. What
the plain way does not refuse is XML that is not well-formed but holds only plain cells: no
cell escapes the count, and calamine refuses such a sheet itself when it reads it
(`workbook_unreadable`, as the guard did).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.parsers import expat

_XML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*<|^(?:\xff\xfe|\xfe\xff)")
_SHEET_MARKUP = (b"sheetData", b"dimension")


class NotPlain(Exception):  # noqa: N818 - a signal to scan again, not an error
    """The part is not written the plain way: scan it again with `plain=False`."""


class XmlRefused(Exception):
    """The part is refused: `reason` is "dtd" (a DTD or entity declaration) or "unreadable"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Span:
    """The rectangle a part's cells (and dimension claims) cover, 1-based; empty when none."""

    top: int = 0
    bottom: int = 0
    left: int = 0
    right: int = 0

    def add(self, row: int, column: int) -> bool:
        """Widen the rectangle to hold (row, column); True when it grew."""
        if not self.top:
            self.top = self.bottom = row
            self.left = self.right = column
            return True
        if self.top <= row <= self.bottom and self.left <= column <= self.right:
            return False
        self.top, self.bottom = min(self.top, row), max(self.bottom, row)
        self.left, self.right = min(self.left, column), max(self.right, column)
        return True

    @property
    def empty(self) -> bool:
        return not self.top

    @property
    def columns(self) -> int:
        return self.right - self.left + 1 if self.top else 0

    @property
    def rows(self) -> int:
        return self.bottom - self.top + 1 if self.top else 0


@dataclass
class SharedStrings:
    """A workbook's shared strings as calamine will hold them: each one's length (characters,
    at most) by its index. A sheet's cell of type `s` is given the string its `<v>` names, and
    calamine copies it into every such cell: one long string named by many cells is gigabytes.
    """

    lengths: list[int] = field(default_factory=list)
    longest: int = 0

    def merge(self, lengths: list[int]) -> None:
        """Add one part's strings: where calamine might read either of two parts, each index
        is as long as the longer of the two."""
        ours = self.lengths
        for at, length in enumerate(lengths[: len(ours)]):
            ours[at] = max(ours[at], length)
        ours.extend(lengths[len(ours) :])
        self.longest = max(ours, default=0)

    def text_of(self, indices: list[bytes]) -> int:
        """The characters cells naming these indices (as written: ASCII digits) hold. An index
        past the table names nothing (calamine refuses the sheet)."""
        try:
            return sum(map(self.lengths.__getitem__, map(int, indices)))
        except IndexError:
            return sum(self.length(int(index)) for index in indices)

    def length(self, index: int) -> int:
        return self.lengths[index] if index < len(self.lengths) else 0


class PartScanner:
    """Feed a part's bytes with `feed`, then `close()`; `span` then holds its rectangle.

    `on_span` is called with the span each time a cell widens it (and with each dimension
    claim), `on_strings` with the number of shared strings an `<sst uniqueCount>` claims, so
    that the caller can refuse a sheet as soon as it grows too large rather than after the
    whole part is inflated. `cells` counts the cell tags (each is a cell calamine keeps,
    wherever it stands) and `text` the characters the cells of type `s` take, by the lengths
    in `strings` (the workbook's shared strings, scanned first): the caller looks at both
    after each chunk. While `loose` stays within `loose_room`, a cell of type s counts there as
    the longest string, without reading which it names (cheap, and never less than calamine
    reads); past it, each counts exactly in `text`. A part that is a shared-strings table is
    scanned with `table`, a list its strings' lengths are appended to (`<si>` elements inside
    `<sst>`, calamine's own rule: every character inside one counts, so each length is an
    upper bound).
    """

    def __init__(
        self,
        on_span: Callable[[Span], None],
        on_strings: Callable[[int], None] = lambda _: None,
        *,
        plain: bool = False,
        strings: SharedStrings | None = None,
        table: list[int] | None = None,
        loose_room: int = 0,
    ) -> None:
        self.span = Span()
        self.cells = 0
        self.text = 0
        self.loose = 0
        self._loose_room = loose_room
        self._plain = _PlainCells(self) if plain else None
        self._on_span = on_span
        self._on_strings = on_strings
        # Cells of type `s` name nothing while the workbook has no shared strings.
        self._strings = strings if strings is not None and strings.lengths else None
        self._table = table
        self._xml: bool | None = None
        self._row = 0
        self._column = 0
        self._kinds: dict[str, int] = {}
        self._in_table = False  # past the table's <sst> start: its <si> elements count
        self._string: int | None = None  # the characters of the <si> open, if one is
        self._shared_cell = False  # in a cell of type s: its <v> elements count
        self._value: list[str] | None = None  # the text of the <v> open in such a cell
        self._value_at = 0
        self._value_tag = 0
        # The plain way parses nothing (see the module): it has no parser.
        self._parser = None if plain else self._careful_parser()

    def _careful_parser(self) -> expat.XMLParserType:
        # No namespace processing: calamine matches local names whatever the prefix, and so
        # does this (an element's name is looked up once, then cached).
        parser = expat.ParserCreate()
        parser.ordered_attributes = True
        parser.StartElementHandler = self._start
        parser.StartDoctypeDeclHandler = self._dtd
        parser.EntityDeclHandler = self._dtd
        parser.ExternalEntityRefHandler = self._external
        if self._table is not None:
            parser.EndElementHandler = self._end
            parser.CharacterDataHandler = self._characters
            parser.buffer_text = True  # a string's text in one call, not one per line
        return parser

    def feed(self, chunk: bytes) -> None:
        if self._xml is None:
            self._xml = bool(_XML_START.match(chunk))
            if self._xml and self._plain is not None:
                self._plain.first(chunk)
        if not self._xml:
            # calamine looks for the table's <sst> in whatever the part holds.
            if self._table is not None or any(mark in chunk for mark in _SHEET_MARKUP):
                raise XmlRefused("unreadable")
            return
        if self._plain is not None:
            self._plain.feed(chunk)
        else:
            self._parse(chunk, final=False)

    def close(self) -> None:
        if self._xml:
            if self._plain is not None:
                self._plain.close()
            else:
                self._parse(b"", final=True)

    def _parse(self, chunk: bytes, *, final: bool) -> None:
        assert self._parser is not None  # the careful way
        try:
            self._parser.Parse(chunk, final)
        except expat.ExpatError as exc:
            raise XmlRefused("unreadable") from exc

    def _dtd(self, *_: object) -> None:
        raise XmlRefused("dtd")

    def _external(self, *_: object) -> int:
        raise XmlRefused("dtd")

    def _start(self, tag: str, attributes: list[str]) -> None:
        # Called for every element of a sheet (a million cells make two million calls): one
        # dictionary look-up decides, and only rows, cells and dimensions go further.
        kind = self._kinds.get(tag)
        if kind is None:
            kind = self._kinds[tag] = _KINDS.get(tag.rpartition(":")[2], _OTHER)
        if kind == _OTHER:
            return
        if kind >= _STRINGS:  # the shared strings: <sst>, <si>, and <v> in a cell of type s
            if kind != _VALUE or self._shared_cell:
                self._start_strings(kind, tag, attributes)
            return
        written = _attribute(attributes, "ref" if kind == _DIMENSION else "r")
        if kind == _CELL:
            if written is None:
                row, column = max(self._row, 1), self._column + 1
            else:
                letters = written.rstrip(_DIGITS)
                column = _COLUMNS.get(letters) or _column(letters)
                digits = written[len(letters) :]
                if column and 0 < len(digits) <= _ROW_DIGITS and digits[0] != "0":
                    row = int(digits)
                else:  # spaces, $, lower case, row 0 or no reference at all: the careful way
                    row, column = _cell(written)
            # A cell's own reference moves the column on, never the row: calamine takes the
            # row of a cell without `r` from its <row>, whatever the cells before it said.
            self._column = column
            span = self.span
            if not (span.top <= row <= span.bottom and span.left <= column <= span.right):
                span.add(row, column)
                self._on_span(span)
            self.cells += 1
            # A cell of type s: its <v> elements count (a stray one before the next cell too).
            self._shared_cell = (
                self._strings is not None
                and "s" in attributes[1::2]
                and _shared(attributes)
                and self._exactly()
            )
        elif kind == _ROW:
            self._row = _number(written) if written is not None else self._row + 1
            self._column = 0
        elif written is not None:
            first, _, last = written.partition(":")
            claim = Span()
            claim.add(*_cell(first))
            claim.add(*_cell(last or first))
            self._on_span(claim)

    def _exactly(self) -> bool:
        """Whether a cell of type s counts by the string it names (else as the longest)."""
        if self._table is not None:
            raise XmlRefused("unreadable")  # a table that is a sheet too: in no order
        assert self._strings is not None
        longest = self._strings.longest
        if self.loose + longest <= self._loose_room:
            self.loose += longest
            return False
        return True

    def _start_strings(self, kind: int, tag: str, attributes: list[str]) -> None:
        if kind == _VALUE:
            # A <v> inside another adds to the outer one's text and bytes (so the outer one
            # counts as the longest string); its text is collected until it ends.
            parser = self._parser
            if self._value is None and parser is not None:
                self._value = []
                self._value_at = parser.CurrentByteIndex
                # The bytes a plain <v> start tag takes: only then is the text all it holds.
                self._value_tag = -1 if attributes else len(tag) + 2
                parser.CharacterDataHandler = self._value.append
                parser.EndElementHandler = self._end
        elif kind == _STRINGS:
            # calamine reserves room for the shared strings a part claims before reading one.
            strings = _attribute(attributes, "uniqueCount")
            if strings is not None:
                self._on_strings(_count(strings))
            self._in_table = True
        elif self._table is not None and self._in_table:
            if self._string is not None:
                # calamine ends a string at the first </si>: the next would be misnumbered
                raise XmlRefused("unreadable")
            self._string = 0

    def _end(self, tag: str) -> None:
        kind = self._kinds.get(tag, _OTHER)
        if kind == _STRING and self._string is not None:
            assert self._table is not None
            self._table.append(self._string)
            self._string = None
        elif kind == _VALUE and self._value is not None:
            # The characters the <v> of a cell of type s gives the cell. calamine reads the
            # first run of text, as digits, and anything else as string 0 or as nothing: so an
            # index counts only when the <v> holds nothing but its digits (its bytes say so: no
            # entity, comment or CDATA between), and anything else as the longest string.
            parser, strings = self._parser, self._strings
            assert parser is not None and strings is not None
            text = "".join(self._value)
            raw = parser.CurrentByteIndex - self._value_at
            self._value = None
            parser.CharacterDataHandler = None
            parser.EndElementHandler = None  # no table: its cells of type s are refused
            plain = len(text) <= _INDEX_DIGITS and raw == self._value_tag + len(text)
            if plain and text.isascii() and text.isdigit():
                self.text += strings.length(int(text))
            elif text:
                self.text += strings.longest

    def _characters(self, data: str) -> None:
        if self._string is not None:
            self._string += len(data)


def _shared(attributes: list[str]) -> bool:
    """Whether a cell is of type s, by any attribute named t whatever its prefix."""
    if attributes[-2:] == ["t", "s"]:  # as every writer writes it: t last
        return True
    return any(
        attributes[at] == "s" and attributes[at - 1].rpartition(":")[2] == "t"
        for at in range(1, len(attributes), 2)
    )


class _PlainCells:
    """The plain way of finding a part's cells (see the module): patterns over the bytes."""

    def __init__(self, scanner: PartScanner) -> None:
        self._scanner = scanner
        self._tail = b""

    def first(self, chunk: bytes) -> None:
        declared = _ENCODING.match(chunk)
        if b"\x00" in chunk[:_CARRY] or chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise NotPlain  # UTF-16 or UTF-32, with or without a byte-order mark
        if declared and declared.group(1).lower().replace(b"_", b"-") not in _UTF8:
            raise NotPlain

    def feed(self, chunk: bytes) -> None:
        # A tag cut by the chunk's end is scanned with the next chunk: from the last "<" on.
        # The chunk is scanned where it lies (a slice or a join copies megabytes, each time
        # costing a third of the pattern's search): only the tag the last chunk cut is joined,
        # with this chunk's start as far as a place to cut, as though the last chunk had ended
        # there; no such place (a tag of 4 KB) joins the two whole.
        text, start = chunk, 0
        if self._tail:
            piece = self._tail + chunk[:_CARRY]
            cut = _cut(piece, 0)
            if len(self._tail) <= cut and _CARRY < len(chunk):
                self._scan(piece, 0, cut)
                start = cut - len(self._tail)
            else:
                text = self._tail + chunk
        cut = _cut(text, start)
        self._tail = text[cut:]
        if len(self._tail) > _CARRY:
            raise NotPlain  # an open tag this long is no plain cell
        self._scan(text, start, cut)

    def close(self) -> None:
        self._scan(self._tail, 0, len(self._tail))
        self._tail = b""

    def _shared_text(self, text: bytes, start: int, end: int) -> None:
        """Every cell is plain, so each of type s holds `t="s"` in its start tag: each must be
        its index and the cell's end (the value calamine reads), or empty."""
        scanner = self._scanner
        strings = scanner._strings
        shared = text.count(b't="s"', start, end) if strings is not None else 0
        if not shared:
            return
        assert strings is not None
        if scanner.loose + shared * strings.longest <= scanner._loose_room:
            scanner.loose += shared * strings.longest  # at most one string a cell
            return
        named = _PLAIN_SHARED.findall(text, start, end)
        if len(named) != shared:
            empty = text.count(b't="s"/>', start, end) + text.count(b't="s"></c>', start, end)
            if len(named) + empty != shared:
                raise NotPlain
        scanner.text += strings.text_of(named)

    def _scan(self, text: bytes, start: int, end: int) -> None:
        """Scan `text[start:end]` (every search below is bounded by the two, nothing sliced)."""
        if start >= end:
            return
        # A DTD (refused the careful way), a comment or a CDATA section. "!" first: a rare byte
        # is found at memory speed, where "<" stops the search at every tag.
        if text.find(b"!", start, end) >= 0 and text.find(b"<!", start, end) >= 0:
            raise NotPlain
        # Every "<c", with the reference of the plain cell it starts or empty (a match holds
        # no other "<": one match a "<c"). Start tags named c are the "<c" not followed by "o"
        # (<col>, <cols> are no cells) and any ":c" (a prefix): each must be a plain cell.
        # Letters in text only send a part the careful way. A chunk whose every "<c" is a
        # plain cell (most of a sheet) has no "<co" to count.
        cells = _CELL_TAG.findall(text, start, end)
        others = cells.count(b"")
        if others:
            others -= text.count(b"<co", start, end)
            cells = [cell for cell in cells if cell]
        # Whether a mark is there at all, searched from the end: CPython's reverse search
        # tests each place by the mark's first byte (":", "s", "d"), which a sheet holds far
        # less often than its last ("c", "t", "n"), and runs twice as fast as `find`.
        if others or text.rfind(b":c", start, end) >= 0:
            raise NotPlain
        if text.rfind(b"sst", start, end) >= 0 and _ANY_STRINGS.search(text, start, end):
            raise NotPlain  # a shared-strings part: its count claim is read the careful way
        scanner = self._scanner
        scanner.cells += len(cells)
        self._shared_text(text, start, end)
        if text.rfind(b"dimension", start, end) >= 0:
            claims = _PLAIN_DIMENSION.findall(text, start, end)
            if len(claims) != len(_ANY_DIMENSION.findall(text, start, end)):
                raise NotPlain
            for first, last in claims:
                claim = Span()
                claim.add(*_cell(first.decode()))
                claim.add(*_cell((last or first).decode()))
                scanner._on_span(claim)
        if not cells:
            return
        columns, numbers = _places(cells)
        span = scanner.span
        for row, column in ((min(numbers), min(columns)), (max(numbers), max(columns))):
            if not (span.top <= row <= span.bottom and span.left <= column <= span.right):
                span.add(row, column)
                scanner._on_span(span)


def _cut(text: bytes, start: int) -> int:
    """Where the plain scan cuts `text[start:]`: at its last "<" (what follows is kept for the
    next chunk), or before the short cell holding that "<", or at the end if it has none."""
    cut = text.rfind(b"<", start)
    if cut < 0:
        return len(text)
    if len(text) - cut < 2 or text.startswith(_INSIDE_CELL, cut):
        # A short cell is scanned whole, its start tag with its value: a cell of type s is
        # matched from its type to its end.
        cell = text.rfind(b"<c ", max(cut - _SHORT_CELL, start), cut)
        if cell >= 0:
            return cell
    return cut


def _places(cells: list[bytes]) -> tuple[list[int], list[int]]:
    """The distinct columns and rows of plain cell references (`B12`: capital letters, then
    the row's digits, as `_CELL_TAG` finds them), split in C all at once: the references
    joined, one kind of character deleted from each of two copies, each copy split at the
    spaces between them; each distinct one is then converted once. (A Python step for each
    reference cost as much as the pattern that found them.)"""
    joined = b" ".join(cells)
    columns = [
        _column(letters.decode()) for letters in set(joined.translate(None, _DIGITS_B).split())
    ]
    numbers = [int(row) for row in set(joined.translate(None, _LETTERS_B).split())]
    return columns, numbers


# The plain way: the plain writing of a cell's whole start tag and of a dimension, and any start
# tag named dimension or sst whatever its prefix (XML names hold no spaces, "<", ">" or "/").
_ANY_DIMENSION = re.compile(rb"<(?:[^\s<>/]*:)?dimension[\s/>]")
_ANY_STRINGS = re.compile(rb"<(?:[^\s<>/]*:)?sst[\s/>]")
# Possessive (Python 3.11): no part of a cell's tag can match two ways, and the pattern finds
# the million cells of a large package's sheets a fifth faster without trying. Any "<c" is
# matched, its plain cell's start tag (and reference) if it is one, else nothing more: counting
# the "<c" apart cost half as much again as the pattern's search.
_CELL_TAG = re.compile(
    rb'<c(?: r="([A-Z]{1,3}+[1-9][0-9]{0,6}+)"(?: s="[0-9]{1,9}+")?+(?: t="[a-zA-Z]{1,9}+")?+'
    rb"[ \t\r\n]*+/?>)?+"
)
# A cell of type s from its type on: `t` is its start tag's last attribute, then its one value.
_PLAIN_SHARED = re.compile(rb't="s"><v>([0-9]{1,10}+)</v></c>')  # _INDEX_DIGITS
_INSIDE_CELL = (b"<v", b"</")  # cut in a cell (or after it: the cell goes on whole)
_SHORT_CELL = 128  # bytes: the longest plain cell of type s is 63
# A dimension's whole start tag too: with a second `ref` its claim would be another one.
_PLAIN_DIMENSION = re.compile(
    rb'<dimension ref="([A-Z]{1,3}[1-9][0-9]{0,6})(?::([A-Z]{1,3}[1-9][0-9]{0,6}))?"\s*/?>'
)
_ENCODING = re.compile(rb"""(?:\xef\xbb\xbf)?\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_UTF8 = (b"utf-8", b"utf8")
_CARRY = 4096


_OTHER, _ROW, _CELL, _DIMENSION, _STRINGS, _STRING, _VALUE = range(7)
_KINDS = {
    "row": _ROW,
    "c": _CELL,
    "dimension": _DIMENSION,
    "sst": _STRINGS,
    "si": _STRING,
    "v": _VALUE,
}
_DIGITS = "0123456789"
_ROW_DIGITS = 7
_INDEX_DIGITS = 10  # a shared string's index: more is no index calamine reads (nor a plain one)
_COUNT_DIGITS = 20
_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DIGITS_B, _LETTERS_B = _DIGITS.encode(), _LETTERS.encode()
# The columns of three capital letters or fewer (A to ZZZ, Excel stops at XFD) met so far: one
# look-up a cell. Filled as they are met (a sheet uses a few dozen), not the 18,278 at import.
_COLUMNS: dict[str, int] = {}


def _column(letters: str) -> int:
    """The column of 1 to 3 capital letters (A = 1, XFD = 16,384); 0 for anything else."""
    found = _COLUMNS.get(letters)
    if found is not None:
        return found
    if not (
        0 < len(letters) <= 3 and letters.isascii() and letters.isalpha() and letters.isupper()
    ):
        return 0  # not kept: a hostile part could write millions of such
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    _COLUMNS[letters] = column
    return column


def _attribute(attributes: list[str], name: str) -> str | None:
    """The attribute by its local name, whatever prefix it was written with (`attributes` is
    expat's ordered list: name, value, name, value...)."""
    try:
        at = attributes.index(name)
    except ValueError:
        at = -1
    if at >= 0 and at % 2 == 0:
        return attributes[at + 1]
    for at in range(0, len(attributes), 2):
        if attributes[at].rpartition(":")[2] == name:
            return attributes[at + 1]
    return None


def _number(written: str) -> int:
    """A row number: 1 to 9,999,999 (Excel's rows start at 1; a row 0 is no row)."""
    text = written.strip()
    if not text.isascii() or not text.isdigit() or len(text) > _ROW_DIGITS or not int(text):
        raise XmlRefused("unreadable")
    return int(text)


def _count(written: str) -> int:
    """A count claimed: at most 20 digits (calamine reads it as a 64-bit number; and Python
    refuses to convert a number of over 4,300 digits: a ValueError, not a refusal)."""
    text = written.strip()
    if not text.isascii() or not text.isdigit() or len(text) > _COUNT_DIGITS:
        raise XmlRefused("unreadable")
    return int(text)


def _cell(written: str) -> tuple[int, int]:
    """(row, column) of a reference written any way XML allows (B12, $XFD$1048576, " b12 ");
    refused if it is none."""
    ref = written.strip().replace("$", "").upper()
    letters = ref.rstrip(_DIGITS)
    digits = ref[len(letters) :]
    if not 1 <= len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
        raise XmlRefused("unreadable")
    if not 0 < len(digits) <= _ROW_DIGITS or not int(digits):
        raise XmlRefused("unreadable")
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return int(digits), column
