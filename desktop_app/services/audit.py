"""Entries of the audit log, written inside the caller's transaction.

Personal information may be seen and changed by authorised staff only, with a record of who saw
or changed what (個人情報保護法 as applied to local governments, 2023): every service that
changes a synced row or shows personal fields writes here, in the same unit of work, so the log
and the change commit or vanish together.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from db.models import AuditLog


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
    session.add(
        AuditLog(
            staff=staff,
            action=action,
            entity=entity,
            entity_id=entity_id,
            field=field,
            old=None if old is None else str(old),
            new=None if new is None else str(new),
        )
    )


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
