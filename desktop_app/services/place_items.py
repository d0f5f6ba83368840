"""The places a list or a form names, as the master lists give them: a municipality (or a
prefecture) and an agreement body. Without SQLAlchemy, so that the window's list and filter bar
import no database layer at their top (services/lookup.py reads them)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class MunicipalityItem:
    code: str
    name: str
    prefecture: str
    kana: str
    kind: str
    retired_on: dt.date | None = None

    @property
    def display(self) -> str:
        """釧路市（北海道）: the prefecture tells apart the many towns that share a name.

        A retired one says so (浜松市中区（静岡県・廃止）), so that an old inquiry that names it
        does not read as if it were a current ward.
        """
        if self.kind == "prefecture":
            return self.name
        retired = "・廃止" if self.retired_on else ""
        return f"{self.name}（{self.prefecture}{retired}）"

    @property
    def full_name(self) -> str:
        """北海道釧路市: how a letter or a printed record names it."""
        return self.name if self.kind == "prefecture" else f"{self.prefecture}{self.name}"


@dataclass(frozen=True)
class AgreementItem:
    code: str
    name: str
    kind: str
    signed_on: str | None
    member_count: int | None
