"""Reading what a command is given: JSON files, `--set` pairs, months, dates and counts,
each refused with the project's own message (exit 2) rather than argparse's or a traceback."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop_app import config
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import render


def read_json(source: str) -> dict[str, Any]:
    where = "stdin" if source == "-" else source
    try:
        raw = _read_bounded(source).decode("utf-8-sig")
    except FileNotFoundError as exc:
        raise UserError("file_not_found", path=source) from exc
    except IsADirectoryError as exc:
        raise UserError("file_not_regular", path=source) from exc
    except UnicodeDecodeError as exc:
        raise UserError("json_invalid", where=where, detail="not UTF-8") from exc
    except OSError as exc:  # no permission to read it, a device that refuses reads
        raise UserError("workbook_cannot_open", path=source) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        detail = f"line {exc.lineno} column {exc.colno}: {exc.msg}"
        raise UserError("json_invalid", where=where, detail=detail) from exc
    except RecursionError as exc:
        raise UserError("json_invalid", where=where, detail="nested too deeply") from exc
    except ValueError as exc:  # an integer longer than Python converts (4,300 digits)
        raise UserError(
            "json_number_too_long", where=where, digits=f"{sys.get_int_max_str_digits():,}"
        ) from exc
    if not isinstance(data, dict):
        raise UserError("json_not_object")
    _refuse_lone_surrogates(data, where)
    return data


_JSON_BYTES = 16 * 1024 * 1024  # one inquiry is a few KB; a device such as /dev/zero never ends


def _read_bounded(source: str) -> bytes:
    """The bytes of `source` (a path, or - for standard input), refused past _JSON_BYTES."""
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        data = (
            stream.read(_JSON_BYTES + 1)
            if stream is not None
            else sys.stdin.read(_JSON_BYTES + 1).encode("utf-8", "surrogatepass")
        )
    else:
        with Path(source).open("rb") as file:
            data = file.read(_JSON_BYTES + 1)
    if len(data) > _JSON_BYTES:
        raise UserError(
            "workbook_file_too_big",
            path=source,
            size=f"> {_JSON_BYTES // (1024 * 1024)}",
            limit=f"{_JSON_BYTES // (1024 * 1024)}",
        )
    return data


def _refuse_lone_surrogates(value: Any, where: str, field: str = "") -> None:
    """JSON's \\ud800 escapes (and undecodable command-line bytes) make strings that hold half
    of a UTF-16 pair: no text, and SQLite cannot store them. Refused, naming the field."""
    if isinstance(value, dict):
        for key, item in value.items():
            _refuse_lone_surrogates(key, where, field)
            _refuse_lone_surrogates(item, where, f"{field}.{key}" if field else str(key))
    elif isinstance(value, list):
        for item in value:
            _refuse_lone_surrogates(item, where, field)
    elif isinstance(value, str):
        import re

        half = re.search("[\ud800-\udfff]", value)
        if half is not None:
            raise UserError(
                "text_not_unicode",
                where=where,
                field=field or "-",
                char=f"U+{ord(half.group()):04X}",
            )


def parse_assignments(assignments: list[str]) -> dict[str, Any]:
    """`--set` pairs as contract changes: lists split on commas, `inquirer.x` nested."""
    from desktop_app.domain.inquiry_input import LIST_KEYS

    changes: dict[str, Any] = {}
    for assignment in assignments:
        key, sep, value = assignment.partition("=")
        key = key.strip()
        _refuse_lone_surrogates([key, value], "--set", key)
        if not sep or not key:
            raise UserError("set_syntax", value=assignment)
        parsed: Any = value.strip()
        if key in LIST_KEYS:
            parsed = [item.strip() for item in value.split(",") if item.strip()]
        elif parsed in ("", "null"):
            parsed = None
        if key.startswith("inquirer."):
            changes.setdefault("inquirer", {})[key.split(".", 1)[1]] = parsed
        else:
            changes[key] = parsed
    return changes


def month_bounds(month: str) -> tuple[dt.date, dt.date]:
    try:
        first = dt.datetime.strptime(month.strip(), "%Y-%m").date()
    except ValueError as exc:
        raise UserError("month_invalid", value=month) from exc
    following = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return first, following - dt.timedelta(days=1)


def count_argument(limit: int) -> Callable[[str], int]:
    """argparse type for a count: a non-number is refused with the count message, not argparse's."""

    def parse(value: str) -> int:
        try:
            return int(value)
        except ValueError:
            message = render("count_invalid", config.language(), value=value, limit=limit)
            raise argparse.ArgumentTypeError(message) from None

    return parse


def date_argument(value: str | None, label: str) -> dt.date | None:
    from desktop_app.domain.dates import DateParseError, parse_date

    if value is None:
        return None
    try:
        return parse_date(value)
    except DateParseError as exc:
        raise UserError(exc.code, label=label, value=value) from exc
