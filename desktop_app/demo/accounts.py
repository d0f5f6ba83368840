"""The demo accounts of a training database (研修用): one per role, with a published password.

Only a database that received demo data gets them (its cases are practice cases, so a password
everybody knows protects nothing real); its sign-in screen lists them and README names them.
Their logins are their own (`demo-…`), so the `admin` that `init` made keeps its password.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.engine import Database
from desktop_app.domain.actor import Role, system_actor
from desktop_app.services import passwords, setup, staff

DEMO_PASSWORD = passwords.PUBLISHED_DEMO_PASSWORD


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
    actor = system_actor(setup.office_required(db))
    existing = {record.login for record in staff.list_staff(db, actor)}
    for account in DEMO_ACCOUNTS:
        if account.login not in existing:
            staff.add_staff(
                db,
                actor,
                login=account.login,
                name=account.name,
                role=str(account.role),
                password=DEMO_PASSWORD,
            )
