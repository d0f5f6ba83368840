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
from collections.abc import Mapping
from typing import Any, Protocol

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from db.models import Action, Inquirer, Inquiry, ReceiptCounter
from desktop_app.domain import fields
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.derived import inquirer_keys
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


class Plan:
    """One batch's table rows, numbered from the counters read at its start."""

    def __init__(self, conn: Connection, *, staff: str, origin: str, now: dt.datetime) -> None:
        self._conn = conn
        self._stamp = {"origin": origin, "rev": 1, "updated_at": now, "updated_by": staff}
        self._counters: dict[tuple[str, int], int] = {}
        self._raised: set[tuple[str, int]] = set()

    def batch(self, rows: _Rows) -> dict[str, list[dict[str, Any]]]:
        """Table name -> rows, parents first (db.bulk.TABLES)."""
        batch: dict[str, list[dict[str, Any]]] = {
            "inquirer": [self._row("inquirer", values) for values in rows.inquirers],
            "inquiry": [],
            **{table: [] for table in CODE_TABLES.values()},
            "action": [self._row("action", values) for values in rows.actions],
        }
        for row in batch["inquirer"]:
            row.update(inquirer_keys(row))
        if rows.inquiries:
            self._inquiries(rows.inquiries, batch)
        return batch

    def number(self, batch: Mapping[str, list[dict[str, Any]]], *, first_seq: int) -> None:
        """Change sequence numbers in table order: inquirers, inquiries, actions."""
        seq = first_seq
        for name in ("inquirer", "inquiry", "action"):
            for row in batch[name]:
                row["change_seq"] = seq
                seq += 1

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

    def _row(self, entity: str, values: Mapping[str, Any]) -> dict[str, Any]:
        column_of, empty = _LAYOUTS[entity]
        row = {**empty, **self._stamp}
        for key, value in values.items():
            if key in CODE_TABLES:
                continue
            column = column_of[key]  # a KeyError names a key that is no column of the row
            row[column] = empty[column] if value is None else value
        if not row["id"]:
            row["id"] = str(uuid.uuid4())
        row["deleted"] = bool(row["deleted"])
        return row

    def _inquiries(
        self, inquiries: list[dict[str, Any]], batch: dict[str, list[dict[str, Any]]]
    ) -> None:
        pk = self._conn.scalar(select(func.coalesce(func.max(Inquiry.pk), 0))) or 0
        self._counters = {
            (office, year): last
            for office, year, last in self._conn.execute(
                select(ReceiptCounter.office_code, ReceiptCounter.fiscal_year, ReceiptCounter.last)
            )
        }
        closed_on: dict[dt.datetime, dt.date] = {}
        for values in inquiries:
            pk += 1
            row = self._row("inquiry", values)
            row["pk"] = pk
            row["receipt_no"] = self._receipt(row)
            closed = row["closed_at"]
            if closed is not None:
                if closed not in closed_on:
                    closed_on[closed] = local_date(closed)
                row["closed_on"] = closed_on[closed]
            else:
                row["closed_on"] = None
            for key, table in CODE_TABLES.items():
                codes = values.get(key)
                if codes:
                    # In code order, as the single-row writer stores a code list.
                    batch[table].extend({"inquiry_pk": pk, "code": code} for code in sorted(codes))
            batch["inquiry"].append(row)

    def _receipt(self, row: dict[str, Any]) -> str:
        """The number given, or the next one of the counter of the row's office and year.

        A number of this office that came with its row (a rebuilt branch getting its own cases
        back) raises the counter to it; another office's numbers are that office's counter's
        business (as `check` sees it), so they touch none here.
        """
        given = row["receipt_no"]
        if given:
            try:
                office, year, seq = parse_receipt(given)
            except ValueError:
                return str(given)
            if office == self._stamp["origin"] and seq > self._counters.get((office, year), 0):
                self._counters[office, year] = seq
                self._raised.add((office, year))
            return str(given)
        key = (row["office_code"], fiscal_year(row["received_at"]))
        self._counters[key] = seq = self._counters.get(key, 0) + 1
        self._raised.add(key)
        return format_receipt(key[0], key[1], seq)
