"""Keys derived from an inquirer's fields: what search and duplicate suggestions look up.

Kept beside the fields by the one writer on every save (services/writer.py); a bulk load meets
the same phone number or name many times, so each key is worked out once per distinct value
(text caches its own folds).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from desktop_app.domain import text

_CACHE = 1 << 14


def inquirer_keys(values: Mapping[str, Any]) -> dict[str, str]:
    """phone_digits, match_key, name_key and kana_key of an inquirer's values."""
    columns = key_columns(
        [values.get("phone")], [values.get("organization")], [values.get("name")],
        [values.get("kana")],
    )  # fmt: skip
    return {key: found for key, (found,) in columns.items()}


def key_columns(
    phones: Sequence[str | None],
    organizations: Sequence[str | None],
    names: Sequence[str | None],
    kanas: Sequence[str | None],
) -> dict[str, list[str]]:
    """`inquirer_keys` of many inquirers at once, given and returned column by column (a bulk
    load maps each column through its rule in one pass)."""
    return {
        "phone_digits": list(map(text.digits, phones)),
        "match_key": list(map(_match_key, organizations, names)),
        "name_key": list(map(_name_key, names)),
        "kana_key": list(map(text.fold, kanas)),
    }


@lru_cache(maxsize=_CACHE)
def _match_key(organization: str | None, name: str | None) -> str:
    return text.match_key(organization, name)


@lru_cache(maxsize=_CACHE)
def _name_key(name: str | None) -> str:
    return text.name_key(name)
