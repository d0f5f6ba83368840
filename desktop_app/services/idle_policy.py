"""The idle lock as the office's policy: a maximum an administrator sets in the database.

A desk PC stands where visitors come and go, so how long a window may stay open unattended is
not each clerk's choice: the administrator sets the longest (設定, `config set
idle-lock-minutes`), stored in the database so it holds at every PC and for every person. A
member of staff may choose a shorter time for themselves (their own preference, per PC user),
never a longer one; the window applies either change at once. Changing the maximum is audited.
"""

from __future__ import annotations

from db.engine import Database
from db.models import Setting
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.services import audit
from desktop_app.services.idle_limits import RANGE, SETTING, maximum_of


def maximum(db: Database) -> int:
    """The longest a window may stay unlocked without input, in minutes."""
    with db.read() as session:
        row = session.get(Setting, SETTING)
    return maximum_of(row.value if row is not None else None)


def set_maximum(db: Database, minutes: int, *, actor: Actor) -> int:
    """Set the office's maximum (administrators only); refused outside RANGE."""
    actor.require(Permission.SETTINGS)
    low, high = RANGE
    if isinstance(minutes, bool) or not low <= minutes <= high:
        raise UserError("idle_minutes_invalid", value=minutes, low=low, high=high)
    with db.write() as session:
        old = session.get(Setting, SETTING)
        session.merge(Setting(key=SETTING, value=str(minutes)))
        audit.log(
            session, staff=actor.login, action="setting", entity="setting", entity_id=SETTING,
            old=old.value if old is not None else None, new=str(minutes),
        )  # fmt: skip
    return minutes
