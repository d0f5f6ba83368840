"""New rows as the tables store them: the bulk writer's columns, keys, codes and counters.

services/writer.py's `insert_many` hands each batch of contract-keyed dicts to a `Plan`, which
fills every column (an empty value where a key was left out, as the single-row writer stores
it), gives the inquiries their local keys and receipt numbers, splits their code lists into
the code tables and stamps the rows. The counters are read once per batch and written back
once, never lowered. What the tables are and how they are loaded is db/bulk.py's.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from operator import itemgetter
from typing import Any, Protocol

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db import bulk
from db.models import Action, Inquirer, Inquiry, ReceiptCounter
from desktop_app.domain import fields
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.derived import key_columns
from desktop_app.domain.local_time import local_date
from desktop_app.domain.receipt import format_receipt, parse_receipt
from desktop_app.services import sync_rows

# A code list of an inquiry -> its table (one row per code, keyed by the inquiry's pk).
CODE_TABLES = {f.key: f.table for f in fields.INQUIRY_FIELDS if f.table}
_MODELS: dict[str, Any] = {"inquirer": Inquirer, "inquiry": Inquiry, "action": Action}
# What a row may carry besides its contract keys.
_OWN = ("id", "origin", "rev", "updated_at", "updated_by")
_SAVE_COUNTER = sqlite_insert(ReceiptCounter)
_SAVE_COUNTER = _SAVE_COUNTER.on_conflict_do_update(
    index_elements=["office_code", "fiscal_year"],
    # Never backwards: a number stored or issued is never issued again.
    set_={"last": func.max(ReceiptCounter.last, _SAVE_COUNTER.excluded.last)},
)


class _Rows(Protocol):
    inquirers: list[dict[str, Any]]
    inquiries: list[dict[str, Any]]
    actions: list[dict[str, Any]]
    sent: bool


def _layout(entity: str) -> tuple[dict[str, str], dict[str, Any]]:
    """(contract key -> column, column -> its empty value) of a kind of row.

    A text column the model defaults to "" stores "" for no value (the record contract
    prints it as null), every other column NULL.
    """
    model = _MODELS[entity]
    attrs = model.__mapper__.column_attrs
    keys = [*sync_rows.keys_of(entity), *_OWN] + (["receipt_no"] if entity == "inquiry" else [])
    column_of = {
        key: attrs[sync_rows.ATTRIBUTE.get(key, key)].columns[0].name
        for key in keys
        if key not in CODE_TABLES
    }
    empty: dict[str, Any] = {}
    for column in model.__table__.columns:
        if column.name == "pk":
            continue
        default = getattr(column.default, "arg", None)
        empty[column.name] = "" if default == "" else None
    return column_of, empty


_LAYOUTS = {entity: _layout(entity) for entity in _MODELS}
# The keys a row may carry: its columns' and, ignored but for an inquiry, the code lists.
_ALLOWED = {
    entity: frozenset(layout[0]) | CODE_TABLES.keys() for entity, layout in _LAYOUTS.items()
}
# The keys read from a kind of row (an inquiry's code lists too), and the columns they fill.
_READ = {
    entity: (*layout[0], *(CODE_TABLES if entity == "inquiry" else ()))
    for entity, layout in _LAYOUTS.items()
}
_NAMED = {entity: frozenset(layout[0].values()) for entity, layout in _LAYOUTS.items()}


def _given(rows: list[dict[str, Any]], keys: tuple[str, ...]) -> dict[str, Sequence[Any]]:
    """Each key's values over the rows, None where a row leaves it out.

    Read row by row and turned into columns by zip: a row's dict is visited once, where a pass
    per key visits each of tens of thousands of dicts once a key (twice as long). Rows all of
    one shape (as the generators and the packages write them) are read by one itemgetter.
    """
    shape = rows[0].keys()
    present = [key for key in keys if key in shape]
    if len(present) > 1 and all(row.keys() == shape for row in rows):
        read: Any = itemgetter(*present)
    else:
        present = list(keys)
        read = lambda row: tuple(map(row.get, keys))  # noqa: E731
    given: dict[str, Sequence[Any]] = dict.fromkeys(keys, [None] * len(rows))
    given.update(zip(present, zip(*map(read, rows), strict=True), strict=True))
    return given


class Plan:
    """One batch's table rows, numbered from the counters read at its start.

    Built column by column: each key's values are taken from every row in one pass, filled,
    converted and bound (each distinct value once), and the rows are zipped from the columns
    at the end, so a row costs a few look-ups per column and no dict of its own.
    """

    def __init__(self, conn: Connection, *, staff: str, origin: str, now: dt.datetime) -> None:
        self._conn = conn
        self._stamp = {"origin": origin, "rev": 1, "updated_at": now, "updated_by": staff}
        self._counters: dict[tuple[str, int], int] = {}
        self._raised: set[tuple[str, int]] = set()
        self.receipts: list[str] = []

    def batch(self, rows: _Rows, *, first_seq: int) -> dict[str, bulk.Rows]:
        """Table name -> rows, parents first (db.bulk.TABLES); change sequence numbers from
        `first_seq` in table order: inquirers, inquiries, actions."""
        batch: dict[str, bulk.Rows] = {}
        seq = first_seq
        for entity, given in (
            ("inquirer", rows.inquirers),
            ("inquiry", rows.inquiries),
            ("action", rows.actions),
        ):
            if not given:
                continue
            columns, typed = self._columns(entity, given, sent=rows.sent)
            columns["change_seq"] = list(range(seq, seq + len(given)))
            seq += len(given)
            if entity == "inquirer":
                columns.update(
                    key_columns(
                        columns["phone"], columns["organization"], columns["name"],
                        columns["kana"],
                    )
                )  # fmt: skip
            elif entity == "inquiry":
                self._inquiries(len(given), columns, typed, batch)
            batch[entity] = self._bound(entity, columns)
        return {name: batch[name] for name in bulk.TABLES if name in batch}

    def save_counters(self) -> None:
        """Each counter raised to the highest number of its office and year, never lowered."""
        if self._raised:
            self._conn.execute(
                _SAVE_COUNTER,
                [
                    {"office_code": key[0], "fiscal_year": key[1], "last": self._counters[key]}
                    for key in sorted(self._raised)
                ],
            )

    def _columns(
        self, entity: str, rows: list[dict[str, Any]], *, sent: bool
    ) -> tuple[dict[str, Sequence[Any]], dict[str, list[Any]]]:
        """(column -> its values, filled as `create` fills them; key -> its values as the writer
        sets them, for the keys converted to be set and for an inquiry's code lists).

        Rows `sent` carry their values as a package does (sync_rows.SENT_FORM: dates and times
        as ISO text): each is converted to what the writer sets, and keys of no column ignored
        as `typed_values` ignores them; otherwise a key that is no column is a KeyError.
        """
        column_of, empty = _LAYOUTS[entity]
        if not sent:
            allowed = _ALLOWED[entity]
            for values in rows:
                if not values.keys() <= allowed:
                    raise KeyError(min(values.keys() - allowed))
        count = len(rows)
        named = _NAMED[entity]
        columns: dict[str, Sequence[Any]] = {
            column: [value] * count for column, value in empty.items() if column not in named
        }
        typed: dict[str, list[Any]] = {}
        for key, read in _given(rows, _READ[entity]).items():
            column = column_of.get(key)
            if column is None:  # a code list: the inquiries' code tables are made of them
                typed[key] = list(read)
            elif sent and key in sync_rows.SENT_FORM:
                convert = sync_rows.SENT_FORM[key]
                typed[key] = [None if value is None else convert(value) for value in read]
                columns[column] = self._filled(key, empty[column], typed[key])
            else:
                columns[column] = self._filled(key, empty[column], read)
        return columns, typed

    def _filled(self, key: str, empty: Any, values: Sequence[Any]) -> Sequence[Any]:
        """A key's values as `create` stores them: its own version fields stamped where none
        came, an id made where none came, a deletion flag as a bool, None as the empty value."""
        if key in self._stamp:
            stamp = self._stamp[key]
            return [stamp if value is None else value for value in values]
        if key == "id":
            return [value or str(uuid.uuid4()) for value in values]
        if key == "deleted":
            return list(map(bool, values))
        if empty is not None:
            return [empty if value is None else value for value in values]
        return values

    def _bound(self, entity: str, columns: dict[str, Sequence[Any]]) -> bulk.Rows:
        """The rows of the table, their values as bound (db/bulk.binder)."""
        for column, values in columns.items():
            bind = bulk.binder(self._conn, entity, column)
            if bind is not None:
                columns[column] = list(map(bind, values))
        return bulk.Rows(tuple(columns), list(zip(*columns.values(), strict=True)))

    def _inquiries(
        self,
        count: int,
        columns: dict[str, Sequence[Any]],
        typed: Mapping[str, list[Any]],
        batch: dict[str, bulk.Rows],
    ) -> None:
        """The inquiries' pks, receipt numbers, closing dates and code tables."""
        first = (self._conn.scalar(select(func.coalesce(func.max(Inquiry.pk), 0))) or 0) + 1
        pks = columns["pk"] = list(range(first, first + count))
        self._counters = {
            (office, year): last
            for office, year, last in self._conn.execute(
                select(ReceiptCounter.office_code, ReceiptCounter.fiscal_year, ReceiptCounter.last)
            )
        }
        received = typed.get("received_at", columns["received_at"])
        self.receipts = columns["receipt_no"] = list(
            map(self._receipt, columns["receipt_no"], columns["office_code"], received)
        )
        closed = typed.get("closed_at", columns["closed_at"])
        columns["closed_on"] = list(map(bulk.each_once(local_date), closed))
        for key, table in CODE_TABLES.items():
            codes = [
                (pk, code)
                for pk, given in zip(pks, typed[key], strict=True)
                if given
                # In code order, as the single-row writer stores a code list.
                for code in sorted(given)
            ]
            batch[table] = bulk.Rows(("inquiry_pk", "code"), codes)

    def _receipt(self, given: str | None, office_code: str, received_at: dt.date) -> str:
        """The number given, or the next one of the counter of the row's office and year.

        A number of this office that came with its row (a rebuilt branch getting its own cases
        back) raises the counter to it; another office's numbers are that office's counter's
        business (as `check` sees it), so they touch none here.
        """
        if given:
            try:
                office, year, seq = parse_receipt(given)
            except ValueError:
                return str(given)
            if office == self._stamp["origin"] and seq > self._counters.get((office, year), 0):
                self._counters[office, year] = seq
                self._raised.add((office, year))
            return str(given)
        key = (office_code, fiscal_year(received_at))
        self._counters[key] = seq = self._counters.get(key, 0) + 1
        self._raised.add(key)
        return format_receipt(key[0], key[1], seq)
