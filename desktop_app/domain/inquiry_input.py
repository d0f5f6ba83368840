"""Reading an inquiry as people and scripts give it (the CLI's JSON contract) into typed values.

Checks everything that needs no database: required keys, types, dates in any written form,
lengths, phone/e-mail/postal/corporate-number shapes, the status workflow's outcome rule.
Codes are only checked for shape here; whether a code exists is the services' question,
because the master lists live in the database and the central office may change them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from functools import partial
from typing import Any

from desktop_app.domain import corporate_number, entry_rules, fields, text, workflow
from desktop_app.domain.dates import DateParseError, parse_date
from desktop_app.domain.errors import ErrorCollector, UserError
from desktop_app.domain.messages import Localized
from desktop_app.domain.workflow import needs_outcome, status_display

INQUIRY_KEYS = fields.input_keys("inquiry")
INQUIRER_KEYS = ("id", *fields.input_keys("inquirer"))
LIST_KEYS = fields.keys_of_kind("inquiry", fields.Kind.CODES)
DATE_KEYS = fields.keys_of_kind("inquiry", fields.Kind.DATE)
REQUIRED_KEYS = tuple(f.key for f in fields.INQUIRY_FIELDS if f.required)
# The vocabulary (master list) each code key is checked against; master tables are left out.
VOCAB_OF: dict[str, str] = {
    f.qualified: f.vocab
    for f in (*fields.INQUIRY_FIELDS, *fields.INQUIRER_FIELDS)
    if f.vocab and f.vocab not in ("municipality", "agreement_body", "office")
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MUNICIPALITY_CODE = re.compile(r"^\d{6}$")


def label(key: str) -> Localized:
    return fields.label(key)


def read_inquiry(data: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    """A complete new inquiry, typed; raises every error at once (InputErrors), each at its key."""
    _reject_unknown(data, INQUIRY_KEYS + ("inquirer",), prefix="")
    errors = ErrorCollector()
    for key in (*REQUIRED_KEYS, "inquirer"):
        if _blank(data.get(key)):
            errors.add(UserError("field_required", at=key, label=label(key)))
    values = _read_all(data, today=today, errors=errors)
    given = data.get("inquirer")
    if isinstance(given, Mapping) and _blank(given.get("id")):
        if _blank(given.get("type")):
            errors.add(
                UserError("field_required", at="inquirer.type", label=label("inquirer.type"))
            )
        if _blank(given.get("name")) and _blank(given.get("organization")):
            errors.add(UserError("inquirer_name_required", at="inquirer.name"))
    status = values.get("status") or "received"
    errors.check("outcome", lambda: check_outcome(status, values.get("outcome")))
    errors.check(
        "follow_up_due", lambda: check_due(values.get("received_at"), values.get("follow_up_due"))
    )
    errors.raise_any()
    return values


def read_changes(data: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    """Typed values of whichever contract keys `data` holds (an update, or part of an add)."""
    _reject_unknown(data, INQUIRY_KEYS + ("inquirer",), prefix="")
    errors = ErrorCollector()
    values = _read_all(data, today=today, errors=errors)
    errors.raise_any()
    return values


def _read_all(data: Mapping[str, Any], *, today: dt.date, errors: ErrorCollector) -> dict[str, Any]:
    """Every value that reads; the others' errors go to `errors` (and the key is left out)."""
    values: dict[str, Any] = {}
    for key, raw in data.items():
        before = len(errors.errors)
        if key == "inquirer":
            value = _read_inquirer(raw, errors)
        else:
            value = errors.check(key, partial(_read_value, key, raw, today=today))
        if len(errors.errors) == before:
            values[key] = value
    return values


def check_outcome(status: str, outcome: str | None) -> None:
    if needs_outcome(status) and _blank(outcome):
        raise UserError("outcome_required", new=status_display(status))


def check_transition(old: str, new: str) -> None:
    """A status change the workflow allows, else the refusal naming what it does allow (one
    wording for the desk's change and for a correction accepted from an edited package)."""
    try:
        workflow.check_transition(old, new)
    except workflow.TransitionError as exc:
        raise UserError(
            exc.code,
            at="status",
            old=status_display(old),
            new=status_display(new),
            value=new,
            allowed=workflow.statuses_display(workflow.allowed_transitions(old)),
        ) from exc


def check_due(received: dt.date | None, due: dt.date | None) -> None:
    if received is not None and due is not None and due < received:
        raise UserError("due_before_received", label=label("follow_up_due"))


def _read_inquirer(raw: Any, errors: ErrorCollector) -> dict[str, Any] | None:
    if not isinstance(raw, Mapping):
        errors.add(
            UserError("field_type", at="inquirer", label=label("inquirer"), expected="object")
        )
        return None
    _reject_unknown(raw, INQUIRER_KEYS, prefix="inquirer.")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        full = f"inquirer.{key}"
        if value is None:
            values[key] = "" if key not in ("id", "type") else None
            continue
        if not isinstance(value, str):
            errors.add(UserError("field_type", at=full, label=label(full), expected="string"))
            continue
        before = len(errors.errors)
        errors.check(full, partial(entry_rules.check_text, label(full), value))
        if len(errors.errors) > before:
            continue
        read = errors.check(full, partial(_read_personal, key, value.strip()))
        if read is not None:
            errors.check(full, partial(_check_length, full, read))
        if len(errors.errors) == before:
            values[key] = read
    if values.get("id") is None:
        values.pop("id", None)
    return values


def _read_personal(key: str, value: str) -> str:
    """Shape checks of the inquirer's contact fields; empty means not given."""
    if not value:
        return value
    if key == "phone" and not 10 <= len(text.digits(value)) <= 11:
        raise UserError("phone_invalid", value=value)
    if key == "email" and not _EMAIL.match(value):
        raise UserError("email_invalid", value=value)
    if key == "postal_code":
        digits = text.digits(value)
        if len(digits) != 7:
            raise UserError("postal_code_invalid", value=value)
        return f"{digits[:3]}-{digits[3:]}"
    if key == "corporate_number":
        if not corporate_number.is_valid_corporate_number(value):
            raise UserError("corporate_number_invalid", value=value)
        return corporate_number.normalize_corporate_number(value)
    return value


def _read_value(key: str, raw: Any, *, today: dt.date) -> Any:
    if key in LIST_KEYS:
        return _read_code_list(key, raw)
    if raw is None or raw == "":
        found = fields.field("inquiry", key)
        if found.required:
            raise UserError("field_required", label=label(key))
        return found.blank
    if key in DATE_KEYS:
        return _read_date(key, raw, today=today)
    if not isinstance(raw, str):
        raise UserError("field_type", label=label(key), expected="string")
    entry_rules.check_text(label(key), raw)
    value = raw.strip()
    _check_length(key, value)
    return value


def _read_date(key: str, raw: Any, *, today: dt.date) -> dt.date:
    if isinstance(raw, dt.date):
        value = raw
    elif isinstance(raw, str):
        try:
            value = parse_date(raw)
        except DateParseError as exc:
            raise UserError(exc.code, label=label(key), value=raw) from exc
    else:
        raise UserError("field_type", label=label(key), expected="date")
    if key == "received_at" and value > today:
        raise UserError("date_future", label=label(key), value=raw)
    entry_rules.check_date(label(key), value, today=today)
    return value


def _read_code_list(key: str, raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple) or not all(isinstance(item, str) for item in raw):
        raise UserError("field_type", label=label(key), expected="list of codes")
    for item in raw:
        entry_rules.check_text(label(key), item)
    codes = tuple(dict.fromkeys(item.strip() for item in raw if item.strip()))
    if key == "municipalities":
        for code in codes:
            if not _MUNICIPALITY_CODE.match(code):
                raise UserError("municipality_unknown", value=code)
    return codes


def _check_length(key: str, value: str) -> None:
    limit = fields.limit_of(key)
    if limit is not None and len(value) > limit:
        raise UserError("field_too_long", label=label(key), limit=limit)


def _reject_unknown(data: Mapping[str, Any], allowed: tuple[str, ...], *, prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise UserError("field_unknown", field=prefix + str(key), allowed=", ".join(allowed))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
