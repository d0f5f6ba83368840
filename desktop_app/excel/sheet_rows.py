"""Rows of a worksheet's `<sheetData>` as XML text, written directly for long lists.

openpyxl spends about 10 µs a cell turning a value into a cell object and the cell into XML;
a report's lists have hundreds of thousands of cells. Here each row is one string: a cell is
one f-string chosen by the value's exact type, text is escaped by one regex search (most text
needs nothing) and one `str.translate`, and the row is one join.

What a cell holds, as Excel and openpyxl write it:
- text: an inline string (`t="inlineStr"`), so it is always text, however it starts (`=1+2`
  stays text, never a formula). `&<>` are XML-escaped; CR and the control characters XML 1.0
  forbids become Excel's `_xHHHH_` escapes, and a literal `_xHHHH_` is written
  `_x005F_xHHHH_` (see `ooxml_text`), so Excel and calamine read back what was written
  (openpyxl shows the escapes as they are, and refuses raw control characters). The two
  non-characters U+FFFE and U+FFFF, which no XML holds and no reader decodes, become U+FFFD.
  Empty text and None leave the cell out.
- int and float: a number (`bool` as a boolean);
- `datetime.date` / `datetime.datetime`: the Excel serial (1900 system) with the date or
  datetime style id the caller registered in the workbook's styles.
Any other type is refused (TypeError) rather than guessed.

A sheet printed with fitted columns (a sync package) gives `TallRows`: the rule of
`excel.layout.RowWriter`, for rows streamed here instead of through openpyxl.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from desktop_app.excel.cells import display_width
from desktop_app.excel.layout import LINE_POINTS, MAX_LINES, lines_of
from desktop_app.excel.ooxml_text import escape_text

MAX_ROWS = 1_048_576  # the most rows a sheet holds; Excel refuses a file with more
_EPOCH = dt.datetime(1899, 12, 30)
_FIRST_REGULAR_DAY = dt.date(1900, 3, 1)  # before it, Excel's phantom 29 Feb 1900 shifts days
_NEEDS_ESCAPE = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")
# The same test in two parts, for long text: a character class alone is searched about three
# times faster, and "_x" is rare enough to look for first.
_ESCAPED_CHARS = re.compile(r"[&<>\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]")
_EXCEL_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_TRANSLATION = {
    ord("&"): "&amp;",
    ord("<"): "&lt;",
    ord(">"): "&gt;",
    **{c: f"_x{c:04X}_" for c in (*range(0x09), 0x0B, 0x0C, *range(0x0D, 0x20))},
    0xFFFE: "\ufffd",
    0xFFFF: "\ufffd",
}


@dataclass(frozen=True)
class CellStyles:
    """Style ids (indices into the workbook's cellXfs) for the cells that need one; `wrap`
    (wrapped, top-aligned text) for text holding a line break, whose row is then made tall
    enough for its lines (at most `MAX_LINES`); None leaves such text unwrapped."""

    date: int
    datetime: int
    wrap: int | None = None


@dataclass(frozen=True)
class TallRows:
    """`excel.layout.RowWriter`'s rule for a sheet whose first `len(widths)` columns are shown
    at those widths: a row with a shown cell that takes more than one line there (a line
    break, or text wider than its column) is made tall enough for it (at most `MAX_LINES`), its
    shown text wrapped and its other shown values top-aligned (`wrap`, `top` and the date and
    datetime styles with top alignment: style ids the caller registered). The cells past the
    shown ones are written as in any row."""

    widths: Sequence[float]
    wrap: int
    top: int
    date_top: int
    datetime_top: int

    def lines(self, row: Sequence[Any]) -> int:
        """The lines the row's tallest shown cell takes, up to `MAX_LINES` (a row is never
        made taller): 1 for most rows. `layout.lines_of` of each cell that might be taller
        than the tallest so far: a character is at most two columns wide, so text of n
        characters without a break takes at most ceil(2n / width) lines."""
        most = 1
        for value, width in zip(row, self.widths, strict=False):
            if type(value) is str and (2 * len(value) > most * width or "\n" in value):
                if "\n" in value:
                    most = max(most, lines_of(value, width))
                else:
                    most = max(most, math.ceil(display_width(value) / width))
                if most >= MAX_LINES:
                    return MAX_LINES
        return most


def cell_text(text: str) -> str:
    """`text` as the content of a `<t>` element."""
    return text if _NEEDS_ESCAPE.search(text) is None else _escaped(text)


def _escaped(text: str) -> str:
    return escape_text(text).translate(_TRANSLATION)


def date_serial(value: dt.date) -> int:
    """A date as Excel's day number (1900 date system, as openpyxl writes it)."""
    if value < _FIRST_REGULAR_DAY:
        return int(to_excel(value))
    return (value - _EPOCH.date()).days


def datetime_serial(value: dt.datetime) -> float:
    """A naive datetime as Excel's serial: days and the fraction of the day."""
    if value.tzinfo is not None:
        raise ValueError("a workbook holds wall-clock times; convert aware datetimes first")
    if value.date() < _FIRST_REGULAR_DAY:
        return float(to_excel(value))
    delta = value - _EPOCH
    return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400


def sheet_rows(
    rows: Iterable[Sequence[Any]],
    *,
    first_row: int,
    styles: CellStyles,
    tall: TallRows | None = None,
) -> Iterator[str]:
    """One `<row>` element per row, numbered from `first_row`, cells from column A; a row past
    `MAX_ROWS` is refused (ValueError) rather than written into a file no reader opens."""
    letters: list[str] = []
    wrap = styles.wrap
    for number, row in enumerate(rows, start=first_row):
        if number > MAX_ROWS:
            raise ValueError(f"more rows than a sheet holds ({MAX_ROWS:,})")
        if len(row) > len(letters):
            letters = [get_column_letter(i) for i in range(1, len(row) + 1)]
        n = str(number)
        if tall is not None and (lines := tall.lines(row)) > 1:
            yield _tall_row(n, letters, row, lines, styles, tall)
            continue
        cells = [f'<row r="{n}">']
        lines = 1
        for letter, value in zip(letters, row, strict=False):
            if type(value) is str:  # most cells: inlined, as cell_text does it
                if value:
                    text = value if _NEEDS_ESCAPE.search(value) is None else _escaped(value)
                    style = ""
                    if wrap is not None and "\n" in value:
                        style = f' s="{wrap}"'
                        lines = max(lines, value.count("\n") + 1)
                    cells.append(
                        f'<c r="{letter}{n}"{style} t="inlineStr"><is><t xml:space="preserve">'
                        f"{text}</t></is></c>"
                    )
            elif value is not None:
                cells.append(_cell(f"{letter}{n}", value, styles.date, styles.datetime))
        if lines > 1:
            height = min(lines, MAX_LINES) * LINE_POINTS
            cells[0] = f'<row r="{n}" ht="{height}" customHeight="1">'
        cells.append("</row>")
        yield "".join(cells)


def _tall_row(
    n: str,
    letters: Sequence[str],
    row: Sequence[Any],
    lines: int,
    styles: CellStyles,
    tall: TallRows,
) -> str:
    """A row of `lines` lines (capped), laid out as `TallRows` says."""
    shown = len(tall.widths)
    # One search over the row's text: almost no row needs escaping.
    joined = "".join([v for v in row if type(v) is str])
    clean = _ESCAPED_CHARS.search(joined) is None and (
        "_x" not in joined or _EXCEL_ESCAPE.search(joined) is None
    )
    cells = [f'<row r="{n}" ht="{min(lines, MAX_LINES) * LINE_POINTS}" customHeight="1">']
    for style, letters_part, values in (
        (f' s="{tall.wrap}"', letters[:shown], row[:shown]),
        ("", letters[shown:], row[shown:]),
    ):
        for letter, value in zip(letters_part, values, strict=False):
            if type(value) is str:
                if value:
                    text = value if clean or not _NEEDS_ESCAPE.search(value) else _escaped(value)
                    cells.append(
                        f'<c r="{letter}{n}"{style} t="inlineStr"><is><t xml:space="preserve">'
                        f"{text}</t></is></c>"
                    )
            elif value is None:
                continue
            elif style:
                cells.append(
                    _cell(f"{letter}{n}", value, tall.date_top, tall.datetime_top, tall.top)
                )
            else:
                cells.append(_cell(f"{letter}{n}", value, styles.date, styles.datetime))
    cells.append("</row>")
    return "".join(cells)


def _cell(ref: str, value: Any, date: int, datetime: int, other: int | None = None) -> str:
    """A cell of a value that is not text: dates with the style ids given, other values with
    `other` (none when None)."""
    kind = type(value)
    if kind is dt.date:
        return f'<c r="{ref}" s="{date}"><v>{date_serial(value)}</v></c>'
    if kind is dt.datetime:
        return f'<c r="{ref}" s="{datetime}"><v>{datetime_serial(value)!r}</v></c>'
    style = "" if other is None else f' s="{other}"'
    if kind is int:
        return f'<c r="{ref}"{style}><v>{value}</v></c>'
    if kind is bool:
        return f'<c r="{ref}"{style} t="b"><v>{int(value)}</v></c>'
    if kind is float:
        if not math.isfinite(value):
            raise ValueError(f"a cell cannot hold {value!r}")
        return f'<c r="{ref}"{style}><v>{value!r}</v></c>'
    raise TypeError(f"no cell for a {kind.__name__} ({value!r})")
