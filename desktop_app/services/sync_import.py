"""Importing sync packages: each incoming row merged field by field, nothing overwritten.

Every office is a replica. For each incoming row (docs/sync-format.md, "Merging"):
1. unknown id: inserted;
2. the version already received, or the same content: nothing (a re-import changes nothing);
3. only the sender changed it since the base: updated, keeping the sender's rev and stamp;
4. both changed it: merged field by field (domain/merge.py); a field changed differently on
   both sides, or an update against a deletion, keeps the local value and queues a conflict;
5. older than the version already received from the sender: stale, skipped, reported.
The base of a row is the version of ours it says it includes, also one sent before the last
(a package that crossed ours). Conflicts are queued and decided at the centre only: a branch
keeps its value and waits for the resolution; an open conflict is kept up to date by newer
versions of its row and closes itself when the fields agree.
A gap in the sender's package numbers is warned about; a package whose cells were edited
after export is refused unless a supervisor accepts it. One transaction per package; a dry
run computes the same report and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db import bulk
from db.engine import Database
from db.models import (
    Conflict,
    Inquiry,
    Office,
    SyncBase,
    SyncPackage,
    utc_now,
)
from desktop_app.domain import erasure
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.changes import CASES, NOTHING, Changes, Kind
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_today
from desktop_app.domain.merge import Decision, decide
from desktop_app.domain.messages import render
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.sync_package import Package, PackageRow, canonical_json, read_package, rev_of
from desktop_app.services import (
    audit,
    backups,
    erased_copies,
    package_edits,
    package_key,
    sync_bases,
    sync_rows,
    writer,
)
from desktop_app.services.package_files import is_encrypted, load_workbook
from desktop_app.services.package_sheets import SHEET_TITLES, sheet_specs
from desktop_app.services.setup import require_office, training_in
from desktop_app.services.sync_export import CENTRAL

OUTCOMES = ("inserted", "updated", "merged", "unchanged", "stale", "conflicts", "rejected")
ENTITIES = ("inquirer", "inquiry", "action")
_CHUNK = sync_bases.CHUNK
# Rebuilding the indexes once beats feeding them row by row (each code-list row refreshes its
# inquiry's search text) from about a twentieth of the inquiries already stored (make bench).
_BULK_MIN_ROWS = 1_000
_BULK_SHARE = 20
# A branch's row whose field the centre changed differently: kept whole as it is here (nothing
# of the centre's version taken, nor that version recorded as received) until the resolution.
_AWAITING = "awaiting:"


@dataclass
class PackageReport:
    """What one file did (or would do, in a dry run)."""

    file: str
    package_id: str = ""
    from_office: str = ""
    sequence: int = 0
    counts: dict[str, dict[str, int]] = field(
        default_factory=lambda: {entity: dict.fromkeys(OUTCOMES, 0) for entity in ENTITIES}
    )
    warnings: list[str] = field(default_factory=list)
    # What a person should know but need not act on (a package imported again).
    notes: list[str] = field(default_factory=list)
    edited_rows: list[str] = field(default_factory=list)
    refused: str | None = None
    refused_code: str | None = None
    # The refusal itself, so that a screen can word it in the person's language.
    refusal: UserError | None = field(default=None, repr=False, compare=False)
    already_imported: bool = False

    def count(self, entity: str, outcome: str) -> None:
        self.counts[entity][outcome] += 1

    def total(self, outcome: str) -> int:
        return sum(kind[outcome] for kind in self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "package_id": self.package_id,
            "from": self.from_office,
            "sequence": self.sequence,
            **{outcome: self.total(outcome) for outcome in OUTCOMES},
            "by_kind": self.counts,
            "warnings": self.warnings,
            "notes": self.notes,
            "edited_rows": self.edited_rows,
            "refused": self.refused,
            "already_imported": self.already_imported,
        }


@dataclass(frozen=True)
class ImportReport:
    packages: tuple[PackageReport, ...]
    dry_run: bool

    @property
    def warnings(self) -> list[str]:
        return [warning for package in self.packages for warning in package.warnings]

    @property
    def refused(self) -> bool:
        return any(package.refused for package in self.packages)

    @property
    def needs_attention(self) -> bool:
        return bool(self.warnings) or any(p.total("conflicts") for p in self.packages)

    def total(self, outcome: str) -> int:
        return sum(package.total(outcome) for package in self.packages)

    @property
    def changes(self) -> Changes:
        """What the screens must re-read: nothing after a dry run, else what a package carries."""
        return NOTHING if self.dry_run else CASES | Changes.of(Kind.CONFLICTS, Kind.MASTERS)

    def to_json(self) -> dict[str, Any]:
        return {
            **{outcome: self.total(outcome) for outcome in OUTCOMES},
            "warnings": self.warnings,
            "packages": [package.to_json() for package in self.packages],
            "dry_run": self.dry_run,
        }


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
    staff = actor.login
    if dry_run:
        return ImportReport(_dry_run(db, paths, staff=staff, accept=accept_edited), True)
    reports = []
    backup = _BackupOnce(db, needed=True)
    for path in paths:
        report = PackageReport(file=path.name)
        try:
            loaded = _load(db, path, report, accept=accept_edited)
            backup()
            with db.write() as session:
                _apply(session, loaded, report, path, staff=staff, accept=accept_edited)
        except UserError as refusal:
            _refused(report, refusal)
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
                    loaded = _load(db, path, report, accept=accept)
                    with session.begin_nested():
                        _apply(session, loaded, report, path, staff=staff, accept=accept)
                except UserError as refusal:
                    _refused(report, refusal)
                reports.append(report)
            raise _DryRun
    except _DryRun:
        pass
    return tuple(reports)


def _refused(report: PackageReport, refusal: UserError) -> None:
    report.refused = refusal.message("ja")
    report.refused_code = refusal.code
    report.refusal = refusal


def _load(
    db: Database, path: Path, report: PackageReport, *, accept: bool
) -> tuple[Package, package_edits.EditPlan]:
    """Read and check one file (signature, edits); nothing is written."""
    with db.read() as session:
        secret = package_key.password(session)
    sheets = load_workbook(path, password=secret)
    package = read_package(
        sheets, SHEET_TITLES, key=package_key.hmac_key(secret), file_name=path.name
    )
    manifest = package.manifest
    report.package_id, report.from_office = manifest.package_id, manifest.from_office
    report.sequence = manifest.sequence
    edits = _check_edits(db, package, report, path, accept=accept)
    return package, edits


def _apply(
    session: Session,
    loaded: tuple[Package, package_edits.EditPlan],
    report: PackageReport,
    path: Path,
    *,
    staff: str,
    accept: bool,
) -> None:
    """Merge one checked package inside the caller's transaction (with the corrections a
    supervisor accepted from an edited one: services/package_edits)."""
    package, edits = loaded
    manifest = package.manifest
    office = require_office(session)
    _check_route(session, package, office, path)
    _check_training(session, package, path)
    report.already_imported = _already_imported(session, manifest.package_id)
    warnings, notes = _gaps(session, manifest.from_office, office, manifest)
    report.warnings += warnings
    report.notes += notes
    _check_unencrypted(session, package, path, report, staff)
    with _BulkLoad() as bulk_load:
        for entity in ENTITIES:
            rows = [r for r in package.rows.get(entity, []) if edits.takes(entity, r.id)]
            _merge_rows(session, entity, rows, package, report, staff, bulk_load)
    if accept and report.edited_rows:
        taken = package_edits.apply(session, edits, staff=staff, peer=manifest.from_office)
        report.warnings += package_edits.summary(path.name, edits, taken, package)
    if not report.already_imported:
        _record(session, package, report, path, staff)
    if report.already_imported:
        report.notes.append(f"{path.name} は取込済みです（変更はありません）")
    audit.log(
        session,
        staff=staff,
        action="import",
        entity="package",
        entity_id=manifest.package_id,
        field="accepted_edited" if report.edited_rows and accept else None,
        new=f"{manifest.from_office} #{manifest.sequence} {path.name}",
    )


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


def _gaps(session: Session, sender: str, office: str, manifest: Any) -> tuple[list[str], list[str]]:
    """Warnings for the sender's packages that never arrived, and a note when a full one fills them.

    A full package carries everything of its office, so every number before it is made good:
    said once, by the full package that did it, and never warned about again.
    """
    taken = list(
        session.execute(
            select(SyncPackage.sequence, SyncPackage.full).where(
                SyncPackage.kind == "sync",
                SyncPackage.direction == "import",
                SyncPackage.from_office == sender,
                SyncPackage.to_office == office,
            )
        )
    )
    imported = {sequence for sequence, _full in taken} | {manifest.sequence}
    covered = max((sequence for sequence, full in taken if full), default=0)
    missing = [n for n in range(1, max(imported)) if n not in imported]
    warnings = [f"{sender} の送付ファイル {n} が未取込です" for n in missing if n > covered]
    notes = []
    if manifest.full:
        filled = [n for n in missing if covered < n < manifest.sequence]
        if filled:
            numbers = "、".join(str(n) for n in filled)
            notes.append(
                f"{sender} の送付ファイル {numbers} は全件の送付ファイル {manifest.sequence}"
                " で補われました"
            )
        warnings = [
            f"{sender} の送付ファイル {n} が未取込です"
            for n in missing
            if n > max(covered, manifest.sequence)
        ]
    return warnings, notes


def _record(
    session: Session, package: Package, report: PackageReport, path: Path, staff: str
) -> None:
    manifest = package.manifest
    session.add(
        SyncPackage(
            id=manifest.package_id,
            kind="sync",
            direction="import",
            from_office=manifest.from_office,
            to_office=manifest.to_office,
            sequence=manifest.sequence,
            previous_id=manifest.previous_id,
            full=manifest.full,
            personal=manifest.personal,
            training=manifest.training,
            upto_seq=0,
            created_at=_stamp(manifest.created_at),
            created_by=manifest.created_by,
            handled_by=staff,
            file_name=path.name,
            sha256="",
            counts_json=json.dumps(report.counts, sort_keys=True),
            outcome="conflicts" if report.total("conflicts") else "merged",
        )
    )


def _stamp(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# --- the merge ----------------------------------------------------------------------------


def _merge_rows(
    session: Session,
    entity: str,
    incoming: list[PackageRow],
    package: Package,
    report: PackageReport,
    staff: str,
    bulk_load: _BulkLoad,
) -> None:
    """Merge one kind of row; versions first, so rows already received never load a local copy.

    `bulk_load` sets the indexes aside for the rest of the package on the first large insert
    (they are rebuilt once when the package is done, not once per kind of row).
    """
    peer = package.manifest.from_office
    received_versions = sync_bases.received_versions(
        session, entity, peer, [row.id for row in incoming]
    )
    # A version received without its personal fields is not that version with them.
    new_personal = (
        _personal_news(session, peer, incoming, received_versions)
        if entity == "inquirer" and package.manifest.personal
        else set()
    )
    pending: list[PackageRow] = []
    for row in incoming:
        received_version = received_versions.get(row.id)
        if received_version == row.version and row.id not in new_personal:
            report.count(entity, "unchanged")
        elif received_version and rev_of(received_version) > row.rev:
            report.count(entity, "stale")
        else:
            pending.append(row)
    ids = [row.id for row in pending]
    locals_ = _by_id(session, entity, ids)
    bases = _bases(session, entity, peer, [row_id for row_id in ids if row_id in locals_])
    inserts: list[PackageRow] = []
    awaiting: list[PackageRow] = []
    for row in pending:
        local = locals_.get(row.id)
        if local is None:
            inserts.append(row)
            report.count(entity, "inserted")
        else:
            outcome = _merge_one(session, local, row, bases.get(row.id), package, staff)
            if outcome.startswith(_AWAITING):
                awaiting.append(row)
                outcome = outcome.removeprefix(_AWAITING)
            report.count(entity, outcome)
    _insert(session, entity, inserts, bulk_load, staff=staff, office=package.manifest.to_office)
    erased_here = {row_id for row_id, row in locals_.items() if getattr(row, "erased_at", None)}
    _forget_answered(pending, bases)
    if awaiting:
        report.notes.append(
            f"{len(awaiting)} 行は{peer}と異なる変更があるため、こちらの値のまま{peer}の"
            "競合解決を待ちます"
        )
    waiting = {row.id for row in awaiting}
    taken = [row for row in pending if row.id not in waiting]
    _remember_received(session, entity, peer, taken, erased_here)


def _personal_news(
    session: Session,
    peer: str,
    incoming: list[PackageRow],
    received_versions: Mapping[str, str | None],
) -> set[str]:
    """Rows of a personal package whose version we hold, but not with these personal values."""
    same = [row for row in incoming if received_versions.get(row.id) == row.version]
    held = sync_bases.received_contents(session, "inquirer", peer, [row.id for row in same])
    return {
        row.id
        for row in same
        if any(
            key not in held.get(row.id, {}) or held[row.id][key] != row.content[key]
            for key in PERSONAL_INQUIRER_FIELDS
            if key in row.content
        )
    }


def _forget_answered(rows: Iterable[PackageRow], bases: Mapping[str, SyncBase]) -> None:
    """Versions we sent before the one the peer now says it includes can no longer be named."""
    for row in rows:
        base = bases.get(row.id)
        if base is None or not base.sent_earlier or row.seen is None:
            continue
        answered = rev_of(row.seen)
        earlier = json.loads(base.sent_earlier)
        kept = {
            version: content for version, content in earlier.items() if rev_of(version) >= answered
        }
        if len(kept) != len(earlier):
            base.sent_earlier = (
                json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None
            )


def _merge_one(
    session: Session,
    local: Any,
    row: PackageRow,
    base: SyncBase | None,
    package: Package,
    staff: str,
) -> str:
    mine = sync_rows.content_of(local)
    theirs = row.content
    if row.entity == "inquirer":
        mine, theirs = _settle_erasure(
            session, local, mine, theirs, _base_content(base, row), staff
        )
    descends = row.seen is not None and row.seen == sync_rows.version_of(local)
    if descends and not _saw_our_personal(_base_content(base, row), mine, theirs):
        # Our version reached the sender without (these) personal values: its personal
        # values do not descend from ours, so they merge against what it did have.
        descends = False
    base_content = _with_unknown_personal(_base_content(base, row), mine, theirs)
    if descends:
        theirs = _without_unknown_empties(_base_content(base, row), mine, theirs)
    decision = None if descends else decide(mine, base_content, theirs, keys=list(theirs))
    if decision is not None and decision.conflicts and package.manifest.to_office != CENTRAL:
        # Conflicts are decided at the centre, which meets the same two edits when our
        # package reaches it. The row waits whole: nothing of their version is taken, so our
        # next package still names the version of theirs it really includes, and the centre
        # never meets its own values as ours (docs/sync-format.md, "Crossing packages").
        _send_again(session, local, package.manifest.from_office)
        return _AWAITING + "unchanged"
    outcome = _merge_content(session, local, row, mine, theirs, decision, staff)
    conflicts = list(decision.conflicts) if decision is not None else []
    _settle_open_conflict(
        session, local, row, package, staff, theirs, conflicts, base_content, mine,
        new_version=outcome in ("updated", "merged"),
    )  # fmt: skip
    return "conflicts" if conflicts else outcome


def _send_again(session: Session, local: Any, peer: str) -> None:
    """Put a waiting row in our next package to `peer` if it was already sent.

    The package that carried our version may be lost: the centre must meet the conflict all the
    same, or the row would wait for a resolution that never comes. Our copy's version stays; a
    row already due to travel is left as it is (so a package imported again changes nothing).
    """
    sent_upto = session.scalar(
        select(func.max(SyncPackage.upto_seq)).where(
            SyncPackage.kind == "sync",
            SyncPackage.direction == "export",
            SyncPackage.to_office == peer,
        )
    )
    if sent_upto is not None and local.change_seq <= sent_upto:
        local.change_seq = writer.next_change_seq(session)


def _merge_content(
    session: Session,
    local: Any,
    row: PackageRow,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    decision: Decision | None,
    staff: str,
) -> str:
    """Apply what the incoming version brings (`decision` None: it descends from ours)."""
    if all(mine.get(key) == value for key, value in theirs.items()):
        if decision is None or (row.rev, row.updated_at) > (
            local.rev,
            sync_rows.stamp_text(local.updated_at),
        ):
            # The same content in a newer version (a resolution that chose our values, or a
            # later edit that came back to these values, or the same edit made on both sides,
            # the later stamp winning ties): take its version too, so every office ends with
            # the same version whatever order the packages came in.
            writer.change(session, local, {}, staff=staff, action="sync", version=_version(row))
        return "unchanged"
    if decision is None:
        _store(session, local, row, theirs, staff)
        return "updated"
    if not decision.conflicts and not decision.taken:
        return "unchanged"
    if not decision.conflicts and not decision.kept:
        _store(session, local, row, theirs, staff)
        return "updated"
    taken = {key: theirs[key] for key in decision.taken}
    if taken:
        writer.change(
            session,
            local,
            sync_rows.typed_values(row.entity, taken),
            staff=staff,
            action="sync",
            version=_next_version(local, row, staff),
        )
        return "merged"
    return "unchanged"


def _next_version(local: Any, row: PackageRow, staff: str) -> writer.Version:
    """A version of ours above both sides' (a merge, a conflict that closed itself)."""
    return writer.Version(rev=max(local.rev, row.rev) + 1, updated_at=utc_now(), updated_by=staff)


def _settle_open_conflict(
    session: Session,
    local: Any,
    row: PackageRow,
    package: Package,
    staff: str,
    theirs: dict[str, Any],
    conflicts: list[str],
    base_content: dict[str, Any],
    mine: dict[str, Any],
    *,
    new_version: bool,
) -> None:
    """Keep one open conflict per row and office, always against the sender's latest version.

    A conflict still open when a newer version of the row arrives is brought up to date: its
    fields are those that still differ (plus any new ones) and "theirs" is the newest version,
    so a later resolution can never bring back a value the sender has since replaced. A conflict
    whose fields no longer differ (the sender came round to our value) closes itself; the row
    then gets a new version if it has none yet, so that what it held back while the conflict was
    open travels in the next package.
    """
    peer = package.manifest.from_office
    open_ = session.scalar(
        select(Conflict).where(
            Conflict.entity == row.entity,
            Conflict.entity_id == row.id,
            Conflict.peer == peer,
            Conflict.resolved_at.is_(None),
        )
    )
    if open_ is None and not conflicts:
        return
    now = sync_rows.content_of(local)
    incoming = {**json.loads(open_.incoming_json), **theirs} if open_ is not None else theirs
    still = [
        key
        for key in (json.loads(open_.fields_json) if open_ is not None else [])
        if key not in conflicts and now.get(key) != incoming.get(key)
    ]
    fields_ = [*still, *conflicts]
    if open_ is None:
        session.add(
            Conflict(
                entity=row.entity,
                entity_id=row.id,
                peer=peer,
                package_id=package.manifest.package_id,
                fields_json=json.dumps(fields_),
                base_json=canonical_json(base_content),
                local_json=canonical_json(mine),
                incoming_json=canonical_json(incoming),
                incoming_version=row.version,
            )
        )
    elif fields_:
        open_.fields_json = json.dumps(fields_)
        open_.incoming_json = canonical_json(incoming)
        open_.incoming_version = row.version
        open_.package_id = package.manifest.package_id
    else:
        open_.resolved_at = utc_now()
        open_.resolved_by = staff
        open_.resolution = "agreed"
        if not new_version:
            writer.change(
                session, local, {}, staff=staff, action="sync",
                version=_next_version(local, row, staff),
            )  # fmt: skip


def _saw_our_personal(
    sent: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> bool:
    """Whether the sender held our personal values when it made its version (or sends none)."""
    return all(
        key in sent and sent[key] == mine.get(key)
        for key in PERSONAL_INQUIRER_FIELDS
        if key in theirs
    )


def _with_unknown_personal(
    base: dict[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> dict[str, Any]:
    """The base, with a value for each personal field it was held without.

    A version held without its personal fields says nothing of them: an empty value on one side
    then yields to a value on the other, and two different values are a conflict.
    """
    filled = dict(base)
    for key in PERSONAL_INQUIRER_FIELDS:
        if key in base or key not in theirs:
            continue
        if not mine.get(key):
            filled[key] = mine.get(key)
        elif not theirs[key]:
            filled[key] = theirs[key]
        else:
            filled[key] = None
    return filled


def _without_unknown_empties(
    base: Mapping[str, Any], mine: Mapping[str, Any], theirs: dict[str, Any]
) -> dict[str, Any]:
    """Their empty personal values, where their base never held ours: not an erasure of ours."""
    return {
        key: value
        for key, value in theirs.items()
        if not (key in PERSONAL_INQUIRER_FIELDS and key not in base and not value and mine.get(key))
    }


def _settle_erasure(
    session: Session,
    local: Any,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    base: dict[str, Any],
    staff: str,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The later erasure wins (domain/erasure.py) before the row is merged.

    An incoming erasure newer than ours erases the local row first, in its current version
    (the merge that follows makes the version), whether or not the package carries personal
    fields. Incoming personal values made without knowing of our erasure are set aside: they
    read as the base's, so the merge sees the erasure as our change and makes a new version
    that travels back (taking the sender's version would hide the erasure from the sender).
    """
    stamp = erasure.newer_erasure(mine, theirs)
    if stamp is not None:
        values = {**erasure.erased_values(), erasure.ERASED_AT: dt.datetime.fromisoformat(stamp)}
        version = writer.Version(
            rev=local.rev, updated_at=local.updated_at, updated_by=local.updated_by
        )
        writer.change(session, local, values, staff=staff, action="erase", version=version)
        erased_copies.blank(session, [local.id])
        mine = sync_rows.content_of(local)
        theirs = {**theirs, **erasure.erased_values()}
    elif erasure.unaware_of_erasure(mine, theirs):
        theirs = erasure.as_base(theirs, base)
    return mine, theirs


def _base_content(base: SyncBase | None, row: PackageRow) -> dict[str, Any]:
    """The version both sides last agreed on: the one the sender says it includes, if we know it."""
    if base is None:
        return {}
    if row.seen is not None and row.seen == base.sent_version and base.sent:
        return dict(json.loads(base.sent))
    if row.seen is not None and base.sent_earlier:
        # A package crossing ours: it answers a version we sent before the last one.
        earlier = json.loads(base.sent_earlier)
        if row.seen in earlier:
            return dict(earlier[row.seen])
    return dict(json.loads(base.received)) if base.received else {}


def _store(
    session: Session, local: Any, row: PackageRow, content: Mapping[str, Any], staff: str
) -> None:
    """Take the sender's version as it is: its rev and stamp travel with it."""
    writer.change(
        session,
        local,
        sync_rows.typed_values(row.entity, content),
        staff=staff,
        action="sync",
        version=_version(row),
    )


def _version(row: PackageRow) -> writer.Version:
    return writer.Version(rev=row.rev, updated_at=_stamp(row.updated_at), updated_by=row.updated_by)


class _BulkLoad:
    """The indexes set aside once for the rest of a package, rebuilt once when it is done.

    A failed import leaves them as they were: the drop is part of the package's transaction.
    """

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._aside = False

    def __enter__(self) -> _BulkLoad:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        return bool(self._stack.__exit__(kind, error, trace))

    def set_indexes_aside(self, session: Session) -> None:
        if not self._aside:
            self._stack.enter_context(bulk.indexes_set_aside(session.connection()))
            self._aside = True


def _insert(
    session: Session,
    entity: str,
    rows: list[PackageRow],
    bulk_load: _BulkLoad,
    *,
    staff: str,
    office: str,
) -> None:
    """New rows as they came, through the one writer's bulk path (their versions kept)."""
    if not rows:
        return
    if len(rows) >= _BULK_MIN_ROWS:
        stored = session.scalar(select(func.count()).select_from(Inquiry)) or 0
        if len(rows) * _BULK_SHARE >= stored:
            bulk_load.set_indexes_aside(session)
    new = [
        {
            **sync_rows.typed_values(entity, row.content),
            "id": row.id,
            "origin": row.origin,
            "rev": row.rev,
            "updated_at": _stamp(row.updated_at),
            "updated_by": row.updated_by,
        }
        for row in rows
    ]
    writer.insert_many(
        session,
        writer.NewRows(**{_NEW_ROWS[entity]: new}),
        staff=staff,
        origin=office,
        received=True,
    )


_NEW_ROWS = {"inquirer": "inquirers", "inquiry": "inquiries", "action": "actions"}


def _by_id(session: Session, entity: str, ids: list[str]) -> dict[str, Any]:
    model: Any = sync_rows.MODELS[entity]
    found: dict[str, Any] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found |= {row.id: row for row in session.scalars(select(model).where(model.id.in_(chunk)))}
    return found


def _bases(session: Session, entity: str, peer: str, ids: list[str]) -> dict[str, SyncBase]:
    found: dict[str, SyncBase] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        found |= {
            base.entity_id: base
            for base in session.scalars(
                select(SyncBase).where(
                    SyncBase.entity == entity, SyncBase.peer == peer, SyncBase.entity_id.in_(chunk)
                )
            )
        }
    return found


_REMEMBER_RECEIVED = sqlite_insert(SyncBase)
_REMEMBER_RECEIVED = _REMEMBER_RECEIVED.on_conflict_do_update(
    index_elements=["entity", "entity_id", "peer"],
    set_={
        "received_version": _REMEMBER_RECEIVED.excluded.received_version,
        "received": sync_bases.keeping_personal("received"),
    },
)


def _remember_received(
    session: Session,
    entity: str,
    peer: str,
    rows: Iterable[PackageRow],
    erased_here: set[str],
) -> None:
    """One upsert statement run for every row (executemany), in key order for the B-tree.

    The version of a row erased here is kept without its personal values: erased data must
    not live on as a merge base.
    """
    values = [
        {
            "entity": entity,
            "entity_id": row.id,
            "peer": peer,
            "received_version": row.version,
            "received": (
                canonical_json(erasure.blank_personal(row.content))
                if row.id in erased_here
                else row.data
            ),
        }
        for row in sorted(rows, key=lambda row: row.id)
    ]
    if values:
        session.connection().execute(_REMEMBER_RECEIVED, values)
