"""`renkei-desk`: argument parsing, one service call per command, printing. No logic of its own.

Exit codes are a contract: 0 success, 1 internal error (logged, never a traceback on screen),
2 bad input or refused (a message, nothing changed), 3 finished with problems for a person.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop_app import config
from desktop_app.cli.action import add_action_commands
from desktop_app.cli.arguments import date_argument
from desktop_app.cli.audit import add_audit_commands
from desktop_app.cli.common import (
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_REFUSED,
    Commands,
    Handler,
    close_opened,
    open_database,
)
from desktop_app.cli.desk import add_desk_commands, open_window
from desktop_app.cli.idle_lock import add_idle_lock_commands
from desktop_app.cli.inquiry import add_inquiry_commands
from desktop_app.cli.language import speaking
from desktop_app.cli.ledger import add_ledger_commands
from desktop_app.cli.maintenance import add_maintenance_commands
from desktop_app.cli.output import Printer
from desktop_app.cli.report import add_report_commands
from desktop_app.cli.sign_in import audit_refusal, use_user
from desktop_app.cli.staff import add_staff_commands
from desktop_app.cli.sync import add_sync_commands
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render

# The services (and SQLAlchemy under them) are imported inside the handlers that use them, so
# `--help`, `--version` and a refused argument answer at once (issue 7 §8 budgets).


def _global_options(parser: argparse.ArgumentParser, *, default: Any, user: bool = True) -> None:
    parser.add_argument(
        "--db", default=default, help="database file (default: user data dir; env RENKEI_DESK_DB)"
    )
    if user:
        parser.add_argument(
            "--user",
            default=default,
            help="sign in as this user (default: env RENKEI_DESK_USER, else admin); "
            "password from env RENKEI_DESK_PASSWORD or a prompt",
        )
    parser.add_argument(
        "--json",
        action="store_true",
        default=default if default is argparse.SUPPRESS else False,
        help="print one JSON object with the figures",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="renkei-desk", description="連携デスク: 全国連携に関する相談窓口の記録と連携"
    )
    _global_options(parser, default=None)
    parser.add_argument(
        "--version", action=_VersionAction, help="print the program's version and exit"
    )
    # The same options after a command (`inquiry list --json`); SUPPRESS keeps a value given
    # before the command from being reset by the subcommand's default.
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, default=argparse.SUPPRESS)
    # For a command whose own --user means something else (`audit list --user LOGIN`).
    common_but_user = argparse.ArgumentParser(add_help=False)
    _global_options(common_but_user, default=argparse.SUPPRESS, user=False)
    commands = Commands(
        parser.add_subparsers(dest="command", metavar="COMMAND"), common, common_but_user
    )

    add_desk_commands(commands)
    add_inquiry_commands(commands)
    add_action_commands(commands)
    add_sync_commands(commands, open_database)
    add_ledger_commands(commands, open_database)
    add_staff_commands(commands, open_database)
    add_report_commands(commands)
    add_audit_commands(commands, open_database, date_argument)
    add_idle_lock_commands(commands, open_database)

    add_maintenance_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    lang = config.language()
    with speaking(lang):
        args = build_parser().parse_args(argv)
    printer = Printer(as_json=args.json, lang=lang)
    use_user(args.user)
    handler: Handler = getattr(args, "handler", open_window)
    try:
        code = handler(args, printer)
        sys.stdout.flush()  # a reader gone (`| head`) shows here, not at interpreter exit
        return code
    except BrokenPipeError:
        _stdout_to_devnull()
        return EXIT_OK
    except UserError as exc:
        printer.refusal(exc)
        audit_refusal(exc)
        return EXIT_REFUSED
    except Exception as exc:
        from desktop_app.services.storage_failures import refusal_of

        # A full disk or a write lock held by another program: rolled back, a refusal.
        if (refusal := refusal_of(exc)) is not None:
            printer.refusal(refusal)
            return EXIT_REFUSED
        log_path = _log_internal_error(exc)
        printer.error(render("internal_error", printer.lang, path=log_path))
        return EXIT_INTERNAL
    finally:
        close_opened()


def _stdout_to_devnull() -> None:
    """The reader closed the pipe (`renkei-desk inquiry list | head -n 1`): it asked for no more,
    which is no error. Later writes (Python's own flush at exit) go nowhere instead of raising."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # standard output is not a file (captured in tests)
        pass


class _VersionAction(argparse.Action):
    """`--version`: the program's version, the schema revision of the database `--db` names
    (and of the program) and where the data lives. Reads the file without opening it as a
    database, so it never creates or upgrades one; `--json` before it prints one object."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, *_: Any
    ) -> None:
        from desktop_app.services import about

        info = about.describe(config.database_path(getattr(namespace, "db", None)))
        if getattr(namespace, "json", False):
            print(json.dumps(info.to_json(), ensure_ascii=False))
        else:
            print("\n".join(info.lines(config.language())))
        parser.exit()


def _log_internal_error(exc: BaseException) -> Path:
    """The traceback without any exception message (services/error_log.py), rotated, 0600."""
    from desktop_app.services import error_log

    return error_log.log_exception(exc)
