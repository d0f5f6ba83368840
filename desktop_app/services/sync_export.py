"""Writing a sync package for another office: everything changed since the last one to it.

The offices form a star: a branch sends its rows to the central office (HQ), and HQ sends each
branch a return package of that branch's rows as changed at the centre (corrections, conflict
resolutions, merges of inquirers: every inquirer the branch holds, with or without inquiries).
What a package carries is read from the change sequence: rows whose `change_seq` is past the
previous package to the same office (tombstones included), or everything with `full`; a row the
receiver sent us and nobody changed since is not sent back (but an inquirer whose personal
values are news to it, in a personal package). When the receiver has not acknowledged the
previous package, the rows begin after the last one it did (services/sync_acks: a lost package
heals by itself). Each row says which version of the receiver's own copy it already includes
(`seen`), which is what lets the receiver take a resolution without a new conflict
(docs/sync-format.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, or_, select, text, true
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    Action,
    ChangeCounter,
    Conflict,
    Inquirer,
    Inquiry,
    Office,
    SyncBase,
    SyncPackage,
    utc_now,
)
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.package_row import PackageRow
from desktop_app.excel.sync_package import RECORDS_PER_SHEET, Manifest, SheetSpec
from desktop_app.services import audit, output_files, package_key, sync_acks, sync_bases, sync_rows
from desktop_app.services.identity import identity_in
from desktop_app.services.package_files import save_package
from desktop_app.services.package_sheets import cover_rows, sheet_specs
from desktop_app.services.setup import require_office, training_in
from desktop_app.services.sync_rows import ATTRIBUTE

CENTRAL = "HQ"
_CHUNK = sync_bases.CHUNK


@dataclass(frozen=True)
class ExportReport:
    path: Path
    package_id: str
    to_office: str
    sequence: int
    full: bool
    personal: bool
    counts: dict[str, int]
    # The number after which its rows begin: below sequence-1 when it carries again what the
    # peer has not acknowledged (services/sync_acks).
    since: int = 0
    # Earlier packages with personal fields the peer has not acknowledged: this one, without
    # them, carries their rows again but cannot make them good (sync_acks.Start.unhealed).
    awaiting_personal: tuple[int, ...] = ()

    @property
    def makes_good(self) -> list[int]:
        """The earlier numbers to this office whose rows it carries again (none when full)."""
        return [] if self.full else list(range(self.since + 1, self.sequence))

    def notes(self, lang: str, to: str) -> list[str]:
        """What the clerk is told beside the counts (`to`: the receiver as the clerk knows it):
        the lost packages it carries again, and those with personal fields it cannot heal."""
        said = []
        if self.makes_good:
            numbers = "、".join(map(str, self.makes_good))
            said.append(render("package_written_heals", lang, to=to, numbers=numbers))
        if self.awaiting_personal:
            numbers = "、".join(map(str, self.awaiting_personal))
            said.append(render("package_written_awaits_personal", lang, to=to, numbers=numbers))
        return said

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "package_id": self.package_id,
            "to": self.to_office,
            "sequence": self.sequence,
            "full": self.full,
            "include_personal": self.personal,
            "counts": self.counts,
            "since": self.since,
            "awaiting_personal": list(self.awaiting_personal),
        }


def export_sync(
    db: Database,
    out: Path,
    *,
    actor: Actor,
    to_office: str | None = None,
    full: bool = False,
    include_personal: bool = False,
    overwrite: bool = False,
) -> ExportReport:
    """Write the package for `to_office` (HQ by default at a branch) to `out`, all or nothing
    (an existing file only with `overwrite`: services/output_files)."""
    actor.require(Permission.EXCHANGE)
    if include_personal:
        actor.require(Permission.PERSONAL_EXPORT)
    target = output_files.target(db, out, overwrite=overwrite, refusal="path_not_writable")
    staff = actor.login
    # the file is renamed into place after the transaction commits (package_files.save_package)
    with output_files.writing(target) as temporary, db.write() as session:
        office = require_office(session)
        peer = _destination(session, office, to_office)
        secret = package_key.password(session)
        if include_personal and secret is None:
            raise UserError("package_personal_needs_password")
        previous = _previous_export(session, office, peer)
        start = sync_acks.start(
            session, office, peer, previous, full=full, personal=include_personal
        )
        since = start.upto
        upto = session.scalar(select(ChangeCounter.last)) or 0
        chosen = _without_open_conflicts(
            session,
            peer,
            _chosen_rows(
                session, office, peer, since=since, personal=include_personal,
                unsent_personal=include_personal and not full,
            ),
        )  # fmt: skip
        received = _received_versions(session, peer, chosen)
        if not full:
            chosen = _without_echoes(
                chosen, received, _personal_not_held(session, peer, chosen, received)
                if include_personal else set(),
            )  # fmt: skip
        taken_personal = (
            _received_versions(session, peer, chosen, personal=True) if include_personal else {}
        )
        rows = {
            entity: [
                _naming(row, received.get((entity, row.id)), taken_personal.get((entity, row.id)))
                for row in found
            ]
            for entity, found in chosen.items()
        }
        manifest = Manifest(
            kind="sync",
            package_id=str(uuid.uuid4()),
            from_office=office,
            to_office=peer,
            sequence=(previous.sequence + 1) if previous else 1,
            previous_id=previous.id if previous else None,
            created_at=utc_now().isoformat(timespec="seconds"),
            created_by=staff,
            full=full,
            personal=include_personal,
            training=training_in(session),
            database_id=identity_in(session).database_id,
            acknowledged=sync_acks.acknowledgement(session, peer, office),
            since=start.sequence,
            # Known before writing, so that the cover sheet can state them.
            counts={entity: len(found) for entity, found in rows.items()},
        )
        specs = sheet_specs(session, personal=include_personal)
        _refuse_overfull(specs, rows)
        save_package(
            temporary,
            manifest,
            [(spec, rows[spec.entity]) for spec in specs],
            cover=cover_rows(session, manifest, since=start.written),
            secret=secret,
        )
        _remember_sent(session, peer, rows, personal=include_personal)
        session.add(
            SyncPackage(
                id=manifest.package_id,
                kind="sync",
                direction="export",
                from_office=office,
                to_office=peer,
                sequence=manifest.sequence,
                previous_id=manifest.previous_id,
                full=full,
                personal=include_personal,
                training=manifest.training,
                upto_seq=upto,
                acknowledged=manifest.acknowledged,
                since=manifest.since,
                created_at=dt.datetime.fromisoformat(manifest.created_at),
                created_by=staff,
                handled_by=staff,
                file_name=out.name,
                sha256=_manifest_digest(manifest),
                counts_json=json.dumps(manifest.counts, sort_keys=True),
                outcome="exported",
            )
        )
        audit.log(
            session,
            staff=staff,
            action="export",
            entity="package",
            entity_id=manifest.package_id,
            field="personal" if include_personal else None,
            new=f"{peer} #{manifest.sequence} {out.name}",
        )
        return ExportReport(
            out, manifest.package_id, peer, manifest.sequence, full, include_personal,
            dict(manifest.counts), since=start.sequence, awaiting_personal=start.unhealed,
        )  # fmt: skip


def _naming(row: PackageRow, seen: str | None, seen_personal: str | None) -> PackageRow:
    """The row naming the versions of the receiver's copy it includes (none: as it was made)."""
    if seen is None and seen_personal is None:
        return row
    return replace(row, seen=seen, seen_personal=seen_personal)


def _refuse_overfull(specs: list[SheetSpec], rows: dict[str, list[PackageRow]]) -> None:
    """A sheet holds 1,048,576 rows, its header one of them: a package past that could not be
    written, and the writer would find out only minutes into the work. Refused before anything
    is written (an office of about 550,000 inquiries reaches it with 対応履歴 in a full package)."""
    for spec in specs:
        if len(rows[spec.entity]) > RECORDS_PER_SHEET:
            raise UserError(
                "package_sheet_overfull",
                sheet=spec.title,
                rows=f"{len(rows[spec.entity]):,}",
                limit=f"{RECORDS_PER_SHEET:,}",
            )


def _destination(session: Session, office: str, to_office: str | None) -> str:
    known = list(session.scalars(select(Office.code).order_by(Office.sort_order)))
    if to_office is None:
        if office == CENTRAL:
            raise UserError(
                "package_to_required", allowed=", ".join(c for c in known if c != CENTRAL)
            )
        return CENTRAL
    peer = to_office.strip().upper()
    if peer not in known:
        raise UserError("office_unknown", value=to_office, allowed=", ".join(known))
    if peer == office or CENTRAL not in (office, peer):
        raise UserError("package_route_invalid", office=office, value=peer)
    return peer


def _previous_export(session: Session, office: str, peer: str) -> SyncPackage | None:
    return session.scalar(
        select(SyncPackage)
        .where(*sync_acks.route("export", office, peer))
        .order_by(SyncPackage.sequence.desc())
        .limit(1)
    )


def _chosen_rows(
    session: Session,
    office: str,
    peer: str,
    *,
    since: int,
    personal: bool,
    unsent_personal: bool = False,
) -> dict[str, list[PackageRow]]:
    """The rows this package carries, with the parents a child needs at the receiver; with
    `unsent_personal`, also the inquirers whose personal values the peer holds neither as
    sent nor as its own (`_personal_unsent`)."""
    own_inquiries: Any = Inquiry.office_code == peer if office == CENTRAL else true()

    def read(entity: str, where: Any) -> list[PackageRow]:
        return sync_rows.package_rows(session, entity, where, personal=personal)

    def of_peer(link: Any, linked: Any, *also: Any) -> Any:
        """At HQ, rows linked to the peer's inquiries (`link` in `linked` of them), or `also`."""
        if office != CENTRAL:
            return true()
        return or_(link.in_(select(linked).where(own_inquiries)), *also)

    # An inquirer the peer holds travels to it though no inquiry of the peer's names it any
    # more: one merged into another (its inquiries moved) must reach the peer as the tombstone.
    held = Inquirer.id.in_(
        select(SyncBase.entity_id).where(SyncBase.entity == "inquirer", SyncBase.peer == peer)
    )
    inquirers_in_scope = of_peer(Inquirer.id, Inquiry.inquirer_id, held)
    inquiries = read("inquiry", and_(own_inquiries, Inquiry.change_seq > since))
    actions = read(
        "action", and_(Action.change_seq > since, of_peer(Action.inquiry_id, Inquiry.id))
    )
    inquirers = read("inquirer", and_(Inquirer.change_seq > since, inquirers_in_scope))
    have_inquiries = {row.id for row in inquiries}
    missing = {row.content["inquiry_id"] for row in actions} - have_inquiries
    inquiries += _by_ids(read, Inquiry, missing)
    have_inquirers = {row.id for row in inquirers}
    wanted = {row.content["inquirer"] for row in inquiries} - have_inquirers
    if unsent_personal:
        wanted |= _personal_unsent(session, peer, inquirers_in_scope, since)
        wanted -= have_inquirers
    inquirers += _by_ids(read, Inquirer, wanted)
    return {"inquirer": inquirers, "inquiry": inquiries, "action": actions}


def _personal_unsent(session: Session, peer: str, in_scope: Any, since: int) -> set[str]:
    """Inquirers changed before `since` (so not chosen by it) whose personal values differ both
    from those last sent to `peer` with personal fields and from those last received from it:
    values that reached the peer, if at all, only in a package without them (a number sent
    plain and acknowledged; the peer's copy is then its own old values under our version).
    Once sent with them, `sent` holds them and the row is quiet again."""

    def differs(column: str) -> Any:
        return or_(
            *(
                getattr(Inquirer, ATTRIBUTE.get(key, key)).is_distinct_from(
                    func.json_extract(getattr(SyncBase, column), f"$.{key}")
                )
                for key in PERSONAL_INQUIRER_FIELDS
            )
        )

    return set(
        session.scalars(
            select(Inquirer.id)
            .join(
                SyncBase,
                and_(
                    SyncBase.entity == "inquirer",
                    SyncBase.entity_id == Inquirer.id,
                    SyncBase.peer == peer,
                ),
            )
            .where(Inquirer.change_seq <= since, in_scope, differs("sent"), differs("received"))
        )
    )


def _by_ids(
    read: Callable[[str, Any], list[PackageRow]], model: Any, ids: set[str]
) -> list[PackageRow]:
    found: list[PackageRow] = []
    ordered = sorted(ids)
    entity = model.__tablename__
    for start in range(0, len(ordered), _CHUNK):
        found += read(entity, model.id.in_(ordered[start : start + _CHUNK]))
    return found


def _without_open_conflicts(
    session: Session, peer: str, chosen: dict[str, list[Any]]
) -> dict[str, list[Any]]:
    """Leave out rows with a conflict with `peer` still open: they travel once it is resolved.

    Such a row holds our value of a field the peer changed differently, and the version we last
    received from the peer, so the peer would take it as a plain update and lose its own edit
    before anyone chose. Its resolution is a new version, carried by the next package.
    """
    held = set(
        session.execute(
            select(Conflict.entity, Conflict.entity_id).where(
                Conflict.peer == peer, Conflict.resolved_at.is_(None)
            )
        )
    )
    if not held:
        return chosen
    return {
        entity: [row for row in rows if (entity, row.id) not in held]
        for entity, rows in chosen.items()
    }


def _received_versions(
    session: Session, peer: str, chosen: dict[str, list[Any]], *, personal: bool = False
) -> dict[tuple[str, str], str | None]:
    """The version last received from `peer` of each chosen row (what it already holds);
    with `personal`, of each inquirer the version whose personal values we last took."""
    return {
        (entity, row_id): version
        for entity, rows in chosen.items()
        if entity == "inquirer" or not personal
        for row_id, version in sync_bases.received_versions(
            session, entity, peer, [row.id for row in rows], personal=personal
        ).items()
    }


def _without_echoes(
    chosen: dict[str, list[Any]],
    received: dict[tuple[str, str], str | None],
    personal_news: set[str],
) -> dict[str, list[Any]]:
    """Leave out rows whose version is the one `peer` sent us: it has that version already,
    but for the inquirers of `personal_news`."""
    return {
        entity: [
            row
            for row in rows
            if (entity, row.id) not in received
            or received[(entity, row.id)] != row.version
            or (entity == "inquirer" and row.id in personal_news)
        ]
        for entity, rows in chosen.items()
    }


def _personal_not_held(
    session: Session,
    peer: str,
    chosen: dict[str, list[Any]],
    received: dict[tuple[str, str], str | None],
) -> set[str]:
    """Inquirers in the version `peer` sent us whose personal values here are not the ones it
    sent: a package without them gave us its version and left ours as they were (a number of
    ours in a lost personal package, one HQ kept in a resolution). Only a personal package
    carries them to the peer, which would otherwise never learn of them."""
    inquirers = chosen.get("inquirer", [])
    versions = {row.id: received.get(("inquirer", row.id)) for row in inquirers}
    return sync_bases.personal_news(session, peer, inquirers, versions)


_REMEMBER_SENT = sqlite_insert(SyncBase)
# The version sent before is kept in `sent_earlier` until the peer answers: a package of the
# peer's that crosses this one names it as its base (SQLite evaluates every SET against the
# row as it was, so `sent_version` and `sent` here are the previous ones).
_KEEP_EARLIER = text(
    "CASE WHEN sync_base.sent_version IS NULL"
    " OR sync_base.sent_version = excluded.sent_version THEN sync_base.sent_earlier"
    " ELSE json_set(coalesce(sync_base.sent_earlier, '{}'),"
    " '$.\"' || sync_base.sent_version || '\"', json(sync_base.sent)) END"
)
# Likewise the personal values of the version sent before with personal fields (`sent` keeps
# them), in `sent_personal_earlier`, until the peer's `_seen_personal` answers it: a plain
# answer drops it from `sent_earlier`, yet it may be the one whose values the peer took.
_KEEP_PERSONAL_EARLIER = text(
    "CASE WHEN excluded.sent_personal_version IS NULL"
    " OR sync_base.sent_personal_version IS NULL"
    " OR sync_base.sent_personal_version = excluded.sent_personal_version"
    " THEN sync_base.sent_personal_earlier"
    " ELSE json_set(coalesce(sync_base.sent_personal_earlier, '{}'),"
    " '$.\"' || sync_base.sent_personal_version || '\"', json_object("
    + ", ".join(
        f"'{key}', json_extract(sync_base.sent, '$.{key}')" for key in PERSONAL_INQUIRER_FIELDS
    )
    + ")) END"
)
_REMEMBER_SENT = _REMEMBER_SENT.on_conflict_do_update(
    index_elements=["entity", "entity_id", "peer"],
    set_={
        "sent_version": _REMEMBER_SENT.excluded.sent_version,
        "sent": sync_bases.keeping_personal("sent"),
        "sent_earlier": _KEEP_EARLIER,
        "sent_personal_version": sync_bases.keeping_personal_version("sent_personal_version"),
        "sent_personal_earlier": _KEEP_PERSONAL_EARLIER,
    },
)


def _remember_sent(
    session: Session, peer: str, rows: dict[str, list[PackageRow]], *, personal: bool
) -> None:
    """Keep what was sent: the receiver's next edit of a row says it includes this version
    (and, of an inquirer sent with its personal fields, that its personal values do).

    One upsert statement run for every row (executemany), in key order for the B-tree.
    """
    values = [
        {
            "entity": entity,
            "entity_id": row.id,
            "peer": peer,
            "sent_version": row.version,
            "sent": row.data,
            "sent_personal_version": (row.version if personal and entity == "inquirer" else None),
        }
        for entity, found in rows.items()
        for row in sorted(found, key=lambda row: row.id)
    ]
    if values:
        session.connection().execute(_REMEMBER_SENT, values)


def _manifest_digest(manifest: Manifest) -> str:
    return hashlib.sha256(manifest.signed_text().encode()).hexdigest()
