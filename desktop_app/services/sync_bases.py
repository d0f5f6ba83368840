"""What this database knows of its peers' copies of rows (`sync_base`), looked up in chunks.

Both directions of the exchange ask the same question, the version last received from a peer
of each of many rows: an export to leave out what the peer already holds, an import to count
a re-imported row without loading it. One chunked lookup serves both.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import TextClause, select, text
from sqlalchemy.orm import Session

from db.models import SyncBase

CHUNK = 900  # ids per IN (...) list: under SQLite's default limit of bound parameters


def received_versions(
    session: Session, entity: str, peer: str, ids: list[str]
) -> dict[str, str | None]:
    """The version last received from `peer` of each row of `ids` that has one."""
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), CHUNK):
        found.update(
            (row_id, version)
            for row_id, version in session.execute(
                select(SyncBase.entity_id, SyncBase.received_version).where(
                    SyncBase.entity == entity,
                    SyncBase.peer == peer,
                    SyncBase.entity_id.in_(ids[start : start + CHUNK]),
                )
            )
        )
    return found


def received_contents(
    session: Session, entity: str, peer: str, ids: list[str]
) -> dict[str, dict[str, Any]]:
    """The content last received from `peer` of each row of `ids` that has one."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), CHUNK):
        found.update(
            (row_id, json.loads(content or "{}"))
            for row_id, content in session.execute(
                select(SyncBase.entity_id, SyncBase.received).where(
                    SyncBase.entity == entity,
                    SyncBase.peer == peer,
                    SyncBase.entity_id.in_(ids[start : start + CHUNK]),
                    SyncBase.received.is_not(None),
                )
            )
        )
    return found


def keeping_personal(column: str) -> TextClause:
    """The upsert's new `column` (`sent` or `received`), keeping the personal values it had.

    A package without personal fields says nothing of them: the values last exchanged stay the
    merge base of those fields (`json_patch` lays the new content over the old one).
    """
    return text(
        f"CASE WHEN excluded.entity = 'inquirer'"
        f" AND json_type(excluded.{column}, '$.name') IS NULL"
        f" AND json_type(sync_base.{column}, '$.name') IS NOT NULL"
        f" THEN json_patch(sync_base.{column}, excluded.{column})"
        f" ELSE excluded.{column} END"
    )
