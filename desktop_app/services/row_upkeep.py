"""What every change to a synced row must also do, in one place.

A changed inquirer, inquiry or action gets rev+1, a new updated_at and who changed it: the
central office's merge compares revs, so a change that forgot this would never travel. An
inquirer's derived keys (phone digits, the duplicate-matching key) follow its fields so that
search and duplicate suggestions find it however it was last written.
"""

from __future__ import annotations

from db.models import Action, Inquirer, Inquiry, utc_now
from desktop_app.domain import text


def touch(row: Inquirer | Inquiry | Action, staff: str) -> None:
    row.rev += 1
    row.updated_at = utc_now()
    row.updated_by = staff


def refresh_inquirer_keys(inquirer: Inquirer) -> None:
    inquirer.phone_digits = text.digits(inquirer.phone)
    inquirer.match_key = text.match_key(inquirer.organization, inquirer.name)
    inquirer.name_key = text.name_key(inquirer.name)
    inquirer.kana_key = text.fold(inquirer.kana)
