"""What every screen is given: the open database, who is at the desk, the language, the runner.

Passed down explicitly, so no model or widget reaches for a global main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject

from desktop_app.domain.actor import Actor
from desktop_app.ui.vocab import Vocab
from desktop_app.ui.worker import Changed, DbRunner, OnError

if TYPE_CHECKING:  # a window is built before SQLAlchemy is imported (start-up)
    from desktop_app.services.database import Database

T = TypeVar("T")


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

    def query(
        self,
        fn: Callable[[Database], T],
        *,
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
        background: bool = False,
    ) -> None:
        """Read `fn(db)` on the runner; `on_done(result)` on the GUI thread (DbRunner.query)."""
        db = self.db
        self.runner.query(
            lambda: fn(db), on_done=on_done, on_error=on_error, owner=owner, background=background
        )

    def query_now(self, fn: Callable[[Database], T]) -> T:
        """`query`, waited for (a dialog's first values); exceptions propagate."""
        db = self.db
        return self.runner.query_now(lambda: fn(db))

    def write(
        self,
        fn: Callable[[Database], T],
        changes: Changed[T],
        *,
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Write `fn(db)` on the runner; every screen showing `changes` hears of it."""
        db = self.db
        self.runner.write(lambda: fn(db), changes, on_done=on_done, on_error=on_error, owner=owner)

    def write_now(self, fn: Callable[[Database], T], changes: Changed[T]) -> T:
        """`write`, waited for; exceptions propagate (DbRunner.write_now)."""
        db = self.db
        return self.runner.write_now(lambda: fn(db), changes)
