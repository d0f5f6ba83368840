"""What every command module shares: the exit codes, the database of `--db` (opened once per
command, closed at its end, the day's backup made by a command that may change data), and the
code labels and training notice of plain output.

Services are imported inside the functions that use them, so `--help` stays fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import config
from desktop_app.cli.output import Printer
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from db.engine import Database
    from desktop_app.services.database import Upgrade
    from desktop_app.services.lookup import CodeLabels
    from desktop_app.services.records import InquiryRecord

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED, EXIT_ATTENTION = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace, Printer], int]
# How a command group's module opens the database of `--db` (`open_database`, handed over by app).
Opener = Callable[[argparse.Namespace], "Database"]
_OPENED: list[Database] = []  # the databases the running command opened (closed at its end)


class Commands:
    """Subcommand registry that gives every command the global options too."""

    def __init__(
        self,
        subparsers: Any,
        common: argparse.ArgumentParser,
        common_but_user: argparse.ArgumentParser,
    ) -> None:
        self._subparsers = subparsers
        self._common = common
        self._common_but_user = common_but_user

    def add_parser(
        self, name: str, *, own_user: bool = False, **kwargs: Any
    ) -> argparse.ArgumentParser:
        """`own_user`: the command defines --user itself; who signs in then comes from --user
        before the command or RENKEI_DESK_USER."""
        common = self._common_but_user if own_user else self._common
        parser: argparse.ArgumentParser = self._subparsers.add_parser(
            name, parents=[common], **kwargs
        )
        return parser

    def group(self, name: str, dest: str, help_text: str) -> Commands:
        parser = self._subparsers.add_parser(name, help=help_text)
        sub = parser.add_subparsers(dest=dest, metavar="ACTION", required=True)
        return Commands(sub, self._common, self._common_but_user)


def db_path(args: argparse.Namespace) -> Path:
    return config.database_path(args.db)


def open_database(
    args: argparse.Namespace, *, create: bool = False, daily: bool = True
) -> Database:
    """The database of `--db`; only `create` commands (init, the window) may make a new file:
    any other on a path that does not exist (a typo) is refused before anything is written.

    With `daily` (every command that may change data) the first such command of the day makes
    the day's backup; one that cannot be made is a warning, not a refusal of the command.
    """
    from desktop_app.services.database import connect

    path = db_path(args)
    if not create and not path.is_file():
        raise UserError("database_missing", path=path)
    db = connect(path, on_upgrade=say_upgraded)
    _OPENED.append(db)
    if daily:
        _daily_backup(db)
    return db


def close_opened() -> None:
    """Close what the command opened, so its last connection folds the WAL into the file now
    and not at some later garbage collection (a command run in-process, as the tests do)."""
    while _OPENED:
        _OPENED.pop().dispose()


def _daily_backup(db: Database) -> None:
    from desktop_app.services import backups

    lang = config.language()
    try:
        outcome = backups.daily(db)
    except UserError as exc:
        print(exc.message(lang), file=sys.stderr)
        return
    if outcome.problems:
        print(
            render("database_damaged", lang, path=db.path, detail=outcome.problems[0]),
            file=sys.stderr,
        )


def say_upgraded(upgrade: Upgrade) -> None:
    """An upgrade on open is said on standard error, so that JSON output stays the contract."""
    print(upgrade.message(config.language()), file=sys.stderr)


def labels_for(
    printer: Printer, db: Database, records: Iterable[InquiryRecord] = ()
) -> CodeLabels | None:
    """The labels plain output prints for codes (none needed for JSON, which keeps codes)."""
    if printer.as_json:
        return None
    from desktop_app.services import lookup

    places = {code for record in records for code in record.municipalities}
    return lookup.code_labels(db, printer.lang, places)


def say_if_training(printer: Printer, db: Database) -> None:
    """A training database says so wherever its contents are shown (plain output; JSON, a
    contract that scripts compare, is unchanged)."""
    from desktop_app.services import setup

    if not printer.as_json and setup.is_training(db):
        printer.line(render("training_database", printer.lang))
