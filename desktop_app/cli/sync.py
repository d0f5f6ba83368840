"""The exchange commands: sync packages both ways, conflicts, master packages, the password.

Registered by cli/app.py like every other command; services are imported inside the handlers so
that `--help` stays fast. Exit codes follow the contract: import-sync exits 0 when everything
merged cleanly, 3 with conflicts or warnings, 2 when a file was refused.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.common import EXIT_ATTENTION, EXIT_OK, EXIT_REFUSED, Commands, Opener
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import signed_in
from desktop_app.domain.actor import Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from desktop_app.services.sync_import import ImportReport

_OUTCOME_LABELS = (
    ("inserted", "追加", "inserted"),
    ("updated", "更新", "updated"),
    ("merged", "統合", "merged"),
    ("unchanged", "変更なし", "unchanged"),
    ("stale", "古い版", "stale"),
    ("conflicts", "競合", "conflicts"),
    ("rejected", "拒否", "rejected"),
)


def add_sync_commands(commands: Commands, opener: Opener) -> None:
    """`export-sync`, `import-sync`, `conflict`, `export-masters`, `import-masters`, `config`."""
    export = commands.add_parser("export-sync", help="write a sync package for another office")
    export.add_argument("--out", required=True, help="the package file to write (.xlsx)")
    export.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the file if it exists (never the database or a backup)",
    )
    export.add_argument(
        "--to", dest="to_office", help="destination office (default at a branch: HQ)"
    )
    export.add_argument("--full", action="store_true", help="every row, not only the changes")
    export.add_argument(
        "--include-personal",
        action="store_true",
        help="include personal fields (the file is encrypted with the shared password)",
    )
    export.set_defaults(handler=lambda args, printer: _export(opener, args, printer))

    imports = commands.add_parser("import-sync", help="merge sync packages from other offices")
    imports.add_argument("files", nargs="+", metavar="FILE", help="package files (.xlsx)")
    imports.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    imports.add_argument(
        "--accept-edited",
        action="store_true",
        help="import a package edited after export (a supervisor's decision, audited)",
    )
    imports.set_defaults(handler=lambda args, printer: _import(opener, args, printer))

    conflict = commands.group("conflict", "conflict_command", "sync conflicts waiting for a person")
    listing = conflict.add_parser("list", help="open conflicts, field by field")
    listing.set_defaults(handler=lambda args, printer: _conflicts(opener, args, printer))
    resolve = conflict.add_parser("resolve", help="keep ours or theirs (per field with --take)")
    resolve.add_argument("id", type=int, help="conflict number from `conflict list`")
    resolve.add_argument("--keep", required=True, choices=("ours", "theirs"), help="which side")
    resolve.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD",
        help="take theirs for this field (repeat), ours for the rest",
    )
    resolve.set_defaults(handler=lambda args, printer: _resolve(opener, args, printer))

    masters_out = commands.add_parser("export-masters", help="write a master package (HQ)")
    masters_out.add_argument("--out", required=True, help="the package file to write (.xlsx)")
    masters_out.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the file if it exists (never the database or a backup)",
    )
    masters_out.set_defaults(handler=lambda args, printer: _export_masters(opener, args, printer))
    masters_in = commands.add_parser("import-masters", help="take a master package from HQ")
    masters_in.add_argument("file", help="the master package (.xlsx)")
    masters_in.set_defaults(handler=lambda args, printer: _import_masters(opener, args, printer))

    settings = commands.group("config", "config_command", "settings of this PC's database")
    setting = settings.add_parser("set", help="set a setting (package-password prompts)")
    setting.add_argument(
        "name", choices=("package-password", "backup-password"), help="the setting"
    )
    setting.set_defaults(handler=lambda args, printer: _config_set(opener, args, printer))


def _export(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import sync_export

    db = opener(args)
    report = sync_export.export_sync(
        db,
        Path(args.out),
        actor=signed_in(db),
        to_office=args.to_office,
        full=args.full,
        include_personal=args.include_personal,
        overwrite=args.overwrite,
    )
    counts = report.counts
    said = render(
        "package_written",
        printer.lang,
        path=report.path,
        to=report.to_office,
        sequence=report.sequence,
        inquiries=counts.get("inquiry", 0),
        actions=counts.get("action", 0),
        inquirers=counts.get("inquirer", 0),
    )
    said = "\n".join([said, *report.notes(printer.lang, report.to_office)])
    printer.figures(said, report.to_json())
    return EXIT_OK


def _import(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import sync_import

    db = opener(args)
    report = sync_import.import_sync(
        db,
        [Path(name) for name in args.files],
        actor=signed_in(db),
        dry_run=args.dry_run,
        accept_edited=args.accept_edited,
    )
    _print_import(printer, report)
    if report.refused:
        return EXIT_REFUSED
    return EXIT_ATTENTION if report.needs_attention else EXIT_OK


def _print_import(printer: Printer, report: ImportReport) -> None:
    if printer.as_json:
        printer.figures("", report.to_json())
    english = printer.lang.startswith("en")
    for package in report.packages:
        if package.refused:
            print(package.refused, file=sys.stderr)
            continue
        counts = "、".join(
            f"{en if english else ja} {package.total(key)}" for key, ja, en in _OUTCOME_LABELS
        )
        dry = "（試行: 書き込んでいません）" if report.dry_run and not english else ""
        printer.line(f"{package.file}（{package.from_office} #{package.sequence}）: {counts}{dry}")
        for warning in package.warnings:
            printer.line(f"  ! {warning}")
        for note in package.notes:
            printer.line(f"  - {note}")


def _conflicts(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import conflicts

    db = opener(args)
    found = conflicts.list_conflicts(db, actor=signed_in(db))
    if printer.as_json:
        printer.figures("", {"count": len(found), "items": [c.to_json() for c in found]})
        return EXIT_OK
    printer.line(render("conflicts_header", printer.lang, count=len(found)))
    for item in found:
        printer.line(f"#{item.id}  {item.receipt_no or ''}  {item.entity}  ({item.peer})")
        for field in item.fields:
            printer.line(f"    {field.field}: ours={field.ours!r}  theirs={field.theirs!r}")
    return EXIT_OK


def _resolve(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import conflicts

    db = opener(args)
    record = conflicts.resolve_conflict(
        db, args.id, keep=args.keep, take=args.take, actor=signed_in(db)
    )
    printer.figures(
        render("conflict_resolved", printer.lang, value=args.id),
        {"id": record.id, "resolved": True, "keep": args.keep, "take": list(args.take)},
    )
    return EXIT_OK


def _export_masters(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import masters_sync

    db = opener(args)
    report = masters_sync.export_masters(
        db, Path(args.out), actor=signed_in(db), overwrite=args.overwrite
    )
    printer.figures(render("masters_written", printer.lang, path=report.path), report.to_json())
    return EXIT_OK


def _import_masters(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import masters_sync

    db = opener(args)
    report = masters_sync.import_masters(db, Path(args.file), actor=signed_in(db))
    printer.figures(
        render("masters_imported", printer.lang, path=args.file, **report.counts()),
        report.to_json(),
    )
    return EXIT_OK


def _config_set(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import package_key

    db = opener(args)
    actor = signed_in(db)
    actor.require(Permission.SETTINGS)  # before asking for a password that would be refused
    if args.name == "backup-password":
        from desktop_app.services import backup_key

        secret = backup_key.from_environment() or _ask_password(printer.lang)
        backup_key.set_password(db, secret, actor=actor)
        printer.figures(render("backup_password_set", printer.lang), {"set": args.name})
        return EXIT_OK
    secret = _ask_password(printer.lang)
    package_key.set_password(db, secret, actor=actor)
    printer.figures(render("package_password_set", printer.lang), {"set": args.name})
    return EXIT_OK


def _ask_password(lang: str) -> str:
    """Asked twice at a terminal; read as one line when a script pipes it in."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(render("password_prompt", lang))
    if getpass.getpass(render("password_again", lang)) != first:
        raise UserError("password_mismatch")
    return first
