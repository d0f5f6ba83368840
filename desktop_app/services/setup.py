"""Making a file a desk database for one office, with the master lists it needs.

`init` may be run again on the same file (to pick up master rows a newer program ships): it
only adds what is missing, marks retired the municipalities the newer master retires (old
inquiries still name them, so nothing is deleted), and never turns one office's database into
another's.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    AgreementBody,
    Base,
    Municipality,
    Office,
    PartnerMunicipality,
    Setting,
    VocabTerm,
)
from desktop_app.domain import masters
from desktop_app.domain.errors import UserError
from desktop_app.services.identity import ensure_id

OFFICE_KEY = "office_code"
# Set to "1" once a database has received demo data: it is then a training database (研修用).
TRAINING_KEY = "training"


@dataclass(frozen=True)
class InitReport:
    office: str
    created: bool
    added: dict[str, int]
    retired: int = 0  # municipalities that this run marked retired


def office_of(db: Database) -> str | None:
    """The office this database belongs to, or None before `init`."""
    with db.read() as session:
        setting = session.get(Setting, OFFICE_KEY)
        return None if setting is None else setting.value


def office_required(db: Database) -> str:
    """The office, refusing a database that `init` has not prepared yet."""
    with db.read() as session:
        return require_office(session)


def require_office(session: Session) -> str:
    setting = session.get(Setting, OFFICE_KEY)
    if setting is None:
        raise UserError("not_initialised")
    return setting.value


def is_training(db: Database) -> bool:
    """Whether this is a training database (研修用): one that has received demo data.

    Every screen title, list and exported file of such a database must say so, so that
    practice cases are never mistaken for, or mixed with, real ones. The mark is never
    cleared: the demo rows stay in the file.
    """
    with db.read() as session:
        return training_in(session)


def training_in(session: Session) -> bool:
    """`is_training` inside the caller's transaction."""
    setting = session.get(Setting, TRAINING_KEY)
    return setting is not None and setting.value == "1"


def mark_training(session: Session) -> None:
    """Mark the database as a training database, in the caller's write transaction."""
    session.merge(Setting(key=TRAINING_KEY, value="1"))


def initialise(db: Database, office_code: str) -> InitReport:
    office_code = office_code.strip().upper()
    offices = masters.load_offices()
    known = [office.code for office in offices]
    if office_code not in known:
        raise UserError("office_unknown", value=office_code, allowed=", ".join(known))
    with db.write() as session:
        current = session.get(Setting, OFFICE_KEY)
        if current is not None and current.value != office_code:
            raise UserError("office_mismatch", current=current.value, value=office_code)
        municipalities = masters.load_municipalities()
        added = {
            "offices": _add_missing(session, Office, offices),
            "vocabularies": _add_missing(session, VocabTerm, masters.load_vocabularies()),
            "municipalities": _add_missing(session, Municipality, municipalities),
            "agreement_bodies": _add_missing(
                session, AgreementBody, masters.load_agreement_bodies()
            ),
            "partner_municipalities": _add_missing(
                session, PartnerMunicipality, masters.load_partners()
            ),
        }
        retired = _retire_municipalities(session, municipalities)
        if current is None:
            session.add(Setting(key=OFFICE_KEY, value=office_code))
        ensure_id(session)  # made by migration 0007; kept here so `init` alone suffices
    return InitReport(office=office_code, created=current is None, added=added, retired=retired)


def _add_missing(session: Session, model: type[Base], rows: Sequence[Any]) -> int:
    """Insert the rows whose keys are not there yet; returns how many were added."""
    if not rows:
        return 0
    table = Base.metadata.tables[model.__tablename__]
    before = session.scalar(select(func.count()).select_from(table)) or 0
    columns = {column.name for column in table.columns}
    values = [
        {key: value for key, value in dataclasses.asdict(row).items() if key in columns}
        for row in rows
    ]
    session.execute(insert(table).on_conflict_do_nothing(), values)
    after = session.scalar(select(func.count()).select_from(table)) or 0
    return after - before


def _retire_municipalities(session: Session, rows: Sequence[masters.MunicipalityRow]) -> int:
    """Set `retired_on` where the master retires a code this database still offers.

    Only that column changes: a row already retired keeps its date, and no row is deleted,
    because inquiries recorded before the change still name the code. Returns how many rows
    this run retired.
    """
    retiring = [{"key": row.code, "day": row.retired_on} for row in rows if row.retired_on]
    if not retiring:
        return 0
    open_codes = set(
        session.scalars(
            select(Municipality.code).where(
                Municipality.code.in_([r["key"] for r in retiring]),
                Municipality.retired_on.is_(None),
            )
        )
    )
    retiring = [r for r in retiring if r["key"] in open_codes]
    if retiring:
        session.connection().execute(
            update(Municipality)
            .where(Municipality.code == bindparam("key"), Municipality.retired_on.is_(None))
            .values(retired_on=bindparam("day")),
            retiring,
        )
    return len(retiring)
