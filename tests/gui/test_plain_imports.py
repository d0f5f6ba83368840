"""The imports behind the sign-in dialog skip PySide6's source scan of each new module, and
PySide6's import hook is back afterwards (also after a failure). Run in a child process: only
a fresh interpreter has modules that were never imported."""

from __future__ import annotations

import subprocess
import sys
import textwrap

CHILD = textwrap.dedent(
    """
    import builtins, sys, time
    import PySide6.QtCore
    from desktop_app.ui.plain_imports import plain_imports
    from desktop_app.ui.sign_in.opening import Opening

    scanned = sys.modules["shibokensupport.feature"].pyside_feature_dict
    hooked = builtins.__import__
    assert hooked is not builtins.__orig_import__  # PySide6's hook is in place

    def open_database():
        import colorsys  # a module this process never imported
        return "db"

    opening = Opening(open_database, lambda opened: None)
    opening.start()
    assert opening.result() == "db"
    opening.finish()
    assert "colorsys" in sys.modules and "colorsys" not in scanned
    deadline = time.monotonic() + 10
    while builtins.__import__ is not hooked and time.monotonic() < deadline:
        time.sleep(0.001)  # the opening's thread puts the hook back as it ends
    import wave  # on the GUI thread once the opening is done: the hook again
    assert "wave" in scanned
    assert builtins.__import__ is hooked

    try:
        with plain_imports():
            with plain_imports():  # nested: the hook stays off until the outer one ends
                pass
            assert builtins.__import__ is builtins.__orig_import__
            raise RuntimeError("failed import")
    except RuntimeError:
        pass
    assert builtins.__import__ is hooked
    print("ok")
    """
)


def test_opening_imports_without_the_scan_and_puts_the_hook_back():
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
