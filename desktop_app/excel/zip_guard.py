"""Checks on an .xlsx archive before any XML in it is parsed: bombs are refused, not survived.

A hostile or broken workbook attacks the reader in three ways, each checked here first:
- a ZIP bomb: members that inflate to gigabytes (declared honestly, or behind a central
  directory that lies about the size). Declared sizes and their total are bounded (the total
  also against the archive's own size when the limits say so: many small members each under
  the per-member ratio's floor), and every member is inflated here in bounded chunks,
  refusing one whose real size, end of stream or CRC differs from what the directory says, so
  the reader after us sees only honest members;
- absurd dimensions: python-calamine allocates the whole rectangle between a sheet's first and
  last cell, so a sheet with cells at A1 and XFD1048576 (a few hundred bytes) would abort the
  process. Every part is scanned while it inflates (xml_guard: by a pattern over its bytes
  when every cell is written the plain way, else parsed as XML whatever the attribute syntax,
  quotes, spaces, character references, prefixes or encoding) and the rectangle its cells and
  `<dimension>` claims span is bounded, refused as soon as it grows too large;
- XML entity bombs: a DTD has no business in a workbook; one anywhere in a part is refused
  here (python-calamine refuses entity references too, openpyxl uses defusedxml);
- text and cells that multiply: calamine copies a shared string into every cell naming it and
  keeps every cell tag, so the shared strings are scanned first and the characters a
  workbook's cells take from them, and the cell tags of each sheet, are bounded too.
Nothing is written anywhere: everything happens on the bytes in memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from desktop_app.domain.errors import UserError
from desktop_app.excel.xml_guard import NotPlain, PartScanner, SharedStrings, Span, XmlRefused

MB = 1024 * 1024
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature ... name length, extra length
_LOCAL_SIGNATURE = b"PK\x03\x04"
_CHUNK = 4 * MB
_REQUIRED = ("[Content_Types].xml", "xl/workbook.xml")
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_SMALLEST_STRING = len(b"<si/>")


@dataclass(frozen=True)
class Limits:
    """Bounds on what a workbook may ask of the reader; each far above any real ledger."""

    file_bytes: int = 256 * MB  # the file as it lies on disk
    total_bytes: int = 512 * MB  # every member inflated, together
    members: int = 10_000
    ratio: int = 300  # inflated / compressed, for members above ratio_floor (real sheets: 5-50)
    ratio_floor: int = 1 * MB
    columns: int = 16_384  # Excel's own limits
    rows: int = 1_048_576
    cells: int = 5_000_000  # the rectangle a sheet spans (100,000 rows x 50 columns), and its cells
    whole_ratio: int | None = None  # every member inflated / the archive's bytes (None: unbounded)
    # Characters the workbook's cells of type s take from its shared strings, together (with
    # whole_ratio, also at most that many per byte of the archive). Real files: docs/excel.md.
    shared_text: int = 100_000_000


DEFAULT_LIMITS = Limits()


def check_xlsx(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """Refuse (UserError naming `name`) an archive that is not a sane .xlsx; else return."""
    try:
        infos = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UserError("workbook_damaged", path=name) from exc
    if len(infos) > limits.members:
        raise UserError(
            "workbook_too_many_parts", path=name, count=len(infos), limit=limits.members
        )
    check_declared(infos, len(data), name, limits)
    names = {info.filename for info in infos}
    if not all(part in names for part in _REQUIRED):
        raise UserError("workbook_not_xlsx", path=name)
    # The shared strings first: a sheet's cells of type s are counted by their lengths.
    infos = sorted(infos, key=lambda info: not _shared_strings(info.filename))
    try:
        _check_members(data, infos, name, _Book(limits, len(data), loose=True))
    except _Uncertain:
        _check_members(data, infos, name, _Book(limits, len(data), loose=False))


def _check_members(data: bytes, infos: list[zipfile.ZipInfo], name: str, book: _Book) -> None:
    for info in infos:
        _Member(data, info, name, book).check()


def check_declared(
    infos: Sequence[zipfile.ZipInfo], archive_bytes: int, name: str, limits: Limits
) -> None:
    """What the central directory claims, checked before a single byte is inflated; every
    member is then inflated and held to its claim, so the claims are the real sizes."""
    total = 0
    for info in infos:
        if info.flag_bits & 0x1 or info.compress_type not in _METHODS:
            raise UserError("workbook_unreadable", path=name)  # ZIP-encrypted, or LZMA & co
        total += info.file_size
        inflated = info.file_size > limits.ratio_floor
        if inflated and info.file_size > limits.ratio * max(info.compress_size, 1):
            _too_big(name, info.filename, info.file_size, limits.ratio * info.compress_size)
        if total > limits.total_bytes:
            _too_big(name, info.filename, total, limits.total_bytes)
    if limits.whole_ratio is not None and total > limits.whole_ratio * archive_bytes:
        raise UserError(
            "workbook_whole_inflates_too_much",
            path=name,
            size=f"{total / MB:,.0f}",
            ratio=limits.whole_ratio,
            limit=f"{limits.whole_ratio * archive_bytes / MB:,.0f}",
        )


def _too_big(name: str, member: str, size: int, limit: int) -> None:
    raise UserError(
        "workbook_inflates_too_much",
        path=name,
        member=member,
        size=f"{size / MB:,.0f}",
        limit=f"{limit / MB:,.0f}",
    )


def _shared_strings(member: str) -> bool:
    """Whether calamine may read `member` as the shared strings: it reads sharedStrings.xml
    beside the workbook part the package's relationships name, matching names whatever their
    case and slashes."""
    normal = member.replace("\\", "/").lower()
    return normal == _SHARED_STRINGS or normal.endswith("/" + _SHARED_STRINGS)


_SHARED_STRINGS = "sharedstrings.xml"


class _Book:
    """What the members of one workbook add up to: its shared strings, and the characters its
    cells of type s take from them: `text` counted exactly, `loose` as the longest string a
    cell. Up to half the limit may be counted loosely (cheap: no index is read); a total past
    the limit with a loose part is `_Uncertain`, and the workbook is checked again exactly."""

    def __init__(self, limits: Limits, archive_bytes: int, *, loose: bool) -> None:
        self.limits = limits
        self.strings = SharedStrings()
        self.text = 0
        self.loose = 0
        self.text_limit = limits.shared_text
        if limits.whole_ratio is not None:
            self.text_limit = min(self.text_limit, limits.whole_ratio * archive_bytes)
        self.loose_limit = self.text_limit // 2 if loose else 0


class _Uncertain(Exception):  # noqa: N818 - a signal to count exactly, not an error
    """The shared text passed its limit only as counted loosely."""


class _Member:
    """One member inflated in bounded chunks, checked against its directory entry, and scanned
    on the way (xml_guard) so that its cells' rectangle is known before calamine's."""

    def __init__(self, data: bytes, info: zipfile.ZipInfo, name: str, book: _Book) -> None:
        self.data = data
        self.info = info
        self.name = name
        self.book = book
        self.limits = book.limits

    def check(self) -> None:
        raw = self._raw()
        try:
            self._scan(raw, plain=True)
        except NotPlain:
            self._scan(raw, plain=False)  # element by element (xml_guard)

    def _scan(self, raw: memoryview, *, plain: bool) -> None:
        book = self.book
        table: list[int] | None = [] if _shared_strings(self.info.filename) else None
        scanner = PartScanner(
            self._check_span,
            self._check_strings,
            plain=plain,
            strings=book.strings,
            table=table,
            loose_room=book.loose_limit - book.loose,
        )
        seen = 0
        crc = 0
        try:
            for chunk in self._inflate(raw):
                seen += len(chunk)
                crc = zlib.crc32(chunk, crc)
                scanner.feed(chunk)
                self._check_counts(scanner)
            if seen != self.info.file_size or crc != self.info.CRC:
                raise UserError("workbook_damaged", path=self.name)
            scanner.close()
            self._check_counts(scanner)
        except XmlRefused as refused:
            if refused.reason == "dtd":
                raise UserError(
                    "workbook_xml_forbidden", path=self.name, member=self.info.filename
                ) from None
            raise UserError("workbook_unreadable", path=self.name) from None
        if table is not None:
            book.strings.merge(table)
        book.text += scanner.text
        book.loose += scanner.loose

    def _raw(self) -> memoryview:
        start = self.info.header_offset
        header = self.data[start : start + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size:
            raise UserError("workbook_damaged", path=self.name)
        signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
        if signature != _LOCAL_SIGNATURE:
            raise UserError("workbook_damaged", path=self.name)
        begin = start + _LOCAL_HEADER.size + name_length + extra_length
        end = begin + self.info.compress_size
        if end > len(self.data):
            raise UserError("workbook_damaged", path=self.name)  # cut short
        return memoryview(self.data)[begin:end]

    def _inflate(self, raw: memoryview) -> Iterator[bytes]:
        """The member's bytes in chunks; refuses output past the declared size as it comes."""
        if self.info.compress_type == zipfile.ZIP_STORED:
            for at in range(0, len(raw), _CHUNK):
                yield bytes(raw[at : at + _CHUNK])
            return
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        pending: bytes | memoryview = raw
        produced = 0
        try:
            while pending and not inflater.eof:
                chunk = inflater.decompress(pending, _CHUNK)
                pending = inflater.unconsumed_tail
                produced += len(chunk)
                if produced > self.info.file_size:
                    _too_big(self.name, self.info.filename, produced, self.info.file_size)
                if chunk:
                    yield chunk
        except zlib.error as exc:
            raise UserError("workbook_damaged", path=self.name) from exc
        if not inflater.eof:
            raise UserError("workbook_damaged", path=self.name)  # the stream stops short

    def _check_strings(self, claimed: int) -> None:
        """Refuse a shared-strings part claiming more strings than its bytes could hold (each
        `<si/>` takes at least 5)."""
        if claimed > self.info.file_size // _SMALLEST_STRING + 1:
            raise UserError(
                "workbook_count_implausible",
                path=self.name,
                member=self.info.filename,
                count=f"{claimed:,}",
            )

    def _check_counts(self, scanner: PartScanner) -> None:
        """Refuse a part with more cell tags than a sheet may hold cells (calamine keeps each,
        even many at one place), and a workbook whose cells of type s take more characters
        from its shared strings than the limits allow (one long string named by many cells)."""
        book = self.book
        text = book.text + scanner.text + book.loose + scanner.loose
        if text > book.text_limit and book.loose + scanner.loose:
            raise _Uncertain
        for code, count, limit in (
            ("workbook_too_many_cells", scanner.cells, self.limits.cells),
            ("workbook_text_too_large", text, book.text_limit),
        ):
            if count > limit:
                raise UserError(
                    code,
                    path=self.name,
                    member=self.info.filename,
                    count=f"{count:,}",
                    limit=f"{limit:,}",
                )

    def _check_span(self, span: Span) -> None:
        """Refuse a part whose cells (or whose dimension claim) span more than the limits."""
        width, height = span.columns, span.rows
        limits = self.limits
        if width > limits.columns or height > limits.rows or width * height > limits.cells:
            raise UserError(
                "workbook_sheet_too_large",
                path=self.name,
                member=self.info.filename,
                columns=f"{width:,}",
                rows=f"{height:,}",
                limit=f"{limits.cells:,}",
            )
