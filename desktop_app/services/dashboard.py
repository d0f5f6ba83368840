"""The dashboard's figures for a period: the report's counts, drawn instead of tabulated.

Every figure is a GROUP BY in SQLite over the period's new inquiries (the same `received_in`
range and the same breakdowns as services.reports, so a chart and the month's report agree);
no inquiry is loaded into Python. The places carry the master's coordinates, so the map can
put each partner municipality where it is.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Inquiry, InquiryMunicipality, Municipality
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.local_time import local_today
from desktop_app.domain.report_figures import Dashboard, MonthRelationship, Period, Place
from desktop_app.services.lookup import code_labels
from desktop_app.services.reports import (
    UNSET,
    check_office,
    direct_breakdown,
    direct_counts,
    headline_figures,
    joined_breakdown,
    received_in,
)

PLACES = 300  # the map shows this many partner municipalities at most, the most asked first


def dashboard(
    db: Database,
    period: Period,
    *,
    actor: Actor,
    office: str | None = None,
    lang: str = "ja",
    today: dt.date | None = None,
    places: int = PLACES,
) -> Dashboard:
    """Every figure of the dashboard for `period` (one read transaction, so they agree)."""
    actor.require(Permission.REPORT)
    labels = code_labels(db, lang)
    with db.read() as session:
        check_office(session, office)
        return Dashboard(
            period=period,
            office=office,
            headline=headline_figures(session, period, office, today or local_today()),
            by_month=_by_month(session, period, office, labels.vocab.get("relationship", {})),
            status=direct_breakdown(
                direct_counts(session, period, office), "status", labels.vocab.get("status", {})
            ),
            fields=joined_breakdown(session, "field", period, office, labels.vocab, {}),
            places=_places(session, period, office, places),
        )


def _by_month(
    session: Session, period: Period, office: str | None, relationships: dict[str, str]
) -> tuple[MonthRelationship, ...]:
    """New inquiries by month and relationship (the stacked bars), in month order."""
    month = func.substr(Inquiry.received_at, 1, 7)
    statement = (
        select(month, Inquiry.relationship_code, func.count())
        .where(*received_in(period, office))
        .group_by(month, Inquiry.relationship_code)
        .order_by(month)
    )
    return tuple(
        MonthRelationship(
            int(ym[:4]),
            int(ym[5:7]),
            code or UNSET,
            relationships.get(code, code) if code else "未設定",
            count,
        )
        for ym, code, count in session.execute(statement)
    )


def _places(session: Session, period: Period, office: str | None, limit: int) -> tuple[Place, ...]:
    """The target municipalities of the period's inquiries, the most asked first."""
    count = func.count().label("n")
    statement = (
        select(
            Municipality.code,
            Municipality.name,
            Municipality.prefecture,
            Municipality.kind,
            Municipality.lat,
            Municipality.lng,
            count,
        )
        .select_from(InquiryMunicipality)
        .join(Inquiry, Inquiry.pk == InquiryMunicipality.inquiry_pk)
        .join(Municipality, Municipality.code == InquiryMunicipality.code)
        .where(*received_in(period, office))
        .group_by(Municipality.code)
        .order_by(count.desc(), Municipality.code)
        .limit(limit)
    )
    return tuple(Place(*row) for row in session.execute(statement))
