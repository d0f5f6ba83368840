"""What the sign-in dialog needs to know, read from the file before the database is opened.

Opening the database imports SQLAlchemy, the models and the services: more than a bare
PySide6 window takes to show. The dialog only needs the office, whether the file is a
training database and whether it has accounts, which plain sqlite3 reads in a few
milliseconds (db/backup.file_facts, read-only), so it can be on screen while the database is
opened behind it (ui/sign_in/start.sign_in_while_opening). A file that needs more first (none
yet, unreadable, at another schema revision so an upgrade with its backup and message, not
initialised) gets no facts: the desk opens it first, as before.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db import migrate
from db.backup import file_facts, has_accounts


@dataclass(frozen=True)
class SignInFacts:
    office: str
    training: bool
    accounts: bool


def sign_in_facts(path: Path) -> SignInFacts | None:
    """The facts of the file at `path`, or None when it must be opened before anyone signs in."""
    if not path.is_file():
        return None
    try:
        facts = file_facts(path)
        accounts = has_accounts(path) if facts.office is not None else False
    except sqlite3.DatabaseError:
        return None
    if facts.revision != migrate.HEAD or facts.office is None:
        return None
    return SignInFacts(office=facts.office, training=facts.training, accounts=accounts)
