"""Running database work off the GUI thread, one job at a time, with results back on it.

SQLite has one writer, so every job of a window goes to the same single worker thread, in the
order asked; results therefore also arrive in that order. Long reads (the list's full key list,
follow-up counts over a million rows) may go to a second, read-only lane (`background=True`)
so that a click or a save never queues behind them; WAL lets such a read run beside a write.
Nothing orders the two lanes against each other. Callbacks always run on the GUI
thread (a queued signal carries them there), so they may touch widgets. A job whose `owner`
widget has been destroyed meanwhile is dropped silently. Every failure goes through
`ui.errors.show_error` unless the caller handles it.

Writes go through `write` (or `write_now`), which names what the write changed
(`domain.changes.Changes`); after it succeeded the runner emits `changed(Changes)`, even when
the widget that asked is gone, so every screen showing one of those kinds can re-read. Reads go
through `query`. Both are typed: the callable takes no arguments (a lambda over its
arguments), and `on_done` receives exactly what it returns.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.domain.changes import Changes
from desktop_app.domain.errors import UserError
from desktop_app.ui.errors import show_error

T = TypeVar("T")
OnDone = Callable[[Any], object]
OnError = Callable[[Any], None]
# What a write changed: known beforehand, or read from its result (a service's report).
Changed = Changes | Callable[[T], Changes]


class DbRunner(QObject):
    """Runs callables on one worker thread and calls back on the GUI thread.

    Create and use it on the GUI thread. `query` and `write` are asynchronous; `query_now` and
    `write_now` block the caller until the job ran on the same worker (start-up, a dialog's
    step, tests), so even synchronous work never overtakes queued writes. There is no untyped
    entry: every job is a callable of no arguments whose result `on_done` receives. `busy` is
    true while jobs are pending; `idle` is emitted when the last pending job's callbacks have run.
    """

    idle = Signal()
    changed = Signal(object)  # Changes, after each successful write (`write`, `write_now`)
    _finished = Signal(object, object, object)  # (future, on_done, on_error)

    def __init__(self, lang: str = "ja", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = lang
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="renkei-db")
        self._reads = ThreadPoolExecutor(max_workers=1, thread_name_prefix="renkei-db-read")
        self._pending = 0
        self._closed = False
        # Told of every refused permission that passes through (ui.app audits them).
        self.on_refused: Callable[[UserError], None] | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def _submit(
        self,
        fn: Callable[[], Any],
        *,
        on_done: OnDone | None,
        on_error: OnError | None,
        owner: QObject | None,
        background: bool = False,
    ) -> None:
        """Queue `fn()`; later call `on_done(result)` or `on_error(exc)`.

        Without `on_error` the error is shown in a message box over `owner` (or the active
        window). With an `owner`, nothing is called once that object has been destroyed.
        `background=True` is for long reads only, never for writes (see the module docstring).
        After `shutdown` nothing is queued: a late callback of a closing window (the list's
        key list asking for a page) asks in vain instead of failing.
        """
        if self._closed:
            return
        self._pending += 1
        future = (self._reads if background else self._pool).submit(fn)
        done = _guarded(on_done, owner)
        failed = _guarded(on_error or self._default_error(owner), owner)
        future.add_done_callback(lambda f: self._finished.emit(f, done, failed))

    def query(
        self,
        fn: Callable[[], T],
        *,
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
        background: bool = False,
    ) -> None:
        """Queue the read `fn()`; later `on_done(result)` (see `_submit` for the rest)."""
        self._submit(fn, on_done=on_done, on_error=on_error, owner=owner, background=background)

    def query_now(self, fn: Callable[[], T]) -> T:
        """The read `fn()`, waited for (start-up, a dialog's first values); exceptions propagate.

        It runs on the same worker as everything else, so it never overtakes a queued write.
        """
        return self._wait(fn)

    def write(
        self,
        fn: Callable[[], T],
        changes: Changed[T],
        *,
        on_done: Callable[[T], object] | None = None,
        on_error: OnError | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Queue the write `fn()`; once it succeeded, `on_done(result)`, then `changed(changes)`.

        `changes` may be a function of the result (a service's report says whether anything
        was written). `changed` is emitted even when `owner` is gone meanwhile: the data
        changed regardless.
        """
        answer = _guarded(on_done, owner)

        def done(result: T) -> None:
            answer(result)
            self._announce(changes, result)

        failed = _guarded(on_error or self._default_error(owner), owner)
        self._submit(
            fn, on_done=done, on_error=failed, owner=None
        )  # no owner: `changed` must not be dropped

    def write_now(self, fn: Callable[[], T], changes: Changed[T]) -> T:
        """`write`, waited for (a wizard's step, a dialog's save); exceptions propagate."""
        result = self._wait(fn)
        self._announce(changes, result)
        return result

    def _announce(self, changes: Changed[T], result: T) -> None:
        made = changes(result) if callable(changes) else changes
        if made and not self._closed:
            self.changed.emit(made)

    def _wait(self, fn: Callable[[], T]) -> T:
        """Run `fn` on the worker and wait for it; exceptions propagate to the caller."""
        try:
            return self._pool.submit(fn).result()
        except UserError as exc:
            self._note_refusal(exc)
            raise

    def _note_refusal(self, exc: BaseException) -> None:
        if not isinstance(exc, UserError) or exc.code != "permission_denied":
            return
        if self.on_refused is not None and not self._closed:
            self.on_refused(exc)

    def hold_until(self, ready: Callable[[], object]) -> None:
        """Both lanes wait until `ready()` has returned or raised (the database opening behind
        a window shown before it, ui/app.py): the jobs asked meanwhile follow in their order,
        none importing or reading anything before (a job's own failure says what failed)."""
        for lane in (self._pool, self._reads):
            lane.submit(_waited, ready)

    @property
    def stopped(self) -> bool:
        """After `shutdown`: nothing more is queued."""
        return self._closed

    def shutdown(self) -> None:
        """Finish queued jobs and stop the threads (their callbacks are no longer delivered)."""
        self._closed = True
        self._pool.shutdown(wait=True)
        self._reads.shutdown(wait=True)

    def _default_error(self, owner: QObject | None) -> OnError:
        def report(exc: BaseException) -> None:
            parent = owner if isinstance(owner, QWidget) else QApplication.activeWindow()
            show_error(parent, exc, self._lang)

        return report

    @Slot(object, object, object)
    def _deliver(self, future: Future[Any], on_done: OnDone, on_error: OnError) -> None:
        self._pending -= 1
        if self._closed:  # the window it answered is being replaced (sign-out, language)
            return
        try:
            exc = future.exception()
            if exc is None:
                on_done(future.result())
            else:
                self._note_refusal(exc)
                on_error(exc)
        finally:
            if self._pending == 0:
                self.idle.emit()


def _guarded(callback: Callable[[Any], object] | None, owner: QObject | None) -> OnError:
    """`callback`, made a no-op when it is None or once `owner` no longer exists."""

    def call(value: Any) -> None:
        if callback is None or (owner is not None and not shiboken6.isValid(owner)):
            return
        callback(value)

    return call


def _waited(ready: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):
        ready()
