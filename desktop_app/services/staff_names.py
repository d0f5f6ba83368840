"""Staff display names by login: what 担当 shows (高橋 一郎, not takahashi).

Every screen may show who handled a case, so reading the names needs no permission; the list
carries no role, password or lock state (services.staff keeps those for administrators).
"""

from __future__ import annotations

from sqlalchemy import select

from db.engine import Database
from db.models import Staff

# Every account's (login, display name), also compiled for the start-up's light read.
STAFF_NAMES = select(Staff.login, Staff.display_name)


def staff_names(db: Database) -> dict[str, str]:
    """{login: display name} of every account, disabled ones too (old cases name them)."""
    with db.read() as session:
        return {login: name for login, name in session.execute(STAFF_NAMES) if name}
