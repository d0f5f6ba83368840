"""How an audit entry's values are shown: safe for a worksheet and a terminal, in words.

The trail is append-only, so whatever was once written stays for ever; a failed sign-in whose
login held a control character (`\\x01`) would otherwise break every later export (Excel has no
such character) or move a terminal's cursor. Values are therefore never refused at display but
escaped: control and format characters (C0, C1, bidi overrides) become `\\x01`-style text.

Codes are shown as the desk knows them: a status `received → info_only` as 受付 → 情報提供で完了,
a list of field codes by their labels, a stored moment (UTC) as the office's local time, and a
report export's `fiscal_year … pdf` as 年度 … PDF. For a worksheet, `cell_value` gives a stored
moment as the local date-time itself (a cell Excel sorts and filters), not as text.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping

from desktop_app.domain import fields
from desktop_app.domain.local_time import local_datetime
from desktop_app.domain.workflow import STATUS_LABELS

# Words of a report export's entry (services.report_export writes them as codes).
_REPORT_WORDS: Mapping[str, tuple[str, str]] = {
    "month": ("月次", "monthly"),
    "fiscal_year": ("年度", "fiscal year"),
    "custom": ("期間指定", "custom period"),
    "pdf": ("PDF", "PDF"),
    "xlsx": ("Excel", "Excel"),
    "ALL": ("全事務所", "all offices"),
}
_TOKEN = re.compile(r"[A-Za-z0-9_]+")
# A moment as the program stores it: `2026-12-06 17:52:00[.123456]`, or ISO with a T and a zone.
_STORED_MOMENT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?"
)
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})

Labels = Mapping[str, Mapping[str, str]]  # {vocab: {code: label}}


def safe_text(value: object) -> str:
    """`value` as text with every control or format character escaped (`\\x01`, `\\u202e`)."""
    text = "" if value is None else str(value)
    if all(unicodedata.category(char) not in _UNSAFE_CATEGORIES for char in text):
        return text
    return "".join(
        (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        if unicodedata.category(char) in _UNSAFE_CATEGORIES
        else char
        for char in text
    )


def shown_value(
    entity: str, field: str | None, action: str, value: str | None, lang: str, labels: Labels
) -> str:
    """An entry's old or new value as the viewer, `audit list` and the export show it."""
    if value is None:
        return ""
    english = lang.startswith("en")
    if action == "report_export":
        # Whole words only: the file name at the end keeps its own spelling.
        return safe_text(" ".join(_word(_REPORT_WORDS, word, english) for word in value.split(" ")))
    known = _field(entity, field)
    if known is not None and known.kind is fields.Kind.TIME:
        return safe_text(_local_time(value))
    if known is not None and known.vocab and known.kind in (fields.Kind.CODE, fields.Kind.CODES):
        names = dict(labels.get(known.vocab, {}))
        if known.vocab == "status" and not english:
            names = {**STATUS_LABELS, **names}
        if names:
            shown = _TOKEN.sub(lambda m: names.get(m.group(), m.group()), value)
            if known.kind is fields.Kind.CODES:
                shown = shown.replace("'", "").strip("[]")
            return safe_text(shown)
    return safe_text(value)


def cell_value(
    entity: str, field: str | None, action: str, value: str | None, lang: str, labels: Labels
) -> str | dt.datetime:
    """An entry's old or new value for a worksheet cell: a stored moment (UTC) as the office's
    local date-time, anything else as `shown_value` shows it.

    A moment is a value of a time field (完了日時), or one in a field the catalogue does not
    know (a system value such as a lock's end); text a person typed into a known text field
    stays as typed, even when it looks like a moment.
    """
    moment = _stored_moment(entity, field, value)
    if moment is not None:
        return local_datetime(moment)
    return shown_value(entity, field, action, value, lang, labels)


def _stored_moment(entity: str, field: str | None, value: str | None) -> dt.datetime | None:
    if value is None or not _STORED_MOMENT.fullmatch(value.strip()):
        return None
    known = _field(entity, field)
    if known is not None and known.kind is not fields.Kind.TIME:
        return None
    try:
        return dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def _word(words: Mapping[str, tuple[str, str]], token: str, english: bool) -> str:
    pair = words.get(token)
    return token if pair is None else pair[1 if english else 0]


def _field(entity: str, field: str | None) -> fields.Field | None:
    if not field:
        return None
    try:
        return fields.field(entity, field)
    except KeyError:
        return None


def _local_time(value: str) -> str:
    """A stored moment (naive UTC text) as the office's local date and time."""
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return local_datetime(moment).strftime("%Y/%m/%d %H:%M")
