"""The sign-in at the window's start with sqlite3 alone, while the database opens behind the
dialog (ui/sign_in/start.py): Enter pressed before SQLAlchemy, the models and the services are
imported no longer waits for them to check the password.

It is the command line's light sign-in (services/light_list.LightRead: one argon2 check, an
active account, no failed sign-in since its last one, no package-key slot to seal or fill),
recorded at once as the full sign-in records it (the counter reset and the audit entry, one
short transaction). Anything else, or a record the write lock kept out, is None and the full
sign-in answers (services.staff.sign_in), which slows, refuses and records as always. What a
full sign-in does besides, opening the account's package-key slot, is done once the database
is open (services.package_key.open_at_sign_in).
"""

from __future__ import annotations

from pathlib import Path

from desktop_app.domain.actor import Actor
from desktop_app.services.light_list import open_light


def sign_in_lightly(path: Path, login: str, password: str) -> Actor | None:
    """The actor, signed in and recorded, when the light read may sign `login` in; None: the
    full sign-in answers (nothing was written)."""
    reader = open_light(path)
    if reader is None:
        return None
    try:
        actor = reader.sign_in(login, password)
        if actor is None or not reader.record_sign_in(actor):
            return None
        return actor
    finally:
        reader.close()
