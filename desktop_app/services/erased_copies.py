"""The exchange's stored copies of erased inquirers, emptied of their personal values.

`sync_base` keeps the versions last sent to and received from each office (and those sent
before that the office has not answered), `conflict` the versions a person has yet to choose
between; both are copies of a row's content. Erased data must not live on in them (nor come
back from them as a merge base or a resolution), so the retention and an import that takes an
erasure both call `blank`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Conflict, SyncBase
from desktop_app.domain import erasure
from desktop_app.excel.package_row import canonical_json


def blank(session: Session, ids: Sequence[str]) -> None:
    """The exchange's stored versions of these inquirers, emptied of their personal values."""
    for base in session.scalars(
        select(SyncBase).where(SyncBase.entity == "inquirer", SyncBase.entity_id.in_(ids))
    ):
        base.received = _blanked(base.received)
        base.sent = _blanked(base.sent)
        base.sent_earlier = _blanked_each(base.sent_earlier)
        base.sent_personal_earlier = _blanked_each(base.sent_personal_earlier)
    for conflict in session.scalars(
        select(Conflict).where(Conflict.entity == "inquirer", Conflict.entity_id.in_(ids))
    ):
        conflict.base_json = _blanked(conflict.base_json)
        conflict.local_json = _blanked(conflict.local_json) or "{}"
        conflict.incoming_json = _blanked(conflict.incoming_json) or "{}"


def blank_sent(session: Session, entity_id: str, peer: str) -> None:
    """The versions of an inquirer sent to `peer`, emptied of their personal values: the peer
    erased it and holds none of them now, though we keep ours (the centre refusing a branch's
    erasure), so that our values count as news to it and travel with the next personal
    package."""
    base = session.get(SyncBase, ("inquirer", entity_id, peer))
    if base is not None:
        base.sent = _blanked(base.sent)
        base.sent_earlier = _blanked_each(base.sent_earlier)
        base.sent_personal_earlier = _blanked_each(base.sent_personal_earlier)


def _blanked(content_json: str | None) -> str | None:
    if not content_json:
        return content_json
    return canonical_json(erasure.blank_personal(json.loads(content_json)))


def _blanked_each(versions_json: str | None) -> str | None:
    """A JSON object of version id -> content, each content blanked."""
    if not versions_json:
        return versions_json
    return json.dumps(
        {
            version: erasure.blank_personal(content)
            for version, content in json.loads(versions_json).items()
        },
        ensure_ascii=False,
        sort_keys=True,
    )
