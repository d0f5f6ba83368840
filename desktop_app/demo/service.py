"""Loading demo data into a desk database (`renkei-desk demo-data`, and the first start).

The rows come from demo/generator.py; they go in through the one writer's bulk path in one write
transaction, with the secondary and search indexes set aside and rebuilt once at the end
(db/bulk.py), so 100,000 inquiries take seconds rather than minutes.

Demo data is honest about where it is: a branch office's database gets that branch's own cases
only (a branch PC never holds another branch's), the central office's database gets cases of
every office, as if imported from them. And a database that received demo data is marked as a
training database (研修用) for good: the window, the list and every export say so
(services.setup.is_training).

Demo data never enters a real database: its demo accounts sign in with a published password
and would read real residents. A database that is not training takes demo data only while it
is fresh, that is, holds no inquiry, inquirer or action (deleted ones included: a tombstone is
a real record too) and no account besides the one made at `init` (or by the set-up wizard);
it then becomes a training database. A training database takes more at any time.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import bulk
from db.engine import Database, ensure_statistics
from db.models import (
    Action,
    AgreementBody,
    Inquirer,
    Inquiry,
    Municipality,
    Office,
    PartnerMunicipality,
    Staff,
)
from desktop_app.demo.accounts import add_case_staff, ensure_demo_accounts
from desktop_app.demo.generator import DemoContext, DemoGenerator
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.services import audit, setup, writer
from desktop_app.services.database import Upgrade, connect

MAX_COUNT = 2_000_000
CENTRAL_KIND = "central"  # office.kind of the central office (HQ); branches are "branch"

# Municipalities the demo names: not prefectures, not wards of a city or of Tokyo.
_TARGET_KINDS = ("city", "town", "village", "designated_city")
_PARTNER_WEIGHT = 40.0  # the ward's own partners come up far more often than any other town


@dataclass(frozen=True)
class DemoReport:
    """What `generate_demo_data` wrote and how long each part took (the CLI prints it)."""

    inquiries: int
    inquirers: int
    actions: int
    code_rows: int  # fields, forms, municipalities and agreement bodies of the inquiries
    offices: tuple[str, ...]
    date_from: dt.date
    date_to: dt.date
    seconds: float
    insert_seconds: float  # inside the bulk inserts (the rest of the loop is generation)
    index_seconds: float  # rebuilding the indexes and the planner statistics at the end

    @property
    def rows(self) -> int:
        return self.inquiries + self.inquirers + self.actions + self.code_rows

    def to_json(self) -> dict[str, Any]:
        return {
            "inquiries": self.inquiries,
            "inquirers": self.inquirers,
            "actions": self.actions,
            "code_rows": self.code_rows,
            "rows": self.rows,
            "offices": list(self.offices),
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "seconds": round(self.seconds, 3),
            "insert_seconds": round(self.insert_seconds, 3),
            "index_seconds": round(self.index_seconds, 3),
        }


def generate_demo_data(
    db: Database,
    *,
    count: int,
    seed: int = 1,
    today: dt.date | None = None,
    staff: str = "system",
) -> DemoReport:
    """Append `count` demo inquiries (with inquirers, actions and codes) in one transaction.

    A branch's database gets its own office's cases, the central office's cases of every
    office; dated over the previous and the current fiscal year up to `today`. Marks the
    database as a training database in the same transaction. Refuses a count outside
    1..MAX_COUNT and a database that was never initialised, writing nothing. Audited as
    `staff`'s (the program's own when no one asked).
    """
    if isinstance(count, bool) or not 1 <= count <= MAX_COUNT:
        raise UserError("count_invalid", limit=MAX_COUNT, value=count)
    started = time.perf_counter()
    with db.write() as session:
        _require_fresh_or_training(session)
        context = read_context(session)
        generator = DemoGenerator(context, count=count, seed=seed, today=today or local_today())
        office = setup.require_office(session)
        insert_seconds = 0.0
        with bulk.indexes_set_aside(session.connection()):
            for batch in generator.batches():
                before = time.perf_counter()
                writer.insert_many(session, batch, staff=staff, origin=office)
                insert_seconds += time.perf_counter() - before
            before = time.perf_counter()
        index_seconds = time.perf_counter() - before
        setup.mark_training(session)
        add_case_staff(session, generator.people)
        audit.log(
            session, staff=staff, action="demo_data", entity="setting",
            entity_id="training", new=str(count),
        )  # fmt: skip
    ensure_demo_accounts(db)
    # The planner needs statistics that know about the new rows, or a search scans the table.
    before = time.perf_counter()
    ensure_statistics(db.engine, force=True)
    index_seconds += time.perf_counter() - before
    return DemoReport(
        inquiries=count,
        inquirers=generator.inquirers,
        actions=generator.actions,
        code_rows=generator.code_rows,
        offices=generator.offices,
        date_from=generator.date_from,
        date_to=generator.date_to,
        seconds=time.perf_counter() - started,
        insert_seconds=insert_seconds,
        index_seconds=index_seconds,
    )


def first_start(db: Database, *, office: str, demo_count: int) -> bool:
    """Prepare a brand-new default database with demo data; False when it was ready already.

    What `make run` (`renkei-desk gui --training`) meets on a fresh PC: a desk to try things on,
    which says it is a training database and signs in with its demo accounts.
    """
    if setup.office_of(db) is not None:
        if setup.is_training(db):
            ensure_demo_accounts(db)  # one made before training databases carried accounts
        return False
    setup.initialise(db, office)
    generate_demo_data(db, count=demo_count, seed=1)
    return True


def open_training(
    path: Path,
    *,
    office: str,
    demo_count: int,
    on_upgrade: Callable[[Upgrade], None] | None = None,
) -> Database:
    """The training database at `path` (研修用), made for `office` with demo data if new.

    `renkei-desk gui --training` (what `make run` starts) and the set-up wizard's training
    option open it; it is a file of its own, so practice never mixes with the office's cases.
    """
    db = connect(path, on_upgrade=on_upgrade)
    try:
        first_start(db, office=office, demo_count=demo_count)
    except BaseException:
        db.dispose()
        raise
    return db


def _require_fresh_or_training(session: Session) -> None:
    """Refuse (`demo_data_real_database`) a database that is not training and holds real
    records or accounts: see the module's docstring."""
    if setup.training_in(session):
        return
    records = sum(
        session.scalar(select(func.count()).select_from(model)) or 0
        for model in (Inquiry, Inquirer, Action)
    )
    accounts = max(0, (session.scalar(select(func.count()).select_from(Staff)) or 0) - 1)
    if records or accounts:
        inquiries = session.scalar(select(func.count()).select_from(Inquiry)) or 0
        raise UserError("demo_data_real_database", inquiries=inquiries, accounts=accounts)


def read_context(session: Session) -> DemoContext:
    """The offices, masters, counters and high-water marks the generator starts from."""
    own = setup.require_office(session)
    known = tuple(session.scalars(select(Office.code).order_by(Office.sort_order, Office.code)))
    own_kind = session.scalar(select(Office.kind).where(Office.code == own))
    partners = set(session.scalars(select(PartnerMunicipality.municipality_code)))
    municipalities = tuple(
        (
            code,
            name if name.startswith(prefecture) else prefecture + name,
            _PARTNER_WEIGHT if code in partners else 1.0,
        )
        for code, prefecture, name in session.execute(
            select(Municipality.code, Municipality.prefecture, Municipality.name)
            .where(Municipality.kind.in_(_TARGET_KINDS), Municipality.retired_on.is_(None))
            .order_by(Municipality.code)
        )
    )
    if own not in known or not municipalities:
        raise UserError("not_initialised")
    bodies = session.execute(
        select(AgreementBody.code, AgreementBody.kind).order_by(AgreementBody.code)
    )
    body_kinds = list(bodies)
    top_inquiry, top_inquirer, top_action = (
        session.scalar(select(func.coalesce(func.max(model.pk), 0))) or 0
        for model in (Inquiry, Inquirer, Action)
    )
    return DemoContext(
        offices=known if own_kind == CENTRAL_KIND else (own,),
        municipalities=municipalities,
        wide_area_bodies=tuple(code for code, kind in body_kinds if kind == "wide_area"),
        firm_bodies=tuple(code for code, kind in body_kinds if kind == "firm"),
        high_water=(top_inquiry, top_inquirer, top_action),
    )
