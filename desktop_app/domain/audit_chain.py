"""The hash chain of the audit trail: what makes an edited or removed entry show.

Every entry stores the SHA-256 of its own content together with the previous entry's hash, as
append-only logs (certificate transparency, git) do. The database's triggers refuse UPDATE and
DELETE, but whoever can drop a trigger can edit a file; the chain makes such an edit visible:
recomputing it from the first entry stops at the first entry whose content or link no longer
agrees. (Removing the newest entries leaves a shorter chain that still verifies; a backup or a
package sent elsewhere keeps the longer one.)

The content is hashed exactly as stored: the time as SQLite holds it (naive UTC, microseconds)
and the masked values services.audit writes. The formula is frozen: migration 0008 carries a
copy to chain the entries written before it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

# The "previous hash" of the first entry.
GENESIS = "0" * 64
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def entry_hash(
    prev: str,
    at: dt.datetime | str,
    staff: str,
    action: str,
    entity: str,
    entity_id: str,
    field: str | None,
    old: str | None,
    new: str | None,
) -> str:
    """SHA-256 (hex) of the entry's content and the previous entry's hash. `at` may be the
    stored text itself (what a verifier reads without parsing every time)."""
    content = [prev, stored_time(at), staff, action, entity, entity_id, field, old, new]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def stored_time(at: dt.datetime | str) -> str:
    """The moment as SQLite holds it (naive UTC, microseconds): `2026-12-06 17:52:00.000000`."""
    if isinstance(at, str):
        if len(at) == len("2026-12-06 17:52:00.000000"):
            return at
        at = dt.datetime.fromisoformat(at)
    return at.strftime(TIME_FORMAT)
