"""A case sheet (相談票) printed or saved as PDF: recorded in the audit trail.

The sheet is drawn by Qt in the window (ui/case_sheet); this is the service it calls once the
sheet went to a printer or a file, so the trail says who printed which case, whether with
personal fields, and where a PDF went (個人情報: a paper or file copy leaves the program).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Literal

from db.engine import Database
from desktop_app.domain.actor import Actor, Permission
from desktop_app.services import audit, output_files
from desktop_app.services.inquiries import find_live

Output = Literal["print", "pdf"]


def save_pdf(
    db: Database,
    receipt_no: str,
    out: Path,
    write: Callable[[Path], object],
    *,
    actor: Actor,
    personal: bool,
    overwrite: bool = False,
) -> Path:
    """The sheet drawn by `write` (Qt, in the ui layer) saved at `out` through
    services/output_files (never the database or a backup; an existing file only with
    `overwrite`), then recorded like a printed one."""
    actor.require(Permission.RECORD)
    with output_files.output(db, out, overwrite=overwrite) as temporary:
        write(temporary)
    record_output(db, receipt_no, output="pdf", personal=personal, file_name=out.name, actor=actor)
    return out


def record_output(
    db: Database,
    receipt_no: str,
    *,
    actor: Actor,
    output: Output,
    personal: bool,
    file_name: str | None = None,
) -> None:
    actor.require(Permission.RECORD)
    with db.write() as session:
        row = find_live(session, receipt_no)
        audit.log(
            session,
            staff=actor.login,
            action=output,
            entity="inquiry",
            entity_id=row.id,
            field="personal" if personal else None,
            new=file_name,
        )
