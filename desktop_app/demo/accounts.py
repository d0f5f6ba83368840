"""The demo accounts of a training database (研修用): one per role, with a published password.

Only a database that received demo data gets them (its cases are practice cases, so a password
everybody knows protects nothing real); its sign-in screen lists them and README names them.
Their logins are their own (`demo-…`), so the `admin` that `init` made keeps its password.

The people the demo cases name as 担当 (`shiba.takahashi`) get accounts too, so every screen
shows 高橋 一郎 as it would at a real desk; they are disabled and have no password, like staff
who have left: nobody signs in as them.

The sign-in dialog reads the accounts' names before the database is opened, so this module
imports SQLAlchemy and the services only where it writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.domain.actor import PUBLISHED_DEMO_PASSWORD, Role, system_actor

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.engine import Database

DEMO_PASSWORD = PUBLISHED_DEMO_PASSWORD


@dataclass(frozen=True)
class DemoAccount:
    login: str
    name: str
    role: Role


DEMO_ACCOUNTS = (
    DemoAccount("demo-clerk", "研修 窓口職員", Role.CLERK),
    DemoAccount("demo-supervisor", "研修 係長", Role.SUPERVISOR),
    DemoAccount("demo-admin", "研修 管理者", Role.ADMIN),
)
DEMO_ADMIN = DEMO_ACCOUNTS[-1].login  # what a training database's sign-in is pre-filled with


def ensure_demo_accounts(db: Database) -> None:
    """Add whichever demo account is missing (by login)."""
    from desktop_app.services import setup, staff

    actor = system_actor(setup.office_required(db))
    existing = {record.login for record in staff.list_staff(db, actor=actor)}
    for account in DEMO_ACCOUNTS:
        if account.login not in existing:
            staff.add_staff(
                db,
                login=account.login,
                name=account.name,
                role=str(account.role),
                password=DEMO_PASSWORD,
                actor=actor,
            )


def add_case_staff(session: Session, people: Mapping[str, tuple[str, str]]) -> None:
    """Disabled, password-less accounts for the {login: (office, name)} the cases name, but
    for logins that have an account already (demo data added a second time)."""
    from sqlalchemy import select

    from db.models import Staff

    known = set(session.scalars(select(Staff.login).where(Staff.login.in_(list(people)))))
    session.add_all(
        Staff(
            login=login,
            display_name=name,
            office_code=office,
            role=str(Role.CLERK),
            password_hash=None,
            active=False,
            failed_logins=0,
            locked_until=None,
        )
        for login, (office, name) in people.items()
        if login not in known
    )
