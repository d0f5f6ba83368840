"""The case sheet (相談票) of one inquiry: HTML for QTextDocument, printed or written as a PDF.

A4 portrait, Japanese layout: title, office and the printing date in 和暦, the case's fields, its
action history, and approval boxes (決裁欄) for the supervisor's seal. Personal fields appear
only when `include_personal` is set (domain.pii), and the sheet then says it carries personal
information. GUI thread only: QTextDocument lays out with the application's fonts.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from desktop_app.domain.dates import format_wareki
from desktop_app.domain.local_time import local_today
from desktop_app.ui.case_detail import CaseDetail
from desktop_app.ui.inquiry_fields import inquiry_lines, lines_html
from desktop_app.ui.vocab import Vocab, format_date

MARGIN_MM = 15
_STYLE = """
h1 { font-size: 18pt; text-align: center; margin: 0; }
p.meta { text-align: right; font-size: 9pt; margin: 0; }
p.notice { font-size: 9pt; %(notice)s }
h2 { font-size: 11pt; margin-top: 12px; border-bottom: 1px solid %(rule)s; }
table.fields, table.history, table.approval { border-collapse: collapse; }
table.fields th, table.fields td, table.history th, table.history td, table.approval td {
    border: 1px solid %(line)s; font-size: 9.5pt; }
th.label { width: 22%%; %(shade)s }
table.history th { %(shade)s }
"""
# Paper's colours; on a screen in the system's colours (high contrast, ui/style.py) the
# preview draws every line in the palette's text colour, shades nothing, and says the notice
# in bold.
_PAPER = {
    "notice": "color: #a4262c;",
    "rule": "#333",
    "line": "#777",
    "shade": "background: #eef1f5;",
}

# lupdate reads translate("Context", "literal") calls; the alias keeps lines short.
translate = QCoreApplication.translate


def case_sheet_html(
    detail: CaseDetail,
    vocab: Vocab,
    *,
    include_personal: bool,
    today: dt.date | None = None,
    ink: str | None = None,
) -> str:
    """The whole sheet as HTML (what QTextDocument prints; tests read it); `ink`, a screen's
    text colour in the system's colours, replaces paper's colours in the preview."""
    printed = today or local_today()
    record = detail.record
    lines = inquiry_lines(record, vocab, include_personal=include_personal, places=detail.places)
    esc = html.escape
    notice = translate("CaseSheet", "個人情報を含みます。取扱いに注意してください。")
    printed_on = f"{format_wareki(printed)}（{format_date(printed)}）"
    return (
        f"<html><head><style>{_style(ink)}</style></head><body>"
        f"<h1>{esc(translate('CaseSheet', '相談票'))}</h1>"
        f"<p class='meta'>{esc(vocab.office(record.office))}　"
        f"{esc(translate('CaseSheet', '印刷日'))}: {printed_on}</p>"
        f"{f'<p class=notice>{esc(notice)}</p>' if include_personal else ''}{_approval_html()}"
        f"<h2>{esc(translate('CaseSheet', '相談内容'))}</h2>{lines_html(lines)}"
        f"<h2>{esc(translate('CaseSheet', '対応履歴'))}</h2>{_history_html(detail, vocab)}"
        "</body></html>"
    )


def _style(ink: str | None) -> str:
    if ink is None:
        return _STYLE % _PAPER
    return _STYLE % {"notice": "font-weight: bold;", "rule": ink, "line": ink, "shade": ""}


def _approval_html() -> str:
    """Seal boxes (決裁欄), right-aligned as on ward forms."""
    roles = [
        translate("CaseSheet", "課長"),
        translate("CaseSheet", "係長"),
        translate("CaseSheet", "担当"),
    ]
    heads = "".join(f"<td align='center' width='60'>{html.escape(r)}</td>" for r in roles)
    seals = "<td height='48'></td>" * len(roles)
    return (
        "<table class='approval' align='right' cellspacing='0' cellpadding='2'>"
        f"<tr>{heads}</tr><tr>{seals}</tr></table><br clear='all'>"
    )


def _history_html(detail: CaseDetail, vocab: Vocab) -> str:
    if not detail.actions:
        return f"<p>{html.escape(translate('CaseSheet', '対応履歴はありません。'))}</p>"
    heads = [
        translate("CaseSheet", "日付"),
        translate("CaseSheet", "種類"),
        translate("CaseSheet", "内容"),
        translate("CaseSheet", "紹介先"),
        translate("CaseSheet", "回答期限"),
        translate("CaseSheet", "次回期限"),
    ]
    rows = []
    for action in detail.actions:
        reply = format_date(action.reply_due)
        if action.awaiting_reply:
            reply += f"（{translate('CaseSheet', '回答待ち')}）"
        elif action.replied_on:
            reply += f"（{translate('CaseSheet', '回答')} {format_date(action.replied_on)}）"
        cells = (
            format_date(action.action_date),
            vocab.label("action_kind", action.kind),
            action.note,
            action.referred_to,
            reply,
            format_date(action.next_due),
        )
        rows.append(
            "<tr>"
            + "".join(f"<td>{html.escape(c).replace(chr(10), '<br>')}</td>" for c in cells)
            + "</tr>"
        )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    return (
        "<table class='history' width='100%' cellspacing='0' cellpadding='3'>"
        f"<tr>{head}</tr>{''.join(rows)}</table>"
    )


def sheet_document(sheet_html: str, font: QFont) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(font)
    document.setHtml(sheet_html)
    return document


def a4_printer(printer: QPrinter) -> QPrinter:
    """Set `printer` to A4 portrait with the margins ward forms use."""
    printer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    return printer


def write_pdf(sheet_html: str, path: Path, font: QFont) -> Path:
    """Write the sheet to `path` as an A4 PDF and return the path."""
    printer = a4_printer(QPrinter(QPrinter.PrinterMode.HighResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    sheet_document(sheet_html, font).print_(printer)
    return path
