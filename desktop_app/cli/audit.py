"""The audit trail and retention commands: `audit list`, `audit export`, `retention apply`.

Registered by cli/app.py like cli/sync.py; each handler learns who runs it from `sign_in` and
calls one service, which checks the permission (supervisors read the trail, administrators
erase). Services are imported inside the handlers so that `--help` stays fast.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app.cli.common import EXIT_OK, Commands, Opener
from desktop_app.cli.output import Printer
from desktop_app.domain import audit_kinds
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from desktop_app.services.audit_trail import AuditFilter

DateReader = Callable[[str | None, str], Any]
LIST_DEFAULT = 100


def add_audit_commands(commands: Commands, opener: Opener, read_date: DateReader) -> None:
    audit = commands.group("audit", "audit_command", "the audit trail (supervisors)")
    # `audit list --user LOGIN` filters by login, as the contract says; who signs in then comes
    # from --user before the command or RENKEI_DESK_USER.
    listing = audit.add_parser("list", own_user=True, help="audit entries, newest first")
    listing.add_argument("--since", help="from this day on (2026/10/1, R8.10.1, ...)")
    listing.add_argument(
        "--user", dest="audit_user", help="one member of staff's entries (their login)"
    )
    listing.add_argument(
        "--action", help="one kind: " + ", ".join(audit_kinds.ACTION_LABELS), metavar="KIND"
    )
    listing.add_argument(
        "--limit", type=int, default=LIST_DEFAULT, help=f"how many (default {LIST_DEFAULT})"
    )
    listing.set_defaults(handler=lambda args, printer: _list(opener, read_date, args, printer))
    export = audit.add_parser("export", help="the audit trail as a workbook (.xlsx)")
    export.add_argument("--out", required=True, help="the workbook to write (.xlsx)")
    export.add_argument(
        "--overwrite",
        action="store_true",
        help="replace the file if it exists (never the database or a backup)",
    )
    export.set_defaults(handler=lambda args, printer: _export(opener, args, printer))

    retention = commands.group(
        "retention", "retention_command", "erase personal data past its retention period"
    )
    apply = retention.add_parser(
        "apply", help="erase personal fields of inquirers whose cases all closed long ago"
    )
    apply.add_argument(
        "--closed-before", help="cut-off day (default: the retention period before today)"
    )
    apply.add_argument("--dry-run", action="store_true", help="count only, erase nothing")
    apply.set_defaults(handler=lambda args, printer: _retention(opener, read_date, args, printer))


def _filter(read_date: DateReader, args: argparse.Namespace) -> AuditFilter:
    from desktop_app.services.audit_trail import AuditFilter

    return AuditFilter(
        since=read_date(args.since, "--since"),
        staff=args.audit_user or "",
        action=args.action or "",
    )


def _list(opener: Opener, read_date: DateReader, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.services import audit_trail

    db = opener(args)
    page = audit_trail.list_entries(
        db, _filter(read_date, args), limit=args.limit, lang=printer.lang, actor=signed_in(db)
    )
    if printer.as_json:
        printer.figures("", {"count": page.count, "items": [e.to_json() for e in page.items]})
        return EXIT_OK
    for entry in page.items:
        what = " ".join(
            part
            for part in (
                audit_kinds.entity_label(entry.entity, printer.lang),
                entry.receipt_no or entry.entity_id,
                entry.field_label(printer.lang),
            )
            if part
        )
        change = f"  {entry.old_shown} → {entry.new_shown}" if entry.old or entry.new else ""
        stamp = entry.at.strftime("%Y/%m/%d %H:%M:%S")
        action = audit_kinds.action_label(entry.action, printer.lang)
        printer.line(f"{stamp}  {entry.staff}  {action}  {what}{change}")
    return EXIT_OK


def _export(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.services import audit_trail

    db = opener(args)
    done = audit_trail.export_entries(
        db, Path(args.out), lang=printer.lang, overwrite=args.overwrite, actor=signed_in(db)
    )
    printer.figures(
        render("audit_written", printer.lang, path=done.path, count=done.count),
        {"path": str(done.path), "count": done.count},
    )
    return EXIT_OK


def _retention(
    opener: Opener, read_date: DateReader, args: argparse.Namespace, printer: Printer
) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.services import retention

    db = opener(args)
    report = retention.apply(
        db,
        actor=signed_in(db),
        closed_before=read_date(args.closed_before, "--closed-before"),
        dry_run=args.dry_run,
    )
    code = "retention_dry_run" if report.dry_run else "retention_done"
    printer.figures(render(code, printer.lang, **report.to_json()), report.to_json())
    return EXIT_OK
