"""Every workbook as its receiver opens it (openpyxl): wrapped multi-line cells in rows tall
enough, A4 print set-up on every sheet, Japanese headers and labels, date cells, empty future
months, chart label settings; and the report PDF's tables."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.report_figures import Breakdown, Count
from desktop_app.excel import layout
from desktop_app.excel.report_workbook import ROW_CM
from tests.excel.receiver_files import MULTI_LINE, make_files

WORKBOOKS = ("package", "return_package", "masters", "audit", "rejects", "report")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_files(tmp_path_factory.mktemp("receiver"))


def _visible(book: openpyxl.Workbook) -> list:
    return [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]


@pytest.mark.parametrize("kind", WORKBOOKS)
def test_every_sheet_prints_on_a4_one_page_wide_with_page_numbers(files, kind):
    book = openpyxl.load_workbook(files[kind])
    for sheet in _visible(book):
        setup = sheet.page_setup
        assert setup.paperSize == 9, (kind, sheet.title)  # A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, (kind, sheet.title)
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0), (kind, sheet.title)
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
        if sheet.max_row > 1 and sheet.title not in ("表紙", "集計"):
            assert sheet.print_title_rows, (kind, sheet.title)  # the header row repeated


@pytest.mark.parametrize("kind", ("package", "return_package", "audit", "rejects", "masters"))
def test_wide_tables_print_landscape_with_the_header_repeated_and_capped_widths(files, kind):
    book = openpyxl.load_workbook(files[kind])
    for sheet in _visible(book):
        if sheet.title == "表紙":
            assert sheet.page_setup.orientation == "portrait"
            continue
        shown = [
            dim.width
            for letter, dim in sheet.column_dimensions.items()
            if not dim.hidden and dim.width
        ]
        assert max(shown) <= 52, (kind, sheet.title)  # capped (the rejects' reasons: 50)
        wide = sum(width - 2 for width in shown) > layout.PORTRAIT_WIDTH
        assert sheet.page_setup.orientation == ("landscape" if wide else "portrait")
        assert sheet.print_title_rows == "$1:$1", (kind, sheet.title)
        assert sheet.freeze_panes == "A2"


def _row_of(sheet, text: str):
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and text in cell.value:
                return cell
    raise AssertionError(f"{text!r} not in {sheet.title}")


def test_multi_line_content_wraps_in_a_row_tall_enough_in_packages(files):
    for kind in ("package", "return_package"):
        sheet = openpyxl.load_workbook(files[kind])["受付"]
        content = _row_of(sheet, "二行目")
        assert content.value.startswith(MULTI_LINE)  # the whole text, unchanged
        assert content.alignment.wrap_text and content.alignment.vertical == "top"
        height = sheet.row_dimensions[content.row].height
        assert height >= 3 * layout.LINE_POINTS and height <= layout.MAX_LINES * layout.LINE_POINTS
    # A row of one short line keeps the default height.
    cover = openpyxl.load_workbook(files["package"])["表紙"]
    assert cover.row_dimensions[2].height is None


def test_the_return_package_prints_without_its_row_ids(files):
    sheet = openpyxl.load_workbook(files["return_package"])["受付"]
    assert sheet["A1"].value == "ID" and sheet["C1"].value == "受付番号"
    assert str(sheet.print_area).startswith("'受付'!$C$1:")


def test_row_heights_are_capped_and_the_text_stays_whole(tmp_path):
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("s")
    writer = layout.RowWriter(sheet, [12])
    long_text = "\n".join(f"{n}行目" for n in range(30))
    writer.append([long_text])
    writer.append(["=1+2"])
    book.save(tmp_path / "w.xlsx")
    read = openpyxl.load_workbook(tmp_path / "w.xlsx")["s"]
    assert read["A1"].value == long_text and read["A1"].alignment.wrap_text
    assert read.row_dimensions[1].height == layout.MAX_LINES * layout.LINE_POINTS
    assert read["A2"].value == "=1+2" and read["A2"].data_type == "s"


def test_ledger_rejects_one_reason_a_line_wide_enough_with_a_filter(files):
    sheet = openpyxl.load_workbook(files["rejects"])["取込不可"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[-2:] == ["元の行", "取り込めなかった理由"]
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(headers)).column_letter}3"
    for column, header in enumerate(headers, start=1):
        letter = sheet.cell(1, column).column_letter
        width = sheet.column_dimensions[letter].width
        for row in range(2, sheet.max_row + 1):
            value = sheet.cell(row, column).value
            if header != "取り込めなかった理由" and isinstance(value, str):
                assert layout.text_width(value) <= width, (header, value)  # nothing cut
    for row in range(2, sheet.max_row + 1):
        reason = sheet.cell(row, len(headers))
        lines = reason.value.split("\n")
        assert all(line for line in lines)
        if len(lines) > 1:
            assert reason.alignment.wrap_text
            assert sheet.row_dimensions[row].height >= len(lines) * layout.LINE_POINTS


def test_master_package_headers_cover_and_dates_as_people_read_them(files):
    book = openpyxl.load_workbook(files["masters"])
    cover = {row[0]: row[1] for row in book["表紙"].iter_rows(values_only=True)}
    assert cover["送付元"] == "本庁 企画経営部 全国連携推進担当（HQ）"
    made = dt.datetime.strptime(cover["作成日時"], "%Y/%m/%d %H:%M")
    assert abs(made - dt.datetime.now()) < dt.timedelta(hours=14)  # local wall-clock time
    terms = [cell.value for cell in book["区分"][1]]
    assert terms[:5] == ["区分の種類", "コード", "表示名", "表示名（英語）", "表示順"]
    for title in ("事務所", "自治体", "協定先", "協定の構成自治体", "交流自治体"):
        shown = [cell.value for cell in book[title][1] if not str(cell.value).startswith("_")]
        assert all(not header.isascii() for header in shown), (title, shown)
    places = book["自治体"]
    headers = [cell.value for cell in places[1]]
    retired = headers.index("廃止日") + 1
    dated = [
        places.cell(row, retired)
        for row in range(2, places.max_row + 1)
        if places.cell(row, retired).value is not None
    ]
    assert dated and all(isinstance(cell.value, dt.datetime) for cell in dated)
    assert dated[0].number_format == "yyyy/mm/dd"


def test_audit_export_labels_and_date_cells(files):
    sheet = openpyxl.load_workbook(files["audit"])["操作記録"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    actions = {row[2] for row in rows}
    fields = {row[6] for row in rows}
    assert actions and not any(str(a).isascii() for a in actions), actions
    assert "personal" not in fields and "staff_add" not in actions
    assert all(isinstance(row[0], dt.datetime) for row in rows)
    assert sheet["A2"].number_format == "yyyy/mm/dd hh:mm"
    assert sheet.print_title_rows == "$1:$1" and sheet.page_setup.orientation == "landscape"


def test_audit_dates_before_and_after_are_date_cells(tmp_path):
    from desktop_app.excel.audit_workbook import write_audit

    out = tmp_path / "a.xlsx"
    at = dt.datetime(2026, 10, 5, 9, 30)
    write_audit(out, [[at, "t", "変更", "受付", "", "x", "受付日", "2026-10-01", "2026-10-05"]])
    sheet = openpyxl.load_workbook(out).active
    assert sheet["H2"].value == dt.datetime(2026, 10, 1) and sheet["H2"].number_format == (
        "yyyy/mm/dd"
    )
    assert sheet["I2"].value == dt.datetime(2026, 10, 5)
    write_audit(out, [[at, "t", "変更", "受付", "", "x", "件名", "2026-13-01", "改行\nあり"]])
    sheet = openpyxl.load_workbook(out).active
    assert sheet["H2"].value == "2026-13-01"  # not a date: stays text
    assert sheet["I2"].alignment.wrap_text


def test_report_months_after_the_report_are_empty_and_charts_label_every_category(files):
    book = openpyxl.load_workbook(files["report"])
    months = book["月別"]
    november = [months.cell(11, c).value for c in range(1, 8)]
    assert november[0] == "11月" and november[1:4] == [None, None, None]
    for chart in months._charts:
        assert chart.x_axis.tickLblSkip == 1 and chart.display_blanks == "gap"
        assert chart.x_axis.txPr.p[0].pPr.defRPr.sz == 900
    tables = book["集計"]
    charts = tables._charts
    assert len(charts) == 2
    breaks = sorted(brk.id for brk in tables.row_breaks.brk)
    assert breaks
    for chart in charts:
        assert chart.x_axis.tickLblSkip == 1 and chart.x_axis.delete is False
        assert chart.x_axis.txPr.p[0].pPr.defRPr.sz == 900
        categories = chart.series[0].cat.numRef or chart.series[0].cat.strRef
        first, last = (int(part.split("$")[-1]) for part in categories.f.split(":"))
        height_cm = chart.anchor.ext.height / 360_000  # EMU: as drawn
        assert height_cm >= 0.8 * (last - first + 1)  # room for every label
        # No chart crosses a page break (a break after row k): the rows it covers, from
        # its anchor's, lie between two breaks.
        top = chart.anchor._from.row + 1
        bottom = top + math.ceil(height_cm / ROW_CM) - 1
        assert not any(top <= brk < bottom for brk in breaks), (top, bottom, breaks)


def test_pdf_tables_span_the_page_repeat_headers_and_say_none(files):
    from desktop_app.ui import report_pdf

    empty = report_pdf._breakdown(Breakdown("agreement_body", ()))
    assert "該当なし" in empty and "計" not in empty
    table = report_pdf._breakdown(Breakdown("field", (Count("a", "観光", 2), Count("b", "食", 1))))
    assert "width='100%'" in table and "<thead>" in table
    # The title is the first header row: repeated with the headers, never alone at a foot.
    assert table.index("連携分野別") < table.index("</thead>")
    assert files["report_pdf"].read_bytes().startswith(b"%PDF")


def test_multi_line_text_in_the_reports_lists_wraps_in_a_tall_row(tmp_path):
    import io

    from desktop_app.excel.cells import DATE_FORMAT, DATETIME_FORMAT, format_style_id, wrap_style_id
    from desktop_app.excel.sheet_fill import SheetFill, fill_sheets
    from desktop_app.excel.sheet_rows import CellStyles

    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("一覧")
    sheet.append(["メモ"])
    styles = CellStyles(
        format_style_id(sheet, DATE_FORMAT),
        format_style_id(sheet, DATETIME_FORMAT),
        wrap_style_id(sheet),
    )
    placeholder = io.BytesIO()
    book.save(placeholder)
    out = tmp_path / "list.xlsx"
    rows = [[MULTI_LINE], ["一行"], ["\n".join("x" * 12)]]
    fill_sheets(
        placeholder.getvalue(), out, {"xl/worksheets/sheet1.xml": SheetFill(rows, 2, styles)}
    )
    read = openpyxl.load_workbook(out)["一覧"]
    assert read["A2"].value == MULTI_LINE and read["A2"].alignment.wrap_text
    assert read.row_dimensions[2].height == 3 * layout.LINE_POINTS
    assert not read["A3"].alignment.wrap_text and read.row_dimensions[3].height is None
    assert read.row_dimensions[4].height == layout.MAX_LINES * layout.LINE_POINTS  # capped
