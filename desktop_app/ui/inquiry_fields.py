"""One inquiry as labelled lines, shared by the detail pane and the case sheet (相談票).

Personal fields (domain.pii: name, kana, phone, e-mail, postal code, address) are included only
when asked: the case sheet leaves them out unless the clerk ticks the box. Labels go through
Qt's translator (context "InquiryFields"). Any thread: no widgets are made here.
"""

from __future__ import annotations

import html
from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services.records import InquiryRecord
from desktop_app.ui.vocab import Vocab, format_date

# lupdate reads translate("Context", "literal") calls; the alias keeps lines short.
translate = QCoreApplication.translate


def _personal_label(field: str) -> str:
    labels = {
        "name": translate("InquiryFields", "氏名"),
        "kana": translate("InquiryFields", "フリガナ"),
        "phone": translate("InquiryFields", "電話番号"),
        "email": translate("InquiryFields", "メールアドレス"),
        "postal_code": translate("InquiryFields", "郵便番号"),
        "address": translate("InquiryFields", "住所"),
    }
    return labels.get(field, field)


def inquiry_lines(
    record: InquiryRecord,
    vocab: Vocab,
    *,
    include_personal: bool,
    places: Mapping[str, str] | None = None,
) -> list[tuple[str, str]]:
    """(label, value) of every field worth showing, in the order a clerk reads a case.

    `places` names the target municipalities by code (釧路市（北海道）); codes without a name
    are shown as codes.
    """
    person = record.inquirer
    named = places or {}
    lines = [
        (translate("InquiryFields", "受付番号"), record.receipt_no),
        (translate("InquiryFields", "受付日"), format_date(record.received_at)),
        (translate("InquiryFields", "事務所"), vocab.office(record.office)),
        (translate("InquiryFields", "受付方法"), vocab.label("channel", record.channel)),
        (translate("InquiryFields", "担当"), record.staff),
        (translate("InquiryFields", "状況"), vocab.label("status", record.status)),
        (translate("InquiryFields", "相談者区分"), vocab.label("inquirer_type", person.type)),
        (translate("InquiryFields", "団体名"), person.organization),
    ]
    if include_personal:
        lines += [
            (_personal_label(field), getattr(person, field)) for field in PERSONAL_INQUIRER_FIELDS
        ]
    lines += [
        (translate("InquiryFields", "件名"), record.subject),
        (translate("InquiryFields", "相談内容"), record.content),
        (translate("InquiryFields", "連携の型"), vocab.label("relationship", record.relationship)),
        (translate("InquiryFields", "段階"), vocab.label("step", record.step)),
        (translate("InquiryFields", "領域"), vocab.label("domain", record.domain)),
        (
            translate("InquiryFields", "連携分野"),
            "、".join(vocab.label("field", c) for c in record.fields),
        ),
        (
            translate("InquiryFields", "協働の形態"),
            "、".join(vocab.label("form", c) for c in record.forms),
        ),
        (
            translate("InquiryFields", "対象自治体"),
            "、".join(named.get(c, c) for c in record.municipalities),
        ),
        (translate("InquiryFields", "協定先"), "、".join(record.agreement_bodies)),
        (translate("InquiryFields", "次回対応期限"), format_date(record.follow_up_due)),
        (translate("InquiryFields", "結果"), record.outcome or ""),
    ]
    return [(label, value) for label, value in lines if value]


def lines_html(lines: list[tuple[str, str]]) -> str:
    """A two-column HTML table of `lines`, escaped; line breaks in values are kept."""
    cells = "".join(
        f"<tr><th align='left' valign='top' class='label'>{html.escape(label)}</th>"
        f"<td>{html.escape(value).replace(chr(10), '<br>')}</td></tr>"
        for label, value in lines
    )
    return f"<table class='fields' cellspacing='0' cellpadding='4' width='100%'>{cells}</table>"
