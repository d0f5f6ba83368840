"""Reading the master lists for pickers and labels: vocabularies, offices, municipalities.

Municipalities complete on what a clerk types: kanji (釧路), a reading in either kana
(くしろ / クシロ) or the start of the 6-digit code; readings are compared folded. A retired
municipality (浜松市中区, gone since 2024-01-01) is not offered for new entries, but is still
found by its code, because old inquiries name it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select

from db.engine import Database
from db.models import AgreementBody, Municipality, Office, PartnerMunicipality, VocabTerm
from desktop_app.domain import text
from desktop_app.services.code_labels import CodeLabels, codes_named, labels_from
from desktop_app.services.place_items import AgreementItem, MunicipalityItem

# The terms a picker offers, (vocab, code, label_ja, label_en) in each vocabulary's order; and
# the offices as OfficeItem takes them, in theirs. Also compiled for the start-up's light read
# (services/light_sql_source.py), which labels the window's first page.
ACTIVE_TERMS = (
    select(VocabTerm.vocab, VocabTerm.code, VocabTerm.label_ja, VocabTerm.label_en)
    .where(VocabTerm.active.is_(True))
    .order_by(VocabTerm.vocab, VocabTerm.sort_order, VocabTerm.code)
)
OFFICES = select(Office.code, Office.name, Office.name_en, Office.kind).order_by(
    Office.sort_order, Office.code
)


@dataclass(frozen=True)
class OfficeItem:
    code: str
    name: str
    name_en: str
    kind: str


@dataclass(frozen=True)
class PartnerItem:
    municipality: MunicipalityItem
    origin: str
    notes: str


def vocabulary(db: Database, vocab: str, lang: str = "ja") -> list[tuple[str, str]]:
    """(code, label) pairs of one vocabulary in display order."""
    return list(labels(db, lang).get(vocab, {}).items())


def labels(db: Database, lang: str = "ja") -> dict[str, dict[str, str]]:
    """Every vocabulary's labels in `lang`: {vocab: {code: label}}, in display order."""
    english = lang.startswith("en")
    result: dict[str, dict[str, str]] = {}
    with db.read() as session:
        for vocab, code, label_ja, label_en in session.execute(ACTIVE_TERMS):
            result.setdefault(vocab, {})[code] = label_en if english else label_ja
    return result


def code_labels(db: Database, lang: str = "ja", municipalities: Iterable[str] = ()) -> CodeLabels:
    """Labels of every vocabulary, office and agreement body, and of the `municipalities` named
    (the master holds about 2,000; a record names a few)."""
    with db.read() as session:
        terms = [(r.vocab, r.code, r.label_ja, r.label_en) for r in session.execute(VOCAB_LABELS)]
        bodies = [(r.code, r.name) for r in session.execute(BODY_LABELS)]
        office_rows = [(r.code, r.name, r.name_en) for r in session.execute(OFFICE_LABELS)]
    places = {
        item.code: item.full_name for item in municipalities_by_code(db, list(municipalities))
    }
    return labels_from(lang, terms, bodies, office_rows, places)


# What the labels are read from (the command line's light read runs the same: light_sql).
VOCAB_LABELS = select(
    VocabTerm.vocab, VocabTerm.code, VocabTerm.label_ja, VocabTerm.label_en
).order_by(VocabTerm.vocab, VocabTerm.sort_order)
BODY_LABELS = select(AgreementBody.code, AgreementBody.name)
OFFICE_LABELS = select(Office.code, Office.name, Office.name_en)


def status_codes(db: Database, given: Sequence[str]) -> tuple[str, ...]:
    """The status codes `given` names, each by its code or its label in either language
    (`--status 受付` and `--status Received` mean received). UserError names the valid ones."""
    with db.read() as session:
        terms = [(r.code, r.label_ja, r.label_en) for r in session.execute(STATUS_TERMS)]
    return codes_named(terms, given)


# The statuses a list may be filtered by (the light read runs the same: light_sql).
STATUS_TERMS = (
    select(VocabTerm.code, VocabTerm.label_ja, VocabTerm.label_en)
    .where(VocabTerm.vocab == "status", VocabTerm.active.is_(True))
    .order_by(VocabTerm.sort_order)
)


def offices(db: Database) -> list[OfficeItem]:
    with db.read() as session:
        return [OfficeItem(*row) for row in session.execute(OFFICES)]


def search_municipalities(
    db: Database, query: str, limit: int = 20, *, include_retired: bool = False
) -> list[MunicipalityItem]:
    """Municipalities whose name, reading or code starts with (or name contains) `query`.

    Retired ones only with `include_retired` (the master list's own page shows them; the intake
    form's picker, which chooses for a new entry, does not).
    """
    typed = query.strip()
    if not typed:
        return []
    reading = text.fold(typed)
    digits = text.digits(typed)
    conditions = [Municipality.name.contains(typed), Municipality.kana.startswith(reading)]
    if digits and digits == typed.replace(" ", ""):
        conditions.append(Municipality.code.startswith(digits))
    statement = select(Municipality).where(or_(*conditions))
    if not include_retired:
        statement = statement.where(Municipality.retired_on.is_(None))
    with db.read() as session:
        rows = session.scalars(
            statement.order_by(
                Municipality.kana.startswith(reading).desc(), Municipality.code
            ).limit(limit)
        )
        return [_municipality_item(row) for row in rows]


def municipalities_by_code(db: Database, codes: list[str]) -> list[MunicipalityItem]:
    """The named municipalities in the order asked, retired ones too (an old inquiry shows them)."""
    with db.read() as session:
        rows = session.scalars(select(Municipality).where(Municipality.code.in_(codes)))
        by_code = {row.code: _municipality_item(row) for row in rows}
    return [by_code[code] for code in codes if code in by_code]


def agreement_bodies(db: Database) -> list[AgreementItem]:
    with db.read() as session:
        rows = session.scalars(
            select(AgreementBody).order_by(AgreementBody.kind.desc(), AgreementBody.signed_on)
        )
        return [_agreement_item(r) for r in rows]


def search_agreement_bodies(db: Database, query: str, limit: int = 20) -> list[AgreementItem]:
    """Agreement bodies whose name contains `query`, or which are named after a prefecture
    whose reading starts with it (「ちば」 offers 千葉県市長会 and 千葉県町村会)."""
    typed = query.strip()
    if not typed:
        return []
    reading = text.fold(typed)
    with db.read() as session:
        prefectures = select(Municipality.name).where(
            Municipality.kind == "prefecture", Municipality.kana.startswith(reading)
        )
        named = [AgreementBody.name.contains(typed)]
        named += [AgreementBody.name.startswith(name) for name in session.scalars(prefectures)]
        rows = session.scalars(
            select(AgreementBody)
            .where(or_(*named))
            .order_by(AgreementBody.kind.desc(), AgreementBody.signed_on, AgreementBody.code)
            .limit(limit)
        )
        return [_agreement_item(r) for r in rows]


def partners(db: Database) -> list[PartnerItem]:
    with db.read() as session:
        rows = session.execute(
            select(PartnerMunicipality, Municipality)
            .join(Municipality, Municipality.code == PartnerMunicipality.municipality_code)
            .order_by(Municipality.code)
        )
        return [
            PartnerItem(_municipality_item(municipality), partner.origin, partner.notes)
            for partner, municipality in rows
        ]


def _agreement_item(row: AgreementBody) -> AgreementItem:
    signed = row.signed_on.isoformat() if row.signed_on else None
    return AgreementItem(row.code, row.name, row.kind, signed, row.member_count)


def _municipality_item(row: Municipality) -> MunicipalityItem:
    return MunicipalityItem(row.code, row.name, row.prefecture, row.kana, row.kind, row.retired_on)
