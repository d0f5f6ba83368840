"""Every kind of file the program writes for someone else, made from real databases through
the services, for the tests that open them as their receiver would (openpyxl, LibreOffice).

`make_files(folder)` builds HQ and SHIBA databases, gives SHIBA inquiries (one with a
multi-line 相談内容) and returns each kind of file by name:

- `package`: SHIBA's full package to HQ;
- `return_package`: HQ's package back to SHIBA after changing one inquiry (a 1-inquiry return);
- `masters`: HQ's master package;
- `audit`: HQ's audit export;
- `rejects`: the ledger rejects workbook of the test ledger (two refused rows);
- `report`: SHIBA's monthly workbook for 2026-10; `report_pdf`: the same report as a PDF.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.domain.report_figures import Period
from desktop_app.services import (
    audit_trail,
    database,
    inquiries,
    ledger_import,
    masters_sync,
    report_export,
    setup,
    sync_export,
    sync_import,
)
from tests.actors import actor_for
from tests.conftest import SAMPLE_INQUIRY
from tests.ledger import ledgers

TODAY = dt.date(2026, 11, 1)
MULTI_LINE = "改行あり\n二行目\n三行目: 連携先の自治体に確認する"
FIELDS = (
    ["tourism", "industry", "disaster"],
    ["welfare", "environment", "forest", "education"],
    ["culture", "sports", "food", "migration"],
    ["employment", "multicultural", "staff_exchange", "university", "other"],
)
RELATIONSHIPS = ("resident_resident", "business_business", "gov_project", "gov_staff", "hub")


def make_files(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    hq = _office(folder, "HQ")
    shiba = _office(folder, "SHIBA")
    shiba_admin = actor_for("shiba-admin", office="SHIBA")
    hq_admin = actor_for("hq-admin", office="HQ")
    try:
        receipts = []
        for n in range(8):
            record = copy.deepcopy(SAMPLE_INQUIRY)
            record.update(
                received_at=f"2026-10-{n * 3 + 1:02d}",
                follow_up_due="2026-10-31",
                relationship=RELATIONSHIPS[n % len(RELATIONSHIPS)],
                fields=FIELDS[n % len(FIELDS)],
                content=MULTI_LINE if n == 0 else SAMPLE_INQUIRY["content"],
            )
            made = inquiries.add_inquiry(
                shiba, NewInquiry.read(record, today=TODAY), actor=shiba_admin
            )
            receipts.append(made.receipt_no)
        files = {"package": folder / "package.xlsx"}
        sync_export.export_sync(shiba, files["package"], actor=shiba_admin)
        sync_import.import_sync(hq, [files["package"]], actor=hq_admin)
        inquiries.update_inquiry(
            hq,
            InquiryChange.read(receipts[0], {"content": MULTI_LINE + "\n本庁で追記"}),
            actor=hq_admin,
        )
        files["return_package"] = folder / "return_package.xlsx"
        sync_export.export_sync(hq, files["return_package"], actor=hq_admin, to_office="SHIBA")
        files["masters"] = folder / "masters.xlsx"
        masters_sync.export_masters(hq, files["masters"], actor=hq_admin)
        files["audit"] = folder / "audit.xlsx"
        audit_trail.export_entries(hq, files["audit"], actor=hq_admin)
        ledger = ledger_import.import_ledger(
            shiba, shiba_admin, ledgers.write_xlsx(folder / "受付簿.xlsx"), dry_run=True
        )
        files["rejects"] = folder / "rejects.xlsx"
        ledger_import.write_rejected(ledger, ledger_import.rejects_target(shiba, files["rejects"]))
        files["report"] = folder / "report.xlsx"
        october = Period.month(2026, 10)
        report_export.export_workbook(shiba, october, files["report"], actor=shiba_admin)
        from desktop_app.ui.report_pdf import write_pdf  # Qt, only for the PDF

        files["report_pdf"] = folder / "report.pdf"
        report_export.export_with(shiba, october, files["report_pdf"], write_pdf, actor=shiba_admin)
        return files
    finally:
        hq.dispose()
        shiba.dispose()


def _office(folder: Path, code: str):  # type: ignore[no-untyped-def]
    db = database.connect(folder / f"{code}.sqlite3")
    setup.initialise(db, code)
    return db
