"""Which fields are personal information: asked of the field catalogue, in one place.

Names, readings, phones, e-mails, postal codes and addresses of inquirers are personal
information; exports leave them out unless asked, reads of them are logged, and retention
erases them. Organisation names and corporate numbers are not personal. Which fields these are
is the `personal` flag of `domain.fields`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from desktop_app.domain.fields import personal_keys

PERSONAL_INQUIRER_FIELDS: tuple[str, ...] = personal_keys("inquirer")


def has_personal_data(inquirer: Mapping[str, Any]) -> bool:
    return any(inquirer.get(field) for field in PERSONAL_INQUIRER_FIELDS)


def without_personal_data(inquirer: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: (None if key in PERSONAL_INQUIRER_FIELDS else value) for key, value in inquirer.items()
    }
