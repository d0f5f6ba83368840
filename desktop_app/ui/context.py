"""What every screen is given: the open database, who is at the desk, the language, the runner.

Passed down explicitly, so no model or widget reaches for a global main window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.actor import Actor
from desktop_app.services.database import Database
from desktop_app.ui.vocab import Vocab
from desktop_app.ui.worker import DbRunner


@dataclass(frozen=True)
class AppContext:
    """Shared by the screens of one main window; `runner` does all database work (one writer).

    `office` is this installation's office code and `actor` the signed-in member of staff, whom
    every service call is given (its login is recorded on every change);
    `vocab` holds the labels of codes in `lang` (read once when the window is built);
    `training` is True for a training database (研修用), which the title and the list show.
    """

    db: Database
    office: str
    actor: Actor
    lang: str
    runner: DbRunner
    vocab: Vocab = field(default_factory=Vocab)
    training: bool = False
