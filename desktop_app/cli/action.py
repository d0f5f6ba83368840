"""`action add`: a follow-up action logged on an inquiry, its dates read the project's way."""

from __future__ import annotations

import argparse

from desktop_app.cli.arguments import date_argument
from desktop_app.cli.common import EXIT_OK, Commands, labels_for, open_database
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import signed_in


def add_action_commands(commands: Commands) -> None:
    sub = commands.group("action", "action_command", "follow-up actions of an inquiry")
    add = sub.add_parser("add", help="log a follow-up action")
    add.add_argument("receipt", help="receipt number")
    add.add_argument("--kind", required=True, help="action kind code, e.g. call, referral")
    add.add_argument("--note", default="", help="what was done")
    add.add_argument("--date", help="date of the action (default today)")
    add.add_argument("--next-due", help="next follow-up date")
    add.add_argument("--referred-to", default="", help="where a referral went")
    add.add_argument("--reply-due", help="reply deadline of a referral (回答期限)")
    add.set_defaults(handler=_action_add)


def _action_add(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.domain.inquiry_commands import NewAction
    from desktop_app.services import actions

    dates = {
        key: date_argument(getattr(args, key), label)
        for key, label in (
            ("date", "対応日"),
            ("next_due", "次回対応期限"),
            ("reply_due", "回答期限"),
        )
    }
    db = open_database(args)
    record = actions.add_action(
        db,
        NewAction(
            args.receipt,
            kind=args.kind,
            note=args.note,
            action_date=dates["date"],
            next_due=dates["next_due"],
            referred_to=args.referred_to,
            reply_due=dates["reply_due"],
        ),
        actor=signed_in(db),
    )
    printer.action(record, labels_for(printer, db))
    return EXIT_OK
