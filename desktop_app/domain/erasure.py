"""Erasure of personal fields past their retention period, and how it meets other versions.

The retention erases an inquirer's personal fields (domain.pii) and stamps the row's
`erased_at`. That stamp travels in every package, with or without personal fields, and settles
what a merge may take (docs/sync-format.md, "Erasure"):

- the later erasure wins: a version whose `erased_at` is older than the other side's (or empty)
  was made without knowing of the erasure, so its personal values are set aside, as if not
  sent, however new the version is otherwise; its other fields merge as usual;
- a version that carries the erasure (the same `erased_at`) is a descendant of it: personal
  values in it were typed after the erasure (the person came back) and merge as usual.

So a return package made before the erasure reached the centre cannot bring the values back,
and a genuine new entry after it is not lost. Pure functions over the contract's JSON content.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS

ERASED_AT = "erased_at"


def erased_values() -> dict[str, str]:
    """What the personal fields become: empty, as an inquirer never given them stores them."""
    return dict.fromkeys(PERSONAL_INQUIRER_FIELDS, "")


def newer_erasure(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> str | None:
    """Their `erased_at` when it is later than ours (ISO text compares in time order)."""
    incoming = theirs.get(ERASED_AT)
    if incoming and (not mine.get(ERASED_AT) or incoming > mine[ERASED_AT]):
        return str(incoming)
    return None


def unaware_of_erasure(mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    """True when we erased after (or without) their version knowing: their values lose."""
    ours = mine.get(ERASED_AT)
    return bool(ours) and (not theirs.get(ERASED_AT) or theirs[ERASED_AT] < ours)


def as_base(theirs: Mapping[str, Any], base: Mapping[str, Any]) -> dict[str, Any]:
    """Their content with the personal fields and the stamp read as unchanged from `base`."""
    return {
        **theirs,
        **{key: base.get(key) for key in (*PERSONAL_INQUIRER_FIELDS, ERASED_AT)},
    }


def blank_personal(content: Mapping[str, Any]) -> dict[str, Any]:
    """A stored copy of a version (a merge base, a queued conflict) with its personal values
    emptied: erased data must not live on in the exchange's bookkeeping."""
    return {
        key: ("" if key in PERSONAL_INQUIRER_FIELDS and value else value)
        for key, value in content.items()
    }
