"""Importing sync packages: each incoming row merged field by field, nothing overwritten.

Every office is a replica. For each incoming row (docs/sync-format.md, "Merging"):
1. unknown id: inserted;
2. the version already received, or the same content: nothing (a re-import changes nothing);
3. only the sender changed it since the base: updated, keeping the sender's rev and stamp;
4. both changed it: merged field by field (domain/merge.py); a field changed differently on
   both sides, or an update against a deletion, keeps the local value and queues a conflict;
5. older than the version already received from the sender: stale, skipped, reported.
Then a cycle of merges the package's tombstones run into (the same pair merged both ways at two
offices) is undone alike at every office: the first inquirer by id stays, its cases follow.
The base of a row is the version of ours it says it includes, also one sent before the last
(a package that crossed ours). Conflicts are queued and decided at the centre only: a branch
keeps its value and waits for the resolution; an open conflict is kept up to date by newer
versions of its row and closes itself when the fields agree.
A gap in the sender's package numbers is warned about; a package whose cells were edited
after export is refused unless a supervisor accepts it. One transaction per package; a dry
run computes the same report and writes nothing.

This module runs the steps in order; each is a module of its own: the gate (sync_gate: the file,
the manifest and hashes, the route; everything that refuses a package before a row is touched),
the apply step (sync_apply, and sync_row_merge for one row we hold) and the report (sync_report).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from db.engine import Database
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.services import (
    audit,
    backups,
    collector,
    inquirers,
    package_edits,
    sync_apply,
    sync_gate,
)
from desktop_app.services.sync_report import ENTITIES, OUTCOMES, ImportReport, PackageReport

__all__ = ["ENTITIES", "OUTCOMES", "ImportReport", "PackageReport", "import_sync"]


class _BackupOnce:
    """The one backup of an import: made before the first write, once for all its files."""

    def __init__(self, db: Database, *, needed: bool) -> None:
        self._db = db
        self._needed = needed

    def __call__(self) -> None:
        if self._needed:
            backups.backup_before(self._db, "before-sync-import")
            self._needed = False


class _DryRun(Exception):
    """Raised inside the write transaction of a dry run, so that it rolls back."""


def import_sync(
    db: Database,
    paths: Sequence[Path],
    *,
    actor: Actor,
    dry_run: bool = False,
    accept_edited: bool = False,
) -> ImportReport:
    """Import each file in its own transaction; a refused file changes nothing.

    The first file that passes its checks is preceded by one backup (services/backups.py);
    a dry run makes none. A backup that cannot be made refuses that file.
    """
    actor.require(Permission.EXCHANGE)
    with collector.paused():
        return _import(db, paths, staff=actor.login, dry_run=dry_run, accept=accept_edited)


def _import(
    db: Database, paths: Sequence[Path], *, staff: str, dry_run: bool, accept: bool
) -> ImportReport:
    if dry_run:
        return ImportReport(_dry_run(db, paths, staff=staff, accept=accept), True)
    reports = []
    backup = _BackupOnce(db, needed=True)
    for path in paths:
        report = PackageReport(file=path.name)
        try:
            loaded = sync_gate.load(db, path, report, accept=accept)
            backup()
            with db.write() as session:
                _apply(session, loaded, report, path, staff=staff, accept=accept)
        except UserError as refusal:
            report.refuse(refusal)
        reports.append(report)
    return ImportReport(tuple(reports), False)


def _dry_run(
    db: Database, paths: Sequence[Path], *, staff: str, accept: bool
) -> tuple[PackageReport, ...]:
    """Every file in one transaction that is rolled back: each sees what the ones before did.

    So a dry run of several files reports what the real run of the same files in the same order
    would do; a refused file is rolled back to its savepoint, as the real run refuses it alone.
    """
    reports = []
    try:
        with db.write() as session:
            for path in paths:
                report = PackageReport(file=path.name)
                try:
                    loaded = sync_gate.load(db, path, report, accept=accept)
                    with session.begin_nested():
                        _apply(session, loaded, report, path, staff=staff, accept=accept)
                except UserError as refusal:
                    report.refuse(refusal)
                reports.append(report)
            raise _DryRun
    except _DryRun:
        pass
    return tuple(reports)


def _apply(
    session: Session,
    loaded: sync_gate.Checked,
    report: PackageReport,
    path: Path,
    *,
    staff: str,
    accept: bool,
) -> None:
    """Merge one checked package inside the caller's transaction (with the corrections a
    supervisor accepted from an edited one: services/package_edits)."""
    package, edits = loaded.package, loaded.edits
    manifest = package.manifest
    sync_gate.admit(session, package, report, path, staff=staff)
    with sync_apply.BulkLoad() as bulk_load:
        for entity in ENTITIES:
            rows = [r for r in package.rows.get(entity, []) if edits.takes(entity, r.id)]
            sync_apply.merge_rows(session, entity, rows, package, report, staff, bulk_load)
    if accept and report.edited_rows:
        taken = package_edits.apply(session, edits, staff=staff, peer=manifest.from_office)
        report.warnings += package_edits.summary(path.name, edits, taken, package)
    # The same pair merged both ways at two offices: a cycle of tombstones, undone alike at both.
    merged = [row.id for row in package.rows.get("inquirer", []) if row.content.get("merged_into")]
    if undone := inquirers.undo_merge_cycles(session, merged, staff=staff):
        report.note_merge_cycles(undone)
    if report.already_imported:
        report.note_already_imported()
    else:
        sync_apply.record(session, package, report, path, staff)
    audit.log(
        session,
        staff=staff,
        action="import",
        entity="package",
        entity_id=manifest.package_id,
        field="accepted_edited" if report.edited_rows and accept else None,
        new=f"{manifest.from_office} #{manifest.sequence} {path.name}",
    )
