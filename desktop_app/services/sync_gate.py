"""The gate of a sync import: everything that refuses a package before any row is touched.

Outside the write transaction: the file itself (excel/safe_read's hostile-file guards, the
password), the manifest, its HMAC and the hashes (excel/sync_package), and edited rows (refused
unless a supervisor accepts them; then planned by services/package_edits). Inside it, before
the merge: the route (a sync package for this office from an office we know), training and
real data never mixed, a package imported again, gaps in the sender's numbering, and a personal
package that arrived unencrypted. Refusals raise UserError; warnings go to the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Office, SyncPackage
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.domain.messages import render
from desktop_app.excel.package_limits import SYNC_PACKAGE_LIMITS
from desktop_app.excel.sync_package import Package, read_package
from desktop_app.services import audit, package_edits, package_key, sync_acks
from desktop_app.services.package_files import is_encrypted, load_workbook
from desktop_app.services.package_sheets import SHEET_TITLES, sheet_specs
from desktop_app.services.setup import require_office, training_in
from desktop_app.services.sync_report import PackageReport


@dataclass(frozen=True)
class Checked:
    """A package that passed the checks made on the file, with what may be taken of its edits."""

    package: Package
    edits: package_edits.EditPlan


def load(db: Database, path: Path, report: PackageReport, *, accept: bool) -> Checked:
    """Read and check one file (guards, signature, hashes, edits); nothing is written."""
    with db.read() as session:
        secret = package_key.password(session)
    sheets = load_workbook(path, password=secret, limits=SYNC_PACKAGE_LIMITS, whole_numbers=False)
    package = read_package(
        sheets, SHEET_TITLES, key=package_key.hmac_key(secret), file_name=path.name
    )
    manifest = package.manifest
    report.package_id, report.from_office = manifest.package_id, manifest.from_office
    report.sequence = manifest.sequence
    return Checked(package, _check_edits(db, package, report, path, accept=accept))


def admit(
    session: Session, package: Package, report: PackageReport, path: Path, *, staff: str
) -> None:
    """The checks against this database, inside the import's transaction, before any row."""
    manifest = package.manifest
    office = require_office(session)
    _check_route(session, package, office, path)
    _check_training(session, package, path)
    report.already_imported = _already_imported(session, manifest.package_id)
    warnings, notes = sync_acks.gaps(session, manifest.from_office, office, manifest)
    report.warnings += warnings
    report.notes += notes
    _check_unencrypted(session, package, path, report, staff)


def _check_unencrypted(
    session: Session, package: Package, path: Path, report: PackageReport, staff: str
) -> None:
    """A personal package that is no longer encrypted (saved back in the clear) is imported
    with a warning saying so, and the audit trail records it."""
    if not package.manifest.personal or is_encrypted(path):
        return
    report.warnings.append(render("package_personal_unencrypted", "ja", path=path.name))
    audit.log(
        session, staff=staff, action="import", entity="package",
        entity_id=package.manifest.package_id, field="unencrypted", new=path.name,
    )  # fmt: skip


def _check_edits(
    db: Database, package: Package, report: PackageReport, path: Path, *, accept: bool
) -> package_edits.EditPlan:
    """Refuse an edited package unless accepted; then plan what may be taken of the edits
    (services/package_edits: visible cells only, checked as typed entries)."""
    report.edited_rows = package_edits.places(package)
    if report.edited_rows and not accept:
        shown = "、".join(report.edited_rows[:10])
        more = f" ほか {len(report.edited_rows) - 10} 行" if len(report.edited_rows) > 10 else ""
        raise UserError("package_edited", path=path.name, rows=shown + more)
    package_edits.refuse_foreign_rows(package, path=path.name)
    if not package.edited:
        return package_edits.EditPlan()
    with db.read() as session:
        specs = sheet_specs(session, personal=package.manifest.personal)
        return package_edits.plan(session, package, specs, path=path.name, today=local_today())


def _check_route(session: Session, package: Package, office: str, path: Path) -> None:
    manifest = package.manifest
    if manifest.kind != "sync":
        raise UserError("package_not_package", path=path.name)
    if manifest.to_office != office:
        raise UserError(
            "package_wrong_office", path=path.name, value=manifest.to_office, office=office
        )
    if session.get(Office, manifest.from_office) is None:
        raise UserError("office_unknown", value=manifest.from_office, allowed="")


def _check_training(session: Session, package: Package, path: Path) -> None:
    """Training data never mixes with real cases, either way, dry run included. A package never
    changes what a database is: a fresh database is a real one, and only demo data makes a
    database a training one (demo/service.py), so a training branch's package is refused by a
    fresh HQ instead of turning it into a training database for good."""
    training = training_in(session)
    if package.manifest.training and not training:
        raise UserError("package_training_into_real", path=path.name)
    if not package.manifest.training and training:
        raise UserError("package_real_into_training", path=path.name)


def _already_imported(session: Session, package_id: str) -> bool:
    return session.get(SyncPackage, package_id) is not None
