"""`import-ledger`: a hand-kept ledger (相談受付簿) in, with the report of every row left out.

Registered by cli/app.py like the exchange commands. Exit codes (DESIGN.md): 0 every row in,
3 rows left for a person (refused, held back as possible duplicates, or a value placed as
その他), 2 nothing usable (no header row, not a spreadsheet, every row refused).
"""

from __future__ import annotations

import argparse
import atexit
import gc
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli import light
from desktop_app.cli.common import Commands, Opener, db_path
from desktop_app.cli.endings import Stops
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import signed_in
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from desktop_app.domain.ledger_rows import Problem
    from desktop_app.services.ledger_check import LedgerReport, OpenedSheet
    from desktop_app.services.light_list import LightRead


def add_ledger_commands(commands: Commands, opener: Opener) -> None:
    ledger = commands.add_parser(
        "import-ledger", help="import a hand-kept ledger (.xlsx, .xls or CSV) as inquiries"
    )
    ledger.add_argument("file", metavar="FILE", help="the ledger file (.xlsx, .xls or CSV)")
    ledger.add_argument(
        "--sheet", metavar="NAME", help="the sheet (default: the first with headers)"
    )
    ledger.add_argument(
        "--mapping", metavar="FILE", help="a saved mapping profile's name or a profile JSON file"
    )
    ledger.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    ledger.add_argument(
        "--add-duplicates",
        action="store_true",
        help="import rows that repeat an inquiry already recorded, too",
    )
    ledger.add_argument(
        "--rejected-out",
        metavar="FILE.xlsx",
        help="write the refused rows to this workbook, to fix and import again",
    )
    ledger.add_argument(
        "--overwrite", action="store_true", help="replace the --rejected-out file if it exists"
    )
    ledger.set_defaults(handler=lambda args, printer: _import(opener, args, printer))


def _import(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import collector

    # The cycle collector is paused for the whole command, as the import itself always paused
    # it: the database layer the command loads and the ledger's rows are objects it would walk
    # again and again and never free. And the process's last collection, at exit, is skipped:
    # after an apply it walks everything still loaded (0.2-0.3 s) only for the process to end.
    _no_last_collection()
    with collector.paused():
        return _import_paused(opener, args, printer)


@cache  # registered once per process
def _no_last_collection() -> None:
    """At exit, what is still loaded is set aside from the interpreter's last collection
    (gc.freeze): the operating system frees it."""
    atexit.register(gc.freeze)


def _import_paused(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    exit_code = _light_dry_run(args, printer)
    if exit_code is not None:
        return exit_code
    from desktop_app.services import ledger_import, ledger_profiles

    db = opener(args)
    actor = signed_in(db)
    # Checked before anything is imported: a refused destination leaves the database as it was.
    rejects = (
        ledger_import.rejects_target(db, Path(args.rejected_out), overwrite=args.overwrite)
        if args.rejected_out
        else None
    )
    profile = ledger_profiles.load_profile(db, args.mapping) if args.mapping else None
    report = ledger_import.import_ledger(
        db,
        actor,
        Path(args.file),
        sheet=args.sheet,
        profile=profile,
        dry_run=args.dry_run,
        add_duplicates=args.add_duplicates,
    )
    written = 0
    if rejects is not None and report.rejected:
        written = ledger_import.write_rejected(report, rejects)
    _print(printer, report, args.rejected_out if written else None, written)
    return report.exit_code


def _light_dry_run(args: argparse.Namespace, printer: Printer) -> int | None:
    """A dry run without SQLAlchemy (services/ledger_check.py on cli/light.py's read): every
    check, row and message of the full dry run, the sign-in recorded after the report. None:
    the full path answers (a profile or a rejects workbook to handle, a sign-in that is not
    plain, a file the light read does not open)."""
    if not args.dry_run or args.mapping or args.rejected_out:
        return None
    from desktop_app.domain.ledger_profile import Profile
    from desktop_app.services import ledger_check

    codes: list[int] = []
    opened: list[OpenedSheet | Exception] = []

    def open_file() -> None:
        """The file guarded and read while the password is verified; a refusal kept, to be
        told only once the sign-in is good (a wrong password is refused whatever the file)."""
        try:
            opened.append(ledger_check.open_sheet(Path(args.file), args.sheet, Profile()))
        except Exception as exc:  # noqa: BLE001 -- raised after the sign-in, by `kept`
            opened.append(exc)

    def kept() -> OpenedSheet:
        # Signed in: the password was verified, and the file opened meanwhile.
        if isinstance(outcome := opened[0], Exception):
            raise outcome
        return outcome

    def answer(reader: LightRead, actor: Actor, stop: Stops) -> bool:
        report = ledger_check.check_ledger(
            reader.connection, actor, Path(args.file), sheet=args.sheet,
            add_duplicates=args.add_duplicates, opening=kept,
        )  # fmt: skip
        _print(printer, report, None, 0)
        sys.stdout.flush()
        stop.hold()
        codes.append(report.exit_code)
        return True

    # An actor without the permission goes the full way, which refuses and audits it.
    if light.answered(db_path(args), Permission.EXCHANGE, answer, printer.lang, open_file):
        return codes[0]
    return None


def _print(printer: Printer, report: LedgerReport, rejects: str | None, written: int) -> None:
    lang = printer.lang
    if printer.as_json:
        printer.figures("", report.to_json(lang))
        return
    # One write for the whole report (2,000 problem lines for a large ledger), not two a line
    # as print makes with the output unbuffered (python -u, PYTHONUNBUFFERED).
    lines = [report.summary(lang) + (render("ledger_dry_run", lang) if report.dry_run else "")]
    # A column's rows share the one error of a kind: each told once, by its identity.
    reasons: dict[int, str] = {}
    for mark, problems in (
        ("✗", report.rejected),
        ("!", (*report.read.unplaced, *report.read.kept)),
    ):
        for problem in problems:
            if (reason := reasons.get(id(problem.error))) is None:
                reason = reasons[id(problem.error)] = problem.reason(lang)
            lines.append(f"  {mark} {_where(problem, lang)}: {reason}")
    if not report.duplicates_added:
        for row, receipt in sorted(report.duplicates.items()):
            lines.append("  ? " + render("ledger_duplicate_row", lang, row=row, receipt_no=receipt))
        for row, receipt in sorted(report.doubtful.items()):
            lines.append("  ? " + render("ledger_doubtful_row", lang, row=row, receipt_no=receipt))
    if rejects:
        lines.append(render("ledger_rejects_written", lang, count=written, path=rejects))
    printer.line("\n".join(lines))
    if report.exit_code == 2:
        print(render("ledger_nothing_usable", lang), file=sys.stderr)


def _where(problem: Problem, lang: str) -> str:
    """18行 C列「受付日」「令和7年2月30日」: where Excel shows it, and what it says."""
    if problem.column:
        place = render(
            "ledger_where", lang, row=problem.row, column=problem.column, header=problem.header
        )
    else:
        place = render("ledger_where_row", lang, row=problem.row)
    return f"{place}「{problem.value}」" if problem.value else place
