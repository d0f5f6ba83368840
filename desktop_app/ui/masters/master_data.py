"""The master lists the マスタ screen shows, read in one DbRunner job (they are small)."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.services import lookup
from desktop_app.services.database import Database
from desktop_app.services.lookup import AgreementItem, OfficeItem, PartnerItem


@dataclass(frozen=True)
class MasterData:
    offices: list[OfficeItem]
    labels_ja: dict[str, dict[str, str]]
    labels_en: dict[str, dict[str, str]]
    agreements: list[AgreementItem]
    partners: list[PartnerItem]


def load_master_data(db: Database) -> MasterData:
    return MasterData(
        offices=lookup.offices(db),
        labels_ja=lookup.labels(db, "ja"),
        labels_en=lookup.labels(db, "en"),
        agreements=lookup.agreement_bodies(db),
        partners=lookup.partners(db),
    )
