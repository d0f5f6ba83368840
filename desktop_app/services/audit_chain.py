"""Verifying the audit trail's hash chain: part of `check`.

Recomputes every entry's hash from its content and the previous entry's hash, oldest first, and
stops at the first entry that disagrees: one whose content was edited, or the one after an
entry that was removed (its link then points at nothing). Read-only and streamed, so a trail of
a million entries costs seconds, not memory. What the chain proves and what it cannot is said
in domain/audit_chain.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from db.engine import Database
from db.models import AuditLog
from desktop_app.domain.audit_chain import GENESIS, entry_hash

_BATCH = 2_000


@dataclass(frozen=True)
class BrokenLink:
    pk: int
    reason: str  # "edited" (content or hash) or "link" (an entry before it is missing or edited)

    def problem(self) -> str:
        why = (
            "its content does not match its hash (edited)"
            if self.reason == "edited"
            else "it does not follow the entry before it (an entry was removed or edited)"
        )
        return f"audit trail: entry {self.pk} breaks the hash chain: {why}"


def first_broken(db: Database) -> BrokenLink | None:
    """The first entry at which the chain breaks, or None when the whole trail verifies."""
    columns = (
        AuditLog.pk, AuditLog.at, AuditLog.staff, AuditLog.action, AuditLog.entity,
        AuditLog.entity_id, AuditLog.field, AuditLog.old, AuditLog.new,
        AuditLog.prev_hash, AuditLog.hash,
    )  # fmt: skip
    expected = GENESIS
    with db.read() as session:
        rows = session.execute(
            select(*columns).order_by(AuditLog.pk).execution_options(yield_per=_BATCH)
        )
        for row in rows:
            if row.prev_hash != expected:
                return BrokenLink(row.pk, "link")
            digest = entry_hash(
                row.prev_hash, row.at, row.staff, row.action, row.entity, row.entity_id,
                row.field, row.old, row.new,
            )  # fmt: skip
            if digest != row.hash:
                return BrokenLink(row.pk, "edited")
            expected = digest
    return None


def chain_problems(db: Database) -> list[str]:
    broken = first_broken(db)
    return [] if broken is None else [broken.problem()]
