"""The intake form's draft: what the clerk has typed, kept in a file until it is saved.

Nothing typed is lost (docs/architecture.md): a crash or a power cut while a visitor is still
talking must cost at most the last seconds. The draft lives outside the database on purpose:
it is not yet an inquiry (nothing validated it) and must never travel in a sync package.
Writes go to a temporary file that replaces the draft in one step, so a power cut leaves
either the previous draft or the new one, never half of one.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any


def draft_name(office: str, login: str, *, training: bool) -> str:
    """The draft file of one account on one kind of database.

    Several people sign in on one desk PC under one system account, so a draft belongs to the
    account that typed it: offered to the next person it would show a visitor's name and phone
    number to someone who never read them from the database, with no audit entry. And a draft
    typed in a training database must never be saved into the real one. The name is a digest,
    so that a login says nothing in a file name and needs no escaping.
    """
    kind = "training" if training else "real"
    key = hashlib.sha256(f"{office}\n{kind}\n{login}".encode()).hexdigest()[:20]
    return f"intake-draft-{key}.json"


class DraftStore:
    """One draft file in `directory` (created on first save). Not thread-safe: one owner."""

    def __init__(self, directory: Path, name: str) -> None:
        self.path = directory / name

    def save(self, content: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(".tmp")
        with partial.open("w", encoding="utf-8") as fh:
            json.dump(content, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(partial, self.path)

    def load(self) -> dict[str, Any] | None:
        """The kept draft, or None when there is none or it cannot be read (it is discarded)."""
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.clear()
            return None
        return content if isinstance(content, dict) else None

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)
