"""Finding earlier inquirers that are the person or firm now at the desk, and merging twins.

The desk links an inquiry to an existing inquirer rather than creating a second record, so the
intake form asks, while the clerk types, who might already be known. Every probe is a prefix
range or an equality on an indexed column of `inquirer` (docs/architecture.md: nothing loads a
whole table into Python): the folded name key of organisation and person together
(`match_key`), of the person alone (`name_key`, so 鈴木一郎 filed under 高輪一丁目町会 is found
by 鈴木), the folded reading (`kana_key`), the phone's digits and the corporate number.

Two records that turn out to be one are merged, not deleted: the dropped one becomes a tombstone
pointing at the kept one (`merged_into`), so the merge travels to other offices in sync packages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.engine import Database
from db.models import Inquirer, Inquiry
from desktop_app.domain import corporate_number as corporate
from desktop_app.domain import fields, text
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.merge import merge_cycle
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS, has_personal_data, masked
from desktop_app.services import audit, writer
from desktop_app.services.records import InquirerRecord, inquirer_record

# How many candidates one probe may bring back before they are ranked; bounds the work per key.
_CANDIDATES = 50
# Shorter keys match too much to be a useful suggestion while the clerk is still typing.
_MIN_KEY = 2
_PHONE_DIGITS = (10, 11)
# The highest code point: `key <= column < key + _TOP` is a prefix test the index can answer.
_TOP = "\U0010ffff"
# A reading may be stored as the kana, or be the name itself written in kana (スズキ).
_READING_COLUMNS = (Inquirer.kana_key, Inquirer.match_key, Inquirer.name_key)
# Inquirer fields a merge copies from the dropped record when the kept one has them blank.
_GAP_FIELDS = tuple(
    f.key for f in fields.INQUIRER_FIELDS if f.kind in (fields.Kind.TEXT, fields.Kind.NOTE)
)


@dataclass(frozen=True)
class InquirerMatch:
    """An earlier inquirer that may be the one at the desk, and why it was suggested.

    `matched_on` holds "name", "kana", "phone" and/or "corporate_number", in that order;
    `inquiry_count` counts its inquiries that are not deleted.
    """

    inquirer: InquirerRecord
    matched_on: tuple[str, ...]
    inquiry_count: int


def suggest_duplicates(
    db: Database,
    *,
    name: str = "",
    kana: str = "",
    phone: str = "",
    corporate_number: str = "",
    organization: str = "",
    limit: int = 5,
    actor: Actor | None = None,
) -> list[InquirerMatch]:
    """Live inquirers matching any key after normalisation, the most keys matched first.

    Other people's records, so shown as a list shows them: masked (03-****-0101) unless
    `actor` may list personal data; a phone is matched only as the whole number. Taking one
    (linking it) opens it in full through `open_inquirer`, which is audited."""
    probes = _probes(
        name=name,
        kana=kana,
        phone=phone,
        corporate_number=corporate_number,
        organization=organization,
    )
    if not probes or limit <= 0:
        return []
    with db.read() as session:
        matched: dict[str, list[str]] = {}
        for key, query in probes:
            for inquirer_id in session.scalars(query.limit(_CANDIDATES)):
                matched.setdefault(inquirer_id, []).append(key)
        if not matched:
            return []
        counts = _inquiry_counts(session, matched)
        rows = session.scalars(select(Inquirer).where(Inquirer.id.in_(matched)))
        found = [
            InquirerMatch(
                inquirer=_as_listed(inquirer_record(row), actor),
                matched_on=tuple(matched[row.id]),
                inquiry_count=counts.get(row.id, 0),
            )
            for row in rows
        ]
    found.sort(key=lambda m: (-len(m.matched_on), -m.inquiry_count, m.inquirer.kana, m.inquirer.id))
    return found[:limit]


def open_inquirer(db: Database, inquirer_id: str, *, actor: Actor) -> InquirerRecord:
    """One inquirer in full, to link to the inquiry being taken; logged as a read."""
    actor.require(Permission.RECORD)
    with db.write() as session:
        row = _live(session, inquirer_id)
        record = inquirer_record(row)
        if has_personal_data(record.to_json()):
            audit.log(
                session, staff=actor.login, action="read", entity="inquirer", entity_id=row.id
            )
        return record


def _as_listed(record: InquirerRecord, actor: Actor | None) -> InquirerRecord:
    if actor is not None and actor.may(Permission.PERSONAL_LISTS):
        return record
    shown = masked(record.to_json())
    return record.with_values(
        {key: shown[key] or "" for key in PERSONAL_INQUIRER_FIELDS if key in shown}
    )


def merge_inquirers(db: Database, keep_id: str, drop_id: str, *, actor: Actor) -> InquirerRecord:
    """Move every inquiry of `drop_id` to `keep_id` and leave `drop_id` as a merged tombstone.

    Blank fields of the kept record are filled from the dropped one. Both records and every
    moved inquiry get rev+1 and an audit entry (action "merge"), so the merge is synced.
    """
    actor.require(Permission.RECORD)
    staff = actor.login
    if keep_id == drop_id:
        raise UserError("inquirer_merge_same")
    with db.write() as session:
        keep = _live(session, keep_id)
        drop = _live(session, drop_id)
        moved = session.scalars(select(Inquiry).where(Inquiry.inquirer_id == drop.id)).all()
        for inquiry in moved:
            writer.change(session, inquiry, {"inquirer": keep.id}, staff=staff, action="merge")
        gaps = {
            field: getattr(drop, field)
            for field in _GAP_FIELDS
            if not getattr(keep, field) and getattr(drop, field)
        }
        writer.change(session, keep, gaps, staff=staff, action="merge")
        writer.delete(session, drop, staff=staff, action="merge", values={"merged_into": keep.id})
        audit.log(
            session,
            staff=staff,
            action="merge",
            entity="inquirer",
            entity_id=keep.id,
            field="absorbed",
            new=drop.id,
        )
        session.flush()
        return inquirer_record(keep)


def undo_merge_cycles(session: Session, starts: Iterable[str], *, staff: str) -> int:
    """Undo each cycle of merges that the chains of `starts` (tombstones just taken) run into:
    the first inquirer of the cycle by id lives again, and every inquiry of the others moves
    to it; the others stay merged into one another, so each chain now ends at it. Returns the
    number of cycles undone.

    Both offices apply the same rule to the same rows, whichever package comes first: the
    revived row and the moved inquiries have the same content at each, and the later of the
    two versions wins at both when they meet (docs/sync-format.md, "Merges that meet in a
    cycle"). No person need decide which stays: both offices said they are one person, and
    nothing is lost either way (a blank a merge filled in the kept row is an edit, which
    meeting the other office's deletion is a conflict on 削除 as ever, left open here).
    """
    tombstones = set(starts)
    if not tombstones:
        return 0
    # Tombstones are few: their links read at once (no index on merged_into; one scan).
    links = {
        row_id: into
        for row_id, into in session.execute(
            select(Inquirer.id, Inquirer.merged_into).where(
                Inquirer.deleted.is_(True), Inquirer.merged_into.is_not(None)
            )
        )
    }
    # A tombstone has one link: cycles never share a row, and undoing one leaves the others.
    cycles = {merge_cycle(start, links.get) for start in tombstones} - {()}
    for cycle in sorted(cycles):
        keep, *dropped = cycle
        kept = _held(session, keep)
        assert kept is not None  # a row of the cycle just read
        writer.change(
            session, kept, {"deleted": False, "deleted_at": None, "merged_into": None},
            staff=staff, action="merge",
        )  # fmt: skip
        for inquiry in session.scalars(select(Inquiry).where(Inquiry.inquirer_id.in_(dropped))):
            writer.change(session, inquiry, {"inquirer": keep}, staff=staff, action="merge")
    return len(cycles)


def _probes(
    *, name: str, kana: str, phone: str, corporate_number: str, organization: str
) -> list[tuple[str, Select[str]]]:
    """One indexed query of inquirer ids per key the clerk has typed enough of."""
    probes: list[tuple[str, Select[str]]] = []
    key = text.match_key(organization, name)
    person = text.name_key(name)
    by_name = [
        _prefix(column, typed)
        for column, typed in ((Inquirer.match_key, key), (Inquirer.name_key, person))
        if len(typed) >= _MIN_KEY
    ]
    if by_name:
        probes.append(("name", _live_ids(or_(*by_name))))
    reading = text.fold(kana)
    if len(reading) >= _MIN_KEY:
        probes.append(("kana", _by_reading(reading)))
    digits = text.digits(phone)
    if _PHONE_DIGITS[0] <= len(digits) <= _PHONE_DIGITS[1]:
        probes.append(("phone", _live_ids(Inquirer.phone_digits == digits)))
    if corporate.is_valid_corporate_number(corporate_number):
        number = corporate.normalize_corporate_number(corporate_number)
        probes.append(("corporate_number", _live_ids(Inquirer.corporate_number == number)))
    return probes


def _live_ids(*conditions: ColumnElement[bool]) -> Select[str]:
    return select(Inquirer.id).where(Inquirer.deleted.is_(False), *conditions)


def _prefix(column: InstrumentedAttribute[str], key: str) -> ColumnElement[bool]:
    return (column >= key) & (column < key + _TOP)


def _by_reading(reading: str) -> Select[str]:
    """Inquirers whose folded kana, or whose name written in kana, starts with `reading`."""
    return _live_ids(or_(*(_prefix(column, reading) for column in _READING_COLUMNS)))


def _inquiry_counts(session: Session, inquirer_ids: Iterable[str]) -> dict[str, int]:
    query = (
        select(Inquiry.inquirer_id, func.count())
        .where(Inquiry.inquirer_id.in_(list(inquirer_ids)), Inquiry.deleted.is_(False))
        .group_by(Inquiry.inquirer_id)
    )
    return {inquirer_id: count for inquirer_id, count in session.execute(query)}


def _live(session: Session, inquirer_id: str) -> Inquirer:
    row = _held(session, inquirer_id)
    if row is None or row.deleted:
        raise UserError("inquirer_unknown", value=inquirer_id)
    return row


def _held(session: Session, inquirer_id: str) -> Inquirer | None:
    return session.scalar(select(Inquirer).where(Inquirer.id == inquirer_id))
