"""`check`, `backup`, `restore` and `backup-folder`: the database file's care."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop_app import config
from desktop_app.cli.common import (
    EXIT_ATTENTION,
    EXIT_OK,
    Commands,
    db_path,
    open_database,
    say_if_training,
    say_upgraded,
)
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import signed_in
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render


def add_maintenance_commands(commands: Commands) -> None:
    check = commands.add_parser(
        "check", help="integrity and consistency check; names the newest good backup on damage"
    )
    check.set_defaults(handler=_check)
    backup = commands.add_parser("backup", help="consistent copy of the database (never rotated)")
    backup.add_argument(
        "--to", help="folder for the backup (default: the backup folder set in 設定)"
    )
    backup.set_defaults(handler=_backup)
    restore = commands.add_parser("restore", help="replace the database with a checked backup")
    restore.add_argument("file", help="backup file (integrity, schema and office are checked)")
    restore.add_argument(
        "--other-office",
        action="store_true",
        help="allow a backup of another office (moving an office to this PC)",
    )
    restore.set_defaults(handler=_restore)
    folder = commands.group("backup-folder", "folder_command", "where automatic backups go")
    show_folder = folder.add_parser("show", help="print the backup folder")
    show_folder.set_defaults(handler=_backup_folder)
    set_folder = folder.add_parser("set", help="point the backups at a folder (admin)")
    set_folder.add_argument("folder", help="folder, e.g. on removable media; 'default' resets")
    set_folder.set_defaults(handler=_backup_folder)


def _check(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import maintenance

    path = db_path(args)
    if not path.is_file():
        raise UserError("database_missing", path=path)
    report = maintenance.check_file(path, on_upgrade=say_upgraded)
    db = open_database(args, daily=False) if report.signs_in else None
    if db is not None:
        signed_in(db)
    figures: dict[str, Any] = {"ok": report.ok, "problems": list(report.problems)}
    if not report.ok:
        figures["state"] = str(report.state)
    if report.damaged:
        newest = report.newest_good
        figures["newest_good_backup"] = str(newest.path) if newest else None
    printer.figures(report.headline(printer.lang), figures)
    for problem in report.shown_problems(printer.lang):
        printer.line(f"  - {problem}")
    advice = report.advice(printer.lang)
    if advice is not None:
        printer.line(advice)
    elif report.ok and db is not None:
        say_if_training(printer, db)
    return EXIT_OK if report.ok else EXIT_ATTENTION


def _backup(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import backups

    db = open_database(args, daily=False)
    report = backups.manual_backup(
        db, folder=Path(args.to) if args.to else None, actor=signed_in(db)
    )
    printer.figures(
        render("backup_done", printer.lang, path=report.path),
        {"path": str(report.path), "bytes": report.bytes},
    )
    return EXIT_OK


def _restore(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import password, user_name
    from desktop_app.services import restore

    source = Path(args.file)
    report = restore.restore_with_sign_in(
        db_path(args),
        source,
        signed_in,
        lambda: (user_name(), password()),
        backup_password=lambda: _backup_password(source),
        other_office=args.other_office,
        on_upgrade=say_upgraded,  # an older backup is brought up to the current schema
    )
    message = (
        render("restore_done", printer.lang, path=report.path, kept=report.kept)
        if report.kept
        else render("restore_done_new", printer.lang, path=report.path)
    )
    printer.figures(
        message,
        {
            "path": str(report.path),
            "bytes": report.bytes,
            "office": report.office,
            "replaced_kept_as": str(report.kept) if report.kept else None,
        },
    )
    return EXIT_OK


def _backup_password(source: Path) -> str:
    """The backup password for an encrypted backup: RENKEI_DESK_BACKUP_PASSWORD, else typed
    at a terminal, else refused (nothing changed)."""
    import getpass

    from desktop_app.services import backup_key

    given = backup_key.from_environment()
    if given:
        return given
    if not sys.stdin.isatty():
        raise UserError("backup_password_needed", path=source.name)
    return getpass.getpass(render("backup_password_prompt", config.language()))


def _backup_folder(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.services import backups

    db = open_database(args, daily=False)
    if args.folder_command == "set":
        chosen = None if args.folder == "default" else Path(args.folder)
        folder = backups.set_folder(db, chosen, actor=signed_in(db))
    else:
        folder = backups.folder_of(db)
    printer.figures(render("backup_folder_is", printer.lang, path=folder), {"folder": str(folder)})
    return EXIT_OK
