"""Verifying the audit trail's hash chain: part of `check`.

Recomputes every entry's hash from its content and the previous entry's hash, oldest first, and
stops at the first entry that disagrees: one whose content was edited, or the one after an
entry that was removed (its link then points at nothing). Read-only and streamed, so a trail of
a million entries costs seconds, not memory. What the chain proves and what it cannot is said
in domain/audit_chain.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.engine import Database
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
    """The first entry at which the chain breaks, or None when the whole trail verifies.

    Reads the rows as stored (plain SQL, the time as its text): parsing a million times into
    datetimes would cost more than the hashing."""
    expected = GENESIS
    with db.read() as session:
        rows = session.connection().exec_driver_sql(
            "SELECT pk, at, staff, action, entity, entity_id, field, old, new, prev_hash, hash"
            " FROM audit_log ORDER BY pk"
        )
        while batch := rows.fetchmany(_BATCH):
            for pk, at, staff, action, entity, entity_id, field, old, new, prev, stored in batch:
                if prev != expected:
                    return BrokenLink(pk, "link")
                digest = entry_hash(
                    prev, str(at), str(staff), str(action), str(entity), str(entity_id),
                    field, old, new,
                )  # fmt: skip
                if digest != stored:
                    return BrokenLink(pk, "edited")
                expected = digest
    return None


def chain_problems(db: Database) -> list[str]:
    broken = first_broken(db)
    return [] if broken is None else [broken.problem()]
