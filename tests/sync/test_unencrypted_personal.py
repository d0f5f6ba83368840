"""A personal package opened with the password and saved back unencrypted (as Excel or
LibreOffice would) is imported with a warning saying so, and the audit trail records it."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from pathlib import Path

import msoffcrypto

from desktop_app.domain.audit_labels import audit_labels
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.messages import render
from desktop_app.services import inquiries, package_key, sync_export, sync_import
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)
PASSWORD = "minato-renkei-2026"


def _unencrypted_copy(encrypted: Path, out: Path) -> Path:
    with encrypted.open("rb") as stream:
        office_file = msoffcrypto.OfficeFile(stream)
        office_file.load_key(password=PASSWORD)
        plain = io.BytesIO()
        office_file.decrypt(plain)
    out.write_bytes(plain.getvalue())
    return out


def _unencrypted_entries(db_path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT action, new FROM audit_log WHERE field = 'unencrypted' ORDER BY 1"
        ).fetchall()
    conn.close()
    return rows


def test_a_personal_package_saved_unencrypted_is_imported_with_a_warning(
    office, tmp_path, monkeypatch
):
    monkeypatch.delenv(package_key.ENVIRONMENT, raising=False)
    shiba, hq, hq2 = office("SHIBA"), office("HQ"), office("HQ", "hq2")
    for db in (shiba, hq, hq2):
        package_key.set_password(db, PASSWORD, actor=actor_for())
    inquiries.add_inquiry(
        shiba,
        NewInquiry.read(
            {
                "received_at": "2026-10-01",
                "subject": "物産展への出店相談",
                "inquirer": {"type": "resident", "name": "鈴木 一郎", "phone": "03-5555-0101"},
            },
            today=TODAY,
        ),
        actor=actor_for("clerk"),
    )
    sent = tmp_path / "p.xlsx"
    sync_export.export_sync(shiba, sent, actor=actor_for("c"), include_personal=True)

    # As sent (encrypted): no warning, nothing recorded.
    as_sent = sync_import.import_sync(hq, [sent], actor=actor_for("supervisor"))
    assert as_sent.warnings == [] and as_sent.packages[0].refused is None
    assert _unencrypted_entries(hq.path) == []

    # Opened with the password and saved in the clear: imported, with a warning and an entry.
    plain = _unencrypted_copy(sent, tmp_path / "保存し直し.xlsx")
    report = sync_import.import_sync(hq2, [plain], actor=actor_for("supervisor"))
    [package] = report.packages
    assert package.refused is None and package.to_json()["inserted"] == 2
    expected = render("package_personal_unencrypted", "ja", path=plain.name)
    assert expected in report.warnings
    assert "暗号化されていません" in expected and plain.name in expected
    assert "not encrypted" in render("package_personal_unencrypted", "en", path=plain.name)
    assert _unencrypted_entries(hq2.path) == [("import", plain.name)]
    assert audit_labels("import", "package", "unencrypted", "ja").field == (
        "暗号化されていない個人情報の送付ファイル"
    )
