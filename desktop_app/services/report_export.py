"""Writing a report file: all of it or nothing, encrypted when it holds personal data.

The workbook is written through services/output_files (a temporary name in the destination's
folder, renamed only when complete and encrypted, when personal fields are in it; never onto
the database or a backup; an existing file only with `overwrite`), so a refused or failed
report never leaves a partial file. Personal fields need the offices' shared
package password, the same one that encrypts sync packages; without it the report is refused.
Any report needs `Permission.REPORT`, one with personal fields `Permission.PERSONAL_EXPORT`
too (checked before anything is read). Each report written leaves an audit entry
(`report_export`: the period, the office, the format, whether personal fields are in it), in
the same step as the rename, so a report never leaves the desk unrecorded.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from db.engine import Database
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.report_figures import Period, Report
from desktop_app.excel.report_workbook import write_report
from desktop_app.excel.safe_read import encrypt_xlsx
from desktop_app.services import audit, output_files, package_key, report_lists, reports

_REFUSAL = "report_out_unwritable"


@dataclass(frozen=True)
class ReportFile:
    path: Path
    report: Report
    personal: bool
    encrypted: bool


def export_workbook(
    db: Database,
    period: Period,
    out: Path,
    *,
    actor: Actor,
    office: str | None = None,
    personal: bool = False,
    overwrite: bool = False,
) -> ReportFile:
    """The report of `period` as an .xlsx at `out` (an existing file only with `overwrite`)."""
    actor.require(Permission.REPORT)
    if personal:
        actor.require(Permission.PERSONAL_EXPORT)
    secret = _password(db) if personal else None
    with (
        output_files.output(db, out, overwrite=overwrite, refusal=_REFUSAL) as temporary,
        tempfile.TemporaryDirectory(prefix="renkei-report-") as private,
    ):
        # With personal fields, the workbook in clear goes to a private folder (0700) on this
        # PC, never beside the destination (a USB stick); only the encrypted bytes go there.
        plain = Path(private) / "report.xlsx" if secret is not None else temporary
        report = reports.build_report(db, period, actor=actor, office=office)
        columns = report_lists.list_columns(personal)
        write_report(
            plain,
            report,
            columns=columns,
            inquiries=report_lists.period_inquiries(db, period, office=office, personal=personal),
            overdue=report_lists.overdue_inquiries(
                db, report.today, office=office, personal=personal
            ),
        )
        if secret is not None:
            temporary.write_bytes(encrypt_xlsx(plain.read_bytes(), secret))
        _audit(db, actor, report, out, "xlsx", personal)
    return ReportFile(out, report, personal, secret is not None)


def export_with(
    db: Database,
    period: Period,
    out: Path,
    write: Callable[[Report, Path], None],
    *,
    actor: Actor,
    office: str | None = None,
    overwrite: bool = False,
) -> ReportFile:
    """The report of `period` written by `write` (the PDF, drawn by Qt in the ui layer), with
    the same all-or-nothing file handling as the workbook."""
    actor.require(Permission.REPORT)
    with output_files.output(db, out, overwrite=overwrite, refusal=_REFUSAL) as temporary:
        report = reports.build_report(db, period, actor=actor, office=office)
        write(report, temporary)
        _audit(db, actor, report, out, out.suffix.lstrip(".").lower() or "pdf", False)
    return ReportFile(out, report, False, False)


def _audit(
    db: Database, actor: Actor, report: Report, out: Path, kind: str, personal: bool
) -> None:
    """One entry per report written: which period (entity_id), with personal fields or not
    (field), and what went where (new)."""
    period = report.period
    with db.write() as session:
        audit.log(
            session,
            staff=actor.login,
            action="report_export",
            entity="report",
            entity_id=f"{period.first.isoformat()}/{period.last.isoformat()}",
            field="personal" if personal else None,
            new=f"{period.kind} {period.title} {report.office or 'ALL'} {kind} {out.name}",
        )


def _password(db: Database) -> str:
    with db.read() as session:
        secret = package_key.password(session)
    if not secret:
        raise UserError("report_personal_needs_password")
    return secret
