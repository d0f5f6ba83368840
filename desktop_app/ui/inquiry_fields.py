"""One inquiry as labelled lines, shared by the detail pane and the case sheet (相談票).

Every line is the field catalogue's (domain/fields.py): its label in the window's language, the
case at a glance first (the fields with a `pane` place, in that order), then the inquirer's
personal fields (only when asked: the case sheet leaves them out unless the clerk ticks the box),
then the matter and its handling as the form's groups have them. Any thread: no widgets are
made here.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind
from desktop_app.services.records import InquiryRecord
from desktop_app.ui.vocab import Vocab, format_date


def inquiry_lines(
    record: InquiryRecord,
    vocab: Vocab,
    *,
    include_personal: bool,
    places: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(label, value) of every field worth showing, in the order a clerk reads a case.

    Labels come from the field catalogue in the vocabulary's language; `places` names the
    target municipalities by code (釧路市（北海道）); codes without a name are shown as codes.
    """
    named = places or {}
    # The case at a glance (the catalogue's `pane`), the personal fields when asked, then the
    # matter and its handling as the form has them, less what is already shown.
    head = fields.pane_head()
    personal = [f for f in fields.INQUIRER_FIELDS if f.personal] if include_personal else []
    matter = [
        f
        for group in (fields.MATTER, fields.HANDLING)
        for f in fields.form_fields(group)
        if f not in head
    ]
    lines = [
        (f.label_in(vocab.lang), _shown(f, _value(record, f), vocab, named))
        for f in (*head, *personal, *matter)
    ]
    return [(text, value) for text, value in lines if value]


# The inquiry's fields shown by the name their code stands for, kept apart from the vocabularies.
_NAMED: dict[str, Callable[[Vocab, str], str]] = {"office": Vocab.office, "staff": Vocab.staff_name}


def _value(record: InquiryRecord, f: Field) -> Any:
    """The stored value of an inquiry's or its inquirer's field."""
    return record.inquirer.value(f.key) if f.entity == "inquirer" else record.value(f.key)


def _shown(f: Field, value: Any, vocab: Vocab, places: Mapping[str, str]) -> str:
    """A field's value as a clerk reads it: labels for codes, yyyy/mm/dd for dates, the
    office's and the staff's names (高橋 一郎, not the login)."""
    named = _NAMED.get(f.qualified)
    if named is not None:
        return named(vocab, value)
    if f.kind is Kind.CODES and f.vocab == "municipality":
        return "、".join(places.get(code, code) for code in value)
    if f.kind is Kind.CODES:
        return "、".join(vocab.label(f.vocab or "", code) for code in value)
    if f.kind is Kind.CODE:
        return vocab.label(f.vocab or "", value)
    if f.kind is Kind.DATE:
        return format_date(value)
    return str(value or "")


def lines_html(lines: list[tuple[str, str]]) -> str:
    """A two-column HTML table of `lines`, escaped; line breaks in values are kept."""
    cells = "".join(
        f"<tr><th align='left' valign='top' class='label'>{html.escape(label)}</th>"
        f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
        for label, value in lines
    )
    return f"<table class='fields' cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"
