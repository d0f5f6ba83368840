"""Which database this is: its id (a UUID made once, migration 0007), office and training mark.

Backups carry the identity (inside a plain copy, in the header of an encrypted one) and sync
packages carry the id in their manifest, so that the backup list can tell this database's
backups from others' in a shared folder, and a restore refuses another database's file. An
office and a training mark are not enough: two PCs of one office, or an office's real and
training databases, share an office code.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db.backup import (
    DATABASE_ID_KEY,
    OFFICE_KEY,
    TRAINING_KEY,
    FileFacts,
    file_facts,
    read_setting,
)
from db.engine import Database
from db.models import Setting


@dataclass(frozen=True)
class Identity:
    database_id: str | None  # None: a file made before identities (an old backup)
    office: str | None
    training: bool

    @classmethod
    def of_facts(cls, facts: FileFacts) -> Identity:
        return cls(facts.database_id, facts.office, facts.training)

    def same_database(self, other: Identity) -> bool:
        """Whether `other` is this database (by id when both have one, else by office)."""
        if self.training != other.training:
            return False
        if self.database_id and other.database_id:
            return self.database_id == other.database_id
        return self.office == other.office


def identity_in(session: Session) -> Identity:
    """This database's identity, inside the caller's transaction; the id is made when missing
    only by `ensure_id` (a write)."""
    office = session.get(Setting, OFFICE_KEY)
    found = session.get(Setting, DATABASE_ID_KEY)
    training = session.get(Setting, TRAINING_KEY)
    return Identity(
        database_id=found.value if found is not None else None,
        office=office.value if office is not None else None,
        training=training is not None and training.value == "1",
    )


def identity_of(db: Database) -> Identity:
    with db.read() as session:
        return identity_in(session)


def ensure_id(session: Session) -> str:
    """The database's id, made now for a file that has none (in the caller's write)."""
    found = session.get(Setting, DATABASE_ID_KEY)
    if found is not None:
        return found.value
    made = str(uuid.uuid4())
    session.add(Setting(key=DATABASE_ID_KEY, value=made))
    return made


def identity_of_file(path: Path) -> Identity | None:
    """The identity of the database at `path` without opening it as a desk database (it may be
    damaged): None when there is no file, nothing of it reads, or `init` never gave it an
    office (an empty file is no database a backup could be confused with)."""
    if not path.is_file():
        return None
    try:
        facts = file_facts(path)
        return Identity.of_facts(facts) if facts.office is not None else None
    except Exception:  # noqa: BLE001 - a file too damaged for the full read: what still reads
        office = read_setting(path, OFFICE_KEY)
        if office is None:
            return None
        return Identity(
            read_setting(path, DATABASE_ID_KEY), office, read_setting(path, TRAINING_KEY) == "1"
        )
