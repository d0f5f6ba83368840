"""Who runs a command: the one place the command line turns its environment into an `Actor`.

Every handler that reads or changes data asks `signed_in(db)` once and hands the actor to the
services, which check its permissions. Until staff accounts exist (issue 11) the actor is the
operating-system login acting as this database's administrator; sign-in replaces the body of
this function and nothing else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app import config
from desktop_app.domain.actor import Actor, Role

if TYPE_CHECKING:
    from db.engine import Database


def signed_in(db: Database) -> Actor:
    from desktop_app.services import setup

    login = config.staff_login()
    return Actor(login=login, name=login, role=Role.ADMIN, office=setup.office_of(db) or "")
