"""What each office holds of the other's packages, so that a lost package heals by itself.

Packages are numbered per route. Every sync package says what its sender holds of the
reverse route (`acknowledged`: the highest N such that every package 1..N of the receiver's to
it was imported, or made good by a later one) and from which number its own rows begin
(`since`: it carries every row changed since that package of the sender's was written, so it
makes good the numbers since+1 .. sequence-1). The sender of the next package reads the peer's
latest acknowledgement: when it is below the previous package's number, something the peer
never got is carried again, not only what changed since the previous package. When the peer
has acknowledged everything, the package is exactly the one of changes since the previous one.
Before anything has come from the peer, nothing of ours is acknowledged: a branch whose packages
are all lost before the centre first answers still has them carried again by the next one.

A package without these facts (an earlier build) acknowledged nothing known, and began after
its predecessor, or at 0 when full (docs/sync-format.md, "Lost packages heal").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.models import SyncPackage
from desktop_app.domain.messages import render
from desktop_app.excel.sync_package import Manifest


@dataclass(frozen=True)
class Start:
    """Where a package's rows begin: after the sender's package `sequence` (0: from the
    start), i.e. past change sequence `upto`, written at `written` (None: from the start).
    `unhealed`: the numbers of packages with personal fields the peer has not acknowledged,
    whose rows a package without them carries again but cannot make good (the clerk is told)."""

    sequence: int
    upto: int
    written: dt.datetime | None
    unhealed: tuple[int, ...] = ()


FROM_THE_START = Start(0, 0, None)


def route(direction: str, sender: str, receiver: str) -> tuple[ColumnElement[bool], ...]:
    """The sync packages of one route (`sender` to `receiver`) as recorded here, in `direction`."""
    return (
        SyncPackage.kind == "sync",
        SyncPackage.direction == direction,
        SyncPackage.from_office == sender,
        SyncPackage.to_office == receiver,
    )


def start(
    session: Session,
    office: str,
    peer: str,
    previous: SyncPackage | None,
    *,
    full: bool,
    personal: bool = False,
) -> Start:
    """Where the next package from `office` to `peer` begins.

    After the previous package, unless the peer's latest acknowledgement is below it: then
    after the last package the peer acknowledged, so that the ones it never got are made good.
    A package without personal fields carries such a lost package's rows again but cannot
    make it good: it claims to begin no earlier than the last one with them (its rows still
    begin at the acknowledged one), so the peer keeps warning until a personal package heals it.
    """
    if full or previous is None:
        return FROM_THE_START
    after = Start(previous.sequence, previous.upto_seq, previous.created_at)
    known = _peer_acknowledgement(session, office, peer)
    if known is None or known >= previous.sequence:
        return after
    acknowledged = _export(session, office, peer, known) if known else None
    # None: nothing acknowledged, or a database restored from before it: from the start
    begins = (
        Start(known, acknowledged.upto_seq, acknowledged.created_at)
        if acknowledged is not None
        else FROM_THE_START
    )
    lost_personal = () if personal else _personal_since(session, office, peer, begins.sequence)
    if not lost_personal:
        return begins
    return Start(lost_personal[-1], begins.upto, begins.written, unhealed=lost_personal)


def acknowledgement(session: Session, sender: str, office: str) -> int:
    """The highest N such that every package 1..N from `sender` to `office` was made good here."""
    good = _made_good(_taken(session, sender, office))
    number = 0
    while number + 1 in good:
        number += 1
    return number


def gaps(
    session: Session, sender: str, office: str, manifest: Manifest
) -> tuple[list[str], list[str]]:
    """Warnings for the sender's packages that never arrived, and a note for those this one makes
    good: said once, by the package that did it, and never warned about again."""
    before = _made_good(_taken(session, sender, office))
    since = _since_of(manifest.sequence, full=manifest.full, since=manifest.since)
    good = before | _made_good([(manifest.sequence, since)])
    warnings = [
        render("package_not_imported", "ja", sender=sender, number=number)
        for number in range(1, max(good))
        if number not in good
    ]
    filled = [number for number in range(since + 1, manifest.sequence) if number not in before]
    notes = []
    if filled:
        notes.append(
            render(
                "package_made_good_by_full" if manifest.full else "package_made_good",
                "ja",
                sender=sender,
                numbers="、".join(str(number) for number in filled),
                sequence=manifest.sequence,
            )
        )
    return warnings, notes


def personal_all_acknowledged(
    session: Session, office: str, peer: str, acknowledged: int | None
) -> bool:
    """Whether `peer`, acknowledging `acknowledged` of ours, has every package with personal
    fields we sent it (None: an earlier build, unknown)."""
    return acknowledged is not None and not _personal_since(session, office, peer, acknowledged)


def _peer_acknowledgement(session: Session, office: str, peer: str) -> int | None:
    """What the latest package taken from `peer` acknowledged of ours: 0 when none has been
    taken yet (the peer may have got nothing of ours, so nothing is acknowledged), None when
    unknown (a package of an earlier build said nothing)."""
    latest = session.execute(
        select(SyncPackage.acknowledged)
        .where(*route("import", peer, office))
        .order_by(SyncPackage.sequence.desc())
        .limit(1)
    ).first()
    return 0 if latest is None else latest.acknowledged


def _export(session: Session, office: str, peer: str, sequence: int) -> SyncPackage | None:
    return session.scalar(
        select(SyncPackage)
        .where(*route("export", office, peer), SyncPackage.sequence == sequence)
        .limit(1)
    )


def _personal_since(session: Session, office: str, peer: str, after: int) -> tuple[int, ...]:
    """The numbers past `after` of packages with personal fields sent to `peer`, in order."""
    return tuple(
        session.scalars(
            select(SyncPackage.sequence)
            .where(
                *route("export", office, peer),
                SyncPackage.personal.is_(True),
                SyncPackage.sequence > after,
            )
            .order_by(SyncPackage.sequence)
        )
    )


def _taken(session: Session, sender: str, office: str) -> list[tuple[int, int]]:
    """(number, since) of every package imported here from `sender`."""
    return [
        (sequence, _since_of(sequence, full=full, since=since))
        for sequence, full, since in session.execute(
            select(SyncPackage.sequence, SyncPackage.full, SyncPackage.since).where(
                *route("import", sender, office)
            )
        )
    ]


def _since_of(sequence: int, *, full: bool, since: int | None) -> int:
    """A package of an earlier build began after its predecessor, or at 0 when full."""
    if since is not None:
        return since
    return 0 if full else sequence - 1


def _made_good(taken: Iterable[tuple[int, int]]) -> set[int]:
    """The numbers imported, and those a package that began before them made good."""
    good: set[int] = set()
    for sequence, since in taken:
        good.add(sequence)
        good.update(range(since + 1, sequence))
    return good
