"""One audit entry as it is stored: the masked values and its link in the hash chain.

Free of SQLAlchemy, so that services.audit (through the ORM) and the command line's light read
(services.light_list, through sqlite3) write the very same row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.domain.audit_chain import entry_hash
from desktop_app.domain.audit_kinds import PERSONAL_MASK
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS


def shown(entity: str, field: str | None, value: Any) -> str | None:
    """A value as the trail keeps it: a personal field's value masked, never written."""
    if value is None:
        return None
    if entity == "inquirer" and field in PERSONAL_INQUIRER_FIELDS and value != "":
        return PERSONAL_MASK
    return str(value)


def entry_row(
    prev: str,
    at: dt.datetime,
    *,
    staff: str,
    action: str,
    entity: str,
    entity_id: str,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
) -> dict[str, Any]:
    """The audit_log row's columns (all but its key) for an entry after `prev`."""
    shown_old, shown_new = shown(entity, field, old), shown(entity, field, new)
    digest = entry_hash(
        prev, at, str(staff), str(action), str(entity), str(entity_id), field, shown_old, shown_new
    )
    return {
        "at": at,
        "staff": str(staff),
        "action": str(action),
        "entity": str(entity),
        "entity_id": str(entity_id),
        "field": field,
        "old": shown_old,
        "new": shown_new,
        "prev_hash": prev,
        "hash": digest,
    }
