"""The command line's light read: `inquiry list` (no free text, not --all) with
sqlite3 alone, so it answers without importing SQLAlchemy (issue 23; docs/architecture.md,
"The command line's light read").

It runs the services' own statements, compiled into services/light_sql.py (from
light_sql_source.py), builds records with services.records as the ORM path does and masks
them with services.listed. It signs in only the plain case, an active account with the right
password, no failed sign-in since its last one and no package-key slot waiting to be sealed
or filled; anything else returns None and the caller takes the full path, which slows,
refuses, seals and records exactly as before. The sign-in's
record (the account's counter reset and its audit entry, one short transaction) is written
after the list is printed, so the read never waits on it.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from db import light
from desktop_app.domain import fields
from desktop_app.domain.actor import Actor, Permission, Role
from desktop_app.domain.audit_chain import GENESIS, stored_time
from desktop_app.services import light_run, passwords
from desktop_app.services.audit_entry import entry_row
from desktop_app.services.light_sql import COLUMNS, STATEMENTS
from desktop_app.services.owner_only import restrict

if TYPE_CHECKING:
    from desktop_app.services.code_labels import CodeLabels
    from desktop_app.services.records import InquiryRecord

# Failed sign-ins are looked for since the beginning: any one since the last sign-in sends
# the command to the full path, which alone knows how long such a login waits.
_EVER = "0001-01-01 00:00:00.000000"
_LONGEST_LOGIN = 64  # as services.staff names a login in the trail
_SQLITE_BUSY, _SQLITE_LOCKED = 5, 6


def list_shape(month: bool, statuses: int) -> str:
    """The name suffix of the list's statements (light_sql) for a month or not and so many
    statuses: "" for neither, "_month_status2" for a month and two."""
    return ("_month" if month else "") + (f"_status{statuses}" if statuses else "")


def open_light(path: Path) -> LightRead | None:
    """The light read of the existing database `path`; None: take the full path."""
    conn = light.open_current(path)
    if conn is None:
        return None
    for own in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        restrict(own)  # as services.database.connect does on every opening of a desk file
    return LightRead(conn)


class LightRead:
    """One command's light read of one file: sign-in, list, labels, then the sign-in's record."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The file's connection, for another light reader of the same command (a ledger's
        dry run, services/ledger_check.py) after this one signed in."""
        return self._conn

    def _run(self, name: str, **arguments: Any) -> sqlite3.Cursor:
        return light_run.run(self._conn, name, **arguments)

    def _one(self, name: str, **arguments: Any) -> Any:
        return light_run.one(self._conn, name, **arguments)

    def sign_in(
        self, login: str, password: str, meanwhile: Callable[[], None] | None = None
    ) -> Actor | None:
        """The actor when `login` signs in plainly; None for anything the full sign-in must
        handle (no office or no accounts yet, a failure since the last sign-in, a refusal).
        One argon2 verification, as every sign-in makes; `meanwhile` is run during it, when
        it is made (passwords.matches_while), and must neither print nor write."""
        key = login.strip().lower()
        if not key or len(key) > _LONGEST_LOGIN:
            return None
        with light_run.reading(self._conn):
            if self._one("office") is None or not self._one("staff_count"):
                return None
            if self._slots_to_fill(key):
                return None
            reset = self._one("failure_reset", login=key) or 0
            if self._one("failures", login=key, since=_EVER, after=reset):
                return None
            row = self._run("staff", login=key).fetchone()
        stored = row[5] if row is not None else None  # one verification either way
        if meanwhile is None:
            right = passwords.matches(stored, password)
        else:
            right = passwords.matches_while(stored, password, meanwhile)
        if not right or row is None or not row[4]:
            return None
        return Actor(login=row[0], name=row[1], role=Role(row[2]), office=row[3])

    def _slots_to_fill(self, login: str) -> bool:
        """Whether the full sign-in would seal or fill package-key slots: an older plain
        password is there, or the account opens a slot of its own while some account key has
        none (counted over all accounts: a disabled one only sends its sign-ins the long way)."""
        if self._one("plain_package") is not None:
            return True
        return bool(self._one("own_slot", login=login)) and self._one("account_keys") != self._one(
            "package_slots"
        )

    def status_codes(self, given: Sequence[str]) -> tuple[str, ...]:
        """services.lookup.status_codes."""
        # The list's modules imported by the list alone: a ledger's dry run signs in here too.
        from desktop_app.services.code_labels import codes_named

        return codes_named(self._run("status_terms").fetchall(), given)

    def listing(
        self,
        limit: int,
        date_from: dt.date | None,
        date_to: dt.date | None,
        statuses: Sequence[str] = (),
        *,
        actor: Actor,
    ) -> tuple[int, list[InquiryRecord]] | None:
        """What services.search.list_inquiries answers for these filters, in one read; None
        for more statuses than the compiled statements take (the full path answers)."""
        from desktop_app.services.listed import as_listed_all

        actor.require(Permission.RECORD)
        month = date_from is not None and date_to is not None
        shape = list_shape(month, len(statuses))
        if f"page{shape}" not in STATEMENTS:
            return None
        bound: dict[str, Any] = {f"status{n}": code for n, code in enumerate(statuses)}
        if month:
            assert date_from is not None and date_to is not None
            bound |= {"date_from": date_from.isoformat(), "date_to": date_to.isoformat()}
        with light_run.reading(self._conn):
            if shape:
                count = self._one(f"count{shape}", **bound)
            else:
                count = light_run.count_listed(self._conn)
            page = self._run(f"page{shape}", limit=limit, **bound)
            records = self._records([row[0] for row in page])
        return count, as_listed_all(records, actor)

    def labels(self, lang: str) -> CodeLabels:
        """services.lookup.code_labels without municipalities (a list line names none)."""
        from desktop_app.services.code_labels import labels_from

        return labels_from(
            lang,
            self._run("vocab_labels").fetchall(),
            self._run("body_labels").fetchall(),
            self._run("office_labels").fetchall(),
            {},
        )

    def training(self) -> bool:
        """services.setup.is_training."""
        return self._one("training") == "1"

    def record_sign_in(self, actor: Actor) -> bool:
        """The sign-in's record, as services.staff writes it, in one short transaction after
        the read; False when another program held the write lock past the busy timeout (the
        full path's read goes unrecorded then too)."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED):
                return False
            raise
        try:
            self._run("signed_in", login=actor.login)
            prev = self._one("newest_hash") or GENESIS
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # naive UTC, as db.models
            row = entry_row(
                prev, now, staff=actor.login, action="sign_in", entity="staff",
                entity_id=actor.login,
            )  # fmt: skip
            self._run("add_entry", **(row | {"at": stored_time(now)}))
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return True

    def _records(self, pks: Sequence[int]) -> list[InquiryRecord]:
        """The records of `pks` in the order given, from rows shaped as the ORM's."""
        from desktop_app.services.records import inquiry_record

        keys = json.dumps(list(pks))
        inquiries = {row.pk: row for row in self._objects("inquiries", "inquiry", keys)}
        people = json.dumps(sorted({row.inquirer_id for row in inquiries.values()}))
        inquirers = {row.id: row for row in self._objects("inquirers", "inquirer", people)}
        for f in fields.INQUIRY_FIELDS:
            if not f.table:
                continue
            codes: dict[int, list[SimpleNamespace]] = defaultdict(list)
            for pk, code in self._run(f"codes_{f.key}", keys=keys):
                codes[pk].append(SimpleNamespace(code=code))
            for pk, row in inquiries.items():
                setattr(row, f.attribute, codes.get(pk, []))
        for row in inquiries.values():
            row.inquirer = inquirers[row.inquirer_id]
        return [inquiry_record(inquiries[pk]) for pk in pks if pk in inquiries]  # type: ignore[arg-type]

    def _objects(self, statement: str, table: str, keys: str) -> Iterable[SimpleNamespace]:
        """Rows as objects with the model's attributes, typed as the ORM reads them."""
        by_column = {name: (attribute, kind) for attribute, name, kind in COLUMNS[table]}
        cursor = self._run(statement, keys=keys)
        names = [by_column[column[0]] for column in cursor.description]
        for values in cursor:
            pairs = zip(names, values, strict=True)
            yield SimpleNamespace(
                **{name: read_value(kind, value) for (name, kind), value in pairs}
            )


def read_value(kind: str, value: Any) -> Any:
    """A stored value as SQLAlchemy's SQLite types read it."""
    if value is None or not kind:
        return value
    if kind == "date":
        return dt.date.fromisoformat(value)
    if kind == "datetime":
        return dt.datetime.fromisoformat(value)
    return bool(value)
