"""What a ledger's rows already are in this database: imported before, typed at the desk, or
written by an inquirer already known.

- **Imported before**: every imported inquiry keeps its row's content key (`source_key`),
  which depends on the row's values alone, so a renamed file or rows inserted above change
  nothing and the same ledger imported again adds nothing.
- **Already at the desk**: a row received on the same day as a live inquiry, with the same
  subject or content after folding, from the same inquirer (by the keys below), is a duplicate,
  offered to the person rather than added silently.
- **Known inquirers**: the desk's rules for the same person or firm: the folded name key
  (全/半角, kana, 髙/高, ㈱/株式会社 and the other legal-form words set aside), the folded
  reading, the phone's digits. A name that agrees is the same inquirer unless both phones are
  given and differ; the same phone is the same inquirer when the person's name agrees. A
  reading that agrees is not enough when the names differ (山田 次郎 / ヤマダ ハナコ beside
  山田 花子): such a row is *doubtful*, held back for a person like a duplicate, and never
  attached (imported anyway, it gets an inquirer of its own).
Every probe is an indexed `IN` (the keys bound as one JSON array): nothing loads a whole
table. The statements are compiled in services/light_sql.py and run on the sqlite3 connection
under the caller's session, or on the command line's light connection (a dry run that never
imports SQLAlchemy): one statement each, whichever path reads.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Any

from desktop_app.domain import text
from desktop_app.domain.derived import inquirer_keys
from desktop_app.domain.ids import random_ids
from desktop_app.domain.ledger_rows import LedgerRow
from desktop_app.services.light_run import connection_of, one, run

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SAME, DOUBTFUL, DIFFERENT = "same", "doubtful", "different"


def _keys(values: Iterable[Any]) -> str:
    """The values as one JSON array, each once, bound as a statement's `keys`."""
    return json.dumps(list(dict.fromkeys(values)), ensure_ascii=False)


def imported_keys(source: Session | sqlite3.Connection, keys: Iterable[str]) -> set[str]:
    """The content keys of rows imported before (deleted inquiries included: a deleted
    import stays deleted)."""
    wanted = set(keys)
    conn = connection_of(source)
    if not wanted or one(conn, "ledger_any_imported") is None:
        return set()  # none asked, or nothing imported at the desk yet (a first ledger)
    found = run(conn, "ledger_imported", keys=_keys(wanted))
    return {key for (key,) in found if key}


@dataclass(frozen=True)
class _Who:
    match_key: str
    name_key: str
    kana_key: str
    phone: str
    kind: str = ""  # the 相談者区分 of an organisation ("" for a person)

    @classmethod
    def of(cls, values: dict[str, Any]) -> _Who:
        return _who_of(
            values.get("name"),
            values.get("organization"),
            values.get("kana"),
            values.get("phone"),
            values.get("type"),
        )

    @classmethod
    def stored(cls, match: str, name: str, kana: str, phone: str, kind: str, org: str) -> _Who:
        """From the columns the statements select (services/light_sql_source.py's `_WHO`)."""
        return cls(match, name, kana, phone, _kind(kind, org))

    @cached_property
    def probes(self) -> list[str]:
        """The keys a candidate is found by (`_probe_keys`), worked out once per inquirer."""
        return _probe_keys(self)

    def same_as(self, other: _Who) -> bool:
        return self.verdict(other) == SAME

    def verdict(self, other: _Who) -> str:
        """SAME, DOUBTFUL or DIFFERENT, looked at from both sides."""
        mine, theirs = self._verdict(other), other._verdict(self)
        if SAME in (mine, theirs):
            return SAME
        return DOUBTFUL if DOUBTFUL in (mine, theirs) else DIFFERENT

    def _verdict(self, other: _Who) -> str:
        if self.kind and other.kind and self.kind != other.kind:
            # NPO法人みなと and 株式会社ミナト share a name once the legal forms are set aside,
            # and are two bodies: never attached, a person decides.
            return DOUBTFUL if self.match_key == other.match_key else DIFFERENT
        phones_differ = bool(self.phone and other.phone and self.phone != other.phone)
        # Organisation and name agree, or the person's name does (written in kana where the
        # other gives the reading, too); the reading agrees.
        named = bool(self.match_key) and self.match_key in (other.match_key, other.kana_key)
        person = bool(self.name_key) and self.name_key in (other.name_key, other.kana_key)
        read = bool(self.kana_key) and self.kana_key in (other.kana_key, other.match_key)
        if self.name_key and other.name_key:
            names_differ = not person
        else:
            names_differ = bool(self.match_key and other.match_key) and not named
        if not phones_differ and (named or (person and read)):
            return SAME
        if bool(self.phone) and self.phone == other.phone and (named or person):
            return SAME
        # The same reading under another name (山田 次郎 / ヤマダ ハナコ beside 山田 花子): a
        # typing slip, or another person of the family. Never attached: a person decides.
        if read and names_differ:
            return DOUBTFUL
        return DIFFERENT


@lru_cache(maxsize=1 << 14)  # as domain/derived.py's key caches
def _who_of(
    name: str | None, organization: str | None, kana: str | None, phone: str | None, kind: Any
) -> _Who:
    """The keys of one row's inquirer, worked out once: an import looks at each row's inquirer
    in several passes (duplicates, doubtful, resolving), and a ledger names the same ones often."""
    keys = inquirer_keys({"name": name, "organization": organization, "kana": kana, "phone": phone})
    return _Who(
        keys["match_key"],
        keys["name_key"],
        keys["kana_key"],
        keys["phone_digits"],
        _kind(kind, organization),
    )


def duplicates(source: Session | sqlite3.Connection, rows: Sequence[LedgerRow]) -> dict[int, str]:
    """Ledger row number -> receipt number of the live inquiry it repeats.

    The live inquiries of the ledger's days are read without their inquirers (a large desk
    holds tens of thousands on a ledger's days); the inquirers are looked up only for those
    whose subject or content is the row's, and compared in the same order."""
    conn = connection_of(source)
    # Each day's inquiries (receipt, inquirer) in the order read, and where each folded subject
    # and content stands among them: a row finds the inquiries of its text without comparing
    # itself with every one of its day (hundreds on a large desk's busy days).
    by_day: dict[str, list[tuple[str, str]]] = {}
    by_text: dict[tuple[str, str, str], list[int]] = {}
    days = {day.isoformat() for day in {row.inquiry["received_at"] for row in rows}}
    if days:
        # A stored date is its ISO text, as the rows' days are bound here.
        for day, receipt, subject, content, inquirer_id in run(
            conn, "ledger_same_days", keys=_keys(sorted(days))
        ):
            that_day = by_day.setdefault(day, [])
            by_text.setdefault((day, "s", text.fold(subject)), []).append(len(that_day))
            by_text.setdefault((day, "c", text.fold(content)), []).append(len(that_day))
            that_day.append((receipt, inquirer_id))
    if not by_day:
        return {}  # nothing at the desk on the ledger's days
    same_text: list[tuple[LedgerRow, list[tuple[str, str]]]] = []
    for row in rows:
        day = row.inquiry["received_at"].isoformat()
        known = by_day.get(day)
        if not known:
            continue  # nothing at the desk that day: nothing to fold and compare
        subject, content = text.fold(row.inquiry["subject"]), text.fold(row.inquiry["content"])
        at = by_text.get((day, "s", subject), [])
        if content:
            at = at + by_text.get((day, "c", content), [])
        if at:
            same_text.append((row, [known[i] for i in sorted(set(at))]))
    if not same_text:
        return {}
    ids = {inquirer_id for _, written in same_text for _, inquirer_id in written}
    whos = {
        inquirer_id: _Who.stored(*keys)
        for inquirer_id, *keys in run(conn, "ledger_inquirers_of", keys=_keys(ids))
    }
    found: dict[int, str] = {}
    for row, written in same_text:
        mine = _Who.of(row.inquirer)
        for receipt, inquirer_id in written:
            who = whos.get(inquirer_id)
            if who is not None and mine.same_as(who):
                found[row.row] = receipt
                break
    return found


class InquirerResolver:
    """Finds each row's inquirer among the known ones and those this import creates.

    `resolve(values)` returns the inquirer's id and, for a new one, None for a known one, the
    dict of its columns for the bulk insert.
    """

    def __init__(self, source: Session | sqlite3.Connection, rows: Sequence[LedgerRow]) -> None:
        self._candidates: list[tuple[str, _Who]] = []
        self._ids: set[str] = set()
        self._by: dict[str, list[int]] = {}
        # The same, by probe key and phone: `resolve` looks only at candidates whose phone
        # does not differ (a ledger of thousands of 佐藤 with their own phones stays linear).
        self._by_phone: dict[tuple[str, str], list[int]] = {}
        self._new_ids = random_ids()  # the ids of the inquirers `resolve` creates
        # The inquirers `resolve` created, by the keys they were created from (`_who_of`'s
        # one object for the same values: held here, its id is no other's).
        self._created: dict[int, tuple[_Who, str]] = {}
        conn = connection_of(source)
        if one(conn, "ledger_any_inquirer") is None:
            return  # no inquirer at the desk yet (a first ledger): no key can find one
        whos = [_Who.of(row.inquirer) for row in rows]
        for column, values in (
            ("match_key", [w.match_key for w in whos if w.match_key]),
            ("kana_key", [w.kana_key for w in whos if w.kana_key]),
            ("phone_digits", [w.phone for w in whos if w.phone]),
        ):
            if not values:
                continue
            # One statement a key column: the known inquirers come in the column's index order
            # (of two that are both the same person, the first found is linked).
            for inquirer_id, *keys in run(conn, f"ledger_inquirers_{column}", keys=_keys(values)):
                self._add(inquirer_id, _Who.stored(*keys))

    @property
    def knows_any(self) -> bool:
        """Whether any inquirer is known yet (found at the desk or created by `resolve`)."""
        return bool(self._candidates)

    def _add(self, inquirer_id: str, who: _Who) -> None:
        if inquirer_id in self._ids:
            return
        self._ids.add(inquirer_id)
        at = len(self._candidates)
        self._candidates.append((inquirer_id, who))
        for key in who.probes:
            self._by.setdefault(key, []).append(at)
            self._by_phone.setdefault((key, who.phone), []).append(at)

    def resolve(self, values: dict[str, Any]) -> tuple[str, bool]:
        """(inquirer id, True when it is new) for one row's inquirer values.

        The first candidate (in the order they became known) that is the same inquirer; those
        whose phone differs never are, so a row with a phone skips them without a look.
        """
        who = _Who.of(values)
        created = self._created.get(id(who))
        if created is not None and created[0] is who and who.same_as(who):
            # Created from these keys, and such an inquirer is the same as itself: every
            # candidate before it under the first probe key was not the same then and is not
            # now, and it is the first after them that is.
            return created[1], False
        seen: set[int] = set()
        for key in who.probes:
            found: Iterable[int]
            if who.phone:
                same = self._by_phone.get((key, who.phone), ())
                untold = self._by_phone.get((key, ""), ())
                # Both in the order the candidates became known; merged only when both hold any.
                found = heapq.merge(same, untold) if same and untold else same or untold
            else:
                found = self._by.get(key, ())
            for at in found:
                if at not in seen:
                    seen.add(at)
                    inquirer_id, known = self._candidates[at]
                    if who.same_as(known):
                        return inquirer_id, False
        new_id = next(self._new_ids)
        self._add(new_id, who)
        self._created[id(who)] = (who, new_id)
        return new_id, True

    def doubtful(self, values: dict[str, Any]) -> str | None:
        """The id of a known inquirer `values` only doubtfully is (and none it surely is)."""
        who = _Who.of(values)
        found = None
        for key in _probe_keys(who):
            for at in self._by.get(key, ()):
                inquirer_id, known = self._candidates[at]
                verdict = who.verdict(known)
                if verdict == SAME:
                    return None
                if verdict == DOUBTFUL and found is None:
                    found = inquirer_id
        return found


def doubtful(
    source: Session | sqlite3.Connection,
    rows: Sequence[LedgerRow],
    resolver: InquirerResolver | None = None,
) -> dict[int, str]:
    """Ledger row number -> receipt number (the newest) of the known inquirer the row's
    inquirer only doubtfully is: the same reading under another name. Such rows are held back
    for a person, like duplicates, and never attached to that inquirer. `resolver` (built over
    these rows or more) spares a second look-up of the known inquirers when the caller goes on
    to resolve the rows it imports."""
    conn = connection_of(source)
    resolver = resolver or InquirerResolver(conn, rows)
    found: dict[int, str] = {}
    if not resolver.knows_any:
        return found  # nobody known: nobody to be doubtfully
    for row in rows:
        inquirer_id = resolver.doubtful(row.inquirer)
        if inquirer_id is not None:
            found[row.row] = one(conn, "ledger_newest_receipt", inquirer=inquirer_id) or ""
    return found


_UNTOLD = ("", "other", "resident", None)  # a person filed with a body tells no body type


def _kind(kind: str | None, organisation: str | None) -> str:
    """The type of an organisation when it tells one (not その他); "" for a person."""
    return kind or "" if organisation and kind not in _UNTOLD else ""


def _probe_keys(who: _Who) -> list[str]:
    keys = []
    if who.match_key:
        keys.append("m:" + who.match_key)
    if who.kana_key:
        keys.append("m:" + who.kana_key)
    if who.phone:
        keys.append("p:" + who.phone)
    if who.name_key:
        keys.append("n:" + who.name_key)
    return keys
