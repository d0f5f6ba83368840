"""Which fields are personal information: asked of the field catalogue, in one place.

Names, readings, phones, e-mails, postal codes and addresses of inquirers are personal
information; exports leave them out unless asked, reads of them are logged, retention erases
them, and lists shown to a role that may not see them in full mask them (`masked`): a phone
keeps its first and last group (03-****-0101), an e-mail its first two characters and its
domain (ta***@example.jp), and the other personal fields are left out, except the name and
its reading, by which the desk finds the person in the first place. Opening the record
shows it in full (and is logged). Organisation names and corporate numbers are not personal.
Which fields these are is the `personal` flag of `domain.fields`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from desktop_app.domain.fields import personal_keys

PERSONAL_INQUIRER_FIELDS: tuple[str, ...] = personal_keys("inquirer")


def has_personal_data(inquirer: Mapping[str, Any]) -> bool:
    return any(inquirer.get(field) for field in PERSONAL_INQUIRER_FIELDS)


_GROUPS = re.compile(r"\d+")
# Personal fields a masked list still shows as they are: how the desk recognises the person.
_SHOWN_IN_LISTS = frozenset({"name", "kana"})


def mask_phone(phone: str) -> str:
    """03-5555-0101 → 03-****-0101; digits without separators keep the first 2 and last 4."""
    groups = _GROUPS.findall(phone)
    if len(groups) >= 3:
        middle = iter(groups[1:-1])
        count = [0]

        def star(match: re.Match[str]) -> str:
            count[0] += 1
            if count[0] == 1 or count[0] == len(groups):
                return match.group()
            return "*" * len(next(middle))

        return _GROUPS.sub(star, phone)
    digits = "".join(groups)
    if len(digits) <= 6:
        return "*" * len(digits)
    return digits[:2] + "*" * (len(digits) - 6) + digits[-4:]


def mask_email(email: str) -> str:
    """taro@example.jp → ta***@example.jp (the domain says which organisation, not who)."""
    local, at, domain = email.partition("@")
    return f"{local[:2]}***{at}{domain}" if at else "***"


_MASKS = {"phone": mask_phone, "email": mask_email}


def masked(inquirer: Mapping[str, Any]) -> dict[str, Any]:
    """The inquirer as a list shows it to a role without the personal-list permission."""
    shown: dict[str, Any] = {}
    for key, value in inquirer.items():
        if key not in PERSONAL_INQUIRER_FIELDS or key in _SHOWN_IN_LISTS or not value:
            shown[key] = value
        else:
            mask = _MASKS.get(key)
            shown[key] = mask(value) if mask else None
    return shown


def without_personal_data(inquirer: Mapping[str, Any]) -> dict[str, Any]:
    return {
        key: (None if key in PERSONAL_INQUIRER_FIELDS else value) for key, value in inquirer.items()
    }
