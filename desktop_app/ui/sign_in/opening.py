"""The database opened on a thread of its own while the sign-in dialog waits for the person.

Opening it imports SQLAlchemy, the models and the services, which took most of the time from
launch to the dialog; the person needs a second or more to type (or even to press Enter on a
training database's pre-filled dialog), so that time is spent behind the dialog instead. Once
open, what the first page needs is warmed the same way (`warm`: the main window's modules, the
list's first query) so that Enter leads to the list without waiting for imports. Nothing here
makes a widget: only the GUI thread does.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from desktop_app.ui.plain_imports import plain_imports

T = TypeVar("T")


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
        self._thread = threading.Thread(target=self._run, name="open-behind", daemon=True)

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

    def finish(self) -> None:
        """Wait for the warming too (so no import of the first page's runs on while the window
        is built); `later` may still be running, or is left out when not yet started."""
        self.hurry()
        if self._thread.is_alive():
            self._warmed.wait()

    def _run(self) -> None:
        with plain_imports():  # everything this thread does is mostly imports
            self._steps()

    def _steps(self) -> None:
        try:
            self._opened = self._open()
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc
            self._warmed.set()
            return
        finally:
            self._ready.set()
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
