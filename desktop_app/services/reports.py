"""The figures of the monthly and fiscal-year reports, all counted in SQL (services.dashboard
draws on the same counts).

Every number is a COUNT over an indexed range of the office's local dates (`received_at`,
`closed_on`) grouped in SQLite; Python only adds up the few hundred group rows that come back.
No inquiry is loaded to be counted, so a report over a million inquiries costs what its GROUP
BY queries cost (tests/benchmarks/bench_reports.py measures exactly that ratio).

What each headline figure means (written in README, "Choices"):

* 新規受付 (new): received in the period;
* 完了 (closed): closed in the period (its local `closed_on`), whatever its outcome;
* 連携成立 (matched): closed in the period as `matched`;
* 期末未完了 (still open): received by the period's last day and not closed by then
  (received by then minus closed by then; a reopened case counts as open);
* 期限超過 (overdue): `services.followups.overdue_clause` on the day the report is made, the
  one definition of overdue; it is a figure of now, not of the period.

The breakdowns (by office × relationship, field, inquirer type, status, channel, step, partner
prefecture and agreement body) are of the period's new inquiries; fields, prefectures and
agreement bodies are many per inquiry, so their tables add up to more than 新規受付.
Fiscal years are named by the year they start (FY2026 = 令和8年度, April 2026 to March 2027).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    AgreementBody,
    Base,
    Conflict,
    Inquirer,
    Inquiry,
    InquiryMunicipality,
    Municipality,
    Office,
    SyncPackage,
)
from desktop_app.domain import dates, fields
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_datetime, local_today
from desktop_app.domain.report_figures import (
    BREAKDOWNS,
    Breakdown,
    Count,
    CrossTable,
    Headline,
    MonthFigures,
    OfficeAsOf,
    Period,
    Report,
)
from desktop_app.domain.workflow import MATCHED
from desktop_app.services import setup
from desktop_app.services.followups import overdue_clause
from desktop_app.services.lookup import code_labels
from desktop_app.services.setup import training_in

UNSET = ""  # the code of "not recorded" rows in a breakdown
# The inquiry's single-valued code fields a report tallies (the field catalogue's), counted in
# one GROUP BY pass over the period with the office; the rest need a join.
_OFFICE = fields.field("inquiry", "office")
_DIRECT_FIELDS = (
    _OFFICE,
    *(f for f in fields.tallied() if f.entity == "inquiry" and f.table is None),
)
_DIRECT = tuple(f.tally.key if f.tally else f.key for f in _DIRECT_FIELDS)
_JOINED = tuple(f for f in fields.tallied() if f not in _DIRECT_FIELDS)
_PREFECTURE = "prefecture"  # the target municipalities, counted by their prefecture
_TALLIED = {f.tally.key: f for f in fields.tallied() if f.tally}


def build_report(
    db: Database,
    period: Period,
    *,
    actor: Actor,
    office: str | None = None,
    lang: str = "ja",
    now: dt.datetime | None = None,
) -> Report:
    """Every figure of the report of `period` (one read transaction, so they agree)."""
    actor.require(Permission.REPORT)
    moment = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    today = local_today(now=moment.replace(tzinfo=dt.UTC))
    labels = code_labels(db, lang)
    with db.read() as session:
        check_office(session, office)
        own = setup.require_office(session)
        by_code = direct_counts(session, period, office)
        cross = _cross_table(by_code, labels.vocab.get("relationship", {}), labels.offices)
        breakdowns = [
            direct_breakdown(by_code, f.tally.key, labels.vocab.get(f.vocab or "", {}))
            for f in _DIRECT_FIELDS
            if f.tally
        ]
        breakdowns += [
            joined_breakdown(session, key, period, office, labels.vocab, labels.agreement_bodies)
            for key in (f.tally.key for f in _JOINED if f.tally)
        ]
        order = {key: n for n, key in enumerate(BREAKDOWNS)}
        return Report(
            period=period,
            office=office,
            offices=_as_of(session, office, own, local_datetime(moment), labels.offices),
            made_at=local_datetime(moment),
            made_by=actor.name,
            today=today,
            training=training_in(session),
            open_conflicts=session.scalar(
                select(func.count()).select_from(Conflict).where(Conflict.resolved_at.is_(None))
            )
            or 0,
            headline=headline_figures(session, period, office, today),
            by_office_relationship=cross,
            breakdowns=tuple(sorted(breakdowns, key=lambda b: order[b.key])),
            months=_months(session, period.fy, office, through=min(period.last, today)),
        )


def check_office(session: Session, office: str | None) -> None:
    if office and session.get(Office, office) is None:
        known = ", ".join(session.scalars(select(Office.code).order_by(Office.sort_order)))
        raise UserError("office_unknown", value=office, allowed=known)


def received_in(period: Period, office: str | None) -> list[ColumnElement[bool]]:
    where = [
        Inquiry.deleted.is_(False),
        Inquiry.received_at >= period.first,
        Inquiry.received_at <= period.last,
    ]
    if office:
        where.append(Inquiry.office_code == office)
    return where


def _count(session: Session, *where: ColumnElement[bool]) -> int:
    return session.scalar(select(func.count()).select_from(Inquiry).where(*where)) or 0


def headline_figures(
    session: Session, period: Period, office: str | None, today: dt.date
) -> Headline:
    mine = [Inquiry.deleted.is_(False)] + ([Inquiry.office_code == office] if office else [])
    closed_in = and_(Inquiry.closed_on >= period.first, Inquiry.closed_on <= period.last)
    closed_row = session.execute(
        select(func.count(), func.count().filter(Inquiry.status == MATCHED))
        .select_from(Inquiry)
        .where(*mine, closed_in)
    ).one()
    received_by_end = _count(session, *mine, Inquiry.received_at <= period.last)
    closed_by_end = _count(session, *mine, Inquiry.closed_on <= period.last)
    return Headline(
        new=_count(session, *received_in(period, office)),
        closed=closed_row[0],
        matched=closed_row[1],
        still_open=received_by_end - closed_by_end,
        overdue=_count(session, *mine, overdue_clause(today)),
    )


def direct_counts(
    session: Session, period: Period, office: str | None
) -> list[tuple[dict[str, str], int]]:
    """One GROUP BY over the period's new inquiries by office and the single-valued code
    fields a report tallies (relationship, status, channel, step): a few hundred groups, from
    which each of those tables is summed."""
    columns = tuple(getattr(Inquiry, f.attribute) for f in _DIRECT_FIELDS)
    statement: Select[*tuple[Any, ...]] = (
        select(*columns, func.count()).where(*received_in(period, office)).group_by(*columns)
    )
    return [
        ({key: value or UNSET for key, value in zip(_DIRECT, row[:-1], strict=True)}, row[-1])
        for row in session.execute(statement)
    ]


def direct_breakdown(
    groups: list[tuple[dict[str, str], int]], key: str, labels: dict[str, str]
) -> Breakdown:
    counts: Counter[str] = Counter()
    for codes, count in groups:
        counts[codes[key]] += count
    return _ordered(key, counts, labels)


def _cross_table(
    groups: list[tuple[dict[str, str], int]],
    relationships: dict[str, str],
    offices: dict[str, str],
) -> CrossTable:
    cells: dict[tuple[str, str], int] = defaultdict(int)
    for codes, count in groups:
        cells[codes["office"], codes["relationship"]] += count
    office_counts: Counter[str] = Counter()
    rel_counts: Counter[str] = Counter()
    for (office, rel), count in cells.items():
        office_counts[office] += count
        rel_counts[rel] += count
    rows = _ordered("office", office_counts, offices).rows
    columns = _ordered("relationship", rel_counts, relationships).rows
    return CrossTable(
        rows=rows,
        columns=columns,
        cells=tuple(tuple(cells.get((r.code, c.code), 0) for c in columns) for r in rows),
    )


def joined_breakdown(
    session: Session,
    key: str,
    period: Period,
    office: str | None,
    vocab: dict[str, dict[str, str]],
    bodies: dict[str, str],
) -> Breakdown:
    """A breakdown that needs a join: a code table of the inquiry, or its inquirer."""
    received = received_in(period, office)
    if key == _PREFECTURE:
        return _prefectures(session, received)
    f = _TALLIED[key]
    statement: Select[*tuple[Any, ...]]
    if f.table:
        table = Base.metadata.tables[f.table]
        statement = (
            select(table.c.code, func.count())
            .join(Inquiry, Inquiry.pk == table.c.inquiry_pk)
            .where(*received)
            .group_by(table.c.code)
        )
    else:
        column = getattr(Inquirer, f.attribute)
        statement = (
            select(column, func.count())
            .select_from(Inquiry)
            .join(Inquirer, Inquirer.id == Inquiry.inquirer_id)
            .where(*received)
            .group_by(column)
        )
    if f.vocab == "agreement_body":
        labels = bodies or {
            row.code: row.name
            for row in session.execute(select(AgreementBody.code, AgreementBody.name))
        }
    else:
        labels = vocab.get(f.vocab or "", {})
    counts = Counter({code or UNSET: count for code, count in session.execute(statement)})
    return _ordered(key, counts, labels)


def _prefectures(session: Session, received: list[ColumnElement[bool]]) -> Breakdown:
    """The target municipalities by the master's prefecture, every prefecture listed."""
    statement = (
        select(Municipality.prefecture, func.count())
        .select_from(InquiryMunicipality)
        .join(Inquiry, Inquiry.pk == InquiryMunicipality.inquiry_pk)
        .join(Municipality, Municipality.code == InquiryMunicipality.code)
        .where(*received)
        .group_by(Municipality.prefecture_code, Municipality.prefecture)
        .order_by(Municipality.prefecture_code)
    )
    counted = _pairs(session.execute(statement))
    every = (
        select(Municipality.prefecture)
        .group_by(Municipality.prefecture_code, Municipality.prefecture)
        .order_by(Municipality.prefecture_code)
    )
    names = {name: name for name in session.scalars(every)}
    return _ordered(_PREFECTURE, Counter(counted), names)


def _ordered(key: str, counts: Counter[str], labels: dict[str, str]) -> Breakdown:
    """Master order (every term listed, empty ones as 0, so months compare line by line: the
    prefectures of the municipality master, every agreement body), then codes the master does
    not know, then 未設定."""
    rows = [Count(code, label, counts.get(code, 0)) for code, label in labels.items()]
    rows += [
        Count(code, code, count)
        for code, count in sorted(counts.items())
        if code not in labels and code != UNSET
    ]
    if counts.get(UNSET):
        rows.append(Count(UNSET, "未設定", counts[UNSET]))
    return Breakdown(key, tuple(rows))


def _months(
    session: Session, fy: int, office: str | None, *, through: dt.date
) -> tuple[MonthFigures, ...]:
    """Twelve months April→March of `fy` and of `fy - 1`: two GROUP BYs over both years.

    A month after `through` (the report's last day, or today when that is earlier) has not
    happened for the report: its figures are None (an empty cell, a gap in a chart), not 0,
    and nothing received or closed after it is counted."""
    cutoff = f"{through.year:04d}-{through.month:02d}"
    first, _ = dates.fiscal_year_bounds(fy - 1)
    _, last = dates.fiscal_year_bounds(fy)
    both = Period("custom", first, last, "")
    mine = [Inquiry.deleted.is_(False)] + ([Inquiry.office_code == office] if office else [])
    month = func.substr(Inquiry.received_at, 1, 7)
    new = _pairs(
        session.execute(
            select(month, func.count()).where(*received_in(both, office)).group_by(month)
        )
    )
    closed_month = func.substr(Inquiry.closed_on, 1, 7)
    closed: dict[str, tuple[int, int]] = {
        ym: (n, m)
        for ym, n, m in session.execute(
            select(closed_month, func.count(), func.count().filter(Inquiry.status == MATCHED))
            .where(*mine, Inquiry.closed_on >= first, Inquiry.closed_on <= last)
            .group_by(closed_month)
        )
    }
    result = []
    for offset in range(12):
        year, month_no = (fy, 4 + offset) if offset < 9 else (fy + 1, offset - 8)
        this, before = f"{year:04d}-{month_no:02d}", f"{year - 1:04d}-{month_no:02d}"
        now, then = this <= cutoff, before <= cutoff
        result.append(
            MonthFigures(
                year=year,
                month=month_no,
                new=new.get(this, 0) if now else None,
                closed=closed.get(this, (0, 0))[0] if now else None,
                matched=closed.get(this, (0, 0))[1] if now else None,
                previous_new=new.get(before, 0) if then else None,
                previous_closed=closed.get(before, (0, 0))[0] if then else None,
                previous_matched=closed.get(before, (0, 0))[1] if then else None,
            )
        )
    return tuple(result)


def _as_of(
    session: Session,
    office: str | None,
    own: str,
    now: dt.datetime,
    names: dict[str, str],
) -> tuple[OfficeAsOf, ...]:
    latest = _pairs(
        session.execute(
            select(SyncPackage.from_office, func.max(SyncPackage.created_at))
            .where(SyncPackage.direction == "import", SyncPackage.kind == "sync")
            .group_by(SyncPackage.from_office)
        )
    )
    codes = (
        [office]
        if office
        else list(session.scalars(select(Office.code).order_by(Office.sort_order)))
    )
    return tuple(
        OfficeAsOf(
            code=code,
            name=names.get(code, code),
            as_of=now
            if code == own
            else (local_datetime(latest[code]) if code in latest else None),
            own=code == own,
        )
        for code in codes
    )


def _pairs(result: Any) -> dict[Any, Any]:
    """Two-column query rows as a dict (a Result has keys(), so dict() would misread it)."""
    return {key: value for key, value in result}
