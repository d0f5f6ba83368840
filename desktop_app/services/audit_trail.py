"""Reading the audit trail: the supervisors' viewer, `audit list` and `audit export`.

Only reading: nothing here (nor anywhere in the program) updates or deletes an entry, and
the database refuses it too (migration 0006). Entries come newest first, paged by key (never
OFFSET), so the viewer opens a trail of millions of entries at once. The entries hold no
personal values (services.audit masks them), so an export is no copy of personal data; and
reading or exporting the trail needs Permission.AUDIT (supervisors), so a clerk gets nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import Action, AuditLog, Inquiry
from desktop_app.domain import audit_kinds, fields
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.audit_display import Labels, cell_value, safe_text, shown_value
from desktop_app.domain.audit_labels import audit_labels
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import DEFAULT_ZONE, local_datetime
from desktop_app.excel.audit_workbook import write_audit
from desktop_app.services import audit, lookup, output_files

PAGE = 200
MAX_LIMIT = 10_000
_CHUNK = 500


@dataclass(frozen=True)
class AuditFilter:
    """Conditions of the viewer and of `audit list` (all optional; days are local dates)."""

    since: dt.date | None = None
    until: dt.date | None = None
    staff: str = ""
    action: str = ""
    text: str = ""  # a receipt number, an id, or words in a field name or value


@dataclass(frozen=True)
class AuditEntry:
    pk: int
    at: dt.datetime  # the office's local time
    staff: str
    action: str
    entity: str
    entity_id: str
    field: str | None
    old: str | None
    new: str | None
    receipt_no: str | None  # of the inquiry the entry is about, when it is about one
    # old and new as shown: codes as labels, moments in local time, control characters escaped
    old_shown: str = ""
    new_shown: str = ""

    def to_json(self) -> dict[str, Any]:
        """The codes as stored (a script's contract), made safe for a terminal."""
        return {
            "at": self.at.replace(tzinfo=ZoneInfo(DEFAULT_ZONE)).isoformat(timespec="seconds"),
            "staff": self.staff,
            "action": self.action,
            "entity": self.entity,
            "entity_id": self.entity_id,
            "field": self.field,
            "old": None if self.old is None else safe_text(self.old),
            "new": None if self.new is None else safe_text(self.new),
        }

    def field_label(self, lang: str) -> str:
        if not self.field:
            return ""
        try:
            return fields.field(self.entity, self.field).label_in(lang)
        except KeyError:
            return self.field


@dataclass(frozen=True)
class AuditPage:
    count: int  # every entry that matches
    items: tuple[AuditEntry, ...]


def list_entries(
    db: Database,
    flt: AuditFilter = AuditFilter(),
    *,
    actor: Actor,
    limit: int = PAGE,
    before: int | None = None,
    with_count: bool = True,
    lang: str = "ja",
) -> AuditPage:
    """Matching entries, newest first; `before` (a pk) continues after the last page shown."""
    actor.require(Permission.AUDIT)
    _check_action(flt.action)
    if not 1 <= limit <= MAX_LIMIT:
        raise UserError("count_invalid", value=limit, limit=MAX_LIMIT)
    labels = lookup.labels(db, lang)
    with db.read() as session:
        conditions = _conditions(session, flt)
        count = (
            session.scalar(select(func.count()).select_from(AuditLog).where(*conditions)) or 0
            if with_count
            else 0
        )
        query = select(AuditLog).where(*conditions)
        if before is not None:
            query = query.where(AuditLog.pk < before)
        rows = list(session.scalars(query.order_by(AuditLog.pk.desc()).limit(limit)))
        return AuditPage(count, tuple(_entries(session, rows, lang, labels)))


def staff_logins(db: Database, *, actor: Actor) -> list[str]:
    """Every login the trail names, for the viewer's staff filter."""
    actor.require(Permission.AUDIT)
    with db.read() as session:
        return list(session.scalars(select(AuditLog.staff).distinct().order_by(AuditLog.staff)))


@dataclass(frozen=True)
class AuditExport:
    path: Path
    count: int


def export_entries(
    db: Database,
    out: Path,
    flt: AuditFilter = AuditFilter(),
    *,
    actor: Actor,
    lang: str = "ja",
    overwrite: bool = False,
) -> AuditExport:
    """The matching entries as an .xlsx at `out`, all or nothing (services/output_files: an
    existing file only with `overwrite`); the export is audited."""
    actor.require(Permission.AUDIT)
    _check_action(flt.action)
    labels = lookup.labels(db, lang)
    written = output_files.output(db, out, overwrite=overwrite, refusal="audit_export_failed")
    with written as temporary, db.read() as session:
        conditions = _conditions(session, flt)
        count = write_audit(temporary, _sheet_rows(session, conditions, lang, labels))
    with db.write() as session:
        audit.log(
            session, staff=actor.login, action="export", entity="audit",
            entity_id=out.name, new=f"{count} {out.name}",
        )  # fmt: skip
    return AuditExport(out, count)


def _sheet_rows(
    session: Session, conditions: list[Any], lang: str, labels: Labels
) -> Iterator[list[Any]]:
    before: int | None = None
    while True:
        query = select(AuditLog).where(*conditions)
        if before is not None:
            query = query.where(AuditLog.pk < before)
        rows = list(session.scalars(query.order_by(AuditLog.pk.desc()).limit(_CHUNK)))
        if not rows:
            return
        for entry in _entries(session, rows, lang, labels):
            words = audit_labels(entry.action, entry.entity, entry.field, lang)
            yield [
                entry.at,
                entry.staff,
                words.action,
                words.entity,
                entry.receipt_no or "",
                entry.entity_id,
                safe_text(entry.field_label(lang)),
                cell_value(entry.entity, entry.field, entry.action, entry.old, lang, labels),
                cell_value(entry.entity, entry.field, entry.action, entry.new, lang, labels),
            ]
        before = rows[-1].pk


def _check_action(action: str) -> None:
    if action and action not in audit_kinds.ACTION_LABELS:
        allowed = ", ".join(audit_kinds.ACTION_LABELS)
        raise UserError("audit_action_unknown", value=action, allowed=allowed)


def _conditions(session: Session, flt: AuditFilter) -> list[Any]:
    conditions: list[Any] = []
    if flt.since is not None:
        conditions.append(AuditLog.at >= _utc_start(flt.since))
    if flt.until is not None:
        conditions.append(AuditLog.at < _utc_start(flt.until + dt.timedelta(days=1)))
    if flt.staff:
        conditions.append(AuditLog.staff == flt.staff)
    if flt.action:
        conditions.append(AuditLog.action == flt.action)
    text = flt.text.strip()
    if text:
        pattern = f"%{_escaped(text)}%"
        ids = _ids_of_receipt(session, text) + [text]
        conditions.append(
            or_(
                AuditLog.entity_id.in_(ids),
                AuditLog.field.like(pattern, escape="\\"),
                AuditLog.old.like(pattern, escape="\\"),
                AuditLog.new.like(pattern, escape="\\"),
            )
        )
    return conditions


def _ids_of_receipt(session: Session, receipt_no: str) -> list[str]:
    """The inquiry with this receipt number, its inquirer and its actions."""
    found = session.execute(
        select(Inquiry.id, Inquiry.inquirer_id).where(Inquiry.receipt_no == receipt_no.upper())
    ).first()
    if found is None:
        return []
    actions = session.scalars(select(Action.id).where(Action.inquiry_id == found.id))
    return [found.id, found.inquirer_id, *actions]


def _entries(
    session: Session, rows: Sequence[AuditLog], lang: str, labels: Labels
) -> Iterator[AuditEntry]:
    """Entries as shown: what a person typed (a login at a failed sign-in, an id) escaped."""
    receipts = _receipts(session, rows)
    for row in rows:
        yield AuditEntry(
            pk=row.pk,
            at=local_datetime(row.at, DEFAULT_ZONE),
            staff=safe_text(row.staff),
            action=row.action,
            entity=row.entity,
            entity_id=safe_text(row.entity_id),
            field=row.field,
            old=row.old,
            new=row.new,
            receipt_no=receipts.get(row.entity_id),
            old_shown=shown_value(row.entity, row.field, row.action, row.old, lang, labels),
            new_shown=shown_value(row.entity, row.field, row.action, row.new, lang, labels),
        )


def _receipts(session: Session, rows: Sequence[AuditLog]) -> dict[str, str]:
    """Receipt numbers of the inquiries (and actions' inquiries) a page is about."""
    inquiry_ids = {row.entity_id for row in rows if row.entity == "inquiry"}
    action_ids = {row.entity_id for row in rows if row.entity == "action"}
    found: dict[str, str] = {}  # rows unpack as (id, receipt_no)
    if inquiry_ids:
        found.update(
            session.execute(
                select(Inquiry.id, Inquiry.receipt_no).where(Inquiry.id.in_(inquiry_ids))
            ).all()
        )
    if action_ids:
        found.update(
            session.execute(
                select(Action.id, Inquiry.receipt_no)
                .join(Inquiry, and_(Inquiry.id == Action.inquiry_id))
                .where(Action.id.in_(action_ids))
            ).all()
        )
    return found


def _utc_start(day: dt.date) -> dt.datetime:
    """The stored (naive UTC) moment at which the office's local `day` begins."""
    local = dt.datetime.combine(day, dt.time(), tzinfo=ZoneInfo(DEFAULT_ZONE))
    return local.astimezone(dt.UTC).replace(tzinfo=None)


def _escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
