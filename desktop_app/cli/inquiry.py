"""`inquiry add|show|update|delete|list`: one service call each, the record printed.

`list` reads without writing (signed in with `reading=True`): it keeps answering while another
program holds the write lock.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import TYPE_CHECKING

from desktop_app.cli import light
from desktop_app.cli.arguments import count_argument, month_bounds, parse_assignments, read_json
from desktop_app.cli.common import (
    EXIT_OK,
    Commands,
    db_path,
    labels_for,
    open_database,
    say_if_training,
)
from desktop_app.cli.endings import Stops
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import signed_in
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render
from desktop_app.domain.workflow import STATUS_LABELS, STATUSES

if TYPE_CHECKING:
    from desktop_app.services.light_list import LightRead

LIST_LIMIT = 10_000


def add_inquiry_commands(commands: Commands) -> None:
    sub = commands.group(
        "inquiry", "inquiry_command", "record, show, change, delete, list inquiries"
    )
    add = sub.add_parser("add", help="record an inquiry from JSON (the record contract)")
    add.add_argument("--json-file", required=True, help="JSON file, or - for standard input")
    add.set_defaults(handler=_inquiry_add)
    show = sub.add_parser("show", help="one inquiry by receipt number")
    show.add_argument("receipt", help="receipt number, e.g. SHIBA-2026-00042")
    show.set_defaults(handler=_inquiry_show)
    update = sub.add_parser("update", help="change fields of an inquiry")
    update.add_argument("receipt", help="receipt number")
    update.add_argument(
        "--set",
        dest="assignments",
        action="append",
        required=True,
        metavar="FIELD=VALUE",
        help="e.g. status=in_progress, fields=tourism,food, inquirer.phone=03-1234-5678",
    )
    update.set_defaults(handler=_inquiry_update)
    delete = sub.add_parser("delete", help="delete an inquiry (a tombstone that syncs)")
    delete.add_argument("receipt", help="receipt number")
    delete.set_defaults(handler=_inquiry_delete)
    listing = sub.add_parser("list", help="newest inquiries matching the filters")
    listing.add_argument("--query", default="", help="free text (folded; 1+ characters)")
    statuses = ", ".join(f"{code} ({STATUS_LABELS[code]})" for code in STATUSES)
    listing.add_argument(
        "--status",
        action="append",
        default=[],
        help=f"status, by code or label (repeat): {statuses}",
    )
    listing.add_argument("--month", help="received in this month, YYYY-MM")
    how_many = listing.add_mutually_exclusive_group()
    how_many.add_argument(
        "--limit",
        type=count_argument(LIST_LIMIT),
        default=50,
        help=f"how many items (default 50, at most {LIST_LIMIT:,})",
    )
    how_many.add_argument(
        "--all",
        action="store_true",
        help="every match, newest first, streamed; with --json one object per line (JSON Lines)",
    )
    listing.set_defaults(handler=_inquiry_list)


def _inquiry_add(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.domain.inquiry_commands import NewInquiry
    from desktop_app.services import inquiries, search

    data = read_json(args.json_file)
    db = open_database(args)
    actor = signed_in(db)
    record = search.as_listed(inquiries.add_inquiry(db, NewInquiry.read(data), actor=actor), actor)
    printer.record(record, labels_for(printer, db, [record]))
    return EXIT_OK


def _inquiry_show(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import actions, inquiries

    db = open_database(args, daily=False)
    record = inquiries.get_inquiry(db, args.receipt, actor=signed_in(db))
    history = actions.list_actions(db, record.receipt_no)
    printer.record(record, labels_for(printer, db, [record]), history)
    return EXIT_OK


def _inquiry_update(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.domain.inquiry_commands import InquiryChange
    from desktop_app.services import inquiries, search

    changes = parse_assignments(args.assignments)
    db = open_database(args)
    actor = signed_in(db)
    record = search.as_listed(
        inquiries.update_inquiry(db, InquiryChange.read(args.receipt, changes), actor=actor), actor
    )
    printer.record(record, labels_for(printer, db, [record]))
    return EXIT_OK


def _inquiry_delete(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import inquiries

    db = open_database(args)
    inquiries.delete_inquiry(db, args.receipt, actor=signed_in(db))
    printer.figures(
        render("deleted", printer.lang, value=args.receipt.upper()),
        {"receipt_no": args.receipt.upper(), "deleted": True},
    )
    return EXIT_OK


def _inquiry_list(args: argparse.Namespace, printer: Printer) -> int:
    if not 1 <= args.limit <= LIST_LIMIT:
        raise UserError("count_invalid", value=args.limit, limit=LIST_LIMIT)
    date_from, date_to = month_bounds(args.month) if args.month else (None, None)
    if _light_list(args, printer, date_from, date_to):
        return EXIT_OK
    from desktop_app.services import lookup, search

    db = open_database(args, daily=False)
    actor = signed_in(db, reading=True)
    statuses = lookup.status_codes(db, args.status) if args.status else ()
    flt = search.InquiryFilter(
        text=args.query, statuses=statuses, date_from=date_from, date_to=date_to
    )
    labels = labels_for(printer, db)
    if args.all:
        count = None if printer.as_json else search.count_inquiries(db, flt)
        printer.stream(count, search.iter_inquiries(db, flt, actor=actor), labels)
    else:
        count, records = search.list_inquiries(db, flt, limit=args.limit, actor=actor)
        printer.listing(count, records, labels)
    # Last, so that the count stays the first line a script or `head` reads.
    say_if_training(printer, db)
    return EXIT_OK


def _light_list(
    args: argparse.Namespace, printer: Printer, date_from: dt.date | None, date_to: dt.date | None
) -> bool:
    """The list without SQLAlchemy when it may (services.light_list); False: it did nothing
    and the full path answers. The sign-in is recorded after the list is printed."""
    if args.all or args.query:
        return False

    def answer(reader: LightRead, actor: Actor, stop: Stops) -> bool:
        return _light_answer(reader, args, printer, (date_from, date_to), actor, stop)

    return light.answered(db_path(args), Permission.RECORD, answer, printer.lang)


def _light_answer(
    reader: LightRead,
    args: argparse.Namespace,
    printer: Printer,
    month: tuple[dt.date | None, dt.date | None],
    actor: Actor,
    stop: Stops,
) -> bool:
    """The light list printed; False (nothing printed) for a filter it has no statement for.
    Once it is out, a stop waits for the sign-in's record."""
    statuses = reader.status_codes(args.status) if args.status else ()
    listed = reader.listing(args.limit, *month, statuses, actor=actor)
    if listed is None:
        return False
    count, records = listed
    labels = None if printer.as_json else reader.labels(printer.lang)
    training = not printer.as_json and reader.training()
    printer.listing(count, records, labels)
    if training:
        printer.line(render("training_database", printer.lang))
    sys.stdout.flush()
    stop.hold()
    return True
