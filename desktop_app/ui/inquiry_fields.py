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


def _t(text: str) -> str:
    return QCoreApplication.translate("InquiryFields", text)


def _personal_label(field: str) -> str:
    labels = {
        "name": _t("氏名"),
        "kana": _t("フリガナ"),
        "phone": _t("電話番号"),
        "email": _t("メールアドレス"),
        "postal_code": _t("郵便番号"),
        "address": _t("住所"),
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
        (_t("受付番号"), record.receipt_no),
        (_t("受付日"), format_date(record.received_at)),
        (_t("事務所"), vocab.office(record.office)),
        (_t("受付方法"), vocab.label("channel", record.channel)),
        (_t("担当"), record.staff),
        (_t("状況"), vocab.label("status", record.status)),
        (_t("相談者区分"), vocab.label("inquirer_type", person.type)),
        (_t("団体名"), person.organization),
    ]
    if include_personal:
        lines += [
            (_personal_label(field), getattr(person, field)) for field in PERSONAL_INQUIRER_FIELDS
        ]
    lines += [
        (_t("件名"), record.subject),
        (_t("相談内容"), record.content),
        (_t("連携の型"), vocab.label("relationship", record.relationship)),
        (_t("段階"), vocab.label("step", record.step)),
        (_t("領域"), vocab.label("domain", record.domain)),
        (_t("連携分野"), "、".join(vocab.label("field", c) for c in record.fields)),
        (_t("協働の形態"), "、".join(vocab.label("form", c) for c in record.forms)),
        (_t("対象自治体"), "、".join(named.get(c, c) for c in record.municipalities)),
        (_t("協定先"), "、".join(record.agreement_bodies)),
        (_t("次回対応期限"), format_date(record.follow_up_due)),
        (_t("結果"), record.outcome or ""),
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
