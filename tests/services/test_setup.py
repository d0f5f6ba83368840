"""`init` on a database made with an older master: what it adds, what it retires, what it keeps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select, update

from db.models import Municipality
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquiries, setup
from tests.actors import actor_for

HAMAMATSU_OLD = ["221317", "221325", "221333", "221341", "221350", "221368", "221376"]
HAMAMATSU_NEW = ["221384", "221392", "221406"]


def _as_the_older_master_left_it(db) -> None:
    """The database as init with the master before 2024 made it: old wards open, new ones absent."""
    with db.write() as session:
        session.execute(
            update(Municipality).where(Municipality.code.in_(HAMAMATSU_OLD)).values(retired_on=None)
        )
        session.execute(Municipality.__table__.delete().where(Municipality.code.in_(HAMAMATSU_NEW)))


def _municipalities(db) -> dict[str, tuple[str, dt.date | None]]:
    with db.read() as session:
        rows = session.execute(
            select(Municipality.code, Municipality.name, Municipality.retired_on).where(
                Municipality.code.like("2213%") | Municipality.code.like("2214%")
            )
        )
        return {code: (name, retired_on) for code, name, retired_on in rows}


def test_init_adds_the_new_wards_and_retires_the_old_ones_without_deleting_any(db):
    _as_the_older_master_left_it(db)
    old = inquiries.add_inquiry(
        db,
        NewInquiry.read(
            {
                "received_at": "2023-11-01",
                "subject": "浜松まつりの出店",
                "municipalities": ["221317"],
                "inquirer": {"type": "npo", "organization": "浜松の会"},
            }
        ),
        actor=actor_for("s"),
    )
    with db.read() as session:
        total = session.scalar(select(func.count()).select_from(Municipality))

    report = setup.initialise(db, "SHIBA")

    assert (report.added["municipalities"], report.retired) == (3, 7)
    found = _municipalities(db)
    assert [found[c][1] for c in HAMAMATSU_OLD] == [dt.date(2024, 1, 1)] * 7
    assert [found[c] for c in HAMAMATSU_NEW] == [
        ("浜松市中央区", None),
        ("浜松市浜名区", None),
        ("浜松市天竜区", None),
    ]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(Municipality)) == total + 3
    assert inquiries.get_inquiry(db, old.receipt_no, actor=actor_for("s")).municipalities == (
        "221317",
    )


def test_init_again_retires_nothing_and_keeps_an_earlier_retirement_date(db):
    with db.write() as session:
        session.execute(
            update(Municipality)
            .where(Municipality.code == "221317")
            .values(retired_on=dt.date(2023, 12, 31))  # as the central office distributed it
        )

    report = setup.initialise(db, "SHIBA")

    assert (set(report.added.values()), report.retired) == ({0}, 0)
    assert _municipalities(db)["221317"] == ("浜松市中区", dt.date(2023, 12, 31))
