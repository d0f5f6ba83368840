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
from typing import Any

from desktop_app.domain import corporate_number, text
from desktop_app.domain.dates import DateParseError, parse_date
from desktop_app.domain.errors import UserError
from desktop_app.domain.workflow import needs_outcome, status_display

# Contract keys and how a person calls them in a message.
LABELS: dict[str, str] = {
    "received_at": "受付日",
    "channel": "受付方法",
    "subject": "件名",
    "content": "相談内容",
    "relationship": "連携の型",
    "step": "段階",
    "domain": "領域",
    "fields": "連携分野",
    "forms": "協働の形態",
    "municipalities": "対象自治体",
    "agreement_bodies": "協定先",
    "status": "状況",
    "follow_up_due": "次回対応期限",
    "outcome": "結果",
    "inquirer": "相談者",
    "inquirer.id": "相談者ID",
    "inquirer.type": "相談者区分",
    "inquirer.organization": "団体名",
    "inquirer.name": "氏名",
    "inquirer.kana": "フリガナ",
    "inquirer.phone": "電話番号",
    "inquirer.email": "メールアドレス",
    "inquirer.postal_code": "郵便番号",
    "inquirer.address": "住所",
    "inquirer.corporate_number": "法人番号",
    "inquirer.notes": "相談者メモ",
}

INQUIRY_KEYS = tuple(key for key in LABELS if "." not in key and key != "inquirer")
INQUIRER_KEYS = tuple(key.split(".", 1)[1] for key in LABELS if key.startswith("inquirer."))
CODE_KEYS = ("channel", "relationship", "step", "domain", "status")
LIST_KEYS = ("fields", "forms", "municipalities", "agreement_bodies")
DATE_KEYS = ("received_at", "follow_up_due")

# The vocabulary (master list) each code key is checked against.
VOCAB_OF: dict[str, str] = {
    "channel": "channel",
    "relationship": "relationship",
    "step": "step",
    "domain": "domain",
    "status": "status",
    "fields": "field",
    "forms": "form",
    "inquirer.type": "inquirer_type",
}

_MAX_LENGTH: dict[str, int] = {
    "subject": 300,
    "content": 20_000,
    "outcome": 5_000,
    "inquirer.organization": 200,
    "inquirer.name": 100,
    "inquirer.kana": 200,
    "inquirer.address": 300,
    "inquirer.notes": 5_000,
    "inquirer.email": 200,
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MUNICIPALITY_CODE = re.compile(r"^\d{6}$")


def label(key: str) -> str:
    return LABELS.get(key, key)


def read_inquiry(data: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    """A complete new inquiry, typed: raises UserError naming the first field that is wrong."""
    _reject_unknown(data, INQUIRY_KEYS + ("inquirer",), prefix="")
    for key in ("received_at", "subject", "inquirer"):
        if _blank(data.get(key)):
            raise UserError("field_required", label=label(key))
    values = read_changes(data, today=today)
    inquirer = values["inquirer"]
    if "id" not in inquirer:
        if _blank(inquirer.get("type")):
            raise UserError("field_required", label=label("inquirer.type"))
        if _blank(inquirer.get("name")) and _blank(inquirer.get("organization")):
            raise UserError("inquirer_name_required")
    status = values.get("status") or "received"
    check_outcome(status, values.get("outcome"))
    check_due(values.get("received_at"), values.get("follow_up_due"))
    return values


def read_changes(data: Mapping[str, Any], *, today: dt.date) -> dict[str, Any]:
    """Typed values of whichever contract keys `data` holds (an update, or part of an add)."""
    _reject_unknown(data, INQUIRY_KEYS + ("inquirer",), prefix="")
    values: dict[str, Any] = {}
    for key, raw in data.items():
        if key == "inquirer":
            values[key] = _read_inquirer(raw)
        else:
            values[key] = _read_value(key, raw, today=today)
    return values


def check_outcome(status: str, outcome: str | None) -> None:
    if needs_outcome(status) and _blank(outcome):
        raise UserError("outcome_required", new=status_display(status))


def check_due(received: dt.date | None, due: dt.date | None) -> None:
    if received is not None and due is not None and due < received:
        raise UserError("due_before_received", label=label("follow_up_due"))


def _read_inquirer(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise UserError("field_type", label=label("inquirer"), expected="object")
    _reject_unknown(raw, INQUIRER_KEYS, prefix="inquirer.")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        full = f"inquirer.{key}"
        if value is None:
            values[key] = "" if key not in ("id", "type") else None
            continue
        if not isinstance(value, str):
            raise UserError("field_type", label=label(full), expected="string")
        values[key] = _read_personal(key, value.strip())
        _check_length(full, values[key])
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
        if key in ("received_at", "subject"):
            raise UserError("field_required", label=label(key))
        return None if key != "content" else ""
    if key in DATE_KEYS:
        return _read_date(key, raw, today=today)
    if not isinstance(raw, str):
        raise UserError("field_type", label=label(key), expected="string")
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
    return value


def _read_code_list(key: str, raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list | tuple) or not all(isinstance(item, str) for item in raw):
        raise UserError("field_type", label=label(key), expected="list of codes")
    codes = tuple(dict.fromkeys(item.strip() for item in raw if item.strip()))
    if key == "municipalities":
        for code in codes:
            if not _MUNICIPALITY_CODE.match(code):
                raise UserError("municipality_unknown", value=code)
    return codes


def _check_length(key: str, value: str) -> None:
    limit = _MAX_LENGTH.get(key)
    if limit is not None and len(value) > limit:
        raise UserError("field_too_long", label=label(key), limit=limit)


def _reject_unknown(data: Mapping[str, Any], allowed: tuple[str, ...], *, prefix: str) -> None:
    for key in data:
        if key not in allowed:
            raise UserError("field_unknown", field=prefix + str(key), allowed=", ".join(allowed))


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
