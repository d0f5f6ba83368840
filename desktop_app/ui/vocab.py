"""Labels of codes in the person's language: vocabularies and office names, read once.

The master lists are small (a hundred rows) and change only when a master package is imported,
so a window reads them once at start-up and every screen labels codes from the same snapshot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where read, on the worker (a window is built before SQLAlchemy)
    from desktop_app.services.database import Database
    from desktop_app.services.light_window import WindowLabels

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Vocab:
    """{vocab: {code: label}} and {office code: office name}, in display order."""

    terms: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    offices: Mapping[str, str] = field(default_factory=dict)
    lang: str = "ja"  # the language of the labels, and of the field catalogue's labels
    staff: Mapping[str, str] = field(default_factory=dict)  # login -> display name (担当)

    def label(self, vocab: str, code: str | None) -> str:
        """The label of `code`, or the code itself when the master list no longer has it."""
        if not code:
            return ""
        return self.terms.get(vocab, _EMPTY).get(code, code)

    def choices(self, vocab: str) -> list[tuple[str, str]]:
        return list(self.terms.get(vocab, _EMPTY).items())

    def office(self, code: str) -> str:
        return self.offices.get(code, code)

    def staff_name(self, login: str) -> str:
        """The person's name as colleagues know them; the login for an account not (or no
        longer) on this PC, such as one from another office's package."""
        return self.staff.get(login, login)


def load_vocab(db: Database, lang: str) -> Vocab:
    """Read every label; run it on the DbRunner (it queries the database)."""
    from desktop_app.services.light_window import labels_of

    return vocab_from(labels_of(db), lang)


def vocab_from(labels: WindowLabels, lang: str) -> Vocab:
    """The labels in `lang` from their rows (read by the worker, or with sqlite3 alone before
    the database is open: services/light_window.py)."""
    english = lang.startswith("en")
    terms: dict[str, dict[str, str]] = {}
    for vocab, code, label_ja, label_en in labels.terms:
        terms.setdefault(vocab, {})[code] = label_en if english else label_ja
    offices = {
        code: (name_en if english and name_en else name)
        for code, name, name_en, _ in labels.offices
    }
    staff = {login: name for login, name in labels.staff if name}
    return Vocab(terms=terms, offices=offices, lang=lang, staff=staff)


def format_date(value: dt.date | None) -> str:
    """yyyy/mm/dd, the form ward documents and Excel use; empty for no date."""
    return value.strftime("%Y/%m/%d") if value else ""
