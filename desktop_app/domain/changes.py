"""What a write changed, in kinds of data a screen shows: the runner tells every screen.

A write declares what it touched (`Changes`); the database runner emits it after the write
succeeded, and each screen refreshes only when it shows one of those kinds. So no screen has
to be told by hand that another one saved something, and none re-reads on every show.
Knows nothing of Qt or the database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """The kinds of data a write may change, as the screens see them."""

    INQUIRIES = "inquiries"
    INQUIRERS = "inquirers"
    ACTIONS = "actions"
    CONFLICTS = "conflicts"
    MASTERS = "masters"
    STAFF = "staff"
    SETTINGS = "settings"


@dataclass(frozen=True)
class Changes:
    """A set of kinds; `a | b` combines, `touches(kinds)` asks whether a screen must re-read."""

    kinds: frozenset[Kind] = frozenset()

    @classmethod
    def of(cls, *kinds: Kind) -> Changes:
        return cls(frozenset(kinds))

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.kinds | other.kinds)

    def __bool__(self) -> bool:
        return bool(self.kinds)

    def touches(self, kinds: Iterable[Kind]) -> bool:
        return not self.kinds.isdisjoint(kinds)


NOTHING = Changes()
# A case's own rows: what the list, the detail pane, 対応予定 and the dashboard show.
CASES = Changes.of(Kind.INQUIRIES, Kind.INQUIRERS, Kind.ACTIONS)
SETTINGS = Changes.of(Kind.SETTINGS)
# Accounts: added, changed, or a sign-in counted (failures, lockout).
STAFF = Changes.of(Kind.STAFF)
