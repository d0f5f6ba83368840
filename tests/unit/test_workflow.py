from __future__ import annotations

import itertools

import pytest

from desktop_app.domain.workflow import (
    CLOSED_STATUSES,
    STATUS_LABELS,
    STATUS_TRANSITION,
    STATUS_UNKNOWN,
    STATUSES,
    TransitionError,
    allowed_transitions,
    check_transition,
    is_closed,
    is_reopening,
    needs_outcome,
)

OPEN = ("received", "in_progress", "referred")
CLOSED = ("matched", "not_matched", "info_only", "withdrawn")

ALLOWED = {
    ("received", "in_progress"),
    ("received", "referred"),
    ("in_progress", "referred"),
    ("referred", "in_progress"),
    *((old, new) for old in OPEN for new in CLOSED),
    *((old, "in_progress") for old in CLOSED),
}


def test_vocabulary() -> None:
    assert STATUSES == (*OPEN, *CLOSED)
    assert frozenset(CLOSED) == CLOSED_STATUSES
    assert set(STATUS_LABELS) == set(STATUSES)
    assert STATUS_LABELS["info_only"] == "情報提供で完了"


@pytest.mark.parametrize("status", STATUSES)
def test_is_closed_and_needs_outcome(status: str) -> None:
    assert is_closed(status) == (status in CLOSED)
    assert needs_outcome(status) == (status in CLOSED)


@pytest.mark.parametrize(("old", "new"), list(itertools.product(STATUSES, STATUSES)))
def test_transition_table(old: str, new: str) -> None:
    allowed = (old, new) in ALLOWED
    assert (new in allowed_transitions(old)) == allowed
    if allowed:
        check_transition(old, new)
    else:
        with pytest.raises(TransitionError) as excinfo:
            check_transition(old, new)
        assert excinfo.value.code == STATUS_TRANSITION
        assert (excinfo.value.old, excinfo.value.new) == (old, new)
    assert is_reopening(old, new) == (allowed and old in CLOSED)


def test_allowed_transitions_keep_status_order() -> None:
    assert allowed_transitions("received") == STATUSES[1:]
    assert allowed_transitions("referred") == ("in_progress", *CLOSED)
    assert allowed_transitions("matched") == ("in_progress",)


def test_same_status_is_not_a_transition() -> None:
    for status in STATUSES:
        assert status not in allowed_transitions(status)
        assert not is_reopening(status, status)


@pytest.mark.parametrize(
    ("old", "new"), [("bogus", "in_progress"), ("received", "closed"), ("", ""), ("受付", "対応中")]
)
def test_unknown_status(old: str, new: str) -> None:
    with pytest.raises(TransitionError) as excinfo:
        check_transition(old, new)
    assert excinfo.value.code == STATUS_UNKNOWN
    assert isinstance(excinfo.value, ValueError)
    assert not is_reopening(old, new)


def test_allowed_transitions_of_unknown_status() -> None:
    with pytest.raises(TransitionError) as excinfo:
        allowed_transitions("closed")
    assert excinfo.value.code == STATUS_UNKNOWN
    assert not is_closed("closed")
    assert not needs_outcome("closed")
