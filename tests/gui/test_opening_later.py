"""The database opening behind the sign-in dialog: `finish` waits for the first page's warming,
never for what is imported after it (`later`), so the window is built without waiting for it."""

from __future__ import annotations

import threading

from desktop_app.ui.sign_in.opening import Opening


def test_finish_waits_for_the_warming_but_not_for_later():
    warmed: list[str] = []
    release = threading.Event()
    later_done = threading.Event()

    def later() -> None:
        release.wait(10)
        later_done.set()

    opening = Opening(lambda: "db", warmed.append, later)
    opening.start()
    assert opening.result() == "db"
    opening.finish()
    assert warmed == ["db"]  # the warming is done once finish returns
    assert not later_done.is_set()  # what follows the first page is still on its way
    release.set()
    assert later_done.wait(10)


def test_a_failed_opening_neither_warms_nor_hangs():
    warmed: list[object] = []

    def fail() -> str:
        raise OSError("unreadable")

    opening = Opening(fail, warmed.append, lambda: warmed.append("later"))
    opening.start()
    opening.finish()
    assert warmed == []


def test_later_is_left_out_once_the_window_is_being_built():
    release = threading.Event()
    later: list[str] = []

    def warm(_opened: str) -> None:
        release.wait(10)  # the person pressed Enter before the warming was done

    opening = Opening(lambda: "db", warm, lambda: later.append("imported"))
    opening.start()
    opening.result()
    waiter = threading.Thread(target=opening.finish)
    waiter.start()
    assert opening._waited.wait(10)  # finish() is waiting: the window is about to be built
    release.set()
    waiter.join(10)
    opening._thread.join(10)
    assert later == []


def test_later_is_left_out_once_enter_is_pressed():
    """Enter before the warming is done: the password check and the window get the processor,
    and what follows the first page is imported when first needed."""
    release = threading.Event()
    later: list[str] = []

    def warm(_opened: str) -> None:
        release.wait(10)

    opening = Opening(lambda: "db", warm, lambda: later.append("imported"))
    opening.start()
    opening.hurry()  # what the dialog's check does first
    assert opening.result() == "db"
    release.set()
    opening.finish()
    opening._thread.join(10)
    assert not opening._thread.is_alive()
    assert later == []
