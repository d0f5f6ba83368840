"""A ledger mapping profile: the corrections a person made for one kind of ledger, kept by name.

A branch keeps the same ledger for years, so what was corrected once (this column is 相談内容,
「まちおこし」 is 観光, 済 closes as 連携成立) is saved and applied the next time, in the window
or with `import-ledger --mapping`. Columns are named by their header text (folded), not their
letter, so a ledger with a column inserted still maps. The JSON form:

    {"name": "芝の受付簿", "columns": {"受付日": "received_at", "担当印": null},
     "values": {"fields": {"まちおこし": "tourism"}}, "closed_status": "info_only"}
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop_app.domain import text, workflow
from desktop_app.domain.errors import UserError
from desktop_app.domain.ledger_columns import TARGETS
from desktop_app.domain.ledger_values import DEFAULT_CLOSED


@dataclass(frozen=True)
class Profile:
    """`columns`: folded header -> target (None: not imported); `values`: target -> folded
    value -> code ("" places it nowhere); `closed_status`: where 完了/済/終了 go."""

    name: str = ""
    columns: Mapping[str, str | None] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    closed_status: str = DEFAULT_CLOSED

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "columns": dict(self.columns),
            "values": {key: dict(chosen) for key, chosen in self.values.items()},
            "closed_status": self.closed_status,
        }

    def with_column(self, header: str, target: str | None) -> Profile:
        return _replace(self, columns={**self.columns, text.fold(header): target})

    def with_value(self, target: str, value: str, code: str) -> Profile:
        chosen = {**self.values.get(target, {}), text.fold(value): code}
        return _replace(self, values={**self.values, target: chosen})

    def named(self, name: str) -> Profile:
        return _replace(self, name=name)

    def closing_as(self, status: str) -> Profile:
        return _replace(self, closed_status=status)


def _replace(profile: Profile, **changes: Any) -> Profile:
    values = {
        "name": profile.name,
        "columns": profile.columns,
        "values": profile.values,
        "closed_status": profile.closed_status,
    }
    return Profile(**(values | changes))


def profile_from_json(data: Any, where: str) -> Profile:
    """A profile from its JSON form; UserError naming `where` for anything else."""
    if not isinstance(data, Mapping):
        raise UserError("ledger_profile_invalid", path=where, detail="not an object")
    columns = data.get("columns", {})
    values = data.get("values", {})
    closed = data.get("closed_status", DEFAULT_CLOSED)
    if not isinstance(columns, Mapping) or not all(
        isinstance(k, str) and (v is None or v in TARGETS) for k, v in columns.items()
    ):
        raise UserError("ledger_profile_invalid", path=where, detail="columns")
    if not isinstance(values, Mapping) or not all(
        isinstance(k, str)
        and isinstance(v, Mapping)
        and all(isinstance(a, str) and isinstance(b, str) for a, b in v.items())
        for k, v in values.items()
    ):
        raise UserError("ledger_profile_invalid", path=where, detail="values")
    if closed not in workflow.CLOSED_STATUSES:
        raise UserError("ledger_profile_invalid", path=where, detail="closed_status")
    return Profile(
        name=str(data.get("name") or ""),
        columns={text.fold(k): v for k, v in columns.items()},
        values={k: {text.fold(a): b for a, b in v.items()} for k, v in values.items()},
        closed_status=closed,
    )
