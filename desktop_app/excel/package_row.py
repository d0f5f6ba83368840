"""One synced row as a sync package carries it, without the workbook around it.

Kept apart from excel/sync_package.py (which writes and reads the workbook with openpyxl) so
that what builds these rows from the database (services/sync_rows.py, imported by every
writer and so by the window's detail pane) does not import openpyxl: a workbook is made only
when a package is written or read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class PackageRow:
    """One synced row as it travels: its version and its content in JSON form.

    `seen` is the version of the receiver's own copy that this row already includes (the
    merge base the receiver should use), or None. `seen_personal` is the version of the
    receiver's copy whose personal values this row's include (an inquirer row of a package with
    personal fields): older than `seen` when packages without them came in between, None when
    the sender never took the receiver's personal values of the row.
    """

    entity: str
    id: str
    origin: str
    rev: int
    updated_at: str
    updated_by: str
    seen: str | None
    content: dict[str, Any]
    seen_personal: str | None = None

    @cached_property
    def version(self) -> str:
        """Made once: an import compares it and remembers it for each of a package's rows."""
        return version_id(self.rev, self.updated_at)

    @cached_property
    def data(self) -> str:
        """The content as canonical JSON (`_data`, and what `sync_base` keeps): made once."""
        return canonical_json(self.content)


def version_id(rev: int, updated_at: str) -> str:
    """A version's identity: where and when it was made travels with it, so it is unique."""
    return f"{rev}@{updated_at}"


def rev_of(version: str) -> int:
    return int(version.split("@", 1)[0])


def canonical_json(content: Mapping[str, Any]) -> str:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
