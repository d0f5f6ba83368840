"""What this database knows of its peers' copies of rows (`sync_base`), looked up at once.

Both directions of the exchange ask the same question, the version last received from a peer
of each of many rows: an export to leave out what the peer already holds, an import to count
a re-imported row without loading it. One lookup serves both: the ids go to SQLite as one JSON
array (`among`), so a package's seventy thousand rows are one statement, not eighty chunks of
IN lists that SQLAlchemy compiles one by one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, TextClause, func, literal_column, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from db.models import SyncBase
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.package_row import PackageRow, rev_of

CHUNK = 900  # ids per IN (...) list: under SQLite's default limit of bound parameters


def among(column: InstrumentedAttribute[Any], ids: list[str]) -> ColumnElement[bool]:
    """`column IN (ids)`, the ids bound as one JSON array that SQLite reads with json_each:
    one statement and one parameter however many ids, each still looked up by the column's
    index."""
    listed: Select[Any] = select(literal_column("value")).select_from(
        func.json_each(json.dumps(ids))
    )
    return column.in_(listed)


def received_versions(
    session: Session, entity: str, peer: str, ids: list[str], *, personal: bool = False
) -> dict[str, str | None]:
    """The version last received from `peer` of each row of `ids` that has one; with
    `personal`, the version last taken in a package with personal fields."""
    if not ids:
        return {}
    column = SyncBase.received_personal_version if personal else SyncBase.received_version
    query = select(SyncBase.entity_id, column).where(
        SyncBase.entity == entity, SyncBase.peer == peer, among(SyncBase.entity_id, ids)
    )
    return {row_id: version for row_id, version in session.execute(query)}


def received_contents(
    session: Session, entity: str, peer: str, ids: list[str]
) -> dict[str, dict[str, Any]]:
    """The content last received from `peer` of each row of `ids` that has one."""
    if not ids:
        return {}
    return {
        row_id: json.loads(content or "{}")
        for row_id, content in session.execute(
            select(SyncBase.entity_id, SyncBase.received).where(
                SyncBase.entity == entity,
                SyncBase.peer == peer,
                among(SyncBase.entity_id, ids),
                SyncBase.received.is_not(None),
            )
        )
    }


def personal_news(
    session: Session,
    peer: str,
    rows: Iterable[PackageRow],
    received_versions: Mapping[str, str | None],
) -> set[str]:
    """Inquirers of `rows` in the version last received from `peer`, but not with these
    personal values (a version received without them, or with others): an import merges
    them, and a personal package carries them although the peer sent that version."""
    same = [row for row in rows if received_versions.get(row.id) == row.version]
    held = received_contents(session, "inquirer", peer, [row.id for row in same])
    return {row.id for row in same if _news(row, held.get(row.id, {}))}


def late_personal(
    session: Session,
    peer: str,
    rows: Iterable[PackageRow],
    received_versions: Mapping[str, str | None],
) -> set[str]:
    """Inquirers of `rows` (a package with personal fields) older than the version last
    received from `peer`, yet newer than the one whose personal values we last took from it
    and with other personal values than those last received: a personal package that arrived
    after a later one without them. Its personal values are news, which nothing would carry
    again (the sender sent them). Only stale rows are looked up: none in the usual import."""
    older = {
        row.id: row
        for row in rows
        if (version := received_versions.get(row.id))
        and version != row.version
        and rev_of(version) > row.rev
    }
    if not older:
        return set()
    query = select(SyncBase.entity_id, SyncBase.received_personal_version, SyncBase.received).where(
        SyncBase.entity == "inquirer", SyncBase.peer == peer, among(SyncBase.entity_id, list(older))
    )
    return {
        row_id
        for row_id, taken, received in session.execute(query)
        if (taken is None or rev_of(taken) < older[row_id].rev)
        and _news(older[row_id], json.loads(received or "{}"))
    }


def _news(row: PackageRow, held: Mapping[str, Any]) -> bool:
    """Whether a personal value `row` carries is not the one `held`."""
    return any(
        key not in held or held[key] != row.content[key]
        for key in PERSONAL_INQUIRER_FIELDS
        if key in row.content
    )


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


def keeping_personal_version(column: str) -> TextClause:
    """The upsert's new `column` (`sent_personal_version` or `received_personal_version`): the
    row's version when the package carried its personal fields, else the one it had."""
    return text(f"coalesce(excluded.{column}, sync_base.{column})")
