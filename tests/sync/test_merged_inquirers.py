"""An inquirer merged into another at HQ, and the branch that holds it.

The merge leaves the dropped inquirer as a tombstone (`merged_into`) with no inquiry left, so
HQ's return packages carry every inquirer the branch holds, not only those its inquiries name.
A branch's edit meeting the merge (its package on time, or a personal package overtaken by a
later plain one) is a conflict on 削除: kept deleted, or kept alive and no longer merged.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop_app.services import inquirers
from tests.actors import actor_for
from tests.sync import test_personal_field_flows as flows
from tests.sync.conftest import rows_by_id
from tests.sync.test_personal_field_flows import LATE, P0, Desk, _quiet, _shared

desk = flows.desk  # the offices of the personal-field flows


def _inquirers(path: Path) -> list[tuple[Any, ...]]:
    columns = "id, phone, deleted, merged_into, rev, updated_at"
    return list(rows_by_id(path, "inquirer", columns).values())


def _two_for_one_person(desk: Desk) -> tuple[str, str]:
    """Two cases of one person, taken down twice at SHIBA (the second without a number) and
    shared with HQ with their personal fields."""
    first = _shared(desk)
    second = desk.take_down("SHIBA", phone="")
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    return first, second


def _merge_at_hq(desk: Desk, first: str, second: str) -> tuple[str, str]:
    """HQ keeps the second case's inquirer and drops the first's; (kept, dropped)."""
    dropped = desk.record("HQ", first)["inquirer"]["id"]
    kept = desk.record("HQ", second)["inquirer"]["id"]
    inquirers.merge_inquirers(desk.db["HQ"], kept, dropped, actor=actor_for("s"))
    return kept, dropped


@pytest.mark.parametrize("personal", [False, True])
def test_a_merge_at_hq_reaches_the_branch_as_the_tombstone(desk, personal):
    first, second = _two_for_one_person(desk)
    kept, dropped = _merge_at_hq(desk, first, second)

    back = desk.carry("HQ", "SHIBA", personal=personal)

    _quiet(back)
    # the dropped one, and the kept one when its number (filled from the dropped one) travels
    assert back["packages"][0]["by_kind"]["inquirer"]["updated"] == (2 if personal else 1)

    def shown(office: str) -> list[tuple[Any, ...]]:  # a plain package: all but the number
        return [row if personal else (row[0], *row[2:]) for row in _inquirers(desk.db[office].path)]

    assert shown("SHIBA") == shown("HQ")
    held = {row[0]: row for row in _inquirers(desk.db["SHIBA"].path)}
    assert held[dropped][2:4] == (1, kept)
    assert desk.record("SHIBA", first)["inquirer"]["id"] == kept
    assert desk.record("SHIBA", second)["inquirer"]["phone"] == (P0 if personal else None)
    onward = desk.carry("SHIBA", "HQ", personal=personal)
    assert (onward["inserted"], onward["updated"], onward["merged"]) == (0, 0, 0)


@pytest.mark.parametrize("keep", ["ours", "theirs"])
@pytest.mark.parametrize("late", [False, True], ids=["on time", "late"])
def test_a_branch_number_meeting_a_merge_at_hq_is_settled_either_way(desk, late, keep):
    first, second = _two_for_one_person(desk)
    desk.change("SHIBA", first, phone=LATE)
    personal = desk.write("SHIBA", "HQ", personal=True)
    if late:  # overtaken by a later plain package: its row is older than what HQ holds
        desk.change("SHIBA", first, notes="支所のメモ")
        _quiet(desk.carry("SHIBA", "HQ"))
    kept, dropped = _merge_at_hq(desk, first, second)

    report = desk.take("HQ", personal)

    assert report["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [("deleted", True, False)]
    desk.resolve(keep)
    for _round in range(2):
        for report in desk.round_trip("SHIBA", personal=True):
            assert report["conflicts"] == 0, report
    assert desk.open_conflicts() == [] and desk.open_conflicts("SHIBA") == []
    assert _inquirers(desk.db["SHIBA"].path) == _inquirers(desk.db["HQ"].path)
    held = {row[0]: row for row in _inquirers(desk.db["HQ"].path)}
    # kept deleted, it stays merged; kept alive, it is merged no more (nor erased as merged)
    assert held[dropped][1:4] == ((LATE, 1, kept) if keep == "ours" else (LATE, 0, None))
    assert desk.record("HQ", first)["inquirer"]["id"] == kept


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_an_inquirer_both_branches_hold_after_a_merge_is_decided_once_per_field(desk, keep):
    """HQ merges SHIBA's inquirer into AZABU's: both branches then hold the kept one. Their
    edits of it meet at HQ, each field decided once: a branch's personal package carrying its
    version again for the number does not ask about its 備考 a second time."""
    at_shiba, at_azabu = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    kept, _dropped = _merge_at_hq(desk, at_shiba, at_azabu)
    for branch in ("SHIBA", "AZABU"):
        _quiet(desk.carry("HQ", branch, personal=True))
    desk.change("SHIBA", at_shiba, notes="芝のメモ", phone="03-1111-1111")
    desk.change("AZABU", at_azabu, notes="麻布のメモ", phone="03-2222-2222")
    _quiet(desk.carry("SHIBA", "HQ"))
    assert desk.carry("AZABU", "HQ")["conflicts"] == 1
    desk.resolve(keep)  # 備考
    notes = "芝のメモ" if keep == "ours" else "麻布のメモ"

    numbers = [desk.carry(branch, "HQ", personal=True) for branch in ("SHIBA", "AZABU")]

    assert [report["conflicts"] for report in numbers] == [0, 1]
    (conflict,) = desk.open_conflicts()
    assert [f.field for f in conflict.fields] == ["phone"]
    desk.resolve(keep)
    for _round in range(2):
        for branch in ("SHIBA", "AZABU"):
            for report in desk.round_trip(branch, personal=True):
                assert report["conflicts"] == 0, report
    held = [_inquirers(desk.db[office].path) for office in ("HQ", "SHIBA", "AZABU")]
    assert held[0] == held[1] and [r for r in held[0] if r[0] == kept] == [
        r for r in held[2] if r[0] == kept
    ]
    assert desk.record("HQ", at_azabu)["inquirer"]["notes"] == notes
    assert desk.phone("HQ", at_azabu) == ("03-1111-1111" if keep == "ours" else "03-2222-2222")
