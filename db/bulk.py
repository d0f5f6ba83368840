"""Loading thousands of rows at once: batched Core inserts with the indexes set aside.

Demo data, ledger imports and sync imports write far more rows than a clerk does. Feeding every
B-tree and the full-text index row by row costs most of the time (the id indexes are keyed by
random UUIDs, so every insert lands on a different page), so a large load drops the secondary
indexes and the search index, inserts with executemany, and rebuilds each index once over all
rows. Which columns a row gets is not decided here: services/writer.py fills the rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, DateTime
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.dml import UpdateBase

from db import search_index
from db.models import Base

# Tables in the order a batch is inserted (parents before children: foreign keys are on).
TABLES: tuple[str, ...] = (
    "inquirer",
    "inquiry",
    "inquiry_field",
    "inquiry_form",
    "inquiry_municipality",
    "inquiry_agreement",
    "action",
)


@dataclass(frozen=True)
class Rows:
    """New rows of one table: its columns, and each row's values in that order, as bound."""

    columns: Sequence[str]
    values: list[tuple[Any, ...]]


Batch = Mapping[str, Rows]  # table -> its new rows


# The indexes a bulk load drops and recreates: named B-tree indexes, not constraints.
_SECONDARY_INDEXES_SQL = (
    "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("
    + ", ".join(f"'{name}'" for name in TABLES)
    + ") ORDER BY name"
)


def insert_batch(conn: Connection, batch: Batch) -> None:
    """One executemany per table; parents first so the foreign keys hold at every statement.

    The rows come as plain tuples of bound values (`binder`), straight to the driver: a hundred
    thousand rows spend no time in SQLAlchemy's per-row parameter processing.
    """
    for name in TABLES:
        rows = batch.get(name)
        if rows is None or not rows.values:
            continue
        marks = ", ".join("?" * len(rows.columns))
        conn.exec_driver_sql(
            f"INSERT INTO {name} ({', '.join(rows.columns)}) VALUES ({marks})", rows.values
        )


def binder(conn: Connection, table: str, column: str) -> Callable[[Any], Any] | None:
    """How a value of `column` is bound as SQLAlchemy binds it (its type's bind processor: dates
    and times as text, booleans as integers), each distinct value worked out once; None for a
    column whose values are bound as they are. Map a column's values through it (None stays).
    """
    kind = Base.metadata.tables[table].c[column].type.dialect_impl(conn.dialect)
    process = kind.bind_processor(conn.dialect)
    if process is None:
        return None
    if isinstance(kind, DateTime) and process(_SAMPLE_TIME) == _time_text(_SAMPLE_TIME):
        return _times(process)
    return each_once(process)


def _times(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A time as the column's processor binds it, a naive datetime (every time the program
    stores) by `_time_text`, the same text written in C: the processor formats seven fields in
    Python, and a column of times is mostly distinct values, so no cache would save it (the
    column's storage format is checked to be that text before this is used)."""
    datetime = dt.datetime

    def bind(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return _time_text(value)
        return None if value is None else process(value)

    return bind


def _time_text(value: dt.datetime) -> str:
    return value.isoformat(" ", "microseconds")


_SAMPLE_TIME = dt.datetime(2026, 4, 1, 9, 30, 5, 7)


def each_once(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """`convert` worked out once per distinct value (None stays None), for mapping a column.

    A dict with __missing__ rather than a cache function: its look-up is a C call, and a
    column of times holds mostly distinct values, where every miss of a cache costs more.
    """
    return _Once(convert).__getitem__


class _Once(dict[Any, Any]):
    def __init__(self, convert: Callable[[Any], Any]) -> None:
        super().__init__({None: None})
        self._convert = convert

    def __missing__(self, value: Any) -> Any:
        done = self[value] = self._convert(value)
        return done


def execute_many(conn: Connection, statement: UpdateBase, rows: Sequence[dict[str, Any]]) -> None:
    """`conn.execute(statement, rows)` as one executemany of plain tuples.

    Why: SQLAlchemy processes every parameter set of an executemany on its own, which over the
    retention's 100,000 inquirers and their audit entries cost seconds. Here the statement is
    compiled once, each distinct value is converted once by its type's bind processor (as
    `binder` binds), and the values the statement holds itself (`name = ''`) are bound
    as they are. Every row has the same keys; the rows' values are converted in place.
    """
    if not rows:
        return
    compiled = statement.compile(dialect=conn.dialect, column_keys=list(rows[0]))
    assert isinstance(compiled, SQLCompiler) and compiled.positiontup is not None
    fixed: dict[str, Any] = {}
    for name, bind in compiled.binds.items():
        process = bind.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        if name in rows[0]:
            if process is not None:
                _convert(rows, name, process)
        elif bind.required:
            raise KeyError(f"no value for {name}")
        else:
            value = bind.effective_value
            fixed[name] = value if process is None or value is None else process(value)
    pick = itemgetter(*compiled.positiontup)
    single = len(compiled.positiontup) == 1
    for row in rows:
        row.update(fixed)
    conn.exec_driver_sql(str(compiled), [(pick(row),) if single else pick(row) for row in rows])


def _convert(rows: Sequence[dict[str, Any]], column: str, process: Callable[[Any], Any]) -> None:
    """Each row's value of `column` as bound, worked out once per distinct value."""
    bind = each_once(process)
    for row in rows:
        row[column] = bind(row[column])


# The page cache of a connection while it makes a bulk change (SQLite's default is 2 MB).
BULK_CACHE_KIB = 256 * 1024


@contextmanager
def large_cache(conn: Connection) -> Iterator[None]:
    """A page cache of BULK_CACHE_KIB for the block, the connection's own size again after.

    Why: a transaction that changes more pages than the cache holds spills them to the WAL
    before it commits, and writes a page again each time it changes again; the retention's
    chunks (search index pages all over the file) spent as long waiting on those writes as
    computing. The memory is taken only as pages are read, and given back after. After a
    failure the connection keeps the larger cache until the pool closes it (memory only).
    """
    (before,) = conn.exec_driver_sql("PRAGMA cache_size").one()
    conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    yield
    conn.exec_driver_sql(f"PRAGMA cache_size = {int(before)}")


@contextmanager
def indexes_set_aside(conn: Connection) -> Iterator[None]:
    """Drop the secondary and search indexes for the block, rebuild them over every row after.

    The unique and primary-key indexes stay: they are constraints, and the foreign keys look
    them up. Runs in the caller's transaction, so a failed load leaves the indexes as they were.
    """
    statements = [sql for (sql,) in conn.exec_driver_sql(_SECONDARY_INDEXES_SQL)]
    for sql in statements:
        conn.exec_driver_sql(f"DROP INDEX {_index_name(sql)}")
    search_index.drop(conn)
    yield
    for sql in statements:
        conn.exec_driver_sql(sql)
    search_index.create(conn)
    search_index.rebuild(conn)


def _index_name(create_sql: str) -> str:
    # "CREATE INDEX ix_inquiry_due ON inquiry (...)": our own schema, so the name is plain.
    return create_sql.split()[2]
