"""Everything the detail pane and the case sheet show about one inquiry, read in one job.

Runs on the DbRunner. Reading the inquiry logs a read of its personal data (services.inquiries),
as the personal-information rules require.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.actor import Actor
from desktop_app.services import actions, inquiries, lookup
from desktop_app.services.database import Database
from desktop_app.services.records import ActionRecord, InquiryRecord


@dataclass(frozen=True)
class CaseDetail:
    record: InquiryRecord
    actions: tuple[ActionRecord, ...]
    places: dict[str, str] = field(default_factory=dict)  # municipality code -> 釧路市（北海道）


def load_case(db: Database, receipt_no: str, actor: Actor) -> CaseDetail:
    record = inquiries.get_inquiry(db, receipt_no, actor=actor)
    history = tuple(actions.list_actions(db, receipt_no))
    named = lookup.municipalities_by_code(db, list(record.municipalities))
    return CaseDetail(record, history, {item.code: item.display for item in named})
