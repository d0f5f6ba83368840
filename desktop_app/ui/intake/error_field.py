"""Which field of the form a refusal is about, so its message can stand next to that field.

Validation tags each error with the contract key it is about (`UserError.at`); the checks that
run in the services (codes against the masters, the workflow) are placed by their message code.
"""

from __future__ import annotations

from desktop_app.domain.errors import InputErrors, UserError

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
    return error.at or _BY_CODE.get(error.code)


def each_error(error: UserError) -> tuple[UserError, ...]:
    """The single errors a refusal holds (several when a whole form was checked at once)."""
    return error.errors if isinstance(error, InputErrors) else (error,)
