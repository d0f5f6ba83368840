"""The window's first page with sqlite3 alone: its rows, its count and the labels it shows,
read while SQLAlchemy, the models and the services are still being imported behind the
sign-in (docs/gui.md, "Start-up after the sign-in"). Enter pressed the moment the dialog shows
then leads to the list at once; the window's worker waits for the full opening before any
other read or write.

It runs the services' own statements, compiled into services/light_sql.py: the list's first
page in its start order (services.search, no filter: `page`, `count_all`, `count_deleted`), its
rows as services.search.rows_by_pk reads them (`list_rows`, made into rows by
services.list_rows.list_row) and the labels ui.vocab.load_vocab reads (services.lookup,
services.staff_names). tests/gui/test_first_page_early.py holds it to the full path on a real
database. The list shows no personal field a role sees masked, so every role's first page is
the same.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import light
from desktop_app.services import light_run
from desktop_app.services.idle_limits import maximum_of
from desktop_app.services.light_list import read_value
from desktop_app.services.light_sql import COLUMNS
from desktop_app.services.list_rows import InquiryRow, ListHead, list_row

if TYPE_CHECKING:
    from desktop_app.services.database import Database


@dataclass(frozen=True)
class WindowLabels:
    """The rows the window's labels are made of (ui.vocab.vocab_from)."""

    terms: list[tuple[str, str, str, str]]  # (vocab, code, label_ja, label_en), active, in order
    offices: list[tuple[str, str, str, str]]  # (code, name, name_en, kind), in order
    staff: list[tuple[str, str]]  # (login, display name), every account


@dataclass(frozen=True)
class WindowStart:
    """What the window shows first: its labels and the list's first page with its count."""

    labels: WindowLabels
    head: ListHead
    today: dt.date  # the day the rows were judged overdue on
    idle_maximum: int  # services.idle_policy.maximum


def read_start(path: Path, today: dt.date, limit: int) -> WindowStart | None:
    """The first page of the list (no filter, newest first, `limit` rows, judged on `today`),
    the labels and the idle lock's maximum, in one read of the file; None when the file needs
    the full opening (db/light.py): the window then waits for it."""
    conn = light.open_current(path)
    if conn is None:
        return None
    try:
        with light_run.reading(conn):
            idle = maximum_of(light_run.one(conn, "idle_maximum"))
            return WindowStart(window_labels(conn), _head(conn, today, limit), today, idle)
    except (sqlite3.Error, ValueError):
        # A lock held too long, or a stored value the light read does not take (a date with
        # a time after it): the full opening reads it, or says why.
        return None
    finally:
        conn.close()


def labels_of(db: Database) -> WindowLabels:
    """The labels' rows through the database's own connection (the window's worker, once the
    database is open): the same statements as before it is open."""
    with db.read() as session:
        return window_labels(light_run.connection_of(session))


def window_labels(conn: sqlite3.Connection) -> WindowLabels:
    """The labels' rows, read on `conn`."""
    return WindowLabels(
        light_run.run(conn, "window_terms").fetchall(),
        light_run.run(conn, "window_offices").fetchall(),
        light_run.run(conn, "window_staff").fetchall(),
    )


def _head(conn: sqlite3.Connection, today: dt.date, limit: int) -> ListHead:
    """services.search.list_head of the unfiltered list, newest first."""
    count = light_run.count_listed(conn)
    pks = [row[0] for row in light_run.run(conn, "page", limit=limit)]
    return ListHead(count, _rows(conn, pks, today))


def _rows(conn: sqlite3.Connection, pks: list[int], today: dt.date) -> list[InquiryRow]:
    """services.search.rows_by_pk, with sqlite3."""
    kinds = {label: kind for label, _, kind in COLUMNS["list_row"]}
    cursor = light_run.run(conn, "list_rows", keys=json.dumps(pks))
    labels = [column[0] for column in cursor.description]
    found: dict[int, InquiryRow] = {}
    for values in cursor:
        read: dict[str, Any] = {
            label: read_value(kinds[label], value)
            for label, value in zip(labels, values, strict=True)
        }
        found[read["pk"]] = list_row(read, today)
    return [found[pk] for pk in pks if pk in found]
