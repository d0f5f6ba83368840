"""Which field of the form a refusal is about, so its message can stand next to that field.

Most messages name their field by its Japanese label (inquiry_input.LABELS); the shape checks
of contact fields and of codes name it by their message code instead.
"""

from __future__ import annotations

from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_input import LABELS

_BY_LABEL = {label: key for key, label in LABELS.items()}
_BY_CODE = {
    "phone_invalid": "inquirer.phone",
    "email_invalid": "inquirer.email",
    "postal_code_invalid": "inquirer.postal_code",
    "corporate_number_invalid": "inquirer.corporate_number",
    "inquirer_name_required": "inquirer.name",
    "inquirer_unknown": "inquirer.name",
    "municipality_unknown": "municipalities",
    "agreement_unknown": "agreement_bodies",
    "outcome_required": "outcome",
    "status_transition": "status",
    "status_unknown": "status",
}


def field_of(error: UserError) -> str | None:
    """The contract key (inquirer.phone, received_at, ...) the error names, if any."""
    label = error.params.get("label")
    if isinstance(label, str) and label in _BY_LABEL:
        return _BY_LABEL[label]
    return _BY_CODE.get(error.code)
