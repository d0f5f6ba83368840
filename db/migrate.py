"""Schema versions with Alembic, driven from code so the program upgrades a file on open.

Alembic (with Mako and Pygments behind it) costs about 170 ms to import, a good part of the
window's start-up budget, and is needed only when a file is actually upgraded. Opening a file
therefore reads its revision with plain SQL and compares it with `HEAD`, a constant that a
test keeps equal to the newest script; Alembic is imported only to upgrade or list revisions.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from db.connection import driver_of

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

# Package data beside this module, in a checkout and in the PyInstaller bundle alike (the spec
# copies the scripts to the same place); `db` may not ask the application where its files are.
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"
HEAD = "0017"


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return HEAD


def script_head() -> str | None:
    """The newest revision among the scripts (what HEAD must name)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The file's schema revision, or None for a file that has never been initialised."""
    with engine.connect() as conn:
        return revision_of(driver_of(conn.connection))


def revision_of(dbapi_conn: sqlite3.Connection) -> str | None:
    """`current_revision` on a plain sqlite3 connection (the command line's light read)."""
    has_table = dbapi_conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if has_table is None:
        return None
    row = dbapi_conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else str(row[0])


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take a file back to `revision`: how the upgrade tests and the bundle's smoke test make
    a database "written by the previous build" from today's models."""
    from alembic import command

    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def previous_revision() -> str:
    """The revision before HEAD: what the build before this one wrote."""
    from alembic.script import ScriptDirectory

    down = ScriptDirectory.from_config(_config()).get_revision(HEAD).down_revision
    if not isinstance(down, str):
        raise ValueError(f"{HEAD} has no single previous revision: {down!r}")
    return down


def all_revisions() -> frozenset[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    return frozenset(rev.revision for rev in script.walk_revisions())
