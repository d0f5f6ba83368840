"""The apply step of a sync import: each kind of incoming row sorted and merged, in bulk.

Versions first, so rows already received never load a local copy: a row already received is
unchanged, an older one stale; an unknown one is inserted through the one bulk writer
(services/writer.insert_many, the indexes set aside once per package when it is large); one
we hold is merged (services/sync_row_merge), unless it echoes the version we hold (`_echoes`,
sorted out in bulk: HQ's return package carries a branch's own rows back). What was received
is remembered per peer (`sync_base`) as the next merge base, and the package itself is
recorded with its counts. Everything runs inside the caller's transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db import bulk
from db.models import Conflict, Inquiry, SyncBase, SyncPackage
from desktop_app.domain import erasure
from desktop_app.domain.errors import UserError
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.package_row import PackageRow, canonical_json, rev_of
from desktop_app.excel.sync_package import Package
from desktop_app.services import sync_bases, sync_rows, writer
from desktop_app.services.sync_report import PackageReport
from desktop_app.services.sync_row_merge import AWAITING, merge_one

# Rebuilding the indexes once beats feeding them row by row (each code-list row refreshes its
# inquiry's search text) from about a twentieth of the inquiries already stored (make bench).
_BULK_MIN_ROWS = 1_000
_BULK_SHARE = 20


def merge_rows(
    session: Session,
    entity: str,
    incoming: list[PackageRow],
    package: Package,
    report: PackageReport,
    staff: str,
    bulk_load: BulkLoad,
) -> None:
    """Merge one kind of row; versions first, so rows already received never load a local copy.

    `bulk_load` sets the indexes aside for the rest of the package on the first large insert
    (they are rebuilt once when the package is done, not once per kind of row).
    """
    peer = package.manifest.from_office
    received_versions = sync_bases.received_versions(
        session, entity, peer, [row.id for row in incoming]
    )
    personal = entity == "inquirer" and package.manifest.personal
    # A version received without its personal fields is not that version with them; nor is an
    # older one, when its personal values came after (a personal package overtaken by a plain one).
    new_personal, late = (
        (
            sync_bases.personal_news(session, peer, incoming, received_versions),
            sync_bases.late_personal(session, peer, incoming, received_versions),
        )
        if personal
        else (set(), set())
    )
    pending = _pending(entity, incoming, received_versions, new_personal, late, report)
    if personal:
        _hold_personal(session, peer, incoming, received_versions, new_personal)
    held = _held(session, entity, [row.id for row in pending], personal=package.manifest.personal)
    echoes = _echoes(session, entity, peer, pending, held, received_versions, late)
    locals_ = _by_id(session, entity, [row_id for row_id in held if row_id not in echoes])
    bases = {
        **_bases(session, entity, peer, list(locals_)),
        **_bases(session, entity, peer, list(echoes), answering_only=True),
    }
    inserts = [row for row in pending if row.id not in held]
    report.count(entity, "inserted", len(inserts))
    report.count(entity, "unchanged", len(echoes))
    awaiting: list[PackageRow] = []
    restamp = _Restamp(entity)
    for row in pending:
        if row.id in echoes:
            restamp.add(echoes[row.id])
            continue
        local = locals_.get(row.id)
        if local is not None:
            restamp.done(session)  # the echoes before it take their numbers first
            is_late = row.id in late
            # A version already taken, carried again for its personal values while ours has
            # changed since: its other fields were merged when it came, so they are not again.
            again = row.id in new_personal and sync_rows.version_of(local) != row.version
            outcome = merge_one(
                session, local, row, bases.get(row.id), package, staff, late=is_late or again
            )
            if outcome.startswith(AWAITING):
                awaiting.append(row)
                outcome = outcome.removeprefix(AWAITING)
            report.count(entity, "stale" if is_late and outcome == "unchanged" else outcome)
    restamp.done(session)
    if entity == "inquiry":
        _refuse_taken_receipts(session, inserts, report.file)
    _insert(session, entity, inserts, bulk_load, staff=staff, office=package.manifest.to_office)
    erased_here = {row_id for row_id, row in locals_.items() if getattr(row, "erased_at", None)}
    erased_here.update(row_id for row_id in echoes if held[row_id].content.get("erased_at"))
    # A late row is older than what was received: neither an answer nor a version received.
    answering = [row for row in pending if row.id not in late]
    _forget_answered(answering, bases)
    if awaiting:
        report.note_awaiting(len(awaiting), peer)
    waiting = {row.id for row in awaiting}
    _remember_late_personal(
        [row for row in pending if row.id in late and row.id not in waiting], bases, erased_here
    )
    taken = [row for row in answering if row.id not in waiting]
    _remember_received(session, entity, peer, taken, erased_here, personal=personal)


def _pending(
    entity: str,
    incoming: list[PackageRow],
    received_versions: Mapping[str, str | None],
    new_personal: set[str],
    late: set[str],
    report: PackageReport,
) -> list[PackageRow]:
    """The rows to insert or merge; those already received are counted unchanged, older
    ones stale (but `late` ones, whose personal values merge). A package into an office that
    never received from its sender (a first full package) has nothing to sort out."""
    if not received_versions:
        return list(incoming)
    pending: list[PackageRow] = []
    unchanged = stale = 0
    for row in incoming:
        received_version = received_versions.get(row.id)
        if received_version == row.version and row.id not in new_personal:
            unchanged += 1
        elif received_version and rev_of(received_version) > row.rev and row.id not in late:
            stale += 1
        else:
            pending.append(row)
    report.count(entity, "unchanged", unchanged)
    report.count(entity, "stale", stale)
    return pending


def _held(
    session: Session, entity: str, ids: list[str], *, personal: bool
) -> dict[str, PackageRow]:
    """The local rows of `ids` that we hold, read as plain columns (`sync_rows.package_rows`:
    `content_of` and the version), none loaded as a mapped object; with the personal fields
    when the package carries them (what an incoming row's content is compared with)."""
    if not ids:
        return {}
    model: Any = sync_rows.MODELS[entity]
    return {
        row.id: row
        for row in sync_rows.package_rows(
            session, entity, sync_bases.among(model.id, ids), personal=personal
        )
    }


def _echoes(
    session: Session,
    entity: str,
    peer: str,
    pending: Iterable[PackageRow],
    held: Mapping[str, PackageRow],
    received_versions: Mapping[str, str | None],
    late: set[str],
) -> dict[str, PackageRow]:
    """The rows whose incoming version is the one we hold, unchanged (HQ's return package
    echoes a branch's own rows back), each with our copy: sorted out in bulk.

    `merge_one` would find each descending from ours (ours is the version it names, or the one
    last received from the sender), taking the same content under the same version: nothing
    to merge, no erasure to settle, no open conflict to bring up to date (rows with one go the
    per-row way). All it records is the version taken again: the row stamped anew with its
    own version (`writer.change`: only the change sequence moves, no audit entry) and counted
    unchanged; what was received is remembered as for any row merged.
    tests/sync/test_return_package.py holds the two ways to the same database.
    """
    candidates: dict[str, PackageRow] = {}
    for row in pending:
        mine = held.get(row.id)
        if (
            mine is not None
            and row.id not in late
            and (mine.rev, mine.updated_at, mine.updated_by)
            == (row.rev, row.updated_at, row.updated_by)
            and row.version in (row.seen, received_versions.get(row.id))
            and _same_content(mine.content, row.content)
            and (
                entity != "inquirer"
                or (
                    erasure.newer_erasure(mine.content, row.content) is None
                    and not erasure.unaware_of_erasure(mine.content, row.content)
                )
            )
        ):
            candidates[row.id] = mine
    if candidates:
        for row_id in session.scalars(
            select(Conflict.entity_id).where(
                Conflict.entity == entity,
                Conflict.peer == peer,
                Conflict.resolved_at.is_(None),
                sync_bases.among(Conflict.entity_id, list(candidates)),
            )
        ):
            candidates.pop(row_id, None)
    return candidates


def _same_content(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    """Whether each field `theirs` carries has our value, as `merge_one` compares them: the two
    contents compared at once when they have the same keys (as this build writes them)."""
    if mine.keys() == theirs.keys():
        return mine == theirs
    return all(mine.get(key) == value for key, value in theirs.items())


class _Restamp:
    """Echoed rows given their change sequence numbers in the order the per-row merge would
    (`writer.next_change_seq` for each, between the rows merged one by one): each run of them
    takes its block in one reservation and one statement."""

    def __init__(self, entity: str) -> None:
        self._table = sync_rows.MODELS[entity].__tablename__
        self._run: list[str] = []

    def add(self, row: PackageRow) -> None:
        self._run.append(row.id)

    def done(self, session: Session) -> None:
        if not self._run:
            return
        last = writer.next_change_seq(session, len(self._run))
        first = last - len(self._run) + 1
        session.connection().exec_driver_sql(
            f"UPDATE {self._table} SET change_seq = ? WHERE id = ?",
            [(first + offset, row_id) for offset, row_id in enumerate(self._run)],
        )
        self._run = []


def _hold_personal(
    session: Session,
    peer: str,
    incoming: list[PackageRow],
    received_versions: Mapping[str, str | None],
    new_personal: set[str],
) -> None:
    """Rows of a personal package received before, and held with these personal values (a
    package carrying again one the peer has not acknowledged): their version is now the one
    whose personal values we took, named in our next package's `_seen_personal`. Left as it
    was, that would name an older version the peer may have forgotten, and a number changed
    since on our side would meet the peer's as a conflict of two unknown values."""
    same = [
        row.id
        for row in incoming
        if received_versions.get(row.id) == row.version and row.id not in new_personal
    ]
    if same:
        session.execute(
            update(SyncBase)
            .where(
                SyncBase.entity == "inquirer",
                SyncBase.peer == peer,
                sync_bases.among(SyncBase.entity_id, same),
                SyncBase.received_personal_version.is_distinct_from(SyncBase.received_version),
            )
            .values(received_personal_version=SyncBase.received_version)
            .execution_options(synchronize_session=False)
        )


def _forget_answered(rows: Iterable[PackageRow], bases: Mapping[str, SyncBase]) -> None:
    """Versions we sent before the one the peer now says it includes can no longer be named;
    those sent with personal fields, once it says so of its personal values (`seen_personal`:
    a package without them names none, and the peer's may still name an older one)."""
    for row in rows:
        base = bases.get(row.id)
        if base is None:
            continue
        if base.sent_earlier and row.seen is not None:
            base.sent_earlier = _answered(base.sent_earlier, row.seen)
        if base.sent_personal_earlier and row.seen_personal is not None:
            base.sent_personal_earlier = _answered(base.sent_personal_earlier, row.seen_personal)


def _remember_late_personal(
    rows: Iterable[PackageRow], bases: Mapping[str, SyncBase], erased_here: set[str]
) -> None:
    """The personal values of late rows (a personal package overtaken by a plain one) kept as
    the personal values last received from the sender, and their version as the one whose
    personal values we took (its version itself is still not taken: it is older than ours).

    They are the sender's own values, newer than those `received` held (`late_personal`), and
    we hold them now too: when the sender replaces one in its next package, that is its change
    over its own value (`received` is among the personal ancestors both sides held), not a
    conflict between its number and ours; and a personal package older still, arriving after,
    is stale (`late_personal` compares with `received_personal_version`) rather than taken over
    the newer values. An erased inquirer keeps no personal values here."""
    for row in rows:
        base = bases.get(row.id)
        if base is None or not base.received or row.id in erased_here:
            continue
        values = {key: row.content[key] for key in PERSONAL_INQUIRER_FIELDS if key in row.content}
        base.received = canonical_json({**json.loads(base.received), **values})
        base.received_personal_version = row.version


def _answered(kept_json: str, seen: str) -> str | None:
    """`kept_json` (version id -> content) without the versions older than `seen`."""
    answered = rev_of(seen)
    earlier = json.loads(kept_json)
    kept = {version: content for version, content in earlier.items() if rev_of(version) >= answered}
    if len(kept) == len(earlier):
        return kept_json
    return json.dumps(kept, ensure_ascii=False, sort_keys=True) if kept else None


def _refuse_taken_receipts(session: Session, rows: list[PackageRow], file: str) -> None:
    """New inquiries whose receipt numbers already name other inquiries here refuse the file
    (the whole package, inside its transaction): an office set up again from nothing issues
    its numbers from 00001 again, and a number must keep naming one case (on paper too)."""
    numbers = [row.content.get("receipt_no") for row in rows]
    wanted = [number for number in numbers if number]
    seen: set[str] = set()
    for number in wanted:  # twice in the package itself
        if number in seen:
            raise UserError("sync_receipt_taken", receipt=number, path=file)
        seen.add(number)
    if wanted:
        taken = session.scalar(
            select(Inquiry.receipt_no).where(sync_bases.among(Inquiry.receipt_no, wanted)).limit(1)
        )
        if taken is not None:
            raise UserError("sync_receipt_taken", receipt=taken, path=file)


class BulkLoad:
    """The indexes set aside once for the rest of a package, rebuilt once when it is done.

    A failed import leaves them as they were: the drop is part of the package's transaction.
    """

    def __init__(self) -> None:
        self._stack = ExitStack()
        self._aside = False

    def __enter__(self) -> BulkLoad:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> bool:
        return bool(self._stack.__exit__(kind, error, trace))

    def set_indexes_aside(self, session: Session) -> None:
        """Also a large page cache for the rest of the package (db/bulk.large_cache): the
        rows, their versions and the rebuilt indexes are written once, at commit, rather
        than spilled to the WAL page by page as the transaction outgrows SQLite's 2 MB."""
        if not self._aside:
            conn = session.connection()
            self._stack.enter_context(bulk.large_cache(conn))
            self._stack.enter_context(bulk.indexes_set_aside(conn))
            self._aside = True


def _insert(
    session: Session,
    entity: str,
    rows: list[PackageRow],
    bulk_load: BulkLoad,
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
        {**row.content, "id": row.id, "origin": row.origin, "rev": row.rev,
         "updated_at": row.updated_at, "updated_by": row.updated_by}
        for row in rows
    ]  # fmt: skip
    writer.insert_many(
        session,
        writer.NewRows(**{_NEW_ROWS[entity]: new}, sent=True),
        staff=staff,
        origin=office,
        received=True,
    )


_NEW_ROWS = {"inquirer": "inquirers", "inquiry": "inquiries", "action": "actions"}


def _by_id(session: Session, entity: str, ids: list[str]) -> dict[str, Any]:
    if not ids:
        return {}
    model: Any = sync_rows.MODELS[entity]
    return {
        row.id: row for row in session.scalars(select(model).where(sync_bases.among(model.id, ids)))
    }


def _bases(
    session: Session, entity: str, peer: str, ids: list[str], *, answering_only: bool = False
) -> dict[str, SyncBase]:
    """The merge bases of `ids`; `answering_only`: only those keeping versions sent earlier,
    which a row answers (`_forget_answered`), for rows that are not merged."""
    if not ids:
        return {}
    query = select(SyncBase).where(
        SyncBase.entity == entity,
        SyncBase.peer == peer,
        sync_bases.among(SyncBase.entity_id, ids),
    )
    if answering_only:
        query = query.where(
            SyncBase.sent_earlier.is_not(None) | SyncBase.sent_personal_earlier.is_not(None)
        )
    return {base.entity_id: base for base in session.scalars(query)}


_REMEMBER_RECEIVED = sqlite_insert(SyncBase)
_REMEMBER_RECEIVED = _REMEMBER_RECEIVED.on_conflict_do_update(
    index_elements=["entity", "entity_id", "peer"],
    set_={
        "received_version": _REMEMBER_RECEIVED.excluded.received_version,
        "received_seen": _REMEMBER_RECEIVED.excluded.received_seen,
        "received": sync_bases.keeping_personal("received"),
        "received_personal_version": sync_bases.keeping_personal_version(
            "received_personal_version"
        ),
    },
)
# Compiled once and run by the driver with plain tuples: a package's worth of rows bound one by
# one through SQLAlchemy's parameter processing costs more than SQLite's upsert itself (every
# column is text, so there is nothing to convert).
_RECEIVED_COLUMNS = (
    "entity", "entity_id", "peer", "received_version", "received", "received_personal_version",
    "received_seen",
)  # fmt: skip
_REMEMBER_RECEIVED_SQL = _REMEMBER_RECEIVED.compile(
    dialect=sqlite.dialect(), column_keys=list(_RECEIVED_COLUMNS)
)
assert tuple(_REMEMBER_RECEIVED_SQL.positiontup or ()) == _RECEIVED_COLUMNS


def _remember_received(
    session: Session,
    entity: str,
    peer: str,
    rows: Iterable[PackageRow],
    erased_here: set[str],
    *,
    personal: bool,
) -> None:
    """One upsert statement run for every row (executemany), in key order for the B-tree.

    The version of a row erased here is kept without its personal values: erased data must
    not live on as a merge base. A row taken with its personal fields (`personal`) is also
    the version whose personal values we now hold, named as such in our next package. The
    version of ours each row names (`_seen`) is kept with it (`received_seen`).
    """
    values = [
        (
            entity,
            row.id,
            peer,
            row.version,
            (
                canonical_json(erasure.blank_personal(row.content))
                if row.id in erased_here
                else row.data
            ),
            row.version if personal else None,
            row.seen,
        )
        for row in sorted(rows, key=lambda row: row.id)
    ]
    if values:
        session.connection().exec_driver_sql(_REMEMBER_RECEIVED_SQL.string, values)


def record(
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
            acknowledged=manifest.acknowledged,
            since=manifest.since,
            created_at=sync_rows.stamp_of(manifest.created_at),
            created_by=manifest.created_by,
            handled_by=staff,
            file_name=path.name,
            sha256="",
            counts_json=json.dumps(report.counts, sort_keys=True),
            outcome="conflicts" if report.total("conflicts") else "merged",
        )
    )
