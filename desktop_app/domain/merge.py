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

`decide` is the same rule as a decision per field (same, take theirs, keep ours, conflict),
with the one rule a row has beyond its fields: an update met by a deletion is a conflict on
「削除」, never a silent loss. The sync import acts on it; `three_way` applies it to values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

# A deletion and the fields that go with it: its stamp, and for an inquirer merged into another
# the one it was merged into (a merge deletes the duplicate).
DELETION = ("deleted", "deleted_at", "merged_into")


class Choice(StrEnum):
    """What the merge does with one field."""

    SAME = "same"  # both sides hold the same value (changed alike, or not at all)
    TAKE = "take"  # only theirs changed it: their value comes in
    KEEP = "keep"  # only ours changed it (or theirs did not send it): our value stays
    CONFLICT = "conflict"  # both changed it differently: ours stays until a person chooses


def choice(base: Any, ours: Any, theirs: Any) -> Choice:
    """The decision for one field, by value against the base."""
    if ours == theirs:
        return Choice.SAME
    if ours == base:
        return Choice.TAKE
    if theirs == base:
        return Choice.KEEP
    return Choice.CONFLICT


@dataclass(frozen=True)
class Decision:
    """The decision for every key of a row, in key order."""

    fields: dict[str, Choice]

    def keys(self, wanted: Choice) -> tuple[str, ...]:
        return tuple(key for key, made in self.fields.items() if made is wanted)

    @property
    def conflicts(self) -> tuple[str, ...]:
        return self.keys(Choice.CONFLICT)

    @property
    def taken(self) -> tuple[str, ...]:
        return self.keys(Choice.TAKE)

    @property
    def kept(self) -> tuple[str, ...]:
        return self.keys(Choice.KEEP)


def decide(
    ours: Mapping[str, Any],
    base: Mapping[str, Any],
    theirs: Mapping[str, Any],
    *,
    keys: Iterable[str] | None = None,
) -> Decision:
    """Decide every field of a row (default keys: those of the three); a pure function.

    A key missing from one side was not sent: it reads as the base's value. A deletion on one
    side met by an edit of another field on the other is a conflict on 「削除」 alone; until a
    person decides it, the deletion's own fields (its stamp, the inquirer it was merged into)
    stay as ours, so a live row of ours never takes a merge it may refuse, and the resolution
    takes them with 「削除」 (services/conflicts.resolve_conflict).
    """
    names = list(keys) if keys is not None else list(dict.fromkeys([*base, *ours, *theirs]))
    fields = {
        key: choice(base.get(key), ours.get(key, base.get(key)), theirs.get(key, base.get(key)))
        for key in names
    }
    both_deleted = bool(ours.get("deleted")) and bool(theirs.get("deleted"))
    if both_deleted and fields.get("deleted_at") is Choice.CONFLICT:
        # The same deletion made at both offices (one merge made alike at each): nothing to ask;
        # the earlier stamp is kept, so every office ends with the same one.
        earlier = str(theirs["deleted_at"]) < str(ours["deleted_at"])
        fields["deleted_at"] = Choice.TAKE if earlier else Choice.KEEP
    deleted_here = bool(ours.get("deleted")) and not base.get("deleted")
    deleted_there = bool(theirs.get("deleted")) and not base.get("deleted")
    edited = {
        side: any(fields[key] is side and key not in DELETION for key in fields)
        for side in (Choice.TAKE, Choice.KEEP)
    }
    if deleted_here != deleted_there and (
        (deleted_here and edited[Choice.TAKE]) or (deleted_there and edited[Choice.KEEP])
    ):
        for key in DELETION:
            if fields.get(key) in (Choice.TAKE, Choice.CONFLICT):
                fields[key] = Choice.KEEP
        fields.pop("deleted", None)
        fields["deleted"] = Choice.CONFLICT  # listed last, after the fields it met
    return Decision(fields)


def merge_cycle(start: str, merged_into: Callable[[str], str | None]) -> tuple[str, ...]:
    """The inquirers of the cycle of merges that `start`'s chain runs into, by id (the first
    stays: `services/inquirers.undo_merge_cycles`); empty when the chain ends at a live one.

    `merged_into(id)` names the inquirer a tombstone was merged into, None for a live row (or
    one not held). Two offices that merge the same pair in opposite directions before either
    hears of the other's merge each delete a different row; once both deletions are taken,
    each is merged into the other and nobody is left (docs/sync-format.md, "Merges that meet
    in a cycle").
    """
    chain: list[str] = []
    current: str | None = start
    while current is not None and current not in chain:
        chain.append(current)
        current = merged_into(current)
    if current is None:
        return ()
    return tuple(sorted(chain[chain.index(current) :]))


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
    """Merge `ours` and `theirs` against `base` over `keys` (default: every key of the three),
    field by field (`choice`; a form's merge has no deletion rule)."""
    names = list(keys) if keys is not None else list(dict.fromkeys([*base, *ours, *theirs]))
    values: dict[str, Any] = {}
    made: dict[str, Choice] = {}
    conflicts: list[FieldConflict] = []
    for key in names:
        was = base.get(key)
        mine = ours.get(key, was)
        other = theirs.get(key, was)
        made[key] = choice(was, mine, other)
        values[key] = other if made[key] is Choice.TAKE else mine
        if made[key] is Choice.CONFLICT:
            conflicts.append(FieldConflict(key, was, mine, other))
    decision = Decision(made)
    return Merge(values, decision.kept, decision.taken, tuple(conflicts))


def resolve(merge: Merge, take_theirs: Iterable[str]) -> dict[str, Any]:
    """The merged values with a person's choice applied: theirs for `take_theirs`, ours else."""
    chosen = set(take_theirs)
    values = dict(merge.values)
    for conflict in merge.conflicts:
        if conflict.key in chosen:
            values[conflict.key] = conflict.theirs
    return values
