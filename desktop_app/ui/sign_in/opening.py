"""The database opened on a thread of its own while the sign-in dialog waits for the person.

Opening it imports SQLAlchemy, the models and the services, which took most of the time from
launch to the dialog; the person needs a second or more to type (or even to press Enter on a
training database's pre-filled dialog), so that time is spent behind the dialog instead. Once
open, what the first page needs is warmed the same way (`warm`: the main window's modules, the
list's first query) so that Enter leads to the list without waiting for imports. Nothing here
makes a widget: only the GUI thread does. When Enter comes before the database is open, the
GUI thread builds the window from a light read instead (`early`: the warming is left out) and
the opening's imports of the database layer wait until its first page is painted (`pause`).
"""

from __future__ import annotations

import builtins
import contextlib
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from types import ModuleType
from typing import Generic, TypeVar

from desktop_app.ui.plain_imports import plain_imports

T = TypeVar("T")
# The modules the opening thread holds back while the window is built before the database is
# open (`pause`): the database layer, which the window's modules never import
# (tests/gui/test_first_page_early.py), so the opening never holds a lock the window waits for.
_HELD_BACK = ("sqlalchemy", "alembic", "db.models", "db.engine", "db.search_index")
_LONGEST_PAUSE_S = 2.0  # whatever happens meanwhile, the opening goes on after this


class Opening(Generic[T]):
    """`open_database()` run on a thread by `start()`; `result()` waits for it."""

    def __init__(
        self,
        open_database: Callable[[], T],
        warm: Callable[[T], None],
        later: Callable[[], None] | None = None,
    ) -> None:
        self._open = open_database
        self._warm = warm
        self._later = later  # after the warming, not waited for (what follows the first page)
        self._opened: T | None = None
        self._error: BaseException | None = None
        self._ready = threading.Event()  # set once opened (or failed), before the warming
        self._warmed = threading.Event()  # set once warmed (or failed), before `later`
        self._waited = threading.Event()  # set by `hurry`: the person pressed Enter
        self._lock = threading.Lock()  # `early` against the opening's end
        self._early = False  # the GUI thread builds the window before the database is open
        self._thread = threading.Thread(target=self._run, name="open-behind", daemon=True)
        self._go = threading.Event()  # cleared by `pause`
        self._go.set()

    def start(self) -> None:
        if not self._thread.is_alive() and not self._ready.is_set():
            self._thread.start()

    def result(self) -> T:
        """The opened database (raises what opening raised); starts it when not yet started.
        Does not wait for the warming: it only makes what follows faster."""
        self.start()
        self._ready.wait()
        if self._error is not None:
            raise self._error
        assert self._opened is not None
        return self._opened

    def hurry(self) -> None:
        """The person pressed Enter: from now on the password check and the window want the
        processor, so `later` is left out when not yet started (what it imports then comes
        when first needed, after the first page)."""
        self._waited.set()

    @property
    def ready(self) -> bool:
        """Whether the database is open (or failed to open): `result()` would not wait."""
        return self._ready.is_set()

    def early(self) -> bool:
        """Claim the window for the GUI thread while the database is still opening (the first
        page read with sqlite3 alone, ui/app.py): True when it is not open yet, and then the
        warming and `later` are left out (the GUI thread imports the window's modules itself;
        no Qt type is made on two threads at once). False when it is open already: the window
        is built as before, after `finish`."""
        self.hurry()
        with self._lock:
            if self._ready.is_set():
                return False
            self._early = True
            return True

    def pause(self) -> None:
        """Hold the opening's imports back (at its next module of the database layer) while
        the GUI thread builds and paints the window before the database is open: the two
        threads share one interpreter, and the window's modules and its first paint were
        twice as slow beside the imports. `resume` lets them go on (DeskApp.build, once the
        first page is painted; at the latest after _LONGEST_PAUSE_S)."""
        self._go.clear()

    def resume(self) -> None:
        self._go.set()

    def finish(self) -> None:
        """Wait for the warming too (so no import of the first page's runs on while the window
        is built); `later` may still be running, or is left out when not yet started."""
        self.hurry()
        if self._thread.is_alive():
            self._warmed.wait()

    def _run(self) -> None:
        with plain_imports(), _held_back(self._go):  # this thread does mostly imports
            self._steps()

    def _steps(self) -> None:
        try:
            self._opened = self._open()
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc
            self._warmed.set()
            return
        finally:
            with self._lock:
                self._ready.set()
        if self._early:  # the window is built already, on the GUI thread
            self._warmed.set()
            return
        try:
            with contextlib.suppress(Exception):  # a failure shows later, where it happens
                self._warm(self._opened)
        finally:
            self._warmed.set()
        # Once Enter is pressed, `later` would only take the processor from the password check
        # and the window: what it imports then comes when first needed, after the first page.
        if self._later is not None and not self._waited.is_set():
            with contextlib.suppress(Exception):
                self._later()


@contextmanager
def _held_back(go: threading.Event) -> Iterator[None]:
    """While inside, an import statement of the database layer (or in one of its modules)
    run on this thread waits while `go` is cleared (Opening.pause). At the statement, not in
    a finder: Python asks the finders holding its global import lock, which would stop every
    thread's imports. This thread holds then only the locks of modules that import the
    database layer, which the window's modules never import; so the window never waits for
    it, and the pause lasts at most _LONGEST_PAUSE_S."""
    thread = threading.get_ident()
    before = builtins.__import__

    def gated(
        name: str,
        globals: Mapping[str, object] | None = None,  # noqa: A002 (__import__'s own names)
        locals: Mapping[str, object] | None = None,  # noqa: A002
        fromlist: Sequence[str] | None = (),
        level: int = 0,
    ) -> ModuleType:
        if not go.is_set() and threading.get_ident() == thread:
            importer = str((globals or {}).get("__name__", ""))
            if (name.startswith(_HELD_BACK) or importer.startswith(_HELD_BACK)) and not go.wait(
                _LONGEST_PAUSE_S
            ):
                go.set()  # never resumed (a failure meanwhile): the opening goes on regardless
        return before(name, globals, locals, fromlist, level)

    builtins.__import__ = gated
    try:
        yield
    finally:
        if builtins.__import__ is gated:
            builtins.__import__ = before
