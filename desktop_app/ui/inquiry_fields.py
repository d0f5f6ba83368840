"""One inquiry as labelled lines, shared by the detail pane and the case sheet (相談票).

Personal fields (domain.pii: name, kana, phone, e-mail, postal code, address) are included only
when asked: the case sheet leaves them out unless the clerk ticks the box. Labels are the field
catalogue's (domain/fields.py), in the window's language. Any thread: no widgets are made here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from desktop_app.domain.fields import label_in
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
    lines += [
        (label("subject"), record.subject),
        (label("content"), record.content),
        (label("relationship"), vocab.label("relationship", record.relationship)),
        (label("step"), vocab.label("step", record.step)),
        (label("domain"), vocab.label("domain", record.domain)),
        (label("fields"), "、".join(vocab.label("field", c) for c in record.fields)),
        (label("forms"), "、".join(vocab.label("form", c) for c in record.forms)),
        (label("municipalities"), "、".join(named.get(c, c) for c in record.municipalities)),
        (label("agreement_bodies"), "、".join(record.agreement_bodies)),
        (label("follow_up_due"), format_date(record.follow_up_due)),
        (label("outcome"), record.outcome or ""),
    ]
    return [(text, value) for text, value in lines if value]


def lines_html(lines: list[tuple[str, str]]) -> str:
    """A two-column HTML table of `lines`, escaped; line breaks in values are kept."""
    cells = "".join(
        f"<tr><th align='left' valign='top' class='label'>{html.escape(label)}</th>"
        f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
        for label, value in lines
    )
    return f"<table class='fields' cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"
