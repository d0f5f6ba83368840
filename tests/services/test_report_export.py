"""Who may make a report, and the audit entry each report written leaves."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.report_figures import Period
from desktop_app.services import dashboard, inquiries, package_key, report_export
from tests.actors import actor_for

CLERK = Actor("tanaka", "田中", Role.CLERK, "SHIBA")
SUPERVISOR = Actor("sato", "佐藤", Role.SUPERVISOR, "SHIBA")
OCTOBER = Period.parse_month("2026-10")


def audit_rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT staff, entity, entity_id, field, new FROM audit_log"
            " WHERE action = 'report_export' ORDER BY pk"
        ).fetchall()
    conn.close()
    return rows


def test_a_clerk_writes_a_report_and_it_is_audited(
    db: Database, db_path: Path, tmp_path: Path, sample_inquiry: dict[str, Any]
) -> None:
    sample_inquiry.update(received_at="2026-10-05", follow_up_due=None)
    inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for("t"))
    out = tmp_path / "october.xlsx"
    written = report_export.export_workbook(db, OCTOBER, out, actor=CLERK, office="SHIBA")
    assert out.exists() and written.report.made_by == "田中"
    assert audit_rows(db_path) == [
        (
            "tanaka",
            "report",
            "2026-10-01/2026-10-31",
            None,
            "month 令和8年10月分 SHIBA xlsx october.xlsx",
        )
    ]


def test_personal_fields_need_a_supervisor_and_nothing_is_written(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "personal.xlsx"
    with pytest.raises(UserError) as refused:
        report_export.export_workbook(db, OCTOBER, out, actor=CLERK, personal=True)
    assert refused.value.message("ja") == (
        "個人情報を含む出力は係長・管理職以上の権限が必要です（あなたの権限: 窓口職員）。"
        "管理者に依頼してください。"
    )
    assert not out.exists() and list(tmp_path.glob(".personal*")) == []
    assert audit_rows(db_path) == []


def test_a_supervisors_personal_report_is_audited_as_personal(
    db: Database, db_path: Path, tmp_path: Path
) -> None:
    package_key.set_password(db, "correct horse battery", actor=actor_for())
    out = tmp_path / "personal.xlsx"
    report_export.export_workbook(db, OCTOBER, out, actor=SUPERVISOR, personal=True)
    [(staff, _, _, field, _)] = audit_rows(db_path)
    assert (staff, field) == ("sato", "personal")


def test_the_dashboard_places_partners_by_the_masters_coordinates(
    db: Database, sample_inquiry: dict[str, Any]
) -> None:
    for day, places in (("2026-10-05", ["192015"]), ("2026-10-06", ["192015", "012068"])):
        inquiries.add_inquiry(
            db,
            NewInquiry.read(
                {
                    **sample_inquiry,
                    "received_at": day,
                    "follow_up_due": None,
                    "municipalities": places,
                }
            ),
            actor=actor_for("t"),
        )
    inquiries.add_inquiry(
        db,
        NewInquiry.read({**sample_inquiry, "received_at": "2026-11-01", "follow_up_due": None}),
        actor=actor_for("t"),
    )
    figures = dashboard.dashboard(db, OCTOBER, actor=CLERK)
    assert figures.headline.new == 2
    assert [(p.code, p.full_name, p.count) for p in figures.places] == [
        ("192015", "山梨県甲府市", 2),
        ("012068", "北海道釧路市", 1),
    ]
    assert all(p.lat and p.lng for p in figures.places)
    assert [(m.month, m.relationship, m.count) for m in figures.by_month] == [
        (10, "resident_resident", 2)
    ]
