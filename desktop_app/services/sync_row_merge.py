"""One incoming row merged into the local copy it names (the apply step's per-row decision).

The row's base is the version of ours it says it includes (also one sent before the last: a
package that crossed ours), but for a value we hold as the sender's last version had it, when the
row descends from that version: the sender's own (`_with_their_own_values`). The later erasure
wins first (domain/erasure.py); personal fields
merge against the values both sides held, which a package names apart (`_seen_personal`), and
values never held say nothing; then the pure decision (domain/merge.decide) says which
fields to take and which conflict. A conflict is decided at the centre only: a branch keeps its
row whole and waits for the resolution; an open conflict is kept up to date by newer versions
of its row and closes itself when the fields agree.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Conflict, SyncBase, SyncPackage, utc_now
from desktop_app.domain import erasure
from desktop_app.domain.local_time import local_today
from desktop_app.domain.merge import DELETION, Decision, decide
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.package_row import PackageRow, canonical_json, rev_of
from desktop_app.excel.sync_package import Package
from desktop_app.services import erased_copies, retention, sync_acks, sync_rows, writer
from desktop_app.services.sync_export import CENTRAL

# A branch's row whose field the centre changed differently: kept whole as it is here (nothing
# of the centre's version taken, nor that version recorded as received) until the resolution.
AWAITING = "awaiting:"


def merge_one(
    session: Session,
    local: Any,
    row: PackageRow,
    base: SyncBase | None,
    package: Package,
    staff: str,
    *,
    late: bool = False,
) -> str:
    """`late`: a row of a personal package older than the version received since (stale), whose
    personal values are news (`sync_bases.late_personal`), or the version received carried again
    for its personal values after ours changed: its personal fields alone merge, and what they
    bring makes a version of ours, never its own (it is older than what we hold)."""
    mine = sync_rows.content_of(local)
    theirs = row.content
    # What we last received from the sender, read once for the base, its own values and a late
    # row's deletion (an erasure below blanks only its personal values, read apart).
    received = json.loads(base.received) if base is not None and base.received else {}
    base_content = _base_content(base, row, received)
    refused = False
    if not late:
        base_content = _with_their_own_values(base_content, base, row, mine, received)
    if row.entity == "inquirer":
        mine, theirs, settled = _settle_erasure(
            session, local, row, mine, theirs, base, base_content, package, staff
        )
        set_aside = settled is not _Erasure.NONE
        refused = settled is _Erasure.REFUSED
        if late:
            # Its personal fields alone; its deletion as of the sender's newest version here
            # (the late row's own is older): an edit meeting our deletion (a merge at HQ) is a
            # conflict on 削除 whose other side is the sender's live row, as in any package.
            theirs = {
                **{key: received[key] for key in DELETION if key in received},
                **{key: theirs[key] for key in PERSONAL_INQUIRER_FIELDS if key in theirs},
            }
        if not set_aside:
            # Only a package with personal fields carries values to merge against them (one
            # without them leaves them out of the base, and looks nothing up per row).
            ancestors = (
                _personal_ancestors(session, base, row, local, mine, package)
                if package.manifest.personal
                else []
            )
            base_content = _with_personal_base(base_content, ancestors, mine, theirs)
    # The sender's version includes ours: taken whole, unless a personal value of ours is
    # newer than what the sender held of it (its personal values may descend from an older
    # version of ours than its other fields do). It does when it names ours, and when ours is
    # the sender's own last version, unchanged here since: the sender's next one descends from
    # it, whatever version of ours it names (its second edit in a row names our older one).
    current = sync_rows.version_of(local)
    descends = (
        not late
        and not refused
        and current
        in (
            row.seen,
            base.received_version if base is not None else None,
        )
        and _takes_personal(base_content, mine, theirs)
    )
    base_content = _with_unknown_personal(base_content, mine, theirs)
    decision = None if descends else decide(mine, base_content, theirs, keys=list(theirs))
    if decision is not None and decision.conflicts and package.manifest.to_office != CENTRAL:
        # Conflicts are decided at the centre, which meets the same two edits when our
        # package reaches it. The row waits whole: nothing of their version is taken, so our
        # next package still names the version of theirs it really includes, and the centre
        # never meets its own values as ours (docs/sync-format.md, "Crossing packages").
        _send_again(session, local, package.manifest.from_office)
        return AWAITING + "unchanged"
    if refused:
        # The erasure refused: our values stay in a version of ours above the sender's, which
        # travels back naming the sender's erased version, and the sender takes it.
        assert decision is not None
        taken = {key: theirs[key] for key in decision.taken}
        _store(session, local, row, taken, staff, version=_next_version(local, row, staff))
        outcome = "merged"
    else:
        outcome = _merge_content(session, local, row, mine, theirs, decision, staff, late=late)
    if outcome == "unchanged" and _keeps_personal(decision, package):
        # Our personal values are newer than theirs, which both sides held: the sender took
        # our version without them (a plain package, which may be acknowledged since), so our
        # row travels again, naming the version it now includes (docs/sync-format.md).
        _send_again(session, local, package.manifest.from_office)
    conflicts = list(decision.conflicts) if decision is not None else []
    _settle_open_conflict(
        session, local, row, package, staff, theirs, conflicts, base_content, mine,
        new_version=outcome in ("updated", "merged"),
    )  # fmt: skip
    return "conflicts" if conflicts else outcome


def _keeps_personal(decision: Decision | None, package: Package) -> bool:
    """Whether a personal package's row left a personal value of ours in place of its own."""
    return (
        package.manifest.personal
        and decision is not None
        and not decision.conflicts
        and any(key in PERSONAL_INQUIRER_FIELDS for key in decision.kept)
    )


def _send_again(session: Session, local: Any, peer: str) -> None:
    """Put a waiting row in our next package to `peer` if it was already sent.

    The package that carried our version may be lost: the centre must meet the conflict all the
    same, or the row would wait for a resolution that never comes. Also a row whose personal
    values we kept over the peer's (`_keeps_personal`): the peer holds our version without them.
    Our copy's version stays; a row already due to travel is left as it is (so a package
    imported again changes nothing).
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
    *,
    late: bool = False,
) -> str:
    """Apply what the incoming version brings (`decision` None: it descends from ours); a
    `late` row's values make a version of ours."""
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
    if not decision.conflicts and not decision.kept and not late:
        _store(session, local, row, theirs, staff)
        return "updated"
    taken = {key: theirs[key] for key in decision.taken}
    if taken:
        _store(session, local, row, taken, staff, version=_next_version(local, row, staff))
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
        if rev_of(open_.incoming_version) <= row.rev:  # not a late row's older version
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


def _personal_ancestors(
    session: Session,
    base: SyncBase | None,
    row: PackageRow,
    local: Any,
    mine: Mapping[str, Any],
    package: Package,
) -> list[Mapping[str, Any]]:
    """Contents whose personal values both sides have held: the version of ours whose personal
    values the sender says it took (`seen_personal`), if we still know it (the one last sent with
    personal fields, or one sent with them before that the sender had not yet answered for
    them: `sent_personal_earlier`, or `sent_earlier` of a database before 0016), and what we last
    received of the sender's own (`received` keeps the personal values of the last package
    that had them); in a database upgraded to 0015, also what an earlier build sent
    (`_sent_before_the_upgrade`).

    The version the sender names for its other fields (`seen`) is no such content: a package
    without personal fields can bring it, and our `sent` then keeps the personal values of an
    earlier package, which the sender may never have taken (it waited on a conflict, or the
    package was lost).
    """
    found: list[Mapping[str, Any]] = []
    if _sent_before_the_upgrade(session, base, row, package):
        assert base is not None and base.sent is not None
        found.append(json.loads(base.sent))
    named = row.seen_personal
    if named is not None and named == sync_rows.version_of(local):
        found.append(mine)
    elif named is not None and base is not None:
        if named == base.sent_personal_version and base.sent:
            found.append(json.loads(base.sent))  # `sent` keeps that version's personal values
        elif base.sent_personal_earlier and named in (
            personal := json.loads(base.sent_personal_earlier)
        ):
            found.append(personal[named])
        elif base.sent_earlier and named in (earlier := json.loads(base.sent_earlier)):
            found.append(earlier[named])  # kept before migration 0016
    if base is not None and base.received:
        found.append(json.loads(base.received))
    return found


def _sent_before_the_upgrade(
    session: Session, base: SyncBase | None, row: PackageRow, package: Package
) -> bool:
    """Whether the row answers, naming no personal version, the version we last sent, whose
    personal values a build before `_seen_personal` (migration 0015) sent, in a package the
    sender has since acknowledged with every other one of ours that had personal fields.

    A database upgraded to 0015 knows of no personal version at either end, so its rows name
    none; those values then are ones both sides held (the sender imported the package that
    carried them, and names the version it carried), as the earlier build took them to be.
    A version sent with personal fields since the upgrade sets `sent_personal_version`, which
    then decides; a personal package the sender never acknowledged leaves the values unknown.
    """
    return (
        row.seen_personal is None
        and base is not None
        and base.sent_personal_version is None
        and row.seen is not None
        and row.seen == base.sent_version
        and base.sent is not None
        and "name" in json.loads(base.sent)
        and sync_acks.personal_all_acknowledged(
            session,
            package.manifest.to_office,
            package.manifest.from_office,
            package.manifest.acknowledged,
        )
    )


def _with_personal_base(
    base: Mapping[str, Any],
    ancestors: list[Mapping[str, Any]],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any],
) -> dict[str, Any]:
    """`base` with each personal field the sender carries based on what both sides held.

    A value of theirs that both sides held says nothing new: ours stays. Otherwise a value of
    ours that both held yields to theirs. Otherwise both changed it: a conflict. A field no
    content of `ancestors` holds is left out (`_with_unknown_personal` decides it).
    """
    merged = {key: value for key, value in base.items() if key not in PERSONAL_INQUIRER_FIELDS}
    for key in PERSONAL_INQUIRER_FIELDS:
        held = [content[key] for content in ancestors if key in content]
        if key not in theirs or not held:
            continue
        if theirs[key] in held:
            merged[key] = theirs[key]
        elif mine.get(key) in held:
            merged[key] = mine.get(key)
        else:
            merged[key] = held[0]
    return merged


def _takes_personal(
    base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]
) -> bool:
    """Whether each personal value the sender carries is ours or replaces one both held."""
    return all(
        theirs[key] == mine.get(key) or (key in base and base[key] == mine.get(key))
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


class _Erasure(Enum):
    """What `_settle_erasure` made of the incoming version's erasure stamp."""

    NONE = "none"  # nothing set aside: no erasure to settle, or theirs taken first
    SET_ASIDE = "set_aside"  # their personal values, made without knowing ours, read as base
    REFUSED = "refused"  # at the centre: their erasure of a person still served, not taken


def _settle_erasure(
    session: Session,
    local: Any,
    row: PackageRow,
    mine: dict[str, Any],
    theirs: dict[str, Any],
    base: SyncBase | None,
    base_content: dict[str, Any],
    package: Package,
    staff: str,
) -> tuple[dict[str, Any], dict[str, Any], _Erasure]:
    """The later erasure wins (domain/erasure.py) before the row is merged, but for a person
    an office still serves (docs/sync-format.md, "Erasure").

    An incoming erasure newer than ours erases the local row first, in its current version
    (the merge that follows makes the version), whether or not the package carries personal
    fields. Incoming personal values made without knowing of our erasure are set aside: they
    read as the base's, so the merge sees the erasure as our change and makes a new version
    that travels back (taking the sender's version would hide the erasure from the sender).

    The centre, which holds every case, refuses a branch's erasure of an inquirer with a case
    its own retention would not erase yet (a case of another branch, after a merge of
    inquirers): its personal values and stamp stay, and the merge makes a version of ours. At
    the branch, a version from the centre that names our erased version and carries no
    erasure is that refusal: taken, values and all.
    """
    stamp = erasure.newer_erasure(mine, theirs)
    to_centre = package.manifest.to_office == CENTRAL
    if stamp is not None and to_centre and retention.still_served(session, local.id, local_today()):
        erased_copies.blank_sent(session, local.id, package.manifest.from_office)
        return mine, erasure.as_base(theirs, mine), _Erasure.REFUSED
    if stamp is not None:
        values = {**erasure.erased_values(), erasure.ERASED_AT: dt.datetime.fromisoformat(stamp)}
        version = writer.Version(
            rev=local.rev, updated_at=local.updated_at, updated_by=local.updated_by
        )
        writer.change(session, local, values, staff=staff, action="erase", version=version)
        erased_copies.blank(session, [local.id])
        mine = sync_rows.content_of(local)
        theirs = {**theirs, **erasure.erased_values()}
    elif erasure.unaware_of_erasure(mine, theirs) and not (
        package.manifest.from_office == CENTRAL and _answers_erasure(local, row, base, mine)
    ):
        return mine, erasure.as_base(theirs, base_content), _Erasure.SET_ASIDE
    return mine, theirs, _Erasure.NONE


def _answers_erasure(
    local: Any, row: PackageRow, base: SyncBase | None, mine: Mapping[str, Any]
) -> bool:
    """Whether the row names, as the version of ours it includes, one carrying our erasure."""
    if row.seen is None:
        return False
    if row.seen == sync_rows.version_of(local):
        return True
    return (
        base is not None
        and row.seen == base.sent_version
        and base.sent is not None
        and json.loads(base.sent).get(erasure.ERASED_AT) == mine.get(erasure.ERASED_AT)
    )


def _base_content(
    base: SyncBase | None, row: PackageRow, received: Mapping[str, Any]
) -> dict[str, Any]:
    """The version both sides last agreed on: the one the sender says it includes, if we know it
    (else `received`, what we last received from the sender)."""
    if base is None:
        return {}
    if row.seen is not None and row.seen == base.sent_version and base.sent:
        return dict(json.loads(base.sent))
    if row.seen is not None and base.sent_earlier:
        # A package crossing ours: it answers a version we sent before the last one.
        earlier = json.loads(base.sent_earlier)
        if row.seen in earlier:
            return dict(earlier[row.seen])
    return dict(received)


def _with_their_own_values(
    base: dict[str, Any],
    kept: SyncBase | None,
    row: PackageRow,
    mine: Mapping[str, Any],
    received: Mapping[str, Any],
) -> dict[str, Any]:
    """`base` with the sender's own value, for each field we hold exactly as its version last
    received had it, when the row names the version of ours that one named (`received_seen`).

    The sender has then taken nothing of ours since that version: its row descends from it, so a
    value of it we still hold is the sender's own, which the row may replace (a change of the
    sender's alone), not our change meeting theirs. The version the row names is older here: a
    version of ours that HQ made taking a branch's value stays out of its packages while a
    conflict on the row is open, and the branch's next row names the older one, without that
    value (docs/sync-format.md, "The sender's own value"). Personal fields have their own base
    (`_with_personal_base`, which holds `received` already), and the erasure stamp its own rule.
    """
    if kept is None or not received or row.seen is None or row.seen != kept.received_seen:
        return base
    own = {
        key: value
        for key, value in received.items()
        if key not in PERSONAL_INQUIRER_FIELDS
        and key != erasure.ERASED_AT
        and key in mine
        and mine[key] == value
    }
    return {**base, **own}


def _store(
    session: Session,
    local: Any,
    row: PackageRow,
    content: Mapping[str, Any],
    staff: str,
    *,
    version: writer.Version | None = None,
) -> None:
    """Take the sender's values; as its version (its rev and stamp travel with it) unless
    `version` is one of ours (a merge)."""
    writer.change(
        session,
        local,
        sync_rows.typed_values(row.entity, content),
        staff=staff,
        action="sync",
        version=version or _version(row),
    )


def _version(row: PackageRow) -> writer.Version:
    return writer.Version(
        rev=row.rev, updated_at=sync_rows.stamp_of(row.updated_at), updated_by=row.updated_by
    )
