"""Keys derived from an inquirer's fields: what search and duplicate suggestions look up.

Kept beside the fields by the one writer on every save (services/writer.py); a bulk load meets
the same phone number or name many times, so each key is worked out once per distinct value
(text caches its own folds).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from desktop_app.domain import text

_CACHE = 1 << 14


def inquirer_keys(values: Mapping[str, Any]) -> dict[str, str]:
    """phone_digits, match_key, name_key and kana_key of an inquirer's values."""
    name = values.get("name")
    return {
        "phone_digits": text.digits(values.get("phone")),
        "match_key": _match_key(values.get("organization"), name),
        "name_key": _name_key(name),
        "kana_key": text.fold(values.get("kana")),
    }


@lru_cache(maxsize=_CACHE)
def _match_key(organization: str | None, name: str | None) -> str:
    return text.match_key(organization, name)


@lru_cache(maxsize=_CACHE)
def _name_key(name: str | None) -> str:
    return text.name_key(name)
