"""`check`, `backup`, `restore` and `backup-folder`: the database file's care."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from desktop_app.domain.actor import Actor
    from desktop_app.services.backups import BackupFile
    from desktop_app.services.maintenance import CheckReport


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
    # A sound or merely inconsistent file signs the person in like every command. A damaged
    # one cannot say who may, and a busy or read-only one cannot record a sign-in: the check
    # then tells no more than the state (and, for damage only, which backup to restore).
    readable = report.state in (maintenance.CheckState.OK, maintenance.CheckState.INCONSISTENT)
    db = open_database(args, daily=False) if readable else None
    if db is not None:
        signed_in(db)
    figures: dict[str, Any] = {"ok": report.ok, "problems": list(report.problems)}
    if not report.ok:
        figures["state"] = str(report.state)
    if report.damaged:
        newest = report.newest_good
        figures["newest_good_backup"] = str(newest.path) if newest else None
    printer.figures(_check_headline(report, printer.lang), figures)
    if report.unreadable is not None:
        printer.line(f"  - {report.unreadable.message(printer.lang)}")
    elif report.state not in (maintenance.CheckState.BUSY, maintenance.CheckState.READ_ONLY):
        for problem in report.problems:
            printer.line(f"  - {problem}")
    if report.damaged:
        printer.line(_backup_advice(path, report.newest_good, printer.lang))
    elif report.ok and db is not None:
        say_if_training(printer, db)
    return EXIT_OK if report.ok else EXIT_ATTENTION


def _check_headline(report: CheckReport, lang: str) -> str:
    """One line per state; only damage advises a restore (services/maintenance)."""
    from db.engine import BUSY_TIMEOUT_MS
    from desktop_app.services.maintenance import CheckState

    path, count = report.path, len(report.problems)
    if report.state is CheckState.BUSY:
        seconds = BUSY_TIMEOUT_MS // 1000
        return render("check_busy", lang, path=path, seconds=seconds)
    if report.state is CheckState.READ_ONLY:
        detail = report.problems[0] if report.problems else ""
        return render("check_read_only", lang, path=path, detail=detail)
    if report.state is CheckState.DAMAGED:
        return render("check_problems", lang, path=path, count=count)
    if report.state is CheckState.INCONSISTENT:
        return render("check_inconsistent", lang, path=path, count=count)
    return render("check_ok", lang, path=path)


def _backup_advice(path: Path, newest: BackupFile | None, lang: str) -> str:
    from desktop_app.services import backups

    if newest is None:
        return render("check_no_backup", lang, folder=backups.folder_for_file(path))
    return render(
        "check_newest_backup", lang, path=newest.path, taken=f"{newest.taken_at:%Y/%m/%d %H:%M}"
    )


def _backup(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import backups

    db = open_database(args, daily=False)
    report = backups.manual_backup(db, signed_in(db), folder=Path(args.to) if args.to else None)
    printer.figures(
        render("backup_done", printer.lang, path=report.path),
        {"path": str(report.path), "bytes": report.bytes},
    )
    return EXIT_OK


def _restore(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import restore
    from desktop_app.services.identity import identity_of_file

    path, source = db_path(args), Path(args.file)
    # The backup is opened and checked before the sign-in, which writes its audit entry: a
    # refused file leaves the database byte for byte as it was. The service checks it again.
    secret = _backup_password(source) if restore.is_encrypted(source) else None
    with restore.opened_backup(source, secret, path) as plain:
        restore.check_backup(plain, current=identity_of_file(path), other_office=args.other_office)
        actor = _restore_actor(path, plain, source)
    report = restore.restore(
        actor,
        path,
        source,
        other_office=args.other_office,
        backup_password=secret,
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


def _restore_actor(path: Path, plain: Path, source: Path) -> Actor:
    """Who restores: signed in against the current database when it opens; a missing or
    damaged one cannot tell who may, so an administrator signs in against the accounts of the
    backup itself (`plain`, the opened backup, read without changing it), as the window's
    damaged-database dialog does. Nothing is changed before the restore service has checked
    the backup."""
    from desktop_app.cli.sign_in import password, signed_in, user_name
    from desktop_app.services import restore
    from desktop_app.services.database import connect

    if path.is_file():
        try:
            db = connect(path)
        except UserError:
            pass
        else:
            try:
                return signed_in(db)
            finally:
                db.dispose()
    return restore.admin_of_backup(plain, user_name(), password())


def _backup_folder(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.services import backups

    db = open_database(args, daily=False)
    if args.folder_command == "set":
        chosen = None if args.folder == "default" else Path(args.folder)
        folder = backups.set_folder(db, signed_in(db), chosen)
    else:
        folder = backups.folder_of(db)
    printer.figures(render("backup_folder_is", printer.lang, path=folder), {"folder": str(folder)})
    return EXIT_OK
