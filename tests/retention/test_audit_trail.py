"""The audit trail: an entry for each kind of event, filters, the export, and that nothing
edits or deletes an entry."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange
from desktop_app.services import (
    audit_trail,
    case_sheets,
    inquiries,
    retention,
    sync_export,
    sync_import,
)
from desktop_app.services.audit_trail import AuditFilter
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, CLERK, SUPERVISOR, TODAY, case, person

SERVICES = Path(__file__).resolve().parents[2] / "desktop_app" / "services"


def _kinds(db) -> set[tuple[str, str]]:
    page = audit_trail.list_entries(db, limit=10_000, actor=SUPERVISOR)
    return {(entry.action, entry.entity) for entry in page.items}


def test_an_entry_for_each_kind_of_event(office, tmp_path):
    import datetime as dt

    shiba, hq = office("SHIBA"), office("HQ")
    receipt = case(shiba, person("古川 一郎", "03-1000-0001"), closed_on=dt.date(2020, 3, 31))
    inquiries.update_inquiry(
        shiba, InquiryChange.read(receipt, {"subject": "件名を直した"}), actor=actor_for("clerk")
    )
    inquiries.get_inquiry(shiba, receipt, actor=actor_for("clerk"))
    case_sheets.record_output(shiba, receipt, output="print", personal=True, actor=CLERK)
    case_sheets.record_output(
        shiba, receipt, output="pdf", personal=False, file_name="sheet.pdf", actor=CLERK
    )
    sync_export.export_sync(shiba, tmp_path / "p.xlsx", actor=actor_for("kakaricho"))
    sync_import.import_sync(hq, [tmp_path / "p.xlsx"], actor=actor_for("honcho"))
    audit_trail.export_entries(shiba, tmp_path / "audit.xlsx", actor=SUPERVISOR)
    retention.apply(shiba, actor=ADMIN, today=TODAY)
    extra = case(shiba, person("削除 太郎", "03-1000-0009"))
    inquiries.delete_inquiry(shiba, extra, actor=actor_for("clerk"))

    assert {
        ("create", "inquiry"), ("create", "inquirer"), ("update", "inquiry"),
        ("read", "inquirer"), ("print", "inquiry"), ("pdf", "inquiry"),
        ("export", "package"), ("export", "audit"), ("erase", "inquirer"),
        ("erase", "retention"), ("delete", "inquiry"),
    } <= _kinds(shiba)  # fmt: skip
    assert ("import", "package") in _kinds(hq)
    printed = audit_trail.list_entries(shiba, AuditFilter(action="pdf"), actor=SUPERVISOR).items
    assert [(e.staff, e.receipt_no, e.new) for e in printed] == [("clerk1", receipt, "sheet.pdf")]


def test_personal_values_are_never_written_into_the_trail(db, tmp_path):
    receipt = case(db, person("古川 一郎", "03-1000-0001"))
    changed = {"inquirer": {"phone": "090-1234-5678", "address": ""}}
    inquiries.update_inquiry(db, InquiryChange.read(receipt, changed), actor=actor_for("clerk"))
    entries = audit_trail.list_entries(db, AuditFilter(text=receipt), actor=SUPERVISOR).items
    shown = {(e.field, e.old, e.new) for e in entries if e.entity == "inquirer" and e.field}
    assert ("phone", "＊＊＊", "＊＊＊") in shown and ("address", "＊＊＊", "") in shown
    out = tmp_path / "audit.xlsx"
    audit_trail.export_entries(db, out, actor=SUPERVISOR)
    cells = [str(c) for row in openpyxl.load_workbook(out).active.iter_rows(values_only=True)
             for c in row if c is not None]  # fmt: skip
    for secret in ("古川", "03-1000-0001", "090-1234-5678", "港区芝"):
        assert not any(secret in text for text in cells)


def test_filters_by_staff_kind_day_and_receipt(db):
    first = case(db, person("古川 一郎", "03-1000-0001"))
    second = case(db, person("新井 二郎", "03-1000-0002"))
    inquiries.update_inquiry(
        db, InquiryChange.read(second, {"subject": "直した"}), actor=actor_for("tanaka")
    )
    by_staff = audit_trail.list_entries(db, AuditFilter(staff="tanaka"), actor=SUPERVISOR)
    assert by_staff.count == 1 and by_staff.items[0].field == "subject"
    assert audit_trail.list_entries(db, AuditFilter(action="update"), actor=SUPERVISOR).count == 1
    about_first = audit_trail.list_entries(db, AuditFilter(text=first), actor=SUPERVISOR).items
    assert {e.entity for e in about_first} == {"inquiry", "inquirer"}
    assert all(e.receipt_no in (first, None) for e in about_first)
    future = audit_trail.list_entries(db, AuditFilter(since=TODAY.replace(2099)), actor=SUPERVISOR)
    assert future.count == 0


def test_pages_follow_each_other_without_gaps(db):
    for n in range(3):
        case(db, person(f"相談 {n}", f"03-1000-000{n}"))
    everything = audit_trail.list_entries(db, limit=100, actor=SUPERVISOR).items
    first = audit_trail.list_entries(db, limit=4, actor=SUPERVISOR)
    rest = audit_trail.list_entries(db, limit=100, before=first.items[-1].pk, actor=SUPERVISOR)
    assert first.count == len(everything) == 6
    assert first.items + rest.items == everything


def test_a_clerk_gets_nothing_out_of_the_trail(db, tmp_path):
    case(db, person("古川 一郎", "03-1000-0001"))
    out = tmp_path / "audit.xlsx"
    with pytest.raises(UserError) as refused:
        audit_trail.export_entries(db, out, actor=CLERK)
    assert refused.value.message("ja") == (
        "操作記録の閲覧は係長・管理職以上の権限が必要です（あなたの権限: 窓口職員）。"
        "管理者に依頼してください。"
    )
    assert [p.name for p in tmp_path.iterdir() if "audit" in p.name] == []  # not even a part
    with pytest.raises(UserError):
        audit_trail.list_entries(db, actor=CLERK)


def test_an_unknown_kind_is_refused_naming_the_known_ones(db):
    with pytest.raises(UserError) as refused:
        audit_trail.list_entries(db, AuditFilter(action="destroy"), actor=SUPERVISOR)
    assert refused.value.message("ja").startswith(
        "操作の種類「destroy」はありません。使える種類: create"
    )


def test_the_database_refuses_to_edit_or_delete_an_entry(db):
    case(db, person("古川 一郎", "03-1000-0001"))
    with sqlite3.connect(db.path) as conn:
        for statement in ("UPDATE audit_log SET staff = 'someone'", "DELETE FROM audit_log"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                conn.execute(statement)
        assert (
            conn.execute("SELECT count(*) FROM audit_log WHERE staff = 'someone'").fetchone()[0]
            == 0
        )
    conn.close()


def test_no_service_has_a_path_that_edits_or_deletes_the_trail():
    pattern = re.compile(
        r"(update|delete)\(\s*AuditLog|audit_log\s+SET|DELETE\s+FROM\s+audit_log",
        re.IGNORECASE,
    )
    offenders = [
        path.name for path in SERVICES.glob("*.py") if pattern.search(path.read_text("utf-8"))
    ]
    assert offenders == []
    # Only the writer and the reader of the trail hold its model, so no ORM object of it can
    # be deleted or changed elsewhere (the light read appends with audit.ADD_ENTRY).
    holders = {path.name for path in SERVICES.glob("*.py") if "AuditLog" in path.read_text("utf-8")}
    assert holders == {"audit.py", "audit_trail.py"}
