"""One inquiry as labelled lines, shared by the detail pane and the case sheet (相談票).

Personal fields (domain.pii: name, kana, phone, e-mail, postal code, address) are included only
when asked: the case sheet leaves them out unless the clerk ticks the box. Labels are the field
catalogue's (domain/fields.py), in the window's language, and the matter and its handling are
the fields of the form's groups, in its order. Any thread: no widgets are made here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind, label_in
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
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
    person = record.inquirer
    named = places or {}

    def label(key: str) -> str:
        return label_in(key, vocab.lang)

    lines = [
        (label("receipt_no"), record.receipt_no),
        (label("received_at"), format_date(record.received_at)),
        (label("office"), vocab.office(record.office)),
        (label("channel"), vocab.label("channel", record.channel)),
        (label("staff"), vocab.staff_name(record.staff)),  # 高橋 一郎, not the login
        (label("status"), vocab.label("status", record.status)),
        (label("inquirer.type"), vocab.label("inquirer_type", person.type)),
        (label("inquirer.organization"), person.organization),
    ]
    if include_personal:
        lines += [
            (label(f"inquirer.{key}"), getattr(person, key)) for key in PERSONAL_INQUIRER_FIELDS
        ]
    # Then the matter and its handling, as the form has them (status is shown above).
    shown = {"status"}
    lines += [
        (label(f.key), _shown(f, record.value(f.key), vocab, named))
        for group in (fields.MATTER, fields.HANDLING)
        for f in fields.form_fields(group)
        if f.key not in shown
    ]
    return [(text, value) for text, value in lines if value]


def _shown(f: Field, value: Any, vocab: Vocab, places: Mapping[str, str]) -> str:
    """A field's value as a clerk reads it: labels for codes, yyyy/mm/dd for dates."""
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
