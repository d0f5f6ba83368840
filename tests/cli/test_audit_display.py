"""What the audit trail records and how it is shown: settings, demo data and refusals are
entries; a control character typed at the sign-in never breaks an export; codes are shown as
labels and stored moments in the office's local time."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zipfile

from openpyxl import load_workbook

from desktop_app.domain.audit_display import shown_value
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for


def _entries(run, db_path, *args: str) -> list[dict]:
    result = run("--json", "audit", "list", "--limit", "1000", *args, db=db_path)
    assert result.code == 0, result.err
    return result.json()["items"]


def test_settings_and_demo_data_are_audited(run, db_path, tmp_path, monkeypatch):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    # A backup folder outside the database's folder needs the backup password first.
    monkeypatch.setenv("RENKEI_DESK_BACKUP_PASSWORD", "tsuki-hoshi-sora-kawa-9")
    assert run("config", "set", "backup-password", db=db_path).code == 0
    assert run("backup-folder", "set", str(folder), db=db_path).code == 0
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", "")
    assert (
        run("config", "set", "package-password", db=db_path, stdin="kumo-ame-ringo-7\n").code == 0
    )
    assert run("demo-data", "--count", "3", db=db_path).code == 0
    settings = _entries(run, db_path, "--action", "setting")
    assert {(e["staff"], e["entity_id"]) for e in settings} == {("admin", "backup_folder")}
    secrets = [
        *_entries(run, db_path, "--action", "package_password"),
        *_entries(run, db_path, "--action", "backup_password"),
    ]
    assert {(e["staff"], e["action"]) for e in secrets} == {
        ("admin", "package_password"),
        ("admin", "backup_password"),
    }
    assert all("kumo-ame" not in str(e) and "tsuki-hoshi" not in str(e) for e in secrets)
    demo = _entries(run, db_path, "--action", "demo_data")
    assert [(e["staff"], e["new"]) for e in demo] == [("admin", "3")]


def test_a_control_character_at_the_sign_in_never_breaks_the_export(run, db_path, tmp_path):
    refused = run("--user", "evil\x01login\x1b[2J", "inquiry", "list", db=db_path)
    assert refused.code == 2
    out = tmp_path / "trail.xlsx"
    exported = run("audit", "export", "--out", str(out), db=db_path)
    assert exported.code == 0, exported.err
    cells = [
        str(value)
        for row in load_workbook(out, read_only=True).active.iter_rows(values_only=True)
        for value in row
        if value is not None
    ]
    assert any("evil\\x01login\\x1b[2j" in value for value in cells)  # logins are lower case
    assert not any("\x01" in value or "\x1b" in value for value in cells)
    # A second export, and the terminal listing, work as well: the trail is not poisoned.
    assert run("audit", "export", "--out", str(tmp_path / "again.xlsx"), db=db_path).code == 0
    listed = run("audit", "list", db=db_path)
    assert listed.code == 0 and "\x01" not in listed.out and "\x1b" not in listed.out
    assert "evil\\x01login" in listed.out


def test_statuses_are_shown_as_labels_and_moments_in_local_time(
    run, db_path, tmp_path, sample_inquiry
):
    db = database.connect(db_path)
    try:
        record = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for())
        inquiries.update_inquiry(
            db,
            InquiryChange.read(record.receipt_no, {"status": "info_only", "outcome": "情報提供"}),
            actor=actor_for(),
        )
    finally:
        db.dispose()
    listed = run("audit", "list", "--action", "update", db=db_path)
    assert "受付 → 情報提供で完了" in listed.out
    assert "received" not in listed.out and "info_only" not in listed.out
    out = tmp_path / "trail.xlsx"
    assert run("audit", "export", "--out", str(out), db=db_path).code == 0
    rows = list(load_workbook(out, read_only=True).active.iter_rows(values_only=True))
    status = [row for row in rows if row[6] == "状況"]
    assert status and status[0][7:9] == ("受付", "情報提供で完了")


def test_a_moment_is_shown_in_tokyo_time():
    # 17:52 UTC on 12/06 is 02:52 on 12/07 in Tokyo.
    utc = str(dt.datetime(2026, 12, 6, 17, 52))
    assert shown_value("inquiry", "closed_at", "update", utc, "ja", {}) == "2026/12/07 02:52"


def test_a_report_export_is_shown_in_words():
    stored = "fiscal_year 令和8年度 ALL pdf month-pdf.pdf"
    assert shown_value("report", None, "report_export", stored, "ja", {}) == (
        "年度 令和8年度 全事務所 PDF month-pdf.pdf"
    )


def test_the_exported_trail_holds_no_residents_data(run, db_path, tmp_path, sample_inquiry):
    """Reads, changes of personal fields and a failed search leave entries, never values: the
    export's bytes (every part of the .xlsx, unzipped) hold no name, phone or address."""
    db = database.connect(db_path)
    try:
        record = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=actor_for())
        inquiries.get_inquiry(db, record.receipt_no, actor=actor_for())
        inquiries.update_inquiry(
            db,
            InquiryChange.read(record.receipt_no, {"inquirer": {"phone": "03-5555-0199"}}),
            actor=actor_for(),
        )
    finally:
        db.dispose()
    out = tmp_path / "trail.xlsx"
    assert run("audit", "export", "--out", str(out), db=db_path).code == 0
    with zipfile.ZipFile(out) as book:
        written = b"".join(book.read(name) for name in book.namelist())
    for value in ("鈴木", "スズキ", "03-5555-0101", "5555", "港区高輪", "108-0074"):
        assert value.encode() not in written, value
    assert "＊＊＊".encode() in written  # that the phone changed, not what it says


def test_moments_before_and_after_are_local_date_time_cells(run, db_path, tmp_path):
    """A case closed 02:52 on 12/07 in Tokyo (17:52 UTC on 12/06, as stored) is exported as
    the date-time cell 2026/12/07 02:52; a moment typed into a text field stays text."""
    from desktop_app.services import audit

    db = database.connect(db_path)
    try:
        with db.write() as session:
            closed = dt.datetime(2026, 12, 6, 17, 52, 41, 123456)
            audit.log(
                session, staff="admin", action="update", entity="inquiry",
                entity_id="x1", field="closed_at", old=None, new=str(closed),
            )  # fmt: skip
            audit.log(
                session, staff="admin", action="update", entity="staff",
                entity_id="tanaka", field="locked_until", old="2026-12-06T17:52:00+00:00",
            )  # fmt: skip
            audit.log(
                session, staff="admin", action="update", entity="inquiry",
                entity_id="x2", field="subject", new="2026-12-06 17:52",
            )  # fmt: skip
    finally:
        db.dispose()
    out = tmp_path / "trail.xlsx"
    assert run("audit", "export", "--out", str(out), db=db_path).code == 0
    sheet = load_workbook(out).active
    by_id = {sheet.cell(row, 6).value: row for row in range(2, sheet.max_row + 1)}
    closed_cell = sheet.cell(by_id["x1"], 9)
    assert isinstance(closed_cell.value, dt.datetime)
    assert closed_cell.value.replace(microsecond=0) == dt.datetime(2026, 12, 7, 2, 52, 41)
    assert closed_cell.number_format == "yyyy/mm/dd hh:mm"
    assert sheet.cell(by_id["x1"], 8).value is None
    lock = sheet.cell(by_id["tanaka"], 8)
    assert lock.value == dt.datetime(2026, 12, 7, 2, 52) and lock.number_format == (
        "yyyy/mm/dd hh:mm"
    )
    typed = sheet.cell(by_id["x2"], 9)
    assert typed.value == "2026-12-06 17:52" and typed.data_type == "s"
    # 日時 is the office's local time as well: the stored UTC moment plus nine hours.
    with sqlite3.connect(db_path) as conn:
        (stored,) = conn.execute("SELECT at FROM audit_log WHERE entity_id = 'x1'").fetchone()
    conn.close()
    at = sheet.cell(by_id["x1"], 1)
    assert at.number_format == "yyyy/mm/dd hh:mm"
    tokyo = dt.datetime.fromisoformat(stored) + dt.timedelta(hours=9)
    assert abs(at.value - tokyo) < dt.timedelta(seconds=1)
