"""Report figures against the database's own counts, for random data across the FY boundary."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.engine import Database
from db.models import Inquirer, Inquiry, InquiryField, InquiryMunicipality
from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.report_figures import Period
from desktop_app.services import database, reports, writer

NOW = dt.datetime(2026, 6, 1, 3, 0)  # UTC: 12:00 on 1 June 2026 in Tokyo
TODAY = dt.date(2026, 6, 1)
ACTOR = Actor("tanaka", "田中", Role.CLERK, "SHIBA")
OFFICES = ("SHIBA", "AZABU", "HQ")
STATUSES = ("received", "in_progress", "matched", "not_matched", "withdrawn")
FIELDS = ("tourism", "disaster", "food")

case = st.fixed_dictionaries(
    {
        "received": st.dates(dt.date(2025, 3, 28), dt.date(2026, 4, 3)),
        "office": st.sampled_from(OFFICES),
        "status": st.sampled_from(STATUSES),
        # Closed this many minutes after local midnight of the received day + days.
        "closed_days": st.integers(0, 20),
        "closed_minutes": st.sampled_from((30, 600, 1430)),
        "relationship": st.sampled_from(("resident_resident", "business_business", None)),
        "fields": st.sets(st.sampled_from(FIELDS), max_size=2),
        "due_offset": st.one_of(st.none(), st.integers(-40, 40)),
    }
)


def add_case(db: Database, c: dict, n: int) -> None:
    closed_local = None
    if c["status"] in ("matched", "not_matched", "withdrawn"):
        midnight = dt.datetime.combine(c["received"], dt.time()) + dt.timedelta(
            days=c["closed_days"]
        )
        closed_local = midnight + dt.timedelta(minutes=c["closed_minutes"])
    with db.write() as session:
        person = Inquirer(type="resident", name=f"相談者{n}")
        writer.create(session, person, staff="t", origin="SHIBA")
        row = Inquiry(
            office_code=c["office"],
            received_at=c["received"],
            subject=f"件名{n}",
            inquirer_id=person.id,
            status=c["status"],
            relationship_code=c["relationship"],
            channel="phone",
            closed_at=closed_local - dt.timedelta(hours=9) if closed_local else None,
            follow_up_due=(
                TODAY + dt.timedelta(days=c["due_offset"]) if c["due_offset"] is not None else None
            ),
        )
        row.fields = [InquiryField(code=code) for code in sorted(c["fields"])]
        row.municipalities = [InquiryMunicipality(code="192015")]
        writer.create(session, row, staff="t", origin="SHIBA")


def sql(path: Path, query: str, *args: object) -> int:
    with sqlite3.connect(path) as conn:
        value = conn.execute(query, args).fetchone()[0]
    conn.close()
    return int(value)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cases=st.lists(case, max_size=12))
def test_totals_equal_the_database_counts(template_db: Path, cases: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "desk.sqlite3"
        shutil.copyfile(template_db, path)
        db = database.connect(path)
        try:
            for n, c in enumerate(cases):
                add_case(db, c, n)
            for period in (
                Period.fiscal_year(2025),
                Period.parse_month("2026-03"),
                Period.parse_month("2026-04"),
            ):
                report = reports.build_report(db, period, actor=ACTOR, now=NOW)
                first, last = period.first.isoformat(), period.last.isoformat()
                new = sql(
                    path,
                    "SELECT count(*) FROM inquiry WHERE received_at BETWEEN ? AND ?",
                    first,
                    last,
                )
                closed = sql(
                    path,
                    "SELECT count(*) FROM inquiry WHERE closed_on BETWEEN ? AND ?",
                    first,
                    last,
                )
                matched = sql(
                    path,
                    "SELECT count(*) FROM inquiry WHERE closed_on BETWEEN ? AND ?"
                    " AND status = 'matched'",
                    first,
                    last,
                )
                still_open = sql(
                    path,
                    "SELECT count(*) FROM inquiry WHERE received_at <= ? AND"
                    " (closed_on IS NULL OR closed_on > ?)",
                    last,
                    last,
                )
                overdue = sql(
                    path,
                    "SELECT count(*) FROM inquiry WHERE follow_up_due < ? AND"
                    " status IN ('received','in_progress','referred')",
                    TODAY.isoformat(),
                )
                h = report.headline
                assert (h.new, h.closed, h.matched, h.still_open, h.overdue) == (
                    new,
                    closed,
                    matched,
                    still_open,
                    overdue,
                )
                assert report.by_office_relationship.total == new
                for key in ("relationship", "status", "channel", "step", "inquirer_type"):
                    assert report.breakdown(key).total == new
                tagged = sql(
                    path,
                    "SELECT count(*) FROM inquiry_field JOIN inquiry ON pk ="
                    " inquiry_pk WHERE received_at BETWEEN ? AND ?",
                    first,
                    last,
                )
                assert report.breakdown("field").total == tagged
                assert report.breakdown("prefecture").total == new  # one place each
                assert len(report.months) == 12
                if period.kind == "fiscal_year":
                    assert sum(m.new for m in report.months) == new
                    assert sum(m.closed for m in report.months) == closed
                    assert sum(m.previous_new for m in report.months) == sql(
                        path,
                        "SELECT count(*) FROM inquiry WHERE received_at BETWEEN"
                        " '2024-04-01' AND '2025-03-31'",
                    )
        finally:
            db.dispose()


_CASE = {
    "received": dt.date(2026, 5, 1),
    "office": "SHIBA",
    "status": "received",
    "closed_days": None,
    "closed_minutes": 0,
    "relationship": None,
    "fields": set(),
    "due_offset": None,
}


def test_closed_at_half_past_midnight_on_1_april_counts_in_the_new_year(db: Database) -> None:
    c = {
        "received": dt.date(2026, 3, 31),
        "office": "SHIBA",
        "status": "matched",
        "closed_days": 1,
        "closed_minutes": 30,
        "relationship": None,
        "fields": set(),
        "due_offset": None,
    }
    add_case(db, c, 1)  # closed 2026-04-01 00:30 in Tokyo, still 31 March in UTC
    old = reports.build_report(db, Period.fiscal_year(2025), actor=ACTOR, now=NOW)
    new = reports.build_report(db, Period.fiscal_year(2026), actor=ACTOR, now=NOW)
    assert (old.headline.new, old.headline.closed, old.headline.still_open) == (1, 0, 1)
    assert (new.headline.new, new.headline.closed, new.headline.matched) == (0, 1, 1)
    assert new.months[0].closed == 1 and new.months[0].previous_new == 0
    assert old.months[-1].new == 1  # March of FY2025


def test_an_empty_period_gives_zeros_and_every_month(db: Database) -> None:
    report = reports.build_report(db, Period.fiscal_year(2024), actor=ACTOR, now=NOW)
    assert report.headline == reports.Headline(0, 0, 0, 0, 0)
    assert [(m.month, m.new, m.previous_new) for m in report.months] == [
        (month, 0, 0) for month in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)
    ]
    # Stable rows: every master term is listed with 0, the prefectures of the municipality
    # master and every agreement body too (README, "Choices").
    for key in ("relationship", "field", "prefecture", "agreement_body"):
        rows = report.breakdown(key).rows
        assert rows and all(row.count == 0 for row in rows), key
    assert len(report.breakdown("prefecture").rows) == 47


def test_months_not_yet_happened_are_empty_not_zero(db: Database) -> None:
    """A report counts nothing after its month; the months after it (or after today) are
    None, this year's and, where they are still to come, last year's."""
    add_case(db, dict(_CASE, received=dt.date(2026, 5, 20)), 1)
    add_case(db, dict(_CASE, received=dt.date(2026, 6, 1)), 2)
    may = reports.build_report(db, Period.month(2026, 5), actor=ACTOR, now=NOW)
    assert [m.new for m in may.months] == [0, 1] + [None] * 10
    assert [m.previous_new for m in may.months] == [0] * 12
    assert may.month_total("new") == 1 and may.month_total("closed") == 0
    future = reports.build_report(db, Period.fiscal_year(2030), actor=ACTOR, now=NOW)
    assert all(m.new is None and m.previous_new is None for m in future.months)
    assert future.month_total("new") is None


def test_as_of_each_office(db: Database) -> None:
    report = reports.build_report(db, Period.parse_month("2026-05"), actor=ACTOR, now=NOW)
    by_code = {o.code: o for o in report.offices}
    assert by_code["SHIBA"].own and by_code["SHIBA"].as_of == dt.datetime(2026, 6, 1, 12, 0)
    assert by_code["AZABU"].as_of is None  # nothing imported from it yet
    assert report.open_conflicts == 0


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("2026-13", "month_invalid"),
        ("2026-00", "month_invalid"),
        ("10-2026", "month_invalid"),
        ("1800-01", "year_invalid"),
    ],
)
def test_bad_months_are_refused(text: str, code: str) -> None:
    with pytest.raises(UserError) as caught:
        Period.parse_month(text)
    assert caught.value.code == code


def test_fiscal_years_are_named_by_the_year_they_start() -> None:
    period = Period.fiscal_year(2026)
    assert (period.first, period.last, period.title) == (
        dt.date(2026, 4, 1),
        dt.date(2027, 3, 31),
        "令和8年度",
    )
    assert Period.parse_month("2026-10").title == "令和8年10月分"
    assert Period.fiscal_year(2019).title == "令和元年度"
