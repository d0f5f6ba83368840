"""A synced row's content as packages carry it, and back: one definition per kind of row.

The content is every synced field but the version columns, in JSON form (dates as ISO text,
code lists sorted), keyed as the record contract keys them. It is what the merge compares
field by field and what `sync_base` keeps; a package without personal fields simply leaves
those keys out ("not sent", never "emptied").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from db.models import Action, Inquirer, Inquiry
from desktop_app.domain import fields
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.sync_package import PackageRow, version_id

SyncedRow = Inquirer | Inquiry | Action
MODELS: dict[str, type[SyncedRow]] = {"inquirer": Inquirer, "inquiry": Inquiry, "action": Action}

# Content keys per entity: the catalogue's fields, plus the links and bookkeeping that travel.
_TRAVEL = {
    "inquirer": ("merged_into", "erased_at"),
    "inquiry": ("inquirer", "source", "source_key"),
    "action": ("inquiry_id",),
}
_KEYS: dict[str, tuple[str, ...]] = {
    entity: (*(f.key for f in fields.fields_of(entity)), *extra, "deleted", "deleted_at")
    for entity, extra in _TRAVEL.items()
}
# How a value is written in JSON (text unless named here).
_DATES = {f.key for f in fields.ALL_FIELDS if f.kind is fields.Kind.DATE}
_TIMES = {f.key for f in fields.ALL_FIELDS if f.kind is fields.Kind.TIME} | {
    "deleted_at",
    "erased_at",
}
_LISTS = {f.key for f in fields.ALL_FIELDS if f.kind is fields.Kind.CODES}
# Content key -> model attribute, where they differ.
_ATTRIBUTE = {
    "office": "office_code",
    "inquirer": "inquirer_id",
    "relationship": "relationship_code",
}


def stamp_text(moment: dt.datetime) -> str:
    """A stored time as it travels: ISO with microseconds, naive UTC like every stored time."""
    return moment.isoformat(timespec="microseconds")


def version_of(row: SyncedRow) -> str:
    return version_id(row.rev, stamp_text(row.updated_at))


def content_of(row: SyncedRow, *, personal: bool = True) -> dict[str, Any]:
    entity = entity_of(row)
    content: dict[str, Any] = {}
    for key in _KEYS[entity]:
        if not personal and entity == "inquirer" and key in PERSONAL_INQUIRER_FIELDS:
            continue
        content[key] = _to_json(key, _read(row, key))
    return content


def package_row(row: SyncedRow, *, seen: str | None, personal: bool) -> PackageRow:
    return PackageRow(
        entity=entity_of(row),
        id=row.id,
        origin=row.origin,
        rev=row.rev,
        updated_at=stamp_text(row.updated_at),
        updated_by=row.updated_by,
        seen=seen,
        content=content_of(row, personal=personal),
    )


def typed_values(entity: str, content: Mapping[str, Any]) -> dict[str, Any]:
    """Content back in the values the writer sets (dates as dates, code lists as tuples).

    Text stays as it is; a date or time is parsed once per distinct value (a package of
    thousands of rows holds the same days over and over).
    """
    known = _KNOWN[entity]
    typed: dict[str, Any] = {}
    for key, value in content.items():
        if key in known:
            convert = _FROM_JSON.get(key)
            typed[key] = value if convert is None or value is None else convert(value)
    return typed


def new_row(entity: str, row_id: str) -> SyncedRow:
    model = MODELS[entity]
    return model(id=row_id)


def entity_of(row: SyncedRow) -> str:
    if isinstance(row, Inquirer):
        return "inquirer"
    if isinstance(row, Inquiry):
        return "inquiry"
    return "action"


def keys_of(entity: str) -> tuple[str, ...]:
    return _KEYS[entity]


def _read(row: SyncedRow, key: str) -> Any:
    if key in _LISTS:
        return [item.code for item in getattr(row, key)]
    return getattr(row, _ATTRIBUTE.get(key, key))


def _to_json(key: str, value: Any) -> Any:
    if value is None:
        return None
    if key in _TIMES:
        return stamp_text(value)
    if key in _DATES:
        return value.isoformat()
    if key in _LISTS:
        return sorted(value)
    return value


def _codes(value: Any) -> tuple[str, ...]:
    return tuple(sorted(value))


_KNOWN = {entity: frozenset(keys) for entity, keys in _KEYS.items()}
_TIME_OF = lru_cache(maxsize=1 << 14)(dt.datetime.fromisoformat)
_DATE_OF = lru_cache(maxsize=1 << 12)(dt.date.fromisoformat)
# How a JSON value becomes the value the writer sets, by key (text: as it is).
_FROM_JSON: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(_LISTS, _codes),
    **dict.fromkeys(_DATES, _DATE_OF),
    **dict.fromkeys(_TIMES, _TIME_OF),
}
