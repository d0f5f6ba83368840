"""`report monthly|fiscal-year`: the reports as a workbook (or a PDF, drawn by Qt only here)."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.cli.common import EXIT_OK, Commands, open_database
from desktop_app.cli.output import Printer
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render


def add_report_commands(commands: Commands) -> None:
    sub = commands.group("report", "report_command", "monthly and fiscal-year reports (Excel, PDF)")
    monthly = sub.add_parser("monthly", help="the report of one month, as a workbook or a PDF")
    monthly.add_argument("--month", required=True, help="the month, YYYY-MM (e.g. 2026-10)")
    monthly.add_argument(
        "--include-personal",
        action="store_true",
        help="list the inquirers' personal fields (encrypted with the package password)",
    )
    monthly.set_defaults(handler=_report, report_kind="monthly")
    fiscal = sub.add_parser(
        "fiscal-year", help="the report of a fiscal year (April to March), month by month"
    )
    fiscal.add_argument(
        "--year", required=True, help="the year the fiscal year starts in (2026 = 令和8年度)"
    )
    fiscal.set_defaults(handler=_report, report_kind="fiscal-year", include_personal=False)
    for parser in (monthly, fiscal):
        parser.add_argument(
            "--out", required=True, help="the file to write (.xlsx, or .pdf with --pdf)"
        )
        parser.add_argument("--office", help="one office's inquiries only (default: every office)")
        parser.add_argument("--pdf", action="store_true", help="write the report as a PDF (A4)")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="replace the file if it exists (never the database or a backup)",
        )


def _report(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.domain.report_figures import Period
    from desktop_app.services import report_export

    if args.report_kind == "monthly":
        period = Period.parse_month(args.month)
    else:
        if not args.year.strip().isdigit() or len(args.year.strip()) > 4:  # 5,000 digits too
            raise UserError("year_invalid", value=args.year, first=1900, last=2999)
        period = Period.fiscal_year(int(args.year))
    if args.pdf and args.include_personal:
        raise UserError("report_pdf_personal")
    db = open_database(args, daily=False)
    actor = signed_in(db)
    out = Path(args.out)
    office = args.office.upper() if args.office else None
    if args.pdf:
        from desktop_app.ui.report_pdf import write_pdf  # Qt draws the PDF; only here

        result = report_export.export_with(
            db, period, out, write_pdf, actor=actor, office=office, overwrite=args.overwrite
        )
    else:
        result = report_export.export_workbook(
            db,
            period,
            out,
            actor=actor,
            office=office,
            personal=args.include_personal,
            overwrite=args.overwrite,
        )
    headline = result.report.headline
    printer.figures(
        render("report_written", printer.lang, path=result.path),
        {
            "path": str(result.path),
            "period": result.report.period.title,
            "first": result.report.period.first.isoformat(),
            "last": result.report.period.last.isoformat(),
            "office": office,
            "personal": result.personal,
            "encrypted": result.encrypted,
            "new": headline.new,
            "closed": headline.closed,
            "matched": headline.matched,
            "still_open": headline.still_open,
            "overdue": headline.overdue,
        },
    )
    return EXIT_OK
