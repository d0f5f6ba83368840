"""Which fields are personal information: the one place the rest of the program asks.

Names, readings, phones, e-mails, postal codes and addresses of inquirers are personal
information; exports leave them out unless asked, reads of them are logged, and retention
deletes them. Organisation names and corporate numbers are not personal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PERSONAL_INQUIRER_FIELDS: tuple[str, ...] = (
    "name",
    "kana",
    "phone",
    "email",
    "postal_code",
    "address",
)


def has_personal_data(inquirer: Mapping[str, Any]) -> bool:
    return any(inquirer.get(field) for field in PERSONAL_INQUIRER_FIELDS)


def without_personal_data(inquirer: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: (None if key in PERSONAL_INQUIRER_FIELDS else value) for key, value in inquirer.items()
    }
