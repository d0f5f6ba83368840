"""What the program is and where its data lives: `renkei-desk --version` and the About box.

Answered without SQLAlchemy (a plain read-only sqlite3 look at `alembic_version`), so that
`--version` stays instant and never creates, upgrades or locks the file it describes: IT staff
ask it on a PC whose database may be older than the program, or not made yet.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from db import migrate
from desktop_app.domain.messages import render

DISTRIBUTION = "renkei-desk"


@dataclass(frozen=True)
class About:
    """The program's version and schema, and the database file it would open.

    `revision` is the file's schema revision: None when there is no database there yet (the
    set-up wizard will make it) or the file is not one.
    """

    version: str
    schema: str
    database: Path
    exists: bool
    revision: str | None

    @property
    def data_dir(self) -> Path:
        """The folder of the database, where its upgrade backups are written too."""
        return self.database.parent

    @property
    def needs_upgrade(self) -> bool:
        return self.revision is not None and self.revision != self.schema

    def lines(self, lang: str) -> list[str]:
        """What `--version` prints and the About box shows, one fact a line."""
        if self.revision is None:
            schema = render("about_schema_none", lang, schema=self.schema)
        else:
            code = "about_schema_older" if self.needs_upgrade else "about_schema"
            schema = render(code, lang, revision=self.revision, schema=self.schema)
        return [
            f"renkei-desk {self.version}",
            schema,
            render("about_database", lang, path=self.database),
            render("about_data_dir", lang, path=self.data_dir),
        ]

    def to_json(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "schema": self.schema,
            "database": str(self.database),
            "data_dir": str(self.data_dir),
            "exists": self.exists,
            "revision": self.revision,
        }


def program_version() -> str:
    """The installed version (the package metadata, which the bundle carries too)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


def describe(path: Path) -> About:
    """The About facts for the database at `path`, opened read-only (nothing is written)."""
    path = path.expanduser().absolute()
    exists = path.is_file()
    return About(
        version=program_version(),
        schema=migrate.head_revision(),
        database=path,
        exists=exists,
        revision=_revision(path) if exists else None,
    )


def _revision(path: Path) -> str | None:
    """Read-only, through SQLite's locks, so that a revision still in the WAL of a window that
    has the file open is read too (SQLite may leave its -wal and -shm files beside it)."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return None
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:  # not a database, or one never initialised
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])
