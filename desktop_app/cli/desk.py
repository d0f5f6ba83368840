"""`gui`, `init` and `demo-data`: the commands that open the window or make a desk's database."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app import config
from desktop_app.cli.arguments import count_argument
from desktop_app.cli.common import EXIT_OK, Commands, db_path, open_database, say_if_training
from desktop_app.cli.output import Printer
from desktop_app.cli.sign_in import first_password, requested_user, signed_in
from desktop_app.domain.actor import Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render

MAX_DEMO_COUNT = 2_000_000


def add_desk_commands(commands: Commands) -> None:
    gui = commands.add_parser("gui", help="open the desk window (the default command)")
    gui.add_argument("--screenshot", metavar="FILE.png", help="save the first paint and exit")
    gui.add_argument(
        "--training",
        action="store_true",
        help="open the training database beside --db's (demo data, made on first use; no set-up)",
    )
    gui.set_defaults(handler=open_window)

    init = commands.add_parser("init", help="create or upgrade a database for an office")
    init.add_argument("--office", required=True, help="office code, e.g. SHIBA or HQ")
    init.set_defaults(handler=_init)

    demo = commands.add_parser("demo-data", help="add realistic demo inquiries (deterministic)")
    demo.add_argument(
        "--count", type=count_argument(MAX_DEMO_COUNT), required=True, help="number of inquiries"
    )
    demo.add_argument("--seed", type=int, default=1, help="random seed (same seed, same data)")
    demo.set_defaults(handler=_demo_data)


def open_window(args: argparse.Namespace, printer: Printer) -> int:
    # The window opens the file itself, after its start frame is on screen (ui.app).
    from desktop_app.ui.app import run_gui

    screenshot = getattr(args, "screenshot", None)
    training = getattr(args, "training", False)
    path = db_path(args)
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
    password = _first_admin_password() if not db_path(args).is_file() else None
    db = open_database(args, create=True)
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
    say_if_training(printer, db)
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
    db = open_database(args)
    setup.office_required(db)
    actor = signed_in(db)
    actor.require(Permission.SETTINGS)  # it makes the database a training one for good
    report = generate_demo_data(db, count=args.count, seed=args.seed, staff=actor.login)
    printer.figures(
        render("demo_done", printer.lang, count=report.inquiries, seconds=f"{report.seconds:.1f}"),
        {"inquiries": report.inquiries, "seconds": round(report.seconds, 3)},
    )
    say_if_training(printer, db)
    return EXIT_OK
