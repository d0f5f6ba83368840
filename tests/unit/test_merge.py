"""The three-way merge: what only one side changed merges, what both changed differently waits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.merge import FieldConflict, resolve, three_way

BASE = {"subject": "物産展", "status": "received", "follow_up_due": "2026-12-10", "phone": "03"}


def test_fields_only_one_side_changed_merge_without_losing_either():
    ours = {**BASE, "subject": "物産展への出店"}
    theirs = {**BASE, "follow_up_due": "2026-12-20"}

    merge = three_way(BASE, ours, theirs)

    assert merge.clean
    assert merge.values == {**BASE, "subject": "物産展への出店", "follow_up_due": "2026-12-20"}
    assert merge.ours_changed == ("subject",)
    assert merge.theirs_changed == ("follow_up_due",)


def test_the_same_change_on_both_sides_is_no_conflict():
    both = {**BASE, "status": "in_progress"}

    merge = three_way(BASE, both, dict(both))

    assert merge.clean
    assert merge.values == both
    assert merge.ours_changed == merge.theirs_changed == ()


def test_different_changes_to_one_field_conflict_and_keep_ours_until_resolved():
    ours = {**BASE, "follow_up_due": "2026-12-15"}
    theirs = {**BASE, "follow_up_due": "2026-12-20", "status": "in_progress"}

    merge = three_way(BASE, ours, theirs)

    assert merge.conflicts == (
        FieldConflict("follow_up_due", "2026-12-10", "2026-12-15", "2026-12-20"),
    )
    assert merge.values["follow_up_due"] == "2026-12-15"
    assert merge.values["status"] == "in_progress"
    assert resolve(merge, ["follow_up_due"])["follow_up_due"] == "2026-12-20"
    assert resolve(merge, [])["follow_up_due"] == "2026-12-15"


def test_a_key_left_out_means_not_sent_never_emptied():
    theirs = {key: value for key, value in BASE.items() if key != "phone"}

    merge = three_way(BASE, dict(BASE), theirs)

    assert merge.values["phone"] == "03"
    assert merge.clean


_values = st.sampled_from([None, "", "a", "b", "c"])
_rows = st.fixed_dictionaries({key: _values for key in ("x", "y", "z")})


@given(base=_rows, ours=_rows, theirs=_rows)
def test_no_change_is_ever_lost_silently(base, ours, theirs):
    merge = three_way(base, ours, theirs)
    conflicted = {conflict.key for conflict in merge.conflicts}
    for key in base:
        if key in conflicted:
            assert ours[key] != base[key] != theirs[key] != ours[key]
            continue
        # Every change either side made is in the result.
        if ours[key] != base[key]:
            assert merge.values[key] == ours[key]
        if theirs[key] != base[key]:
            assert merge.values[key] == theirs[key]


@given(base=_rows, ours=_rows, theirs=_rows)
def test_the_merge_is_symmetric_but_for_which_side_a_conflict_keeps(base, ours, theirs):
    forward = three_way(base, ours, theirs)
    backward = three_way(base, theirs, ours)
    assert {c.key for c in forward.conflicts} == {c.key for c in backward.conflicts}
    assert resolve(forward, [c.key for c in forward.conflicts]) == backward.values
