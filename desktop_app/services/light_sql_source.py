"""Where the light read's SQL (services/light_sql.py) comes from: the statements the services
run, compiled by SQLAlchemy for SQLite. `python -m desktop_app.services.light_sql_source`
rewrites light_sql.py; tests/cli/test_light_list.py fails while it differs from the output.

So the list's filters and order (services.search), the failed sign-ins that slow a login
down (services.audit), what a sign-in sets (services.staff) and the labels' reads
(services.lookup) stay written once: the light read executes their compiled text. Values are
bound by name: each statement is compiled with a sentinel for every argument, and a parameter
holding a sentinel is that argument; the others are the statement's own constants.
"""

from __future__ import annotations

import datetime as dt
import pprint
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    column,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import sqlite

from db.models import AgreementBody, Inquirer, Inquiry, Municipality, Setting, Staff, VocabTerm
from desktop_app.domain import fields
from desktop_app.domain.workflow import STATUSES
from desktop_app.services import (
    audit,
    idle_limits,
    lookup,
    package_key,
    search,
    setup,
    staff,
    staff_names,
)
from desktop_app.services.light_list import list_shape

TARGET = Path(__file__).with_name("light_sql.py")
# Sentinels: values no real argument has, each naming the argument it stands for.
_ARGUMENTS: dict[Any, str] = {
    "\x01login": "login",
    "\x01keys": "keys",
    "\x01inquirer": "inquirer",
    dt.date(1001, 1, 1): "date_from",
    dt.date(1002, 2, 2): "date_to",
    dt.datetime(1003, 3, 3): "since",
    987_654: "limit",
    876_543: "after",
}
_STATUS = [f"\x01status{n}" for n in range(len(STATUSES))]
_ARGUMENTS |= {value: f"status{n}" for n, value in enumerate(_STATUS)}
_ARG = {name: value for value, name in _ARGUMENTS.items()}


def _in_keys(key: Any) -> Any:
    """`key IN` the JSON array bound as `keys`: one statement for any number of keys."""
    return key.in_(select(column("value")).select_from(func.json_each(_ARG["keys"])))


def statements() -> dict[str, Any]:
    found: dict[str, Any] = {
        "office": select(Setting.value).where(Setting.key == setup.OFFICE_KEY),
        "training": select(Setting.value).where(Setting.key == setup.TRAINING_KEY),
        "staff_count": select(func.count()).select_from(Staff),
        "staff": select(
            Staff.login,
            Staff.display_name,
            Staff.role,
            Staff.office_code,
            Staff.active,
            Staff.password_hash,
        ).where(Staff.login == _ARG["login"]),
        # Key-slot work a full sign-in does (services.package_key.signed_in): an older plain
        # password to seal; with a slot of its own, the slots of other accounts to fill.
        "plain_package": select(Setting.value).where(Setting.key == package_key.SETTING),
        "own_slot": select(func.count()).where(
            Setting.key == literal(package_key.SLOT) + _ARG["login"]
        ),
        "account_keys": select(func.count()).where(
            Setting.key.startswith(package_key.ACCOUNT_KEY, autoescape=True)
        ),
        "package_slots": select(func.count()).where(
            Setting.key.startswith(package_key.SLOT, autoescape=True)
        ),
        "failure_reset": audit.failure_reset(_ARG["login"], staff.FAILURES_RESET_BY),
        "failures": audit.failures_after(_ARG["login"], _ARG["since"], _ARG["after"]),
        "newest_hash": audit.NEWEST_HASH,
        "add_entry": audit.ADD_ENTRY,
        "signed_in": update(Staff).where(Staff.login == _ARG["login"]).values(staff.SIGNED_IN),
        # search._count: no filter counts all less the deleted, a filter counts its rows.
        "count_all": select(func.count()).select_from(Inquiry),
        "count_deleted": select(func.count()).where(Inquiry.deleted.is_(True)),
        "status_terms": lookup.STATUS_TERMS,
        "inquiries": select(Inquiry.__table__).where(_in_keys(Inquiry.pk)),
        "inquirers": select(Inquirer.__table__).where(_in_keys(Inquirer.id)),
        "vocab_labels": lookup.VOCAB_LABELS,
        # The window's first page before the database layer is imported (light_window.py):
        # its labels and its rows (the page's keys are those of `page`, the list's order).
        "window_terms": lookup.ACTIVE_TERMS,
        "window_offices": lookup.OFFICES,
        "window_staff": staff_names.STAFF_NAMES,
        "idle_maximum": select(Setting.value).where(Setting.key == idle_limits.SETTING),
        "list_rows": search.list_rows_select().where(_in_keys(Inquiry.pk)),
        "body_labels": lookup.BODY_LABELS,
        "office_labels": lookup.OFFICE_LABELS,
    }
    found |= _ledger_statements()
    for shape, flt in _list_shapes():
        # search.list_inquiries: the count, and the newest first.
        if shape:
            counted = select(func.count()).select_from(search._filtered(flt).subquery())
            found[f"count{shape}"] = counted
        ordered = search._ordered(flt, "received_at", True).limit(_ARG["limit"])
        found[f"page{shape}"] = ordered
    for f in fields.INQUIRY_FIELDS:
        if f.table:
            attribute = getattr(Inquiry, f.attribute)
            table = attribute.property.mapper.local_table
            found[f"codes_{f.key}"] = (
                select(table.c.inquiry_pk, table.c.code)
                .where(_in_keys(table.c.inquiry_pk))
                .order_by(table.c.inquiry_pk, table.c.code)
            )
    return found


# A known inquirer as the ledger's matching compares it (ledger_match._Who.stored's order).
_WHO = (
    Inquirer.match_key,
    Inquirer.name_key,
    Inquirer.kana_key,
    Inquirer.phone_digits,
    Inquirer.type,
    Inquirer.organization,
)


def _ledger_statements() -> dict[str, Any]:
    """What checking a ledger reads (services/ledger_check.py and ledger_match.py): written
    here once and run from the compiled text by the import and the command line's light dry
    run alike. Each list of keys (content keys, days, matching keys) is one JSON array, still
    looked up through its column's index."""
    live = Inquirer.deleted.is_(False)
    return {
        "ledger_imported": select(Inquiry.source_key).where(_in_keys(Inquiry.source_key)),
        # Whether any row was ever imported (its index answers at once).
        "ledger_any_imported": select(Inquiry.source_key)
        .where(Inquiry.source_key.is_not(None))
        .limit(1),
        "ledger_same_days": select(
            Inquiry.received_at,
            Inquiry.receipt_no,
            Inquiry.subject,
            Inquiry.content,
            Inquiry.inquirer_id,
        ).where(Inquiry.deleted.is_(False), _in_keys(Inquiry.received_at)),
        # The inquirers of the same days' inquiries, deleted or not (as the inquiries name them).
        "ledger_inquirers_of": select(Inquirer.id, *_WHO).where(_in_keys(Inquirer.id)),
        "ledger_any_inquirer": select(Inquirer.id).where(live).limit(1),
        **{
            f"ledger_inquirers_{key.key}": select(Inquirer.id, *_WHO).where(live, _in_keys(key))
            for key in (Inquirer.match_key, Inquirer.kana_key, Inquirer.phone_digits)
        },
        "ledger_newest_receipt": select(Inquiry.receipt_no)
        .where(Inquiry.inquirer_id == _ARG["inquirer"])
        .order_by(Inquiry.received_at.desc(), Inquiry.pk.desc())
        .limit(1),
        "ledger_terms": select(
            VocabTerm.vocab, VocabTerm.code, VocabTerm.label_ja, VocabTerm.label_en
        )
        .where(VocabTerm.active.is_(True), _in_keys(VocabTerm.vocab))
        .order_by(VocabTerm.vocab, VocabTerm.sort_order),
        "ledger_municipalities": select(
            Municipality.code, Municipality.prefecture, Municipality.name, Municipality.kind
        )
        .where(Municipality.retired_on.is_(None))
        .order_by(Municipality.code),
        "ledger_bodies": select(AgreementBody.code, AgreementBody.name),
    }


def _list_shapes() -> list[tuple[str, search.InquiryFilter]]:
    """The filters the light read takes: a month or not, and none up to every status."""
    shapes = []
    for month in (False, True):
        dates = (_ARG["date_from"], _ARG["date_to"]) if month else (None, None)
        for count in range(len(STATUSES) + 1):
            statuses = tuple(_STATUS[:count])
            flt = search.InquiryFilter(date_from=dates[0], date_to=dates[1], statuses=statuses)
            shapes.append((list_shape(month, count), flt))
    return shapes


def _compiled(statement: Any) -> tuple[str, dict[str, tuple[str, Any]]]:
    compiled = statement.compile(
        dialect=sqlite.dialect(paramstyle="named"), compile_kwargs={"render_postcompile": True}
    )
    parameters: dict[str, tuple[str, Any]] = {}
    for name, value in compiled.params.items():
        if isinstance(value, dt.date | str | int) and value in _ARGUMENTS and value is not False:
            parameters[name] = ("arg", _ARGUMENTS[value])
        elif value is None and name in compiled.binds and compiled.binds[name].required:
            parameters[name] = ("arg", name)  # a column of an INSERT, named as the column
        elif value is None or isinstance(value, str | int):
            parameters[name] = ("fixed", int(value) if isinstance(value, bool) else value)
        else:
            raise TypeError(f"{name}: {value!r} has no plain SQLite form")
    return str(compiled), parameters


def _columns(model: Any) -> tuple[tuple[str, str, str], ...]:
    """(attribute, column, how the ORM reads it) of each column of `model`."""
    return tuple(
        (attribute.key, attribute.columns[0].name, _kind(attribute.columns[0].type))
        for attribute in model.__mapper__.column_attrs
    )


def _selected(statement: Any) -> tuple[tuple[str, str, str], ...]:
    """(label, label, how SQLAlchemy reads it) of each column `statement` selects."""
    return tuple(
        (selected.key, selected.key, _kind(selected.type))
        for selected in statement.selected_columns
    )


def _kind(stored: Any) -> str:
    """How SQLAlchemy's SQLite types read a stored value (services.light_list._read)."""
    kinds = {Date: "date", DateTime: "datetime", Boolean: "bool"}
    return next((k for t, k in kinds.items() if isinstance(stored, t)), "")


def render() -> str:
    compiled = {name: _compiled(statement) for name, statement in statements().items()}
    sql = {name: text for name, (text, _) in compiled.items()}
    parameters = {name: params for name, (_, params) in compiled.items()}
    columns = {
        "inquiry": _columns(Inquiry),
        "inquirer": _columns(Inquirer),
        "list_row": _selected(search.list_rows_select()),
    }
    return (
        '"""The light read\'s SQL, compiled from the services\' own statements by\n'
        "services/light_sql_source.py: do not edit, run `python -m "
        'desktop_app.services.light_sql_source`."""\n\n'
        "# ruff: noqa: E501\n# fmt: off\n"
        f"STATEMENTS: dict[str, str] = {pprint.pformat(sql, width=96)}\n\n"
        '# Each statement\'s parameters: ("arg", the argument bound) or ("fixed", its value).\n'
        "PARAMETERS: dict[str, dict[str, tuple[str, object]]] = "
        f"{pprint.pformat(parameters, width=96)}\n\n"
        "# (attribute, column, how the ORM reads it) of the rows a record is made from.\n"
        f"COLUMNS: dict[str, tuple[tuple[str, str, str], ...]] = "
        f"{pprint.pformat(columns, width=96)}\n"
    )


if __name__ == "__main__":
    TARGET.write_text(render(), encoding="utf-8")
