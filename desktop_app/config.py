"""Where things are and who is working: the database path, the language, who signs in.

The database lives in the user data directory unless `--db` or `RENKEI_DESK_DB` says
otherwise, so IT staff can point every shortcut at a shared location without editing code.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "renkei-desk"
DB_ENV = "RENKEI_DESK_DB"
DEFAULT_DB_NAME = "renkei-desk.sqlite3"
# The office a brand-new training database (`gui --training`, `make run`) is set up as.
DEMO_OFFICE = "SHIBA"
DEMO_COUNT = 3_000
TRAINING_SUFFIX = "-training"


def database_path(explicit: str | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DB_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return data_dir() / DEFAULT_DB_NAME


def training_database_path(database: Path) -> Path:
    """The training database (研修用) that belongs to `database`: a file of its own beside it,
    `renkei-desk-training.sqlite3` for the default one."""
    return database.with_name(f"{database.stem}{TRAINING_SUFFIX}{database.suffix}")


# platformdirs is imported where a folder is asked for: a command given --db never needs it,
# and it costs every start (it loads shutil, tempfile and bz2).


def log_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME))


def data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def language() -> str:
    """'en' when the environment asks for English (LANG=en...), Japanese otherwise."""
    for variable in ("RENKEI_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "en" if value.lower().startswith("en") else "ja"
    return "ja"


USER_ENV = "RENKEI_DESK_USER"
PASSWORD_ENV = "RENKEI_DESK_PASSWORD"
DEFAULT_USER = "admin"


def sign_in_user(requested: str | None = None) -> str:
    """Who signs in: `--user`, else RENKEI_DESK_USER, else the first administrator `admin`."""
    return requested or os.environ.get(USER_ENV) or DEFAULT_USER


def env_password() -> str | None:
    """The sign-in password a script (or `gui --screenshot`) gives in RENKEI_DESK_PASSWORD."""
    return os.environ.get(PASSWORD_ENV) or None
