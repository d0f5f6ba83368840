"""The monthly and fiscal-year report as a workbook, built in code with openpyxl's write-only mode.

Built, never filled from a template: openpyxl drops charts when it loads and saves a file.
Write-only sheets stream their rows; charts are openpyxl's native Excel charts, referencing
the tables beside them. The two lists (the period's inquiries, the overdue ones) are the bulk of
the cells: openpyxl writes each as a placeholder with its header and sheet settings, and
`sheet_fill` streams the rows into it as XML written directly (about 15× faster than openpyxl's
cells; docs/excel.md). Titles are text in 和暦
(令和8年10月分): a date cell with an era format shows 令和1年 for 元年, and other readers a
serial number. Every sheet prints on A4 landscape, one page wide, its header rows repeated and
the page number in the footer.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.text import RichText
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from desktop_app.domain.dates import format_fiscal_year
from desktop_app.domain.fields import label_in
from desktop_app.domain.report_figures import (
    BREAKDOWN_TITLES,
    CHARTED,
    HEADLINE_LABELS,
    KIND_TITLES,
    Breakdown,
    CrossTable,
    Report,
)
from desktop_app.excel.cells import (
    DATE_FORMAT,
    DATETIME_FORMAT,
    cell,
    display_width,
    format_style_id,
    header_cells,
    set_widths,
    wrap_style_id,
)
from desktop_app.excel.sheet_fill import SheetFill, fill_sheets
from desktop_app.excel.sheet_rows import CellStyles

COUNT_FORMAT = "#,##0"
TITLE_FONT = Font(bold=True, size=16)
BOLD = Font(bold=True)
ROW_CM = 0.53  # a default row's height, to keep charts clear of the next table
SAMPLE_ROWS = 300  # rows of a list read ahead to fit its column widths
PAGE_ROWS = 28  # default rows on an A4 landscape page at 100 % (15.9 cm / ROW_CM, rounded down)
LABEL_POINTS = 9  # the charts' axis labels
# A bar chart's height per category: a 9 pt label and the gap to the next. LibreOffice drops
# every other label below about 0.6 cm when a label holds a taller fallback glyph (↔).
CATEGORY_CM = 0.8
LABEL_CHAR_CM = 0.17  # a half-width character of a 9 pt label (a wide one counts two)


def write_report(
    path: Path,
    report: Report,
    *,
    columns: Sequence[str],
    inquiries: Iterable[Sequence[Any]],
    overdue: Iterable[Sequence[Any]],
) -> None:
    """Write the whole report to `path` (the caller gives a temporary name and renames it)."""
    book = Workbook(write_only=True)
    _cover(book.create_sheet("表紙"), report)
    _tables(book.create_sheet("集計"), report)
    _months(book.create_sheet("月別"), report)
    lists = [
        _listing(book.create_sheet(title), report, columns, rows)
        for title, rows in (("受付一覧", inquiries), ("期限超過", overdue))
    ]
    placeholder = io.BytesIO()
    book.save(placeholder)
    fill_sheets(
        placeholder.getvalue(),
        path,
        {sheet.path.lstrip("/"): fill for sheet, fill in lists if fill is not None},
    )


def _print_setup(sheet: WriteOnlyWorksheet, title_rows: str | None) -> None:
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if title_rows:
        sheet.print_title_rows = title_rows
    sheet.oddFooter.center.text = "&P / &N ページ"
    sheet.oddHeader.right.text = "&A"


def _text(sheet: WriteOnlyWorksheet, value: Any, font: Font | None = None) -> Cell:
    made = cell(sheet, value)
    if not isinstance(made, Cell):
        made = WriteOnlyCell(sheet, value=value)
    if font is not None:
        made.font = font
    return made


def _number(sheet: WriteOnlyWorksheet, value: int, font: Font | None = None) -> Cell:
    made = WriteOnlyCell(sheet, value=value)
    made.number_format = COUNT_FORMAT
    if font is not None:
        made.font = font
    return made


def _stamp(moment: dt.datetime | None) -> str:
    return (
        moment.strftime("%Y/%m/%d %H:%M")
        if moment
        else "未取込（この事務所からの送付ファイルなし）"
    )


def _cover(sheet: WriteOnlyWorksheet, report: Report) -> None:
    set_widths(sheet, (26, 44, 24))
    sheet.row_dimensions[2].height = 28  # the 16 pt title
    _print_setup(sheet, None)
    period = report.period
    offices = "、".join(o.name for o in report.offices) if report.office else "全事務所"
    training = "【研修用データ】" if report.training else ""
    rows: list[list[Any]] = [
        [_text(sheet, f"{training}全国連携 相談窓口 {KIND_TITLES[period.kind]}", BOLD)],
        [_text(sheet, period.title, TITLE_FONT)],
        [],
        ["期間", f"{period.first:%Y/%m/%d} 〜 {period.last:%Y/%m/%d}"],
        ["対象事務所", offices],
        ["作成者", report.made_by],
        ["作成日時", f"{report.made_at:%Y/%m/%d %H:%M}"],
        ["未解決の競合", _number(sheet, report.open_conflicts)],
        [],
        header_cells(sheet, ("主な数値", "件数")),
    ]
    rows += [
        [label, _number(sheet, getattr(report.headline, key))] for key, label in HEADLINE_LABELS
    ]
    rows += [[], header_cells(sheet, ("データの時点（事務所別）", "最新の取込データ", ""))]
    for office in report.offices:
        note = "この端末（作成時点）" if office.own else ""
        rows.append([office.name, _stamp(office.as_of), note])
    if report.training:
        rows += [
            [],
            [_text(sheet, "研修用データベースの報告書です。実際の報告には使えません。", BOLD)],
        ]
    for row in rows:
        sheet.append(row)


class _Cursor:
    """Rows appended so far, so that charts can reference the tables just written."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet
        self.row = 0
        self.page_start = 0  # the last row before the current printed page

    def append(self, values: Sequence[Any]) -> int:
        self.sheet.append(list(values))
        self.row += 1
        return self.row

    def page_break(self) -> None:
        """The next row starts a printed page."""
        self.sheet.row_breaks.append(Break(id=self.row))
        self.page_start = self.row


def _tables(sheet: WriteOnlyWorksheet, report: Report) -> None:
    """The cross table and the breakdowns, each charted one beside its table; a table and
    its chart start a new printed page when they would not fit on the rest of this one."""
    cross = report.by_office_relationship
    width = max([display_width(c.label) for c in cross.columns] + [8])
    set_widths(sheet, (30, *(width for _ in cross.columns), 10))
    _print_setup(sheet, None)
    sheet.row_dimensions[1].height = 28
    out = _Cursor(sheet)
    out.append([_text(sheet, f"{report.period.title} 新規受付の内訳", TITLE_FONT)])
    out.append([])
    _cross(out, cross)
    for breakdown in report.breakdowns:
        chart = _bar(breakdown) if breakdown.key in CHARTED and breakdown.rows else None
        table_rows = 1 + 2 + max(1, len(breakdown.rows)) + 1  # blank, title, header, rows, 計
        block = max(table_rows, 2 + (math.ceil(chart.height / ROW_CM) if chart else 0))
        if out.row - out.page_start + block > PAGE_ROWS and out.row > out.page_start:
            out.page_break()
        out.append([])
        first, last = _breakdown(out, breakdown)
        if chart is not None:
            _chart_data(chart, sheet, first, last)
            sheet.add_chart(chart, f"D{first - 2}")
            # Blank rows under a short table, so the chart never covers the next one.
            for _ in range(block - table_rows):
                out.append([])


def _cross(out: _Cursor, cross: CrossTable) -> None:
    sheet = out.sheet
    out.append([_text(sheet, "事務所 × 連携の型", BOLD)])
    out.append(header_cells(sheet, ("事務所", *(c.label for c in cross.columns), "計")))
    for office, cells in zip(cross.rows, cross.cells, strict=True):
        out.append(
            [office.label, *(_number(sheet, n) for n in cells), _number(sheet, office.count, BOLD)]
        )
    out.append(
        [
            _text(sheet, "計", BOLD),
            *(_number(sheet, c.count, BOLD) for c in cross.columns),
            _number(sheet, cross.total, BOLD),
        ]
    )


def _breakdown(out: _Cursor, breakdown: Breakdown) -> tuple[int, int]:
    """Write one table; (first, last) data rows, for a chart over them."""
    sheet = out.sheet
    out.append([_text(sheet, BREAKDOWN_TITLES[breakdown.key], BOLD)])
    out.append(header_cells(sheet, ("区分", "件数")))
    first = out.row + 1
    for row in breakdown.rows:
        out.append([row.label, _number(sheet, row.count)])
    last = out.row
    if not breakdown.rows:
        out.append(["（該当なし）", _number(sheet, 0)])
    out.append([_text(sheet, "計", BOLD), _number(sheet, breakdown.total, BOLD)])
    return first, last


def _bar(breakdown: Breakdown) -> BarChart:
    """Horizontal bars, one a category in the table's order, every category labelled: the
    chart is as tall as its categories need at the label font and as wide as its longest
    label needs beside the bars (a reader drops labels that do not fit)."""
    chart = BarChart()
    chart.type = "bar"
    chart.title = BREAKDOWN_TITLES[breakdown.key]
    chart.legend = None
    chart.y_axis.title = "件数"
    chart.y_axis.majorGridlines = None
    chart.x_axis.scaling.orientation = "maxMin"  # the table's order, top to bottom
    chart.y_axis.crosses = "max"
    longest = max((display_width(row.label) for row in breakdown.rows), default=4)
    chart.height = max(6.0, CATEGORY_CM * len(breakdown.rows) + 3.0)
    chart.width = max(14.0, longest * LABEL_CHAR_CM + 10.0)
    _label_axes(chart)
    return chart


def _chart_data(chart: BarChart, sheet: WriteOnlyWorksheet, first: int, last: int) -> None:
    chart.add_data(Reference(sheet, min_col=2, min_row=first, max_row=last), titles_from_data=False)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))


def _label_axes(chart: BarChart | LineChart) -> None:
    """Every category labelled (skip 1), labels at `LABEL_POINTS`, axes shown (openpyxl
    leaves `delete` unset, which some readers take as hidden)."""
    chart.x_axis.tickLblSkip = 1
    chart.x_axis.tickMarkSkip = 1
    for axis in (chart.x_axis, chart.y_axis):
        axis.delete = False
        axis.txPr = RichText(
            p=[
                Paragraph(
                    pPr=ParagraphProperties(defRPr=CharacterProperties(sz=LABEL_POINTS * 100)),
                    endParaRPr=CharacterProperties(),
                )
            ]
        )


def _months(sheet: WriteOnlyWorksheet, report: Report) -> None:
    """The fiscal year month by month beside the year before. A month after the report's
    (not happened yet) is an empty cell, not 0, and a gap in the charts."""
    fy = report.period.fy
    set_widths(sheet, (10, 12, 12, 12, 14, 14, 14))
    _print_setup(sheet, "3:3")
    sheet.freeze_panes = "B4"
    sheet.row_dimensions[1].height = 28
    this, before = format_fiscal_year(fy), format_fiscal_year(fy - 1)
    sheet.append([_text(sheet, f"{this} 月別の推移（前年度 {before} と比較）", TITLE_FONT)])
    sheet.append([])
    sheet.append(
        header_cells(
            sheet,
            ("月", "新規受付", "完了", "連携成立", "前年度 新規", "前年度 完了", "前年度 成立"),
        )
    )
    keys = ("new", "closed", "matched", "previous_new", "previous_closed", "previous_matched")
    for month in report.months:
        sheet.append([f"{month.month}月", *(_count(sheet, getattr(month, k)) for k in keys)])
    totals = [report.month_total(k) for k in keys]
    sheet.append([_text(sheet, "計", BOLD), *(_count(sheet, n, BOLD) for n in totals)])
    first, last = 4, 3 + len(report.months)
    trend = LineChart()
    trend.title = f"新規受付の月別推移（{this}・{before}）"
    trend.y_axis.title = "件数"
    trend.height, trend.width = 9, 20
    for column in (2, 5):  # this year's and last year's new inquiries
        trend.add_data(
            Reference(sheet, min_col=column, min_row=3, max_row=last), titles_from_data=True
        )
    trend.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    for series in trend.series:
        series.smooth = False  # a month's count is a point, not a curve through it
    trend.display_blanks = "gap"  # a month not yet happened is no point, not a fall to 0
    _label_axes(trend)
    sheet.add_chart(trend, "I3")
    closed = BarChart()
    closed.title = "完了と連携成立"
    closed.height, closed.width = 9, 20
    closed.add_data(
        Reference(sheet, min_col=3, max_col=4, min_row=3, max_row=last), titles_from_data=True
    )
    closed.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    closed.display_blanks = "gap"
    _label_axes(closed)
    sheet.add_chart(closed, "I22")


def _count(sheet: WriteOnlyWorksheet, value: int | None, font: Font | None = None) -> Any:
    """A count cell, or nothing for a month that has not happened."""
    return None if value is None else _number(sheet, value, font)


def _listing(
    sheet: WriteOnlyWorksheet, report: Report, columns: Sequence[str], rows: Iterable[Sequence[Any]]
) -> tuple[WriteOnlyWorksheet, SheetFill | None]:
    """A list's placeholder (header from the field catalogue, widths fitted to the first rows,
    the sheet's settings) and the rows to stream into it; no rows, a 該当なし line instead."""
    headers = [label_in(key, "ja") for key in columns]
    stream = iter(rows)
    sample = list(islice(stream, SAMPLE_ROWS))
    widths = [display_width(h) + 2 for h in headers]
    for row in sample:
        for index, value in enumerate(row):
            widths[index] = max(widths[index], _shown_width(value))
    set_widths(sheet, widths)
    _print_setup(sheet, "1:1")
    sheet.freeze_panes = "B2"
    sheet.append(header_cells(sheet, headers))
    if not sample:
        sheet.append([f"{report.period.title}: 該当なし"])
        return sheet, None
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"  # stretched as rows come
    styles = CellStyles(
        date=format_style_id(sheet, DATE_FORMAT),
        datetime=format_style_id(sheet, DATETIME_FORMAT),
        wrap=wrap_style_id(sheet),
    )
    return sheet, SheetFill(_chain(sample, stream), first_row=2, styles=styles)


def _chain(sample: list[Sequence[Any]], rest: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    yield from sample
    yield from rest


def _shown_width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return display_width(str(value))
