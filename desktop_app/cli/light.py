"""A command's light path: signed in and answered over sqlite3 alone (services/light_list.py),
the sign-in recorded after the answer; or nothing done, and the full path answers.

`inquiry list` and `import-ledger --dry-run` take it (issue 23): a read that needs no
SQLAlchemy answers before the database layer would have finished importing. Only the plain
sign-in is light (an active account, the right password, nothing to slow, seal or fill);
anything else, and an actor without the command's permission, goes the full way, which signs
in, refuses and records exactly as before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.cli.endings import Stops, stops
from desktop_app.cli.sign_in import password, user_name
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from desktop_app.services.light_list import LightRead

# Answers the command on the light read as `actor`; False: it printed nothing (the full path
# answers). It calls `hold()` on the Stops once its answer is out.
Answer = Callable[["LightRead", Actor, Stops], bool]


def answered(
    path: Path,
    permission: Permission,
    answer: Answer,
    lang: str,
    meanwhile: Callable[[], None] | None = None,
) -> bool:
    """Whether the command was answered on the light read of the database file `path`.
    `meanwhile` is run during the sign-in's password verification (on the other core): it
    may read the command's file but must print nothing and read nothing of the database,
    keeping what it found (a refusal too) for `answer`, which runs only once signed in."""
    if not path.is_file():
        return False  # refused by the full path, with its message
    from desktop_app.services import light_list

    reader = light_list.open_light(path)
    if reader is None:
        return False
    with stops() as stop:  # a stop after the answer still records the sign-in
        return _signed_in(reader, permission, answer, stop, lang, meanwhile)


def _signed_in(
    reader: LightRead,
    permission: Permission,
    answer: Answer,
    stop: Stops,
    lang: str,
    meanwhile: Callable[[], None] | None,
) -> bool:
    """The light sign-in, the answer and the sign-in's record; False: the full path answers."""
    try:
        actor = reader.sign_in(user_name(), password(), meanwhile)
        if actor is None or not actor.may(permission):
            return False
        done = False
        try:
            done = answer(reader, actor, stop)
        except BaseException:
            done = True  # a refusal or a closed pipe after the sign-in, as in full
            raise
        finally:
            stop.hold()  # a stop from here on waits for the record
            # Recorded whenever this sign-in answered, as the full path records it before it
            # answers or refuses; not when the full path takes over (it signs in itself).
            if done and not reader.record_sign_in(actor):
                print(render("sign_in_not_recorded", lang), file=sys.stderr)
        return done
    finally:
        reader.close()
