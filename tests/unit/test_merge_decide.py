"""The merge decision on its own (`domain.merge.decide`): properties over random rows."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.merge import Choice, decide, merge_cycle, three_way

KEYS = ("subject", "content", "step", "phone")
VALUES = st.sampled_from(["", "A", "B", "C", None])


def _rows(keys: tuple[str, ...] = KEYS) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries({key: VALUES for key in keys})


SWAPPED = {Choice.TAKE: Choice.KEEP, Choice.KEEP: Choice.TAKE}


def _applied(ours: dict[str, Any], theirs: dict[str, Any], made: dict[str, Choice]) -> dict:
    return {key: theirs[key] if made[key] is Choice.TAKE else ours[key] for key in made}


@given(base=_rows(), ours=_rows(), theirs=_rows())
def test_a_field_conflicts_exactly_when_both_sides_changed_it_differently(base, ours, theirs):
    decision = decide(ours, base, theirs)

    for key in KEYS:
        both_differ = ours[key] != base[key] != theirs[key] != ours[key]
        assert (decision.fields[key] is Choice.CONFLICT) == both_differ
        assert (decision.fields[key] is Choice.SAME) == (ours[key] == theirs[key])


@given(base=_rows(), ours=_rows(), theirs=_rows())
def test_the_decision_is_symmetric_between_the_two_offices(base, ours, theirs):
    forward = decide(ours, base, theirs).fields
    backward = decide(theirs, base, ours).fields

    assert backward == {key: SWAPPED.get(made, made) for key, made in forward.items()}


@given(base=_rows(), ours=_rows(), theirs=_rows())
def test_deciding_again_after_applying_takes_nothing_more(base, ours, theirs):
    decision = decide(ours, base, theirs)
    merged = _applied(ours, theirs, decision.fields)

    again = decide(merged, base, theirs)

    assert again.taken == ()
    assert again.conflicts == decision.conflicts
    assert decide(merged, base, merged).fields == dict.fromkeys(KEYS, Choice.SAME)


@given(base=_rows(), theirs=_rows())
def test_a_field_put_back_to_the_base_yields_to_the_other_office(base, theirs):
    ours = dict(base)  # changed away and back again: no change at all, by value

    decision = decide(ours, base, theirs)

    for key in KEYS:
        expected = Choice.SAME if theirs[key] == base[key] else Choice.TAKE
        assert decision.fields[key] is expected


@given(base=_rows(), ours=_rows(), theirs=_rows(), unsent=st.sets(st.sampled_from(KEYS)))
def test_a_field_not_sent_is_never_taken_nor_in_conflict(base, ours, theirs, unsent):
    sent = {key: value for key, value in theirs.items() if key not in unsent}

    decision = decide(ours, base, sent, keys=KEYS)

    for key in unsent:
        assert decision.fields[key] in (Choice.SAME, Choice.KEEP)


@given(base=_rows(), ours=_rows(), theirs=_rows())
def test_three_way_applies_the_same_decision(base, ours, theirs):
    decision = decide(ours, base, theirs)
    merge = three_way(base, ours, theirs)

    assert merge.values == _applied(ours, theirs, decision.fields)
    assert [conflict.key for conflict in merge.conflicts] == list(decision.conflicts)
    assert (merge.theirs_changed, merge.ours_changed) == (decision.taken, decision.kept)


@given(edited=st.sampled_from(KEYS), value=st.sampled_from(["A", "B"]), here=st.booleans())
def test_a_deletion_met_by_an_edit_is_a_conflict_on_deletion_alone(edited, value, here):
    base = {**dict.fromkeys(KEYS, ""), "deleted": False, "deleted_at": None}
    deleted = {**base, "deleted": True, "deleted_at": "2026-11-01T00:00:00"}
    changed = {**base, edited: value}
    ours, theirs = (deleted, changed) if here else (changed, deleted)

    decision = decide(ours, base, theirs)

    assert decision.conflicts == ("deleted",)
    assert list(decision.fields)[-1] == "deleted"
    assert decision.fields[edited] is (Choice.TAKE if here else Choice.KEEP)
    # until a person decides, the row keeps our deletion's fields: none of a deletion of theirs
    assert decision.fields["deleted_at"] is Choice.KEEP


def test_a_merge_met_by_an_edit_leaves_a_live_row_unmerged_until_decided():
    base = {"notes": "", "deleted": False, "deleted_at": None, "merged_into": None}
    merged = {**base, "deleted": True, "deleted_at": "2026-11-01T00:00:00", "merged_into": "b"}
    edited = {**base, "notes": "本庁のメモ"}

    decision = decide(edited, base, merged)

    assert decision.conflicts == ("deleted",)
    assert decision.kept == ("notes", "deleted_at", "merged_into")
    assert decision.taken == ()


def test_a_deletion_on_both_sides_or_alone_is_no_conflict():
    base = {"subject": "", "deleted": False, "deleted_at": None}
    deleted = {**base, "deleted": True, "deleted_at": "2026-11-01T00:00:00"}

    assert decide(deleted, base, dict(deleted)).conflicts == ()
    assert decide(base, base, deleted).taken == ("deleted", "deleted_at")
    assert decide(deleted, base, base).kept == ("deleted", "deleted_at")


@given(here=st.integers(0, 59), there=st.integers(0, 59))
def test_the_same_deletion_at_both_offices_keeps_the_earlier_stamp_without_asking(here, there):
    base = {"deleted": False, "deleted_at": None, "merged_into": None}
    ours = {"deleted": True, "deleted_at": f"2026-11-01T09:00:{here:02d}", "merged_into": "b"}
    theirs = {**ours, "deleted_at": f"2026-11-01T09:00:{there:02d}"}

    decision = decide(ours, base, theirs)

    assert decision.conflicts == ()
    stamps = (ours["deleted_at"], theirs["deleted_at"])
    kept = [stamps[0], stamps[1]][decision.fields["deleted_at"] is Choice.TAKE]
    assert kept == min(stamps)  # both offices end with the same stamp, whichever decides


@pytest.mark.parametrize(
    ("links", "start", "cycle"),
    [
        ({"b": "a", "a": "b"}, "b", ("a", "b")),  # the same pair merged both ways
        ({"c": "a", "a": "b", "b": "c"}, "a", ("a", "b", "c")),  # three offices, three merges
        ({"d": "b", "b": "a", "a": "b"}, "d", ("a", "b")),  # a tombstone merged into a cycle
        ({"b": "a", "a": None}, "b", ()),  # a chain ending at a live one
        ({"b": "a"}, "b", ()),  # merged into one not held
        ({"a": None}, "a", ()),  # a live one
    ],
)
def test_a_cycle_of_merges_is_found_from_any_tombstone_on_its_chain(links, start, cycle):
    assert merge_cycle(start, links.get) == cycle


@given(st.dictionaries(st.sampled_from("abcdef"), st.sampled_from("abcdef"), max_size=6))
def test_a_cycle_found_is_one_and_every_member_finds_the_same(links):
    for start in links:
        cycle = merge_cycle(start, links.get)
        assert list(cycle) == sorted(set(cycle))
        for member in cycle:
            assert links[member] in cycle
            assert merge_cycle(member, links.get) == cycle
