"""Entries of the audit log, written inside the caller's transaction.

Personal information may be seen and changed by authorised staff only, with a record of who saw
or changed what (個人情報保護法 as applied to local governments, 2023): every service that
changes a synced row or shows personal fields writes here, in the same unit of work, so the log
and the change commit or vanish together.

The log records that a personal field was set, changed or cleared, never its value: a value
is written as PERSONAL_MASK (an empty one stays empty). The trail is then no copy of personal
data, an export of it carries none, and the retention's erasure leaves it untouched, which
the append-only triggers (migration 0006) require: nothing in the program edits or deletes an
entry.

Each entry is chained to the one before it (domain/audit_chain.py): its hash covers its content
and the previous entry's hash, so `check` (services/audit_chain_check.py) names an entry edited
or removed by someone who dropped the triggers. Writes run one at a time (BEGIN IMMEDIATE), so
the newest hash read inside the transaction is the one the next entry links to.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, exists, func, insert, select
from sqlalchemy.orm import Session

from db import bulk
from db.engine import Database
from db.models import AuditLog, utc_now
from desktop_app.domain.audit_chain import GENESIS, entry_hash
from desktop_app.domain.audit_kinds import PERSONAL_MASK
from desktop_app.domain.errors import UserError
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services.audit_entry import entry_row
from desktop_app.services.audit_entry import shown as _shown


def log(
    session: Session,
    *,
    staff: str,
    action: str,
    entity: str,
    entity_id: str,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> None:
    row = entry_row(
        _tail(session), utc_now(), staff=staff, action=action, entity=entity,
        entity_id=entity_id, field=field, old=old, new=new,
    )  # fmt: skip
    session.add(AuditLog(**row))
    session.info[_TAIL] = (session.get_transaction(), row["hash"])


_TAIL = "renkei_audit_tail"


@dataclass(frozen=True)
class Entry:
    """One entry for `log_many`: what `log` takes."""

    staff: str
    action: str
    entity: str
    entity_id: str
    field: str | None = None
    old: Any = None
    new: Any = None


def log_many(session: Session, entries: Sequence[Entry]) -> None:
    """Entries chained and masked exactly as `log` writes them, in one statement: a retention
    run writes one per erased inquirer, tens of thousands."""
    if not entries:
        return
    session.flush()  # entries added before these take their places in the chain first
    at = utc_now()
    prev = _tail(session)
    rows = []
    for entry in entries:
        old = _shown(entry.entity, entry.field, entry.old)
        new = _shown(entry.entity, entry.field, entry.new)
        digest = entry_hash(
            prev, at, entry.staff, entry.action, entry.entity, entry.entity_id, entry.field,
            old, new,
        )  # fmt: skip
        rows.append(
            {
                "at": at,
                "staff": entry.staff,
                "action": entry.action,
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "field": entry.field,
                "old": old,
                "new": new,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    bulk.execute_many(session.connection(), insert(AuditLog), rows)
    session.info[_TAIL] = (session.get_transaction(), prev)


def _tail(session: Session) -> str:
    """The hash of the newest entry: remembered within this transaction, else read."""
    known = session.info.get(_TAIL)
    if known is not None and known[0] is session.get_transaction():
        return str(known[1])
    newest = session.scalar(NEWEST_HASH)
    return newest or GENESIS


# The chain's newest link (the command line's light read runs it too: services.light_sql).
NEWEST_HASH = select(AuditLog.hash).order_by(AuditLog.pk.desc()).limit(1)
# One entry added, every column bound by name: the command line's light read (light_sql)
# appends its sign-in entry with this statement, so the trail keeps one writer.
ADD_ENTRY = insert(AuditLog).values(
    {c.name: bindparam(c.name) for c in AuditLog.__table__.c if not c.primary_key}
)


def log_refusal(db: Database, refusal: UserError) -> None:
    """A refused permission (`permission_denied`) as an entry of its own: who tried what.

    Written in a transaction of its own after the refused one rolled back, by the CLI and the
    window wherever they show the refusal; other refusals are bad input, not attempts."""
    if refusal.code != "permission_denied":
        return
    params = refusal.params
    with db.write() as session:
        log(
            session, staff=str(params.get("login", "?")), action="denied", entity="permission",
            entity_id=str(params.get("permission", "")), new=str(params.get("role_code", "")),
        )  # fmt: skip


def failed_sign_ins(
    session: Session, login: str, *, since: dt.datetime, reset_by: tuple[str, ...]
) -> int:
    """Failed sign-ins of `login` since `since` and after its last entry of a `reset_by` kind
    (what slows its next sign-in down: services.staff)."""
    reset = session.scalar(failure_reset(login, reset_by))
    return session.scalar(failures_after(login, since, reset or 0)) or 0


def has_entry(entity: str, entity_id: Any, action: str) -> ColumnElement[bool]:
    """An SQL condition: the trail holds an `action` entry on `entity` `entity_id` (a column of
    the outer query, correlated; the lookup is `ix_audit_entity`)."""
    return exists().where(
        AuditLog.entity == entity, AuditLog.entity_id == entity_id, AuditLog.action == action
    )


def failure_reset(login: str, reset_by: tuple[str, ...]) -> Select[int]:
    """The newest entry that ends `login`'s run of failures (sign-in, unlock, new password)."""
    return select(func.max(AuditLog.pk)).where(*_about_login(login), AuditLog.action.in_(reset_by))


def failures_after(login: str, since: dt.datetime, after: int) -> Select[int]:
    """How many failed sign-ins of `login` since `since` and after the entry `after`."""
    return (
        select(func.count())
        .select_from(AuditLog)
        .where(
            *_about_login(login),
            AuditLog.action == "sign_in_failed",
            AuditLog.at >= since,
            AuditLog.pk > after,
        )
    )


def _about_login(login: str) -> tuple[ColumnElement[bool], ...]:
    return (AuditLog.entity == "staff", AuditLog.entity_id == login)


def masked_content(entity: str, content_json: str) -> str:
    """A whole row's JSON (a conflict's local version) with its personal values masked."""
    if entity != "inquirer":
        return content_json
    content = json.loads(content_json)
    for key in PERSONAL_INQUIRER_FIELDS:
        if content.get(key):
            content[key] = PERSONAL_MASK
    return json.dumps(content, ensure_ascii=False, sort_keys=True)


def log_changes(
    session: Session,
    *,
    staff: str,
    action: str,
    entity: str,
    entity_id: str,
    changes: Mapping[str, tuple[Any, Any]],
) -> None:
    """One entry per changed field: {field: (old, new)}."""
    for field, (old, new) in changes.items():
        log(
            session,
            staff=staff,
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old=old,
            new=new,
        )
