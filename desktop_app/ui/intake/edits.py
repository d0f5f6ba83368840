"""What a clerk changed in the form, and the form's values beside a stored record's.

Compared as the services compare them (read through domain.inquiry_input, so 1080074 and
108-0074, or R8.12.10 and 2026/12/10, are the same value), in the record's JSON form with the
inquirer's fields flattened (`inquirer.phone`): the form of FieldConflict values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from desktop_app.domain import inquiry_input
from desktop_app.domain.errors import UserError

# A record's JSON keys that no one edits in the form.
_BOOKKEEPING = ("receipt_no", "id", "office", "rev", "updated_at", "staff", "closed_at")


def form_values(contract: Mapping[str, Any]) -> dict[str, Any]:
    """The form's contract, read as the service reads it, flattened, in JSON form.

    A value that does not read (a draft may hold a half-typed date) stays as typed.
    """
    try:
        return _flat(_read(contract))
    except UserError:
        pass
    flat: dict[str, Any] = {}
    for key, value in contract.items():
        parts = value.items() if key == "inquirer" else [(None, value)]
        for sub, item in parts:
            given = {key: {sub: item}} if sub else {key: item}
            try:
                flat |= _flat(_read(given))
            except UserError:
                flat[f"{key}.{sub}" if sub else key] = _json(item)
    return flat


def record_values(record_json: Mapping[str, Any]) -> dict[str, Any]:
    """A stored record's JSON (`InquiryRecord.to_json()`), flattened, without bookkeeping."""
    kept = {key: value for key, value in record_json.items() if key not in _BOOKKEEPING}
    return _flat(kept)


def edited_keys(before: Mapping[str, Any], after: Mapping[str, Any]) -> set[str]:
    """The flattened keys whose value differs between two contracts of the form."""
    was, now = form_values(before), form_values(after)
    return {key for key in was.keys() | now.keys() if was.get(key) != now.get(key)}


def overlay(
    record_json: Mapping[str, Any], contract: Mapping[str, Any], keys: Iterable[str]
) -> dict[str, Any]:
    """`record_json` with the form's values of `keys` put over it (a contract for the form)."""
    merged = dict(record_json)
    merged["inquirer"] = dict(record_json.get("inquirer") or {})
    for key in keys:
        entity, _, name = key.rpartition(".")
        if entity == "inquirer":
            merged["inquirer"][name] = (contract.get("inquirer") or {}).get(name)
        else:
            merged[key] = contract.get(key)
    return merged


def _read(contract: Mapping[str, Any]) -> dict[str, Any]:
    return inquiry_input.read_changes(contract, today=dt.date.today())


def _flat(values: Mapping[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in values.items():
        if key == "inquirer":
            flat |= {f"inquirer.{sub}": _json(item) for sub, item in (value or {}).items()}
        else:
            flat[key] = _json(value)
    return flat


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return sorted(value)
    if isinstance(value, str):
        value = value.strip()
    return value if value != "" else None
