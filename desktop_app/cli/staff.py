"""`renkei-desk staff add|list|disable|unlock|password`: accounts, for administrators.

The new password of `add` and `password` comes from `RENKEI_DESK_NEW_PASSWORD` or is asked
twice at a terminal; the one signing in is the usual `RENKEI_DESK_PASSWORD` (cli/sign_in.py).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.cli.common import EXIT_OK, Commands, Opener
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import new_password, signed_in
from desktop_app.domain.actor import ROLE_LABELS, Permission, Role
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    pass


def add_staff_commands(commands: Commands, opener: Opener) -> None:
    sub = commands.group("staff", "staff_command", "staff accounts and roles (administrators)")
    add = sub.add_parser("add", help="a new account (password: prompt or RENKEI_DESK_NEW_PASSWORD)")
    add.add_argument("login", help="user name: lower-case letters, digits, . _ -")
    add.add_argument("--name", required=True, help="the person's name as shown (氏名)")
    add.add_argument(
        "--role", required=True, choices=[str(role) for role in Role], help="what they may do"
    )
    add.set_defaults(handler=lambda args, printer: _add(opener, args, printer))
    listing = sub.add_parser("list", help="every account with its role and state")
    listing.set_defaults(handler=lambda args, printer: _list(opener, args, printer))
    for name, help_text, handler in (
        ("disable", "the account can no longer sign in", _disable),
        ("unlock", "lift a lockout after failed sign-ins", _unlock),
        ("password", "set a new password (prompt or RENKEI_DESK_NEW_PASSWORD)", _password),
    ):
        command = sub.add_parser(name, help=help_text)
        command.add_argument("login", help="user name")
        command.set_defaults(handler=lambda args, printer, run=handler: run(opener, args, printer))


def _add(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import staff

    db = opener(args)
    actor = signed_in(db)
    actor.require(Permission.STAFF)  # before asking for a password that would be refused
    record = staff.add_staff(
        db, login=args.login, name=args.name, role=args.role, password=new_password(), actor=actor
    )
    role = ROLE_LABELS[record.role]
    label = role.en if printer.lang.startswith("en") else role.ja
    printer.figures(
        render("staff_added", printer.lang, login=record.login, role=label), record.to_json()
    )
    return EXIT_OK


def _list(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import staff

    db = opener(args)
    found = staff.list_staff(db, actor=signed_in(db))
    if printer.as_json:
        printer.figures("", {"count": len(found), "items": [item.to_json() for item in found]})
        return EXIT_OK
    english = printer.lang.startswith("en")
    for item in found:
        role = ROLE_LABELS[item.role]
        state = [] if item.active else ["disabled" if english else "無効"]
        if item.locked():
            state.append("slowed down" if english else "待ち時間あり")
        printer.line(
            f"{item.login}\t{item.name}\t{role.en if english else role.ja}\t{'、'.join(state)}"
        )
    return EXIT_OK


def _disable(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import staff

    db = opener(args)
    record = staff.disable_staff(db, args.login, actor=signed_in(db))
    printer.figures(render("staff_disabled", printer.lang, login=record.login), record.to_json())
    return EXIT_OK


def _unlock(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import staff

    db = opener(args)
    record = staff.unlock_staff(db, args.login, actor=signed_in(db))
    printer.figures(render("staff_unlocked", printer.lang, login=record.login), record.to_json())
    return EXIT_OK


def _password(opener: Opener, args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import staff

    db = opener(args)
    actor = signed_in(db)
    record = staff.change_password(db, args.login, new_password(), actor=actor)
    printer.figures(
        render("staff_password_set", printer.lang, login=record.login), record.to_json()
    )
    return EXIT_OK
