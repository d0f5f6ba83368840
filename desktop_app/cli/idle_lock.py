"""`idle-lock show` and `idle-lock set MINUTES`: the office's longest idle time before the
window locks (services/idle_policy.py); setting it is an administrator's, and audited."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop_app.cli.common import EXIT_OK, Commands, Opener
from desktop_app.cli.output import Printer
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    pass


def add_idle_lock_commands(commands: Commands, opener: Opener) -> None:
    group = commands.group("idle-lock", "idle_lock_command", "the window's idle lock (office)")
    show = group.add_parser("show", help="the longest idle time before the window locks")
    show.set_defaults(handler=lambda args, printer: _run(opener, args, printer, None))
    chosen = group.add_parser("set", help="set it for every member of staff (administrators)")
    chosen.add_argument("minutes", type=int, help="1 to 120")
    chosen.set_defaults(handler=lambda args, printer: _run(opener, args, printer, args.minutes))


def _run(opener: Opener, args: argparse.Namespace, printer: Printer, minutes: int | None) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.services import idle_policy

    db = opener(args)
    actor = signed_in(db)
    if minutes is not None:
        idle_policy.set_maximum(db, minutes, actor=actor)
    current = idle_policy.maximum(db)
    code = "idle_minutes_are" if minutes is None else "idle_minutes_set"
    printer.figures(render(code, printer.lang, minutes=current), {"minutes": current})
    return EXIT_OK
