"""Records as a list shows them to a role: the inquirers' personal fields masked for a role
that may not list them (domain.pii.masked).

Free of SQLAlchemy, so that services.search and the command line's light read
(services.light_list) mask through this one function.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS, masked
from desktop_app.services.records import InquiryRecord


def as_listed_all(records: list[InquiryRecord], actor: Actor) -> list[InquiryRecord]:
    if actor.may(Permission.PERSONAL_LISTS):
        return records
    return [
        dataclasses.replace(
            record,
            inquirer=record.inquirer.with_values(_masked_fields(record.inquirer.to_json())),
        )
        for record in records
    ]


def _masked_fields(inquirer: dict[str, Any]) -> dict[str, str]:
    """The record's personal fields as masked (left out: empty text, as a record has it)."""
    shown = masked(inquirer)
    return {key: shown[key] or "" for key in PERSONAL_INQUIRER_FIELDS if key in shown}
