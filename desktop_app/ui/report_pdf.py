"""The report as an A4 landscape PDF, drawn by Qt (QTextDocument onto QPdfWriter).

For a 決裁 without Excel: the same cover, headline figures and tables as the workbook, with
the breakdowns by relationship and field drawn as bars. No lists and no personal fields: a PDF
cannot be encrypted the way the workbook is. The CLI calls this for `report ... --pdf`; with
no window open, Qt runs on its offscreen platform (a PDF needs no screen).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from desktop_app.domain.dates import format_fiscal_year
from desktop_app.domain.report_figures import (
    BREAKDOWN_TITLES,
    CHARTED,
    HEADLINE_LABELS,
    KIND_TITLES,
    Breakdown,
    Report,
)

_STYLE = """
body { font-family: 'Noto Sans CJK JP', 'Yu Gothic', 'Meiryo', sans-serif; font-size: 9pt; }
h1 { font-size: 18pt; } h2 { font-size: 12pt; margin-top: 14px; }
th { background: #dde7f0; } td.n { text-align: right; }
td.t { font-size: 12pt; font-weight: bold; border: none; }
"""
_TABLE = "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
_FOOTER_MM = 7.0  # the band under each page that holds its number
NONE = "該当なし"


_APPLICATION: list[QApplication] = []


def write_pdf(report: Report, path: Path) -> None:
    """Draw `report` into a PDF at `path`: A4 landscape, tables as wide as the page, their
    header rows repeated on every page they run onto, 「1 / 3 ページ」 under each page."""
    if QApplication.instance() is None:
        # From the command line there is no application yet. A QApplication (not a
        # QGuiApplication), kept for the process, so that widgets made later still work.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APPLICATION.append(QApplication([]))
    writer = QPdfWriter(str(path))
    writer.setTitle(f"{report.period.title} {KIND_TITLES[report.period.kind]}")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(144)
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # fonts measured at the PDF's resolution
    document.setDefaultStyleSheet(_STYLE)
    document.setHtml(report_html(report))
    rect = writer.pageLayout().paintRectPixels(writer.resolution())
    footer = _FOOTER_MM / 25.4 * writer.resolution()
    page = QSizeF(rect.width(), rect.height() - footer)
    document.setPageSize(page)
    pages = document.pageCount()
    painter = QPainter(writer)
    try:
        for number in range(pages):
            if number:
                writer.newPage()
            top = number * page.height()
            painter.save()
            painter.translate(0, -top)
            document.drawContents(painter, QRectF(0, top, page.width(), page.height()))
            painter.restore()
            painter.drawText(
                QRectF(0, page.height(), page.width(), footer),
                int(Qt.AlignmentFlag.AlignCenter),
                f"{number + 1} / {pages} ページ",
            )
    finally:
        painter.end()


def report_html(report: Report) -> str:
    """The report as HTML for QTextDocument (also what the report screen previews). Every
    table spans the page, its header row in <thead> (repeated on each page it runs onto)."""
    e = html.escape
    period = report.period
    training = "【研修用データ】" if report.training else ""
    parts = [
        f"<p>{e(training)}全国連携 相談窓口 {KIND_TITLES[period.kind]}</p>",
        f"<h1>{e(period.title)}</h1>",
        "<table cellpadding='3'>",
        _pair("期間", f"{period.first:%Y/%m/%d} 〜 {period.last:%Y/%m/%d}"),
        _pair("作成", f"{report.made_by}　{report.made_at:%Y/%m/%d %H:%M}"),
        _pair("未解決の競合", f"{report.open_conflicts:,} 件"),
        f"</table><h2>主な数値</h2>{_TABLE}<thead><tr>",
        *(f"<th>{e(label)}</th>" for _, label in HEADLINE_LABELS),
        "</tr></thead><tr>",
        *(f"<td class='n'>{getattr(report.headline, key):,}</td>" for key, _ in HEADLINE_LABELS),
        "</tr></table><h2>データの時点（事務所別）</h2><table cellpadding='2'>",
    ]
    for office in report.offices:
        stamp = f"{office.as_of:%Y/%m/%d %H:%M}" if office.as_of else "未取込"
        parts.append(_pair(office.name, stamp + ("（この端末）" if office.own else "")))
    parts.append("</table>")
    cross = report.by_office_relationship
    parts.append(f"<p></p>{_TABLE}")
    parts.append(
        f"<thead>{_title_row('事務所 × 連携の型', len(cross.columns) + 2)}<tr><th>事務所</th>"
        + "".join(f"<th>{e(c.label)}</th>" for c in cross.columns)
        + "<th>計</th></tr></thead>"
    )
    for row, cells in zip(cross.rows, cross.cells, strict=True):
        parts.append(
            f"<tr><td>{e(row.label)}</td>"
            + "".join(f"<td class='n'>{n:,}</td>" for n in cells)
            + f"<td class='n'><b>{row.count:,}</b></td></tr>"
        )
    parts.append(
        "<tr><td><b>計</b></td>"
        + "".join(f"<td class='n'><b>{c.count:,}</b></td>" for c in cross.columns)
        + f"<td class='n'><b>{cross.total:,}</b></td></tr></table>"
    )
    parts.append(_months(report))
    parts += [_breakdown(b) for b in report.breakdowns]
    return "".join(parts)


def _pair(label: str, value: str) -> str:
    return f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>"


def _months(report: Report) -> str:
    """The month table; a month after the report's is an empty cell (not happened), not 0."""
    fy = report.period.fy
    keys = ("new", "closed", "matched", "previous_new", "previous_closed", "previous_matched")
    heads = ("月", "新規受付", "完了", "連携成立", "前年度 新規", "前年度 完了", "前年度 成立")
    title = f"{format_fiscal_year(fy)} 月別（前年度 {format_fiscal_year(fy - 1)}）"
    rows = [
        f"<p></p>{_TABLE}<thead>{_title_row(title, len(heads))}<tr>",
        *(f"<th>{h}</th>" for h in heads),
        "</tr></thead>",
    ]
    for month in report.months:
        rows.append(
            f"<tr><td>{month.month}月</td>"
            + "".join(f"<td class='n'>{_figure(getattr(month, k))}</td>" for k in keys)
            + "</tr>"
        )
    totals = "".join(f"<td class='n'><b>{_figure(report.month_total(k))}</b></td>" for k in keys)
    rows.append(f"<tr><td><b>計</b></td>{totals}</tr></table>")
    return "".join(rows)


def _title_row(title: str, span: int) -> str:
    """A table's title as its first header row: never left alone at the foot of a page, and
    repeated with the column headers on every page the table runs onto."""
    return f"<tr><td colspan='{span}' class='t'>{html.escape(title)}</td></tr>"


def _figure(value: int | None) -> str:
    return "" if value is None else f"{value:,}"


def _breakdown(breakdown: Breakdown) -> str:
    """One breakdown over the page's width; no rows at all: 該当なし in words, not 「計 0」."""
    e = html.escape
    charted = breakdown.key in CHARTED
    title = f"<h2>{e(BREAKDOWN_TITLES[breakdown.key])}</h2>"
    if not breakdown.rows:
        return f"{title}<p>{NONE}</p>"
    top = max((row.count for row in breakdown.rows), default=0) or 1
    span = 3 if charted else 2
    rows = [
        "<p></p>",
        _TABLE,
        f"<thead>{_title_row(BREAKDOWN_TITLES[breakdown.key], span)}",
        "<tr><th width='40%'>区分</th><th width='10%'>件数</th>",
        "<th width='50%'></th>" if charted else "",
        "</tr></thead>",
    ]
    for row in breakdown.rows:
        bar = ""
        if charted:
            share = round(100 * row.count / top)
            rest = f"<td width='{100 - share}%'></td>" if share < 100 else ""
            filled = f"<td width='{max(1, share)}%' bgcolor='#4f81bd'>&nbsp;</td>"
            bar = (
                f"<td><table cellspacing='0' cellpadding='0' width='100%'><tr>"
                f"{filled}{rest}</tr></table></td>"
                if row.count
                else "<td></td>"
            )
        rows.append(f"<tr><td>{e(row.label)}</td><td class='n'>{row.count:,}</td>{bar}</tr>")
    blank = "<td></td>" if charted else ""
    rows.append(
        f"<tr><td><b>計</b></td><td class='n'><b>{breakdown.total:,}</b></td>{blank}</tr></table>"
    )
    return "".join(rows)
