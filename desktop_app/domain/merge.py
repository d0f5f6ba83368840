"""The three-way merge of one row, field by field: the rule that nothing newer is lost.

One function serves both places where two versions of a row meet: a form saved after the row
moved on (another window, an action, a sync import) and a sync package merged into a database
(docs/architecture.md, "Merging"). Both sides are compared with the base, the version both last
agreed on:

- a field neither side changed, or both changed to the same value, keeps that value;
- a field only one side changed takes that side's value;
- a field both sides changed to different values is a conflict: the merge keeps `ours` (the
  local value) and reports both, so that a person chooses.

A key missing from `ours` or `theirs` means "not sent", never "emptied": it counts as
unchanged from the base (a package without personal fields must not erase them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FieldConflict:
    """A field changed differently on both sides since the base."""

    key: str
    base: Any
    ours: Any
    theirs: Any


@dataclass(frozen=True)
class Merge:
    """The merged values of every key, and which side each change came from."""

    values: dict[str, Any]
    ours_changed: tuple[str, ...]
    theirs_changed: tuple[str, ...]
    conflicts: tuple[FieldConflict, ...]

    @property
    def clean(self) -> bool:
        return not self.conflicts


def three_way(
    base: Mapping[str, Any],
    ours: Mapping[str, Any],
    theirs: Mapping[str, Any],
    *,
    keys: Iterable[str] | None = None,
) -> Merge:
    """Merge `ours` and `theirs` against `base` over `keys` (default: every key of the three)."""
    names = list(keys) if keys is not None else list(dict.fromkeys([*base, *ours, *theirs]))
    values: dict[str, Any] = {}
    ours_changed: list[str] = []
    theirs_changed: list[str] = []
    conflicts: list[FieldConflict] = []
    for key in names:
        was = base.get(key)
        mine = ours.get(key, was)
        other = theirs.get(key, was)
        values[key] = mine
        if mine == other:
            continue
        if mine == was:
            values[key] = other
            theirs_changed.append(key)
        elif other == was:
            ours_changed.append(key)
        else:
            conflicts.append(FieldConflict(key, was, mine, other))
    return Merge(values, tuple(ours_changed), tuple(theirs_changed), tuple(conflicts))


def resolve(merge: Merge, take_theirs: Iterable[str]) -> dict[str, Any]:
    """The merged values with a person's choice applied: theirs for `take_theirs`, ours else."""
    chosen = set(take_theirs)
    values = dict(merge.values)
    for conflict in merge.conflicts:
        if conflict.key in chosen:
            values[conflict.key] = conflict.theirs
    return values
