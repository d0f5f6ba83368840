"""Saved ledger mapping profiles: kept by name in this database's settings, or read from a file.

A profile saved in the window (受付簿の取込 → 保存) is a setting `ledger_profile:<name>`, so the
backup of the database carries it; `import-ledger --mapping` takes the name of one, or the path
of a JSON file in the same form (domain/ledger_profile.py), which a script may keep beside
the ledger.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.models import Setting
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.ledger_profile import Profile, profile_from_json
from desktop_app.excel.safe_read import Limits, read_file

_PREFIX = "ledger_profile:"
_NAME_LIMIT = 64 - len(_PREFIX)
_PROFILE_LIMITS = Limits(file_bytes=1024 * 1024)  # a profile is a few KB of JSON


def save_profile(db: Database, profile: Profile, *, actor: Actor) -> Profile:
    """Keep `profile` under its name (replacing one of the same name)."""
    actor.require(Permission.EXCHANGE)
    name = profile.name.strip()
    if not name or len(name) > _NAME_LIMIT:
        raise UserError("ledger_profile_name", limit=_NAME_LIMIT)
    stored = profile.named(name)
    with db.write() as session:
        session.merge(
            Setting(key=_PREFIX + name, value=json.dumps(stored.to_json(), ensure_ascii=False))
        )
    return stored


def profile_names(db: Database) -> list[str]:
    with db.read() as session:
        keys = session.scalars(select(Setting.key).where(Setting.key.startswith(_PREFIX)))
        return sorted(key[len(_PREFIX) :] for key in keys)


def load_profile(db: Database, name_or_path: str) -> Profile:
    """A saved profile by name, else a JSON file by path; UserError when it is neither."""
    with db.read() as session:
        setting = session.get(Setting, _PREFIX + name_or_path)
        if setting is not None:
            return profile_from_json(json.loads(setting.value), name_or_path)
    path = Path(name_or_path)
    try:
        # Read with a bound, and never from a device or a pipe (`--mapping /dev/zero`).
        data = json.loads(read_file(path, _PROFILE_LIMITS).decode("utf-8-sig"))
    except UserError as exc:
        if exc.code == "file_not_found":
            raise UserError("ledger_profile_missing", value=name_or_path) from exc
        raise
    except (UnicodeDecodeError, ValueError) as exc:  # JSONDecodeError is a ValueError
        raise UserError("ledger_profile_invalid", path=path.name, detail=str(exc)) from exc
    return profile_from_json(data, path.name)
