"""The desk side of the sign-in figures, as `renkei-desk gui` starts on a real database.

A standalone script (run by path) that imports only the program and follows `run_gui`: the
sign-in dialog with the database opening behind it (`sign_in_early`), no start frame. It
prints "dialog" once the dialog is painted on screen, then types the password and presses
Enter (SignInDialog.submit, the hash check included), and prints "page <ms>" once the main
window shows the first page of the list painted, <ms> counted in this process from the Enter
("checked <ms>" when the password check alone is done; "early 1" when the window was built
before the database was open, from the first page read with sqlite3 alone); then "ready". Usage:
`python desk_sign_in.py DB LOGIN PASSWORD`.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

# How long the person takes to type the password before Enter (RENKEI_BENCH_TYPING_MS); 0
# presses Enter as soon as the dialog is on screen. Meanwhile keys are pressed in the password
# field at KEYS_PER_S, as a person types (each key is an event the GUI thread handles while the
# database opens behind the dialog); the whole password is in the field before Enter.
TYPING_MS = int(os.environ.get("RENKEI_BENCH_TYPING_MS", "0"))
KEYS_PER_S = 8


def main(path: Path, login: str, password: str) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui import preferences
    from desktop_app.ui.app import prepare_application

    app = QApplication([])
    prepare_application(app, "ja", preferences.DEFAULT_FONT_PT)

    from desktop_app.ui.app import DeskApp, sign_in_early
    from desktop_app.ui.sign_in.sign_in_dialog import SignInDialog

    entered: list[float] = []

    def answer() -> None:
        dialog = next(
            (w for w in app.topLevelWidgets() if isinstance(w, SignInDialog) and w.isVisible()),
            None,
        )
        handle = dialog.windowHandle() if dialog is not None else None
        if dialog is None or handle is None or not handle.isExposed():
            QTimer.singleShot(1, answer)
            return
        dialog.repaint()
        print("dialog", flush=True)
        keys = TYPING_MS * KEYS_PER_S // 1000
        for n in range(keys):
            QTimer.singleShot((n + 1) * 1000 // KEYS_PER_S - 60, lambda n=n: press(dialog, n))
        QTimer.singleShot(TYPING_MS, lambda: enter(dialog))

    def press(dialog: SignInDialog, n: int) -> None:
        # Imported at the first key, not before the dialog: the program never imports QtTest,
        # so the launch figure counts the program's own imports only.
        from PySide6.QtTest import QTest

        QTest.keyClick(dialog.password, password[n % len(password)])

    def enter(dialog: SignInDialog) -> None:
        dialog.password.setText(password)
        entered.append(time.perf_counter())
        dialog.submit()  # what Enter does
        print(f"checked {(time.perf_counter() - entered[0]) * 1000:.1f}", flush=True)

    QTimer.singleShot(0, answer)
    after_sign_in: list[Any] = []  # as run_gui: the rest of a light sign-in, after the page
    first: list[Any] = []  # as run_gui: the first page read before the database was open
    signed = sign_in_early(path, "ja", training=False, user=login, after_sign_in=after_sign_in,
                           first_page=first)  # fmt: skip
    assert signed is not None and signed[2] is not None
    db, office, actor = signed
    desk = DeskApp(app, db, office, actor, after_sign_in=after_sign_in,
                   first_page=first[0] if first else None)  # fmt: skip
    print(f"early {len(first)}", flush=True)
    window = desk.build("ja", restore=False)
    model = window.list_page.model
    _until(app, lambda: window.windowHandle().isExposed() and model.row_at(0) is not None)
    window.repaint()
    print(f"page {(time.perf_counter() - entered[0]) * 1000:.1f}", flush=True)
    print("ready", flush=True)
    os._exit(0)


def _until(app: Any, condition: Any, timeout_s: float = 120.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        app.processEvents()
        time.sleep(0.0005)
    app.processEvents()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
