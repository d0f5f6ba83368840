"""What every screen is given: the open database, who is at the desk, the language, the runner.

Passed down explicitly, so no model or widget reaches for a global main window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.domain.actor import Actor, Role
from desktop_app.services.database import Database
from desktop_app.ui.vocab import Vocab
from desktop_app.ui.worker import DbRunner


@dataclass(frozen=True)
class AppContext:
    """Shared by the screens of one main window; `runner` does all database work (one writer).

    `office` is this installation's office code and `staff` the login recorded on every change;
    `vocab` holds the labels of codes in `lang` (read once when the window is built);
    `training` is True for a training database (研修用), which the title and the list show.
    """

    db: Database
    office: str
    staff: str
    lang: str
    runner: DbRunner
    vocab: Vocab = field(default_factory=Vocab)
    training: bool = False

    @property
    def actor(self) -> Actor:
        """Who the services are told acts: the desk's login, as this PC's administrator until
        staff sign-in gives the window its signed-in actor (as cli_sign_in does the CLI)."""
        return Actor(login=self.staff, name=self.staff, role=Role.ADMIN, office=self.office)
