"""`renkei-desk`: argument parsing, one service call per command, printing. No logic of its own.

Exit codes are a contract: 0 success, 1 internal error (logged, never a traceback on screen),
2 bad input or refused (a message, nothing changed), 3 finished with problems for a person.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop_app import config
from desktop_app.cli.audit import add_audit_commands
from desktop_app.cli.idle_lock import add_idle_lock_commands
from desktop_app.cli.language import speaking
from desktop_app.cli.ledger import add_ledger_commands
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import (
    audit_refusal,
    first_password,
    requested_user,
    signed_in,
    use_user,
)
from desktop_app.cli.staff import add_staff_commands
from desktop_app.cli.sync import add_sync_commands
from desktop_app.domain.actor import Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render
from desktop_app.domain.workflow import STATUS_LABELS, STATUSES

if TYPE_CHECKING:
    from db.engine import Database
    from desktop_app.domain.actor import Actor
    from desktop_app.services.backups import BackupFile
    from desktop_app.services.database import Upgrade
    from desktop_app.services.lookup import CodeLabels
    from desktop_app.services.maintenance import CheckReport
    from desktop_app.services.records import InquiryRecord

# The services (and SQLAlchemy under them) are imported inside the handlers that use them, so
# `--help`, `--version` and a refused argument answer at once (issue 7 §8 budgets).

EXIT_OK, EXIT_INTERNAL, EXIT_REFUSED, EXIT_ATTENTION = 0, 1, 2, 3
MAX_DEMO_COUNT = 2_000_000
LIST_LIMIT = 10_000

Handler = Callable[[argparse.Namespace, Printer], int]
_OPENED: list[Database] = []  # the databases the running command opened (closed at its end)


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
    commands = _Commands(
        parser.add_subparsers(dest="command", metavar="COMMAND"), common, common_but_user
    )

    gui = commands.add_parser("gui", help="open the desk window (the default command)")
    gui.add_argument("--screenshot", metavar="FILE.png", help="save the first paint and exit")
    gui.add_argument(
        "--training",
        action="store_true",
        help="open the training database beside --db's (demo data, made on first use; no set-up)",
    )
    gui.set_defaults(handler=_gui)

    init = commands.add_parser("init", help="create or upgrade a database for an office")
    init.add_argument("--office", required=True, help="office code, e.g. SHIBA or HQ")
    init.set_defaults(handler=_init)

    demo = commands.add_parser("demo-data", help="add realistic demo inquiries (deterministic)")
    demo.add_argument(
        "--count", type=_count_argument(MAX_DEMO_COUNT), required=True, help="number of inquiries"
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.set_defaults(handler=_demo_data)

    _add_inquiry_commands(commands)
    _add_action_commands(commands)
    add_sync_commands(commands, _open)
    add_ledger_commands(commands, _open)
    add_staff_commands(commands, _open)
    _add_report_commands(commands)
    add_audit_commands(commands, _open, _date_argument)
    add_idle_lock_commands(commands, _open)

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
    return parser


class _Commands:
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

    def group(self, name: str, dest: str, help_text: str) -> _Commands:
        parser = self._subparsers.add_parser(name, help=help_text)
        sub = parser.add_subparsers(dest=dest, metavar="ACTION", required=True)
        return _Commands(sub, self._common, self._common_but_user)


def _add_inquiry_commands(commands: _Commands) -> None:
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
        type=_count_argument(LIST_LIMIT),
        default=50,
        help=f"how many items (default 50, at most {LIST_LIMIT:,})",
    )
    how_many.add_argument(
        "--all",
        action="store_true",
        help="every match, newest first, streamed; with --json one object per line (JSON Lines)",
    )
    listing.set_defaults(handler=_inquiry_list)


def _add_action_commands(commands: _Commands) -> None:
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


def _add_report_commands(commands: _Commands) -> None:
    sub = commands.group("report", "report_command", "monthly and fiscal-year reports (Excel, PDF)")
    monthly = sub.add_parser("monthly", help="the report of one month, as a workbook or a PDF")
    monthly.add_argument("--month", required=True, help="the month, YYYY-MM (e.g. 2026-10)")
    monthly.add_argument(
        "--include-personal",
        action="store_true",
        help="list the inquirers' personal fields (encrypted with the package password)",
    )
    monthly.set_defaults(handler=_report, report_kind="monthly")
    fiscal = sub.add_parser(
        "fiscal-year", help="the report of a fiscal year (April to March), month by month"
    )
    fiscal.add_argument(
        "--year", required=True, help="the year the fiscal year starts in (2026 = 令和8年度)"
    )
    fiscal.set_defaults(handler=_report, report_kind="fiscal-year", include_personal=False)
    for parser in (monthly, fiscal):
        parser.add_argument(
            "--out", required=True, help="the file to write (.xlsx, or .pdf with --pdf)"
        )
        parser.add_argument("--office", help="one office's inquiries only (default: every office)")
        parser.add_argument("--pdf", action="store_true", help="write the report as a PDF (A4)")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="replace the file if it exists (never the database or a backup)",
        )


def main(argv: Sequence[str] | None = None) -> int:
    lang = config.language()
    with speaking(lang):
        args = build_parser().parse_args(argv)
    printer = Printer(as_json=args.json, lang=lang)
    use_user(args.user)
    handler: Handler = getattr(args, "handler", _gui)
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
        _close_opened()


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


def _db_path(args: argparse.Namespace) -> Path:
    return config.database_path(args.db)


def _open(args: argparse.Namespace, *, create: bool = False, daily: bool = True) -> Database:
    """The database of `--db`; only `create` commands (init, the window) may make a new file:
    any other on a path that does not exist (a typo) is refused before anything is written.

    With `daily` (every command that may change data) the first such command of the day makes
    the day's backup; one that cannot be made is a warning, not a refusal of the command.
    """
    from desktop_app.services.database import connect

    path = _db_path(args)
    if not create and not path.is_file():
        raise UserError("database_missing", path=path)
    db = connect(path, on_upgrade=_say_upgraded)
    _OPENED.append(db)
    if daily:
        _daily_backup(db)
    return db


def _close_opened() -> None:
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


def _say_upgraded(upgrade: Upgrade) -> None:
    """An upgrade on open is said on standard error, so that JSON output stays the contract."""
    print(upgrade.message(config.language()), file=sys.stderr)


def _labels(
    printer: Printer, db: Database, records: Iterable[InquiryRecord] = ()
) -> CodeLabels | None:
    """The labels plain output prints for codes (none needed for JSON, which keeps codes)."""
    if printer.as_json:
        return None
    from desktop_app.services import lookup

    places = {code for record in records for code in record.municipalities}
    return lookup.code_labels(db, printer.lang, places)


def _gui(args: argparse.Namespace, printer: Printer) -> int:
    # The window opens the file itself, after its start frame is on screen (ui.app).
    from desktop_app.ui.app import run_gui

    screenshot = getattr(args, "screenshot", None)
    training = getattr(args, "training", False)
    path = _db_path(args)
    return run_gui(
        config.training_database_path(path) if training else path,
        screenshot=Path(screenshot) if screenshot else None,
        lang=printer.lang,
        training=training,
        user=requested_user(),
    )


def _init(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import setup, staff

    # A new file's administrator password is asked (and checked) before the file is made.
    password = _first_admin_password() if not _db_path(args).is_file() else None
    db = _open(args, create=True)
    if password is None:
        if setup.office_of(db) is not None and staff.has_accounts(db):
            signed_in(db).require(Permission.MASTERS)  # an upgrade of the masters
        else:
            password = _first_admin_password()
    report = setup.initialise(db, args.office)
    if password is not None:
        staff.create_first_admin(db, password)
        printer.line(render("first_admin_created", printer.lang))
    printer.figures(
        render("init_done", printer.lang, office=report.office, path=db.path),
        {"office": report.office, "created": report.created, "added": report.added},
    )
    _say_if_training(printer, db)
    return EXIT_OK


def _first_admin_password() -> str:
    from desktop_app.services import passwords, staff

    password = first_password()
    passwords.check_strength(password, login=staff.FIRST_ADMIN)
    return password


def _demo_data(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.demo.service import generate_demo_data
    from desktop_app.services import setup

    if not 1 <= args.count <= MAX_DEMO_COUNT:
        raise UserError("count_invalid", value=args.count, limit=MAX_DEMO_COUNT)
    db = _open(args)
    setup.office_required(db)
    actor = signed_in(db)
    actor.require(Permission.SETTINGS)  # it makes the database a training one for good
    report = generate_demo_data(db, count=args.count, seed=args.seed, staff=actor.login)
    printer.figures(
        render("demo_done", printer.lang, count=report.inquiries, seconds=f"{report.seconds:.1f}"),
        {"inquiries": report.inquiries, "seconds": round(report.seconds, 3)},
    )
    _say_if_training(printer, db)
    return EXIT_OK


def _inquiry_add(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import inquiries, search

    data = _read_json(args.json_file)
    db = _open(args)
    actor = signed_in(db)
    record = search.as_listed(inquiries.add_inquiry(db, data, actor=actor), actor)
    printer.record(record, _labels(printer, db, [record]))
    return EXIT_OK


def _inquiry_show(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import actions, inquiries

    db = _open(args, daily=False)
    record = inquiries.get_inquiry(db, args.receipt, actor=signed_in(db))
    history = actions.list_actions(db, record.receipt_no)
    printer.record(record, _labels(printer, db, [record]), history)
    return EXIT_OK


def _inquiry_update(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import inquiries, search

    changes = _assignments(args.assignments)
    db = _open(args)
    actor = signed_in(db)
    record = search.as_listed(
        inquiries.update_inquiry(db, args.receipt, changes, actor=actor), actor
    )
    printer.record(record, _labels(printer, db, [record]))
    return EXIT_OK


def _inquiry_delete(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import inquiries

    db = _open(args)
    inquiries.delete_inquiry(db, args.receipt, actor=signed_in(db))
    printer.figures(
        render("deleted", printer.lang, value=args.receipt.upper()),
        {"receipt_no": args.receipt.upper(), "deleted": True},
    )
    return EXIT_OK


def _inquiry_list(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import lookup, search

    if not 1 <= args.limit <= LIST_LIMIT:
        raise UserError("count_invalid", value=args.limit, limit=LIST_LIMIT)
    date_from, date_to = _month_bounds(args.month) if args.month else (None, None)
    db = _open(args, daily=False)
    actor = signed_in(db, reading=True)
    statuses = lookup.status_codes(db, args.status) if args.status else ()
    flt = search.InquiryFilter(
        text=args.query, statuses=statuses, date_from=date_from, date_to=date_to
    )
    labels = _labels(printer, db)
    if args.all:
        count = None if printer.as_json else search.count_inquiries(db, flt)
        printer.stream(count, search.iter_inquiries(db, flt, actor=actor), labels)
    else:
        count, records = search.list_inquiries(db, flt, limit=args.limit, actor=actor)
        printer.listing(count, records, labels)
    # Last, so that the count stays the first line a script or `head` reads.
    _say_if_training(printer, db)
    return EXIT_OK


def _action_add(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import actions

    dates = {
        key: _date_argument(getattr(args, key), label)
        for key, label in (
            ("date", "対応日"),
            ("next_due", "次回対応期限"),
            ("reply_due", "回答期限"),
        )
    }
    db = _open(args)
    record = actions.add_action(
        db,
        args.receipt,
        kind=args.kind,
        note=args.note,
        actor=signed_in(db),
        action_date=dates["date"],
        next_due=dates["next_due"],
        referred_to=args.referred_to,
        reply_due=dates["reply_due"],
    )
    printer.action(record, _labels(printer, db))
    return EXIT_OK


def _check(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import maintenance

    path = _db_path(args)
    if not path.is_file():
        raise UserError("database_missing", path=path)
    report = maintenance.check_file(path, on_upgrade=_say_upgraded)
    # A sound or merely inconsistent file signs the person in like every command. A damaged
    # one cannot say who may, and a busy or read-only one cannot record a sign-in: the check
    # then tells no more than the state (and, for damage only, which backup to restore).
    readable = report.state in (maintenance.CheckState.OK, maintenance.CheckState.INCONSISTENT)
    db = _open(args, daily=False) if readable else None
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
        _say_if_training(printer, db)
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

    db = _open(args, daily=False)
    report = backups.manual_backup(db, signed_in(db), folder=Path(args.to) if args.to else None)
    printer.figures(
        render("backup_done", printer.lang, path=report.path),
        {"path": str(report.path), "bytes": report.bytes},
    )
    return EXIT_OK


def _restore(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.services import restore
    from desktop_app.services.identity import identity_of_file

    path, source = _db_path(args), Path(args.file)
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
        on_upgrade=_say_upgraded,  # an older backup is brought up to the current schema
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

    db = _open(args, daily=False)
    if args.folder_command == "set":
        chosen = None if args.folder == "default" else Path(args.folder)
        folder = backups.set_folder(db, signed_in(db), chosen)
    else:
        folder = backups.folder_of(db)
    printer.figures(render("backup_folder_is", printer.lang, path=folder), {"folder": str(folder)})
    return EXIT_OK


def _say_if_training(printer: Printer, db: Database) -> None:
    """A training database says so wherever its contents are shown (plain output; JSON, a
    contract that scripts compare, is unchanged)."""
    from desktop_app.services import setup

    if not printer.as_json and setup.is_training(db):
        printer.line(render("training_database", printer.lang))


def _report(args: argparse.Namespace, printer: Printer) -> int:
    from desktop_app.cli.sign_in import signed_in
    from desktop_app.domain.report_figures import Period
    from desktop_app.services import report_export

    if args.report_kind == "monthly":
        period = Period.parse_month(args.month)
    else:
        if not args.year.strip().isdigit() or len(args.year.strip()) > 4:  # 5,000 digits too
            raise UserError("year_invalid", value=args.year, first=1900, last=2999)
        period = Period.fiscal_year(int(args.year))
    if args.pdf and args.include_personal:
        raise UserError("report_pdf_personal")
    db = _open(args, daily=False)
    actor = signed_in(db)
    out = Path(args.out)
    office = args.office.upper() if args.office else None
    if args.pdf:
        from desktop_app.ui.report_pdf import write_pdf  # Qt draws the PDF; only here

        result = report_export.export_with(
            db, period, out, write_pdf, actor=actor, office=office, overwrite=args.overwrite
        )
    else:
        result = report_export.export_workbook(
            db,
            period,
            out,
            actor=actor,
            office=office,
            personal=args.include_personal,
            overwrite=args.overwrite,
        )
    headline = result.report.headline
    printer.figures(
        render("report_written", printer.lang, path=result.path),
        {
            "path": str(result.path),
            "period": result.report.period.title,
            "first": result.report.period.first.isoformat(),
            "last": result.report.period.last.isoformat(),
            "office": office,
            "personal": result.personal,
            "encrypted": result.encrypted,
            "new": headline.new,
            "closed": headline.closed,
            "matched": headline.matched,
            "still_open": headline.still_open,
            "overdue": headline.overdue,
        },
    )
    return EXIT_OK


def _read_json(source: str) -> dict[str, Any]:
    where = "stdin" if source == "-" else source
    try:
        raw = _read_bounded(source).decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=source) from exc
    except IsADirectoryError as exc:
        raise UserError("file_not_regular", path=source) from exc
    except UnicodeDecodeError as exc:
        raise UserError("json_invalid", where=where, detail="not UTF-8") from exc
    except OSError as exc:  # no permission to read it, a device that refuses reads
        raise UserError("workbook_cannot_open", path=source) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        detail = f"line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise UserError("json_invalid", where=where, detail=detail) from exc
    except RecursionError as exc:
        raise UserError("json_invalid", where=where, detail="nested too deeply") from exc
    except ValueError as exc:  # an integer longer than Python converts (4,300 digits)
        raise UserError(
            "json_number_too_long", where=where, digits=f"{sys.get_int_max_str_digits():,}"
        ) from exc
    if not isinstance(data, dict):
        raise UserError("json_not_object")
    _refuse_lone_surrogates(data, where)
    return data


_JSON_BYTES = 16 * 1024 * 1024  # one inquiry is a few KB; a device such as /dev/zero never ends


def _read_bounded(source: str) -> bytes:
    """The bytes of `source` (a path, or - for standard input), refused past _JSON_BYTES."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = (
            stream.read(_JSON_BYTES + 1)
            if stream is not None
            else sys.stdin.read(_JSON_BYTES + 1).encode("utf-8", "surrogatepass")
        )
    else:
        with Path(source).open("rb") as file:
            data = file.read(_JSON_BYTES + 1)
    if len(data) > _JSON_BYTES:
        raise UserError(
            "workbook_file_too_big",
            path=source,
            size=f"> {_JSON_BYTES // (1024 * 1024)}",
            limit=f"{_JSON_BYTES // (1024 * 1024)}",
        )
    return data


def _refuse_lone_surrogates(value: Any, where: str, field: str = "") -> None:
    """JSON's \\ud800 escapes (and undecodable command-line bytes) make strings that hold half
    of a UTF-16 pair: no text, and SQLite cannot store them. Refused, naming the field."""
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_lone_surrogates(key, where, field)
            _refuse_lone_surrogates(item, where, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for item in value:
            _refuse_lone_surrogates(item, where, field)
    elif isinstance(value, str):
        import re

        half = re.search("[\ud800-\udfff]", value)
        if half is not None:
            raise UserError(
                "text_not_unicode",
                where=where,
                field=field or "-",
                char=f"U+{ord(half.group()):04X}",
            )


def _assignments(assignments: list[str]) -> dict[str, Any]:
    """`--set` pairs as contract changes: lists split on commas, `inquirer.x` nested."""
    from desktop_app.domain.inquiry_input import LIST_KEYS

    changes: dict[str, Any] = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key = key.strip()
        _refuse_lone_surrogates([key, value], "--set", key)
        if not sep or not key:
            raise UserError("set_syntax", value=assignment)
        parsed: Any = value.strip()
        if key in LIST_KEYS:
            parsed = [item.strip() for item in value.split(",") if item.strip()]
        elif parsed in ("", "null"):
            parsed = None
        if key.startswith("inquirer."):
            changes.setdefault("inquirer", {})[key.split(".", 1)[1]] = parsed
        else:
            changes[key] = parsed
    return changes


def _month_bounds(month: str) -> tuple[dt.date, dt.date]:
    try:
        first = dt.datetime.strptime(month.strip(), "%Y-%m").date()
    except ValueError as exc:
        raise UserError("month_invalid", value=month) from exc
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def _count_argument(limit: int) -> Callable[[str], int]:
    """argparse type for a count: a non-number is refused with the count message, not argparse's."""

    def parse(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            message = render("count_invalid", config.language(), value=value, limit=limit)
            raise argparse.ArgumentTypeError(message) from None

    return parse


def _date_argument(value: str | None, label: str) -> dt.date | None:
    from desktop_app.domain.dates import DateParseError, parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except DateParseError as exc:
        raise UserError(exc.code, label=label, value=value) from exc
