"""The conflict queue: fields changed differently here and at another office, and their fixes.

The local value stays in force until a supervisor chooses, per field, ours or theirs. The
choice is a new version of the row (audited as "resolve"); it names the incoming version it
answers, so the next package to that office carries it and the other side takes it as a
plain update, without a new conflict (docs/sync-format.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Action, Conflict, Inquiry, utc_now
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.merge import DELETION
from desktop_app.excel.package_row import canonical_json, rev_of
from desktop_app.services import audit, inquirers, sync_rows, writer


@dataclass(frozen=True)
class ConflictField:
    field: str
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class ConflictRecord:
    id: int
    entity: str
    entity_id: str
    receipt_no: str | None
    peer: str
    fields: tuple[ConflictField, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "receipt_no": self.receipt_no,
            "peer": self.peer,
            "fields": [{"field": f.field, "ours": f.ours, "theirs": f.theirs} for f in self.fields],
        }


@dataclass(frozen=True)
class ConflictVersions:
    """One conflict with the whole row on both sides, for the side-by-side dialog.

    `ours` is the row here now, `theirs` the incoming version and `base` the one both last
    agreed on (empty when none was kept); keys as in `sync_rows.content_of`. A key missing
    from `theirs` was not sent (personal fields of a package without them).
    """

    record: ConflictRecord
    ours: dict[str, Any]
    theirs: dict[str, Any]
    base: dict[str, Any]


def open_count(db: Database) -> int:
    with db.read() as session:
        return (
            session.scalar(
                select(func.count()).select_from(Conflict).where(Conflict.resolved_at.is_(None))
            )
            or 0
        )


def list_conflicts(db: Database, *, actor: Actor) -> list[ConflictRecord]:
    """Open conflicts, oldest first; `ours` is the value in force here now."""
    actor.require(Permission.EXCHANGE)
    with db.read() as session:
        rows = session.scalars(
            select(Conflict).where(Conflict.resolved_at.is_(None)).order_by(Conflict.pk)
        )
        return [_record(session, row) for row in rows]


def conflict_versions(db: Database, conflict_id: int, *, actor: Actor) -> ConflictVersions:
    """The open conflict `conflict_id` with both versions whole; UserError when not open."""
    actor.require(Permission.EXCHANGE)
    with db.read() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise UserError("conflict_unknown", value=conflict_id)
        row = _row(session, conflict)
        return ConflictVersions(
            record=_record(session, conflict),
            ours=sync_rows.content_of(row) if row is not None else json.loads(conflict.local_json),
            theirs=json.loads(conflict.incoming_json),
            base=json.loads(conflict.base_json) if conflict.base_json else {},
        )


def resolve_conflict(
    db: Database, conflict_id: int, *, keep: str, take: Iterable[str] = (), actor: Actor
) -> ConflictRecord:
    """Keep ours or theirs for every field; `take` names fields to take from theirs anyway."""
    actor.require(Permission.EXCHANGE)
    staff = actor.login
    if keep not in ("ours", "theirs"):
        raise UserError("code_unknown", label="--keep", value=keep, allowed="ours, theirs")
    with db.write() as session:
        conflict = session.get(Conflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            raise UserError("conflict_unknown", value=conflict_id)
        keys = list(json.loads(conflict.fields_json))
        taken = set(take)
        unknown = sorted(taken - set(keys))
        if unknown:
            raise UserError("conflict_field_unknown", value=unknown[0], allowed=", ".join(keys))
        theirs_for = keys if keep == "theirs" else [key for key in keys if key in taken]
        record = _record(session, conflict)
        row = _row(session, conflict)
        incoming = json.loads(conflict.incoming_json)
        values = {key: incoming.get(key) for key in theirs_for}
        if "deleted" in values:
            # 「削除」 decided for theirs: the deletion's own fields go with it, taken with a
            # deletion, or cleared for a row kept alive (an inquirer merged at one office while
            # the other edited it is no longer merged: the retention erases a merged one's
            # personal values). Until then the row held ours (domain/merge.decide).
            deleted = bool(values["deleted"])
            for key in DELETION[1:]:
                if key in sync_rows.keys_of(conflict.entity):
                    values[key] = incoming.get(key) if deleted else None
        # Always a new version, even when ours stays: it must travel back to the other office.
        writer.change(
            session,
            row,
            sync_rows.typed_values(conflict.entity, values),
            staff=staff,
            action="resolve",
            # Above the incoming version too, so that no office takes the answer for older.
            version=writer.Version(
                rev=max(row.rev, rev_of(conflict.incoming_version)) + 1,
                updated_at=utc_now(),
                updated_by=staff,
            ),
        )
        if conflict.entity == "inquirer" and values.get("deleted"):
            # A merge taken into an inquirer merged, here, into this one: a cycle, undone as
            # an import undoes it (docs/sync-format.md, "Merges that meet in a cycle").
            inquirers.undo_merge_cycles(session, [row.id], staff=staff)
        conflict.resolved_at = utc_now()
        conflict.resolved_by = staff
        conflict.resolution = (
            "theirs" if len(theirs_for) == len(keys) else "ours" if not theirs_for else "mixed"
        )
        audit.log(
            session,
            staff=staff,
            action="resolve",
            entity=conflict.entity,
            entity_id=conflict.entity_id,
            field=",".join(keys),
            old=audit.masked_content(conflict.entity, conflict.local_json),
            new=f"{conflict.resolution}: {','.join(theirs_for)}" if theirs_for else "ours",
        )
        return record


def take_into_open(
    session: Session, peer: str, entity: str, entity_id: str, values: Mapping[str, Any], staff: str
) -> tuple[str, ...]:
    """Put values for fields of the row's open conflict with `peer` on the conflict's other side.

    A supervisor's correction of a package (`--accept-edited`) corrects what the peer sent: for
    a field in conflict it is the peer's value that is corrected, and a person still chooses
    between it and ours; it never overrides ours. A field whose corrected value is ours no longer
    differs and leaves the conflict; a conflict left without fields is agreed, and the row gets
    a new version so that what it held back travels. Returns the keys so placed.
    """
    conflict = session.scalar(
        select(Conflict).where(
            Conflict.entity == entity,
            Conflict.entity_id == entity_id,
            Conflict.peer == peer,
            Conflict.resolved_at.is_(None),
        )
    )
    if conflict is None:
        return ()
    keys = [key for key in json.loads(conflict.fields_json) if key in values]
    if not keys:
        return ()
    incoming = {
        **json.loads(conflict.incoming_json),
        **sync_rows.content_values({key: values[key] for key in keys}),
    }
    conflict.incoming_json = canonical_json(incoming)
    row = _row(session, conflict)
    ours = sync_rows.content_of(row)
    still = [key for key in json.loads(conflict.fields_json) if ours.get(key) != incoming.get(key)]
    conflict.fields_json = json.dumps(still)
    if not still:
        conflict.resolved_at = utc_now()
        conflict.resolved_by = staff
        conflict.resolution = "agreed"
        writer.change(
            session, row, {}, staff=staff, action="accept_edited",
            version=writer.Version(
                rev=max(row.rev, rev_of(conflict.incoming_version)) + 1,
                updated_at=utc_now(), updated_by=staff,
            ),
        )  # fmt: skip
    return tuple(keys)


def _row(session: Session, conflict: Conflict) -> Any:
    model: Any = sync_rows.MODELS[conflict.entity]
    return session.scalar(select(model).where(model.id == conflict.entity_id))


def _record(session: Session, conflict: Conflict) -> ConflictRecord:
    row = _row(session, conflict)
    mine = sync_rows.content_of(row) if row is not None else json.loads(conflict.local_json)
    incoming = json.loads(conflict.incoming_json)
    return ConflictRecord(
        id=conflict.pk,
        entity=conflict.entity,
        entity_id=conflict.entity_id,
        receipt_no=_receipt_of(session, row),
        peer=conflict.peer,
        fields=tuple(
            ConflictField(key, mine.get(key), incoming.get(key))
            for key in json.loads(conflict.fields_json)
        ),
    )


def _receipt_of(session: Session, row: Any) -> str | None:
    if isinstance(row, Inquiry):
        return row.receipt_no
    if isinstance(row, Action):
        return session.scalar(select(Inquiry.receipt_no).where(Inquiry.id == row.inquiry_id))
    if row is not None:
        return session.scalar(
            select(Inquiry.receipt_no).where(Inquiry.inquirer_id == row.id).limit(1)
        )
    return None
