"""A synced row's content as packages carry it, and back: one definition per kind of row.

The content is every synced field but the version columns, in JSON form (dates as ISO text,
code lists sorted), keyed as the record contract keys them. It is what the merge compares
field by field and what `sync_base` keeps; a package without personal fields simply leaves
those keys out ("not sent", never "emptied").
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from db.models import (
    Action,
    Inquirer,
    Inquiry,
)
from desktop_app.domain import fields
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.excel.package_row import PackageRow, version_id

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
# Content key -> model attribute, where they differ (the catalogue's `column`, and the link).
ATTRIBUTE = {f.key: f.attribute for f in fields.ALL_FIELDS if f.column} | {
    "inquirer": "inquirer_id"
}
# A code list's table (its rows name the inquiry by `inquiry_pk`), through the relationship.
LIST_TABLES: dict[str, Any] = {
    f.key: Inquiry.__mapper__.relationships[f.attribute].mapper.class_
    for f in fields.INQUIRY_FIELDS
    if f.table
}


def stamp_text(moment: dt.datetime) -> str:
    """A stored time as it travels: ISO with microseconds, naive UTC like every stored time."""
    return moment.isoformat(timespec="microseconds")


def stamp_of(text: str) -> dt.datetime:
    """A travelling time (`stamp_text`) as stored again."""
    return dt.datetime.fromisoformat(text)


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


def package_rows(
    session: Session, entity: str, where: ColumnElement[bool], *, personal: bool
) -> list[PackageRow]:
    """The rows of `entity` that `where` picks, each its version and `content_of` (`seen`
    None), in the order they were stored.

    Read as plain columns, one query per table and per code list: a package carries tens of
    thousands of rows, and loading each as a mapped object took most of an export's time.
    tests/sync/test_package_rows.py holds it to `content_of` of the loaded objects.
    """
    model: Any = MODELS[entity]
    keys = [
        key
        for key in _KEYS[entity]
        if personal or entity != "inquirer" or key not in PERSONAL_INQUIRER_FIELDS
    ]
    plain = [key for key in keys if key not in _LISTS]
    forms = [_json_form(key) for key in plain]
    found = session.execute(
        select(
            model.pk, model.id, model.origin, model.rev, model.updated_at, model.updated_by,
            *(getattr(model, ATTRIBUTE.get(key, key)) for key in plain),
        )
        .where(where)
        .order_by(model.pk)
    ).all()  # fmt: skip
    lists = {key: _code_lists(session, key, model, where) for key in keys if key in _LISTS}
    rows = []
    for pk, row_id, origin, rev, updated_at, updated_by, *values in found:
        content = {
            key: value if form is None or value is None else form(value)
            for key, form, value in zip(plain, forms, values, strict=True)
        }
        for key, codes in lists.items():
            content[key] = codes.get(pk, [])
        rows.append(
            PackageRow(
                entity, row_id, origin, rev, stamp_text(updated_at), updated_by, None, content
            )
        )
    return rows


def _json_form(key: str) -> Callable[[Any], Any] | None:
    """How `_to_json` writes a value of `key` that is not None (None: as it is)."""
    if key in _TIMES:
        return stamp_text
    if key in _DATES:
        return dt.date.isoformat
    return None


def _code_lists(
    session: Session, key: str, model: Any, where: ColumnElement[bool]
) -> dict[int, list[str]]:
    """Each picked inquiry's codes of list `key`, sorted, by the inquiry's pk."""
    table = LIST_TABLES[key]
    codes: defaultdict[int, list[str]] = defaultdict(list)
    for pk, code in session.execute(
        select(table.inquiry_pk, table.code)
        .where(table.inquiry_pk.in_(select(model.pk).where(where)))
        .order_by(table.inquiry_pk, table.code)
    ):
        codes[pk].append(code)
    return codes


def typed_values(entity: str, content: Mapping[str, Any]) -> dict[str, Any]:
    """Content back in the values the writer sets (dates as dates, code lists as tuples).

    Text stays as it is; a date or time is parsed once per distinct value (a package of
    thousands of rows holds the same days over and over).
    """
    known = _KNOWN[entity]
    if content.keys() <= known:  # as every package of this build writes it: copied in C
        typed = dict(content)
    else:
        typed = {key: value for key, value in content.items() if key in known}
    for key, convert in _CONVERTED[entity]:
        value = typed.get(key)
        if value is not None:
            typed[key] = convert(value)
    return typed


def content_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Values the writer sets, keyed and written as a row's content is (`typed_values` reversed)."""
    return {key: _to_json(key, value) for key, value in values.items()}


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
    return getattr(row, ATTRIBUTE.get(key, key))


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
# A value as a package carries it -> as the writer sets it, for the keys of a row's content and
# version whose value is no text or code list (services/bulk_rows takes received rows so).
SENT_FORM: dict[str, Callable[[Any], Any]] = {
    **dict.fromkeys(_DATES, _DATE_OF),
    **dict.fromkeys(_TIMES, _TIME_OF),
    "updated_at": _TIME_OF,
}
# Per kind of row, the keys whose JSON value is converted, each with its conversion.
_CONVERTED = {
    entity: tuple((key, _FROM_JSON[key]) for key in keys if key in _FROM_JSON)
    for entity, keys in _KEYS.items()
}
