"""The main window and its list page can be imported, built and painted before SQLAlchemy,
the models and the services are imported (docs/gui.md, "Start-up after the sign-in"): Enter
pressed the moment the sign-in dialog shows need not wait for the database layer's imports."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

# What the window's modules must not import at their top.
DATABASE_LAYER = ("sqlalchemy", "alembic", "openpyxl", "db", "desktop_app.services.database",
                  "desktop_app.services.search", "desktop_app.services.lookup")  # fmt: skip


def test_the_window_modules_import_no_database_layer(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        import PySide6.QtWidgets
        import desktop_app.ui.main_window, desktop_app.ui.vocab, desktop_app.ui.worker
        print(",".join(sorted(m for m in sys.modules
                              if any(m == h or m.startswith(h + ".") for h in {DATABASE_LAYER!r})))
              or "none")
        """
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "none"
