"""Where the files the program ships with live: the master lists, translations and style sheet.

One answer for both ways the program runs. From a checkout (or an editable install) they are in
`resources/` at the root of the source tree; in the PyInstaller bundle (`make installer`) they
are copied into the bundle's own folder (`sys._MEIPASS`), beside the bundled packages, and are
found there and nowhere else: a bundle never reads a source checkout, even on the machine that
built it. Only the standard library is used, so every layer may ask.

The Alembic migrations are package data of `db` (which may not import the application): they
sit beside `db/migrate.py` in a checkout and in the bundle alike, and `db.migrate` finds them
there.
"""

from __future__ import annotations

import sys
from pathlib import Path


def is_bundle() -> bool:
    """True inside the PyInstaller bundle (the installed program on a ward PC)."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def root() -> Path:
    """The folder that holds `resources/`: the bundle's folder, or the source tree's root."""
    if is_bundle():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]  # set by the bundle's loader
    return Path(__file__).resolve().parents[1]


def masters_dir() -> Path:
    return root() / "resources" / "masters"


def i18n_dir() -> Path:
    return root() / "resources" / "i18n"


def style_sheet() -> Path:
    return root() / "resources" / "styles" / "desk.qss"
