"""Staff display names by login: what 担当 shows (高橋 一郎, not takahashi).

Every screen may show who handled a case, so reading the names needs no permission; the list
carries no role, password or lock state (services.staff keeps those for administrators).
"""

from __future__ import annotations

from sqlalchemy import select

from db.engine import Database
from db.models import Staff


def staff_names(db: Database) -> dict[str, str]:
    """{login: display name} of every account, disabled ones too (old cases name them)."""
    with db.read() as session:
        rows = session.execute(select(Staff.login, Staff.display_name))
        return {login: name for login, name in rows if name}
