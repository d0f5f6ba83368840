"""Adversarial flows over the four changes of the exchange (nothing acknowledged before the
peer's first package, every held inquirer in HQ's return package, a late personal row meeting
HQ's merge, a version carried again for its personal values merging them alone).

Real offices through real package files: merges at HQ across two branches and at a branch,
packages crossing, late, out of order and imported twice (refused as taken, nothing written),
a merge meeting an erasure, conflicts open for days, a branch that never imports, full
packages both ways at the end. After each flow the offices hold the same rows (HQ may hold
more) and nothing is left open. A defect found is an xfail whose reason says what goes wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from db import migrate
from desktop_app.services import inquirers, retention, sync_import, sync_row_merge
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, person
from tests.retention.conftest import case as retention_case
from tests.sync import test_personal_field_flows as flows
from tests.sync.conftest import dump, rows_by_id
from tests.sync.test_personal_field_flows import P0, TODAY, Desk, _quiet, _shared, _sync_base

desk = flows.desk
# Minutes in all: `make test-deep` (and CI after `make test`) runs these, `make test` does not.
pytestmark = pytest.mark.deep

INQUIRER = "id, name, phone, notes, deleted, merged_into, erased_at IS NOT NULL, rev, updated_at"
INQUIRY = "id, receipt_no, inquirer_id, subject, content, deleted, rev, updated_at"


def _same_rows(desk: Desk, branch: str) -> None:
    """The branch holds what HQ holds of every row it has (HQ may hold more)."""
    for table, columns in (("inquirer", INQUIRER), ("inquiry", INQUIRY)):
        at_hq = rows_by_id(desk.db["HQ"].path, table, columns)
        here = rows_by_id(desk.db[branch].path, table, columns)
        assert {k: at_hq.get(k) for k in here} == here, (table, branch)


def _settle(desk: Desk, *branches: str, rounds: int = 2) -> None:
    for _round in range(rounds):
        for branch in branches:
            for report in desk.round_trip(branch, personal=True):
                assert report["conflicts"] == 0, report
    assert desk.open_conflicts() == []
    for branch in branches:
        assert desk.open_conflicts(branch) == []
        _same_rows(desk, branch)


def _merge(desk: Desk, office: str, keep_receipt: str, drop_receipt: str) -> tuple[str, str]:
    kept = desk.record(office, keep_receipt)["inquirer"]["id"]
    dropped = desk.record(office, drop_receipt)["inquirer"]["id"]
    inquirers.merge_inquirers(desk.db[office], kept, dropped, actor=actor_for("s"))
    return kept, dropped


def _inquirer(desk: Desk, office: str, inquirer_id: str) -> tuple[Any, ...]:
    return rows_by_id(desk.db[office].path, "inquirer", INQUIRER)[inquirer_id]


def _twice(desk: Desk, office: str, path: Path) -> None:
    """The same package imported again: refused as taken, nothing written."""
    before = dump(desk.db[office].path, audit=False)
    again = sync_import.import_sync(desk.db[office], [path], actor=actor_for("x")).to_json()
    (package,) = again["packages"]
    assert package["already_imported"] and any("取込済みです" in n for n in package["notes"])
    assert dump(desk.db[office].path, audit=False) == before


def _carry(desk: Desk, source: str, target: str, *, personal: bool = False, full: bool = False):
    path = desk.write(source, target, personal=personal, full=full)
    report = desk.take(target, path)
    _twice(desk, target, path)
    return report


def _full_both_ways(desk: Desk, *branches: str) -> None:
    """Full personal packages both ways change nothing after the offices agree."""
    for branch in branches:
        for source, target in ((branch, "HQ"), ("HQ", branch)):
            report = _carry(desk, source, target, personal=True, full=True)
            assert (report["inserted"], report["updated"], report["merged"]) == (0, 0, 0), report
            _quiet(report)
    _settle(desk, *branches)


def _decide_the_merge(desk: Desk, report: dict[str, Any], keep: str) -> None:
    """The branch's edit met HQ's merge: one conflict on 削除 (HQ's deleted, the branch's
    live), resolved as `keep`; then the offices agree."""
    assert report["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [("deleted", True, False)]
    desk.resolve(keep)
    _settle(desk, "SHIBA", "AZABU")


# --- merges of inquirers at HQ across two branches ---------------------------------------


def test_crossed_merges_across_two_branches_reach_both_and_full_packages_change_nothing(desk):
    """SHIBA's inquirer merged into AZABU's, and another of AZABU's into SHIBA's."""
    a1, a2 = _shared(desk, "SHIBA"), _shared(desk, "SHIBA")
    b1, b2 = _shared(desk, "AZABU"), _shared(desk, "AZABU")
    kept1, dropped1 = _merge(desk, "HQ", b1, a1)  # SHIBA's into AZABU's
    kept2, dropped2 = _merge(desk, "HQ", a2, b2)  # AZABU's into SHIBA's
    for branch in ("SHIBA", "AZABU"):
        _quiet(_carry(desk, "HQ", branch, personal=True))
    assert _inquirer(desk, "SHIBA", dropped1)[4:6] == (1, kept1)
    assert _inquirer(desk, "AZABU", dropped2)[4:6] == (1, kept2)
    assert desk.record("SHIBA", a1)["inquirer"]["id"] == kept1
    assert desk.record("AZABU", b2)["inquirer"]["id"] == kept2
    # the kept inquirer each branch now shares is edited at both
    desk.change("SHIBA", a1, notes="芝のメモ")
    desk.change("AZABU", b2, phone="03-2222-2222")
    _settle(desk, "SHIBA", "AZABU")
    assert desk.record("AZABU", b1)["inquirer"]["notes"] == "芝のメモ"
    assert desk.phone("SHIBA", a2) == "03-2222-2222"
    _full_both_ways(desk, "SHIBA", "AZABU")


# --- the dropped inquirer edited at the branch before the merge arrived ---------------------


# Each value of each choice, in pairs (the whole product adds 25 s to `make test` for no path
# more: the merge does not look at which field was edited nor at the resolution's side first).
@pytest.mark.parametrize(
    ("first", "edit", "keep"),
    [
        ("branch", "phone", "ours"),
        ("branch", "notes", "theirs"),
        ("hq", "phone", "theirs"),
        ("hq", "notes", "ours"),
    ],
)
def test_the_dropped_inquirer_edited_at_the_branch_meets_the_merge_once(desk, edit, first, keep):
    """HQ merges SHIBA's inquirer into AZABU's; SHIBA edits the dropped one meanwhile. The
    packages cross: HQ's tombstone reaches SHIBA before or after SHIBA's edit reaches HQ."""
    a1, b1 = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    kept, dropped = _merge(desk, "HQ", b1, a1)
    value = "芝のメモ" if edit == "notes" else "03-1111-1111"
    desk.change("SHIBA", a1, **{edit: value})
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    to_hq = desk.write("SHIBA", "HQ", personal=True)
    if first == "branch":
        at_hq = desk.take("HQ", to_hq)
        desk.take("SHIBA", to_branch)
    else:
        desk.take("SHIBA", to_branch)
        at_hq = desk.take("HQ", to_hq)
    _twice(desk, "HQ", to_hq)
    _twice(desk, "SHIBA", to_branch)

    _decide_the_merge(desk, at_hq, keep)
    held = _inquirer(desk, "HQ", dropped)
    assert held[4:6] == ((1, kept) if keep == "ours" else (0, None))
    assert held[2 if edit == "phone" else 3] == value  # the edit is kept either way
    assert desk.record("SHIBA", a1)["inquirer"]["id"] == kept


@pytest.mark.parametrize(("edit", "again_at"), [("notes", "HQ"), ("phone", "SHIBA")])
def test_kept_alive_then_merged_again_reaches_the_branch_and_full_packages_agree(
    desk, edit, again_at
):
    a1, b1 = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    kept, dropped = _merge(desk, "HQ", b1, a1)
    value = "芝のメモ" if edit == "notes" else "03-1111-1111"
    desk.change("SHIBA", a1, **{edit: value})
    assert _carry(desk, "SHIBA", "HQ", personal=edit == "phone")["conflicts"] == 1
    desk.resolve("theirs")
    _settle(desk, "SHIBA", "AZABU")
    assert _inquirer(desk, "SHIBA", dropped)[4:6] == (0, None)
    # a second merge: the revived one into the kept one again
    inquirers.merge_inquirers(desk.db[again_at], kept, dropped, actor=actor_for("s"))
    _settle(desk, "SHIBA", "AZABU")
    assert _inquirer(desk, "SHIBA", dropped)[4:6] == (1, kept)
    _full_both_ways(desk, "SHIBA", "AZABU")


# --- merges at a branch -------------------------------------------------------------------


def test_a_merge_at_the_branch_reaches_hq_and_comes_back_unchanged(desk):
    a1, a2 = _shared(desk, "SHIBA"), _shared(desk, "SHIBA")
    kept, dropped = _merge(desk, "SHIBA", a2, a1)
    desk.change("HQ", a1, subject="本庁の件名")  # HQ edits a moved inquiry meanwhile
    _quiet(_carry(desk, "SHIBA", "HQ"))
    assert _inquirer(desk, "HQ", dropped)[4:6] == (1, kept)
    assert desk.record("HQ", a1)["inquirer"]["id"] == kept
    _settle(desk, "SHIBA")
    assert desk.record("SHIBA", a1)["subject"] == "本庁の件名"


def _merged_both_ways(
    desk: Desk, revived: str = "SHIBA", phone: str = "", notes: str = ""
) -> tuple[list[str], str, str]:
    """The same pair merged both ways before either package arrives, each office dropping
    another; the row `revived` dropped is the first by id, the one that stays. `phone`: the
    number SHIBA gives its dropped one first; `notes`: HQ's note on the one SHIBA drops. The
    two receipts, the one that stays, the other."""
    shared = [_shared(desk, "SHIBA"), _shared(desk, "SHIBA")]
    ids = {desk.record("SHIBA", receipt)["inquirer"]["id"]: receipt for receipt in shared}
    stays, other = sorted(ids)
    first, second = (ids[stays], ids[other]) if revived == "SHIBA" else (ids[other], ids[stays])
    if phone:
        desk.change("SHIBA", first, phone=phone)
    if notes:
        desk.change("HQ", first, notes=notes)
    _merge(desk, "SHIBA", second, first)
    _merge(desk, "HQ", first, second)
    return shared, stays, other


def _one_inquirer_stays(desk: Desk, receipts: list[str], stays: str, other: str) -> None:
    """At both offices `stays` is live, `other` merged into it, and both cases name it."""
    for office in ("HQ", "SHIBA"):
        assert _inquirer(desk, office, stays)[4:6] == (0, None), office
        assert _inquirer(desk, office, other)[4:6] == (1, stays), office
        assert [desk.record(office, r)["inquirer"]["id"] for r in receipts] == [stays] * 2


@pytest.mark.parametrize(
    ("first", "revived"), [("branch", "SHIBA"), ("hq", "HQ")], ids=["branch first", "hq first"]
)
def test_the_same_pair_merged_both_ways_at_once_leaves_a_live_inquirer(desk, first, revived):
    """Each office deletes a different row of the pair: taken together, each is merged into
    the other. Both offices undo the cycle alike (the first by id stays, which either office
    dropped), whichever package comes first, each taken twice; no conflict, and full packages
    change nothing after."""
    receipts, stays, other = _merged_both_ways(desk, revived)
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    to_hq = desk.write("SHIBA", "HQ", personal=True)
    order = [("HQ", to_hq), ("SHIBA", to_branch)]
    notes = []
    for office, path in order if first == "branch" else order[::-1]:
        report = desk.take(office, path)
        _quiet(report)
        notes += report["packages"][0]["notes"]
        _twice(desk, office, path)
    _one_inquirer_stays(desk, receipts, stays, other)
    assert sum("互いに統合された相談者 1 組" in note for note in notes) == 2, notes
    _settle(desk, "SHIBA")
    _one_inquirer_stays(desk, receipts, stays, other)
    _full_both_ways(desk, "SHIBA")


def test_the_cycle_undone_at_hq_reaches_the_branch_before_hq_s_older_package(desk):
    """HQ takes SHIBA's merge and undoes the cycle; its next package (carrying again the one
    SHIBA has not taken) arrives first, the older one after it: no cycle forms at SHIBA."""
    receipts, stays, other = _merged_both_ways(desk)
    older = desk.write("HQ", "SHIBA", personal=True)
    _quiet(_carry(desk, "SHIBA", "HQ", personal=True))
    newer = desk.write("HQ", "SHIBA", personal=True)
    for path in (newer, older):
        report = desk.take("SHIBA", path)
        _quiet(report)
        assert not any("互いに統合" in n for p in report["packages"] for n in p["notes"])
        _twice(desk, "SHIBA", path)
    _one_inquirer_stays(desk, receipts, stays, other)
    _settle(desk, "SHIBA")
    _full_both_ways(desk, "SHIBA")


def test_the_branch_s_merge_in_a_late_personal_package_does_not_close_the_cycle_again(desk):
    """SHIBA's merge travels in a personal package, carried again in a plain one that reaches
    HQ first (HQ undoes the cycle, reviving the one SHIBA dropped after changing its number);
    the personal one comes late and brings the number, not the deletion again."""
    receipts, stays, other = _merged_both_ways(desk, phone="03-5555-0177")
    late = desk.write("SHIBA", "HQ", personal=True)
    plain = desk.write("SHIBA", "HQ")
    carried_again = desk.take("HQ", plain)
    _quiet(carried_again)
    assert any("互いに統合された相談者" in n for n in carried_again["packages"][0]["notes"])
    _quiet(desk.take("HQ", late))
    assert _inquirer(desk, "HQ", stays)[2:6] == ("03-5555-0177", "", 0, None)
    _twice(desk, "HQ", late)
    _quiet(_carry(desk, "HQ", "SHIBA", personal=True))
    _one_inquirer_stays(desk, receipts, stays, other)
    _settle(desk, "SHIBA")
    _full_both_ways(desk, "SHIBA")


@pytest.mark.parametrize("revived", ["SHIBA", "HQ"])
def test_a_resolution_taking_the_branch_s_merge_closes_no_cycle(desk, revived):
    """HQ edited the inquirer SHIBA merged away (a conflict on 削除) and merged the other one
    into it. Taking SHIBA's merge would leave each merged into the other: the first by id
    stays at once, at HQ, and the branch agrees; the note HQ typed is kept."""
    receipts, stays, other = _merged_both_ways(desk, revived, notes="本庁のメモ")
    dropped_at_shiba = stays if revived == "SHIBA" else other
    assert _carry(desk, "SHIBA", "HQ", personal=True)["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [("deleted", False, True)]
    desk.resolve("theirs")
    assert _inquirer(desk, "HQ", stays)[4:6] == (0, None)
    assert _inquirer(desk, "HQ", other)[4:6] == (1, stays)
    _settle(desk, "SHIBA")
    _one_inquirer_stays(desk, receipts, stays, other)
    for office in ("HQ", "SHIBA"):
        assert _inquirer(desk, office, dropped_at_shiba)[3] == "本庁のメモ"
    _full_both_ways(desk, "SHIBA")


# --- a merge meeting an erasure ---------------------------------------------------------


def _closed(desk: Desk, name: str, phone: str) -> str:
    receipt = retention_case(desk.db["SHIBA"], person(name, phone), closed_on=dt.date(2020, 3, 31))
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    return receipt


@pytest.mark.parametrize("first", ["branch", "hq"], ids=["branch first", "hq first"])
def test_a_merge_at_hq_meeting_the_branch_s_erasure_brings_no_number_back(desk, first):
    """Two closed cases of one person; HQ merges them while SHIBA's retention erases both."""
    c1, c2 = _closed(desk, "古川 一郎", P0), _closed(desk, "古川 一郎", "")
    kept, dropped = _merge(desk, "HQ", c2, c1)  # the kept one takes the dropped one's number
    assert _inquirer(desk, "HQ", kept)[2] == P0
    assert retention.apply(desk.db["SHIBA"], actor=ADMIN, today=TODAY).erased == 2
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    to_hq = desk.write("SHIBA", "HQ", personal=True)
    if first == "branch":
        desk.take("HQ", to_hq)
        desk.take("SHIBA", to_branch)
    else:
        desk.take("SHIBA", to_branch)
        desk.take("HQ", to_hq)
    _settle(desk, "SHIBA")
    for office in ("HQ", "SHIBA"):
        held = rows_by_id(desk.db[office].path, "inquirer", INQUIRER)
        assert held[kept][1:3] == ("", "") and held[kept][6] == 1
        assert held[dropped][1:3] == ("", "") and held[dropped][4:6] == (1, kept)
    _full_both_ways(desk, "SHIBA")


# --- a branch that never imports anything from HQ -----------------------------------------


def _package_rows(report: dict[str, Any]) -> int:
    (package,) = report["packages"]
    return sum(sum(kind.values()) for kind in package["by_kind"].values())


def test_a_branch_that_never_imports_carries_everything_and_hq_takes_each_row_once(desk):
    """Every SHIBA package carries everything from the start (nothing acknowledged): HQ takes
    each version once, meets no conflict and no duplicate, while it edits the same cases; the
    packages grow with what SHIBA holds, not with how many it sent."""
    receipts: list[str] = []
    sizes: list[int] = []
    for n in range(6):
        receipts.append(desk.take_down("SHIBA", phone=f"03-5555-01{n:02d}"))
        if n:
            desk.change(
                "SHIBA", receipts[n - 1], content=f"支所の直し{n}", phone=f"03-6666-01{n:02d}"
            )
            desk.change("HQ", receipts[0], subject=f"本庁の件名{n}")
        report = _carry(desk, "SHIBA", "HQ", personal=n % 2 == 1)
        _quiet(report)
        assert report["inserted"] == 2  # the new case and its inquirer
        sizes.append(_package_rows(report))
        desk.write("HQ", "SHIBA", personal=True)  # written, never taken
    assert sizes == [2 * (n + 1) for n in range(6)]  # the inquirer and case of each, no more
    at_hq = rows_by_id(desk.db["HQ"].path, "inquiry", INQUIRY)
    assert sorted(row[1] for row in at_hq.values()) == sorted(receipts)
    assert desk.record("HQ", receipts[0])["subject"] == "本庁の件名5"
    # the numbers sent plain after the last personal package reach HQ in the next personal one
    _quiet(_carry(desk, "SHIBA", "HQ", personal=True))
    for n in range(5):
        assert desk.phone("HQ", receipts[n]) == desk.phone("SHIBA", receipts[n])
    # SHIBA finally takes HQ's latest package alone (the others lost): it heals
    _quiet(_carry(desk, "HQ", "SHIBA", personal=True))
    _settle(desk, "SHIBA")
    _full_both_ways(desk, "SHIBA")


# --- a conflict left open while the number travels again ----------------------------------


@pytest.mark.parametrize(
    ("hq_phone", "keep"), [(False, "theirs"), (True, "ours")], ids=["branch number", "both numbers"]
)
def test_a_version_carried_again_for_its_number_while_its_conflict_is_open(desk, keep, hq_phone):
    """SHIBA's 備考 meets HQ's as a conflict (plain package); SHIBA's personal package then
    carries that version again for its number while the conflict waits for days."""
    receipt = _shared(desk)
    desk.change("SHIBA", receipt, notes="支所のメモ", phone="03-1111-1111")
    desk.change("HQ", receipt, notes="本庁のメモ")
    assert _carry(desk, "SHIBA", "HQ")["conflicts"] == 1
    if hq_phone:
        desk.change("HQ", receipt, phone="03-2222-2222")
    _quiet(_carry(desk, "HQ", "SHIBA"))

    again = _carry(desk, "SHIBA", "HQ", personal=True)

    (conflict,) = desk.open_conflicts()
    fields = [f.field for f in conflict.fields]
    assert fields == (["notes", "phone"] if hq_phone else ["notes"])
    assert again["conflicts"] == (1 if hq_phone else 0)
    if not hq_phone:
        assert desk.phone("HQ", receipt) == "03-1111-1111"
    for _day in range(2):
        desk.change("SHIBA", receipt, content="支所の直し")
        for report in desk.round_trip("SHIBA", personal=True):
            assert report["conflicts"] == 0, report
        assert len(desk.open_conflicts()) == 1
    desk.resolve(keep)
    _settle(desk, "SHIBA")
    record = desk.record("HQ", receipt)["inquirer"]
    assert record["notes"] == ("本庁のメモ" if keep == "ours" else "支所のメモ")
    assert record["phone"] == ("03-2222-2222" if hq_phone and keep == "ours" else "03-1111-1111")


def test_a_branch_s_retention_spares_a_person_another_branch_still_serves(desk):
    """SHIBA's closed case's inquirer merged at HQ into AZABU's, whose case is open: SHIBA
    holds the kept inquirer with only its own closed case, yet the person is still served."""
    closed = _closed(desk, "古川 一郎", P0)
    open_ = _shared(desk, "AZABU")
    kept, _dropped = _merge(desk, "HQ", open_, closed)
    for branch in ("SHIBA", "AZABU"):
        _quiet(_carry(desk, "HQ", branch, personal=True))
    assert desk.record("SHIBA", closed)["inquirer"]["id"] == kept

    retention.apply(desk.db["SHIBA"], actor=ADMIN, today=TODAY)
    _settle(desk, "SHIBA", "AZABU")

    assert desk.phone("AZABU", open_) == P0


def _served_at_azabu(desk: Desk, keep: str) -> tuple[str, str, str]:
    """SHIBA's closed case and AZABU's open one, one person, merged at HQ keeping `keep`'s
    inquirer; (the closed case, the open case, the kept inquirer)."""
    closed = _closed(desk, "古川 一郎", P0)
    open_ = _shared(desk, "AZABU")
    kept, _dropped = _merge(desk, "HQ", *((open_, closed) if keep == "AZABU" else (closed, open_)))
    return closed, open_, kept


def _erase_at(desk: Desk, office: str, today: dt.date = TODAY) -> int:
    return retention.apply(desk.db[office], actor=ADMIN, today=today).erased


def _served_everywhere(desk: Desk, open_: str, kept: str) -> None:
    """Every office that holds the kept inquirer holds the person's number, not erased."""
    for office in ("HQ", "SHIBA", "AZABU"):
        assert _inquirer(desk, office, kept)[2] == P0, office
        assert _inquirer(desk, office, kept)[6] == 0, office
    assert desk.phone("AZABU", open_) == P0


@pytest.mark.parametrize("keep", ["AZABU", "SHIBA"], ids=["azabu's kept", "shiba's kept"])
@pytest.mark.parametrize("order", ["merge first", "retention first"])
def test_a_branch_s_erasure_of_a_person_another_branch_serves_comes_back_once(desk, order, keep):
    """SHIBA's retention erases the person before or after HQ's merge reaches it (HQ's package
    written before SHIBA's erasure in both): HQ refuses the erasure without a conflict, SHIBA
    takes the person's data back once and its later runs leave the person to HQ."""
    closed, open_, kept = _served_at_azabu(desk, keep)
    to_shiba = desk.write("HQ", "SHIBA", personal=True)
    _quiet(_carry(desk, "HQ", "AZABU", personal=True))
    if order == "merge first":
        _quiet(desk.take("SHIBA", to_shiba))
    assert _erase_at(desk, "SHIBA") >= 1  # with the merged-away one, when SHIBA holds it
    if order == "retention first":
        # the erasure meets HQ's merge of the same inquirer: SHIBA's row waits for HQ
        assert desk.take("SHIBA", to_shiba)["conflicts"] == 0
    assert desk.record("SHIBA", closed)["inquirer"]["id"] == kept

    for _day in range(2):
        _erase_at(desk, "SHIBA")  # erases the kept one on the second day if only merged now
        for source, target in (("SHIBA", "HQ"), ("HQ", "SHIBA"), ("HQ", "AZABU")):
            _quiet(_carry(desk, source, target, personal=True))
        _served_everywhere(desk, open_, kept)

    assert _erase_at(desk, "SHIBA") == 0
    _settle(desk, "SHIBA", "AZABU")
    _full_both_ways(desk, "SHIBA", "AZABU")
    _served_everywhere(desk, open_, kept)


@pytest.mark.parametrize("answer", ["plain", "personal"])
def test_hq_s_refusal_reaches_the_branch_late_and_twice_and_settles(desk, answer):
    """SHIBA's erasure travels in a personal package that HQ takes only after SHIBA's later
    plain one (which carries it again); HQ's answer, plain or personal, is taken twice."""
    closed, open_, kept = _served_at_azabu(desk, "AZABU")
    _quiet(_carry(desk, "HQ", "SHIBA", personal=True))
    assert _erase_at(desk, "SHIBA") == 2  # the kept one and the one merged into it
    late = desk.write("SHIBA", "HQ", personal=True)
    desk.change("SHIBA", closed, content="支所の追記")
    _quiet(_carry(desk, "SHIBA", "HQ"))
    _quiet(desk.take("HQ", late))
    _twice(desk, "HQ", late)
    assert _inquirer(desk, "HQ", kept)[2] == P0

    _quiet(_carry(desk, "HQ", "SHIBA", personal=answer == "personal"))

    assert _inquirer(desk, "SHIBA", kept)[6] == 0  # no longer erased: left to HQ
    assert _erase_at(desk, "SHIBA") == 0
    _settle(desk, "SHIBA", "AZABU")
    _served_everywhere(desk, open_, kept)
    assert desk.record("HQ", closed)["content"] == "支所の追記"


def test_a_person_served_elsewhere_is_erased_everywhere_once_every_case_is_due(desk, monkeypatch):
    """After HQ refused SHIBA's erasure, AZABU closes its case; six years later it is due at
    every office: AZABU's erasure is taken at HQ and reaches SHIBA, which left it to HQ."""
    _, open_, kept = _served_at_azabu(desk, "AZABU")
    for branch in ("SHIBA", "AZABU"):
        _quiet(_carry(desk, "HQ", branch, personal=True))
    _erase_at(desk, "SHIBA")
    _settle(desk, "SHIBA", "AZABU")
    _served_everywhere(desk, open_, kept)
    desk.change("AZABU", open_, status="info_only", outcome="案内済")
    _settle(desk, "SHIBA", "AZABU")
    later = TODAY.replace(year=TODAY.year + 6)
    monkeypatch.setattr(sync_row_merge, "local_today", lambda: later)  # every office's clock

    assert [_erase_at(desk, office, later) for office in ("SHIBA", "AZABU")] == [0, 1]
    _quiet(_carry(desk, "AZABU", "HQ", personal=True))
    assert _erase_at(desk, "HQ", later) == 0  # HQ took AZABU's erasure

    _settle(desk, "SHIBA", "AZABU")
    for office in ("HQ", "SHIBA", "AZABU"):
        assert _inquirer(desk, office, kept)[1:3] == ("", ""), office
        assert _inquirer(desk, office, kept)[6] == 1, office
    _full_both_ways(desk, "SHIBA", "AZABU")


# --- a late personal package meeting HQ's merge, the tombstone already at the branch ---------


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_late_number_meeting_a_merge_the_branch_already_took(desk, keep):
    a1, b1 = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    desk.change("SHIBA", a1, phone="03-1111-1111")
    late = desk.write("SHIBA", "HQ", personal=True)
    desk.change("SHIBA", a1, notes="芝のメモ")
    _quiet(_carry(desk, "SHIBA", "HQ"))
    kept, dropped = _merge(desk, "HQ", b1, a1)
    _quiet(_carry(desk, "HQ", "SHIBA"))
    assert _inquirer(desk, "SHIBA", dropped)[4:6] == (1, kept)

    report = desk.take("HQ", late)
    _twice(desk, "HQ", late)

    _decide_the_merge(desk, report, keep)
    held = _inquirer(desk, "SHIBA", dropped)
    assert held[2:4] == ("03-1111-1111", "芝のメモ")
    assert held[4:6] == ((1, kept) if keep == "ours" else (0, None))


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_version_carried_again_for_its_number_after_its_conflict_was_resolved(desk, keep):
    receipt = _shared(desk)
    desk.change("SHIBA", receipt, notes="支所のメモ", phone="03-1111-1111")
    desk.change("HQ", receipt, notes="本庁のメモ")
    assert _carry(desk, "SHIBA", "HQ")["conflicts"] == 1
    desk.resolve(keep)

    again = _carry(desk, "SHIBA", "HQ", personal=True)

    _quiet(again)
    assert desk.phone("HQ", receipt) == "03-1111-1111"
    _settle(desk, "SHIBA")
    assert desk.record("SHIBA", receipt)["inquirer"]["notes"] == (
        "本庁のメモ" if keep == "ours" else "支所のメモ"
    )


# --- HQ's packages out of order, and the kept inquirer's number after a plain one ------------


def test_hq_s_packages_after_a_merge_taken_out_of_order_bring_nothing_back(desk):
    a1, b1 = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    kept, dropped = _merge(desk, "HQ", b1, a1)
    first = desk.write("HQ", "SHIBA", personal=True)
    desk.change("HQ", a1, notes="本庁のメモ", phone="03-3333-3333")
    second = desk.write("HQ", "SHIBA", personal=True)
    _quiet(desk.take("SHIBA", second))
    _quiet(desk.take("SHIBA", first))  # late: older than what came
    _twice(desk, "SHIBA", first)
    assert desk.record("SHIBA", a1)["inquirer"]["notes"] == "本庁のメモ"
    assert desk.phone("SHIBA", a1) == "03-3333-3333"
    assert _inquirer(desk, "SHIBA", dropped)[4:6] == (1, kept)
    _settle(desk, "SHIBA", "AZABU")


def test_the_kept_inquirer_s_number_after_a_plain_return_package_and_a_branch_edit(desk):
    """SHIBA takes the merge plain (the kept inquirer, AZABU's, comes without its number),
    edits its 備考, then HQ's personal package carries the same version again for the number."""
    a1, b1 = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    _merge(desk, "HQ", b1, a1)
    _quiet(_carry(desk, "HQ", "SHIBA"))
    desk.change("SHIBA", a1, notes="芝のメモ")

    report = _carry(desk, "HQ", "SHIBA", personal=True)

    _quiet(report)
    assert desk.phone("SHIBA", a1) == P0
    assert desk.record("SHIBA", a1)["inquirer"]["notes"] == "芝のメモ"
    _settle(desk, "SHIBA", "AZABU")
    assert desk.record("AZABU", b1)["inquirer"]["notes"] == "芝のメモ"


def test_the_same_pair_merged_alike_at_the_branch_and_at_hq_is_quiet(desk):
    a1, a2 = _shared(desk, "SHIBA"), _shared(desk, "SHIBA")
    kept, dropped = _merge(desk, "SHIBA", a2, a1)
    _merge(desk, "HQ", a2, a1)
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    _quiet(desk.take("HQ", desk.write("SHIBA", "HQ", personal=True)))
    _quiet(desk.take("SHIBA", to_branch))
    _settle(desk, "SHIBA")
    assert _inquirer(desk, "HQ", dropped)[4:6] == (1, kept)


# --- a merge at the branch meeting HQ's edit of the dropped inquirer -------------------------


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_branch_merge_meeting_an_hq_edit_of_the_dropped_one_is_settled_either_way(desk, keep):
    """SHIBA merges its first case's inquirer into its second's while HQ edits the first's
    備考: a conflict on 削除 at HQ (ours alive, theirs merged). Kept alive (ours), it is no
    longer merged; kept deleted (theirs), it is merged into the kept one."""
    a1, a2 = _shared(desk, "SHIBA"), _shared(desk, "SHIBA")
    kept, dropped = _merge(desk, "SHIBA", a2, a1)
    desk.change("HQ", a1, notes="本庁のメモ")

    report = _carry(desk, "SHIBA", "HQ", personal=True)

    assert report["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [("deleted", False, True)]
    desk.resolve(keep)
    _settle(desk, "SHIBA")
    held = _inquirer(desk, "HQ", dropped)
    assert held[3:6] == (("本庁のメモ", 0, None) if keep == "ours" else ("本庁のメモ", 1, kept))


def test_a_chain_of_merges_reaches_the_branch_and_the_retention_erases_it_whole(desk):
    """HQ merges SHIBA's first closed case's inquirer into its second's, then that one into a
    third's: every tombstone of the chain reaches SHIBA, and once the person's cases are all
    long closed, the retention erases every link of the chain, at HQ and at SHIBA."""
    c1, c2, c3 = (_closed(desk, "古川 一郎", f"03-5555-01{n}0") for n in range(3))
    _k2, d1 = _merge(desk, "HQ", c2, c1)
    kept, d2 = _merge(desk, "HQ", c3, c2)
    _quiet(_carry(desk, "HQ", "SHIBA", personal=True))
    assert desk.record("SHIBA", c1)["inquirer"]["id"] == kept
    _settle(desk, "SHIBA")

    retention.apply(desk.db["HQ"], actor=ADMIN, today=TODAY)
    _settle(desk, "SHIBA")

    for office in ("HQ", "SHIBA"):
        held = rows_by_id(desk.db[office].path, "inquirer", INQUIRER)
        assert [held[key][1:3] for key in (kept, d2, d1)] == [("", "")] * 3, office


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_merge_conflict_left_open_for_days_while_both_branches_work(desk, keep):
    """SHIBA's 備考 of the dropped inquirer meets HQ's merge; the conflict waits for days while
    SHIBA (whose case now names the kept inquirer) and AZABU edit the kept one."""
    a1, b1 = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    kept, dropped = _merge(desk, "HQ", b1, a1)
    desk.change("SHIBA", a1, notes="芝のメモ")
    assert _carry(desk, "SHIBA", "HQ", personal=True)["conflicts"] == 1
    for day in range(1, 4):
        for source, target in (("HQ", "SHIBA"), ("AZABU", "HQ"), ("HQ", "AZABU")):
            _quiet(_carry(desk, source, target, personal=True))
        assert desk.record("SHIBA", a1)["inquirer"]["id"] == kept
        desk.change("SHIBA", a1, notes=f"芝の件{day}", phone=f"03-1111-111{day}")
        desk.change("AZABU", b1, subject=f"麻布の件名{day}")
        _quiet(_carry(desk, "SHIBA", "HQ", personal=True))
        assert len(desk.open_conflicts()) == 1
        assert _inquirer(desk, "HQ", dropped)[3:6] == ("芝のメモ", 1, kept)
    desk.resolve(keep)
    _settle(desk, "SHIBA", "AZABU")
    assert _inquirer(desk, "HQ", dropped)[3:6] == (
        ("芝のメモ", 1, kept) if keep == "ours" else ("芝のメモ", 0, None)
    )
    assert _inquirer(desk, "AZABU", kept)[2:4] == ("03-1111-1113", "芝の件3")


# --- a field only the branch changed, while another of the row's conflicts waits -------------


@pytest.mark.parametrize("field", ["subject", "phone"])
def test_a_field_only_the_branch_changed_again_is_taken_while_a_conflict_waits(desk, field):
    receipt = _shared(desk)
    clash = {"subject": "本庁の件名"} if field == "subject" else {"phone": "03-2222-2222"}
    desk.change("HQ", receipt, **clash)
    # the subject crosses the branch's package; the number travels plain (without it)
    crossing = desk.write("HQ", "SHIBA")
    if field == "phone":
        _quiet(desk.take("SHIBA", crossing))
    other = "content" if field == "subject" else "notes"
    mine = {"subject": "支所の件名"} if field == "subject" else {"phone": "03-1111-1111"}
    desk.change("SHIBA", receipt, **mine, **{other: "m1"})
    assert _carry(desk, "SHIBA", "HQ", personal=True)["conflicts"] == 1
    if field == "subject":
        desk.take("SHIBA", crossing)  # the branch's row waits for the resolution
    _carry(desk, "HQ", "SHIBA", personal=True)
    desk.change("SHIBA", receipt, **{other: "m2"})

    _carry(desk, "SHIBA", "HQ")

    (conflict,) = desk.open_conflicts()
    assert [f.field for f in conflict.fields] == [field]
    desk.resolve("ours")
    _settle(desk, "SHIBA")
    record = desk.record("HQ", receipt)
    assert (record if field == "subject" else record["inquirer"])[other] == "m2"


# --- the branch's own value, taken at HQ, replaced again by the branch (the sender's own value) --


def _own_value_taken_while_a_conflict_waits(desk: Desk, kind: str) -> tuple[str, str, str]:
    """HQ takes the branch's value v1 of one field into a version of its own while another field
    of the row is in conflict: that version stays out of HQ's packages, so the branch's next row
    still names the older version of HQ's, without v1. Returns the case, the field and the
    field the conflict is on: 備考 beside HQ's number sent plain (an inquirer), or 件名 beside
    相談内容 (an inquiry)."""
    receipt = _shared(desk)
    if kind == "inquirer":
        field, clash = "notes", "phone"
        desk.change("HQ", receipt, phone="03-2222-2222")
        _quiet(_carry(desk, "HQ", "SHIBA"))  # plain: SHIBA never holds HQ's number
        desk.change("SHIBA", receipt, phone="03-1111-1111", notes="v1")
    else:
        field, clash = "subject", "content"
        desk.change("HQ", receipt, content="本庁の内容1")
        _quiet(_carry(desk, "HQ", "SHIBA"))
        desk.change("HQ", receipt, content="本庁の内容2")
        desk.change("SHIBA", receipt, content="支所の内容", subject="v1")
    assert _carry(desk, "SHIBA", "HQ", personal=True)["conflicts"] == 1
    held = desk.record("HQ", receipt)
    assert (held["inquirer"] if kind == "inquirer" else held)[field] == "v1"
    _quiet(_carry(desk, "HQ", "SHIBA", personal=True))  # the row stays out: its conflict is open
    return receipt, field, clash


def _rows(desk: Desk, office: str) -> dict[str, Any]:
    """The office's exchange tables but the record of packages taken."""
    return {k: v for k, v in dump(desk.db[office].path, audit=False).items() if k != "sync_package"}


def _value(desk: Desk, office: str, receipt: str, field: str) -> Any:
    record = desk.record(office, receipt)
    return (record["inquirer"] if field == "notes" else record)[field]


@pytest.mark.parametrize("keep", ["ours", "theirs"])
@pytest.mark.parametrize("kind", ["inquirer", "inquiry"])
def test_the_branch_replacing_its_own_value_hq_took_is_no_conflict(desk, kind, keep):
    """v1 → v2 at the branch is its own change over its own value: HQ takes v2 (the package
    taken twice changes nothing more), the open conflict keeps its one field (an inquiry's row,
    carrying that field too, meets it again), and either resolution leaves v2 at both offices."""
    receipt, field, clash = _own_value_taken_while_a_conflict_waits(desk, kind)
    desk.change("SHIBA", receipt, **{field: "v2"})

    _carry(desk, "SHIBA", "HQ")  # an inquiry's row meets its open conflict again (counted)

    assert _value(desk, "HQ", receipt, field) == "v2"
    (conflict,) = desk.open_conflicts()
    assert [f.field for f in conflict.fields] == [clash]
    desk.resolve(keep)
    _settle(desk, "SHIBA")
    assert _value(desk, "HQ", receipt, field) == _value(desk, "SHIBA", receipt, field) == "v2"


@pytest.mark.parametrize("kind", ["inquirer", "inquiry"])
def test_the_branch_s_own_value_replaced_twice_in_packages_taken_out_of_order(desk, kind):
    """v2 and then v3 at the branch, each in a package; HQ takes the later one first (it carries
    the earlier one's row again, nothing being acknowledged), then the earlier one late: v3
    stays, the late package changes nothing, and the conflict keeps its one field."""
    receipt, field, clash = _own_value_taken_while_a_conflict_waits(desk, kind)
    desk.change("SHIBA", receipt, **{field: "v2"})
    earlier = desk.write("SHIBA", "HQ")
    desk.change("SHIBA", receipt, **{field: "v3"})

    _carry(desk, "SHIBA", "HQ")
    before = _rows(desk, "HQ")
    late = desk.take("HQ", earlier)
    _twice(desk, "HQ", earlier)

    assert late["stale"] >= 1 and late["conflicts"] == 0, late
    assert _rows(desk, "HQ") == before
    assert _value(desk, "HQ", receipt, field) == "v3"
    (conflict,) = desk.open_conflicts()
    assert [f.field for f in conflict.fields] == [clash]
    desk.resolve("ours")
    _settle(desk, "SHIBA")
    assert _value(desk, "SHIBA", receipt, field) == "v3"


def test_after_0017_the_branch_s_own_value_replaced_meets_hq_s_copy_as_a_conflict_once(desk):
    """Migration 0017 down and up: `received_seen` goes and comes back empty, the rest of
    `sync_base` as it was. HQ then knows no version its copy of v1 descends from: the branch's
    v2 meets it as a conflict, as before 0017 (asked, not lost); the branch's v3 brings that
    conflict up to date, and choosing the branch's side leaves v3 at both offices."""
    receipt, field, clash = _own_value_taken_while_a_conflict_waits(desk, "inquirer")
    hq = desk.db["HQ"]
    columns, before = _sync_base(hq.path)
    seen = columns.index("received_seen")
    assert [row[seen] for row in before if row[seen] is not None] != []
    migrate.downgrade(hq.engine, "0016")
    migrate.upgrade(hq.engine)
    columns_after, after = _sync_base(hq.path)
    assert columns_after == columns and {row[seen] for row in after} == {None}
    assert [row[:seen] + row[seen + 1 :] for row in after] == [
        row[:seen] + row[seen + 1 :] for row in before
    ]
    desk.change("SHIBA", receipt, **{field: "v2"})

    _carry(desk, "SHIBA", "HQ")

    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields][1:] == [(field, "v1", "v2")]
    desk.change("SHIBA", receipt, **{field: "v3"})
    _carry(desk, "SHIBA", "HQ")
    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.theirs) for f in conflict.fields][1:] == [(field, "v3")]
    assert _value(desk, "HQ", receipt, field) == "v1"  # ours stays until a person chooses
    desk.resolve("theirs")
    _settle(desk, "SHIBA")
    assert _value(desk, "SHIBA", receipt, field) == "v3"


def test_hq_replacing_its_own_value_the_branch_merged_is_taken_at_the_branch(desk):
    """The rule at a branch: SHIBA merges HQ's 件名 a into a version of its own (its 相談内容 is
    on the way to HQ); HQ's next package, written before SHIBA's arrived, names the older
    version of SHIBA's again and replaces a by b. SHIBA holds HQ's own a: it takes b at once
    (before, the two 件名 were a conflict and SHIBA's row waited)."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, subject="a")
    first = desk.write("HQ", "SHIBA")
    desk.change("SHIBA", receipt, content="支所の内容")
    to_hq = desk.write("SHIBA", "HQ")
    _quiet(desk.take("SHIBA", first))
    desk.change("HQ", receipt, subject="b")
    second = desk.write("HQ", "SHIBA")

    _quiet(desk.take("SHIBA", second))
    _twice(desk, "SHIBA", second)

    assert (desk.record("SHIBA", receipt)["subject"], desk.record("SHIBA", receipt)["content"]) == (
        "b",
        "支所の内容",
    )
    _quiet(desk.take("HQ", to_hq))
    _settle(desk, "SHIBA")
    assert desk.record("HQ", receipt)["subject"] == "b"
    assert desk.record("HQ", receipt)["content"] == "支所の内容"


def test_hq_putting_back_the_branch_s_value_after_the_branch_took_its_own_is_a_conflict(desk):
    """HQ took the branch's 備考 v1, typed its own, which the branch took, and then put v1 back:
    v1 is HQ's change over the version the branch now names, not the branch's own value (the
    branch has taken HQ's since it sent v1). The branch's v2 meets it as a conflict."""
    receipt = _shared(desk)
    desk.change("SHIBA", receipt, notes="v1")
    _quiet(_carry(desk, "SHIBA", "HQ"))
    desk.change("HQ", receipt, notes="本庁のメモ")
    _quiet(_carry(desk, "HQ", "SHIBA"))
    desk.change("HQ", receipt, notes="v1")
    desk.change("SHIBA", receipt, notes="v2")

    assert _carry(desk, "SHIBA", "HQ")["conflicts"] == 1

    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [("notes", "v1", "v2")]
    desk.resolve("ours")
    _settle(desk, "SHIBA")
    assert _value(desk, "SHIBA", receipt, "notes") == "v1"


@pytest.mark.parametrize("late_edit", ["phone", "phone and notes"])
def test_a_late_number_of_an_inquirer_the_branch_merged_away_is_no_conflict(desk, late_edit):
    """SHIBA types a number, then merges that inquirer into another: its plain package (the
    merge) overtakes the personal one (the number). The late number meets SHIBA's own
    deletion, which HQ took: nothing to decide."""
    a1, a2 = _shared(desk, "SHIBA"), _shared(desk, "SHIBA")
    edit = {"phone": "03-1111-1111"} | ({"notes": "芝のメモ"} if " and " in late_edit else {})
    desk.change("SHIBA", a1, **edit)
    late = desk.write("SHIBA", "HQ", personal=True)
    kept, dropped = _merge(desk, "SHIBA", a2, a1)
    _quiet(_carry(desk, "SHIBA", "HQ"))

    report = desk.take("HQ", late)

    _quiet(report)
    _twice(desk, "HQ", late)
    assert _inquirer(desk, "HQ", dropped)[2] == "03-1111-1111"
    assert _inquirer(desk, "HQ", dropped)[4:6] == (1, kept)
    _settle(desk, "SHIBA")
    _full_both_ways(desk, "SHIBA")


# --- a late number, then the branch's next number -------------------------------------------


@pytest.mark.parametrize("hq_first", [False, True], ids=["plain first", "late personal first"])
def test_the_branch_replacing_its_late_number_is_taken_without_a_conflict(desk, hq_first):
    """SHIBA types a number, and its personal package is overtaken by a plain one; HQ takes the
    number late. SHIBA then types another: HQ's copy of the first is SHIBA's own value, so the
    second replaces it (found by the 10x state machine, seed 32: the two met as a conflict, and
    keeping HQ's side brought back the number SHIBA had replaced)."""
    receipt = _shared(desk)
    desk.change("SHIBA", receipt, phone="03-1111-1111")
    late = desk.write("SHIBA", "HQ", personal=True)
    desk.change("SHIBA", receipt, notes="支所のメモ")
    plain = desk.write("SHIBA", "HQ")
    for path in (late, plain) if hq_first else (plain, late):
        _quiet(desk.take("HQ", path))
        _twice(desk, "HQ", path)
    assert desk.phone("HQ", receipt) == "03-1111-1111"

    desk.change("SHIBA", receipt, phone="03-2222-2222")
    report = _carry(desk, "SHIBA", "HQ", personal=True)

    _quiet(report)
    assert desk.open_conflicts() == []
    assert desk.phone("HQ", receipt) == "03-2222-2222"
    _settle(desk, "SHIBA")
    assert desk.phone("SHIBA", receipt) == "03-2222-2222"
    assert desk.record("HQ", receipt)["inquirer"]["notes"] == "支所のメモ"
    _full_both_ways(desk, "SHIBA")


def test_two_late_numbers_taken_newest_first_keep_the_newest(desk):
    """SHIBA's two personal packages (numbers 1 and 2), both overtaken by a plain one, reach HQ
    newest first: the older one, arriving last, is stale and brings its number nowhere."""
    receipt = _shared(desk)
    desk.change("SHIBA", receipt, phone="03-1111-1111")
    first = desk.write("SHIBA", "HQ", personal=True)
    desk.change("SHIBA", receipt, phone="03-2222-2222")
    second = desk.write("SHIBA", "HQ", personal=True)
    desk.change("SHIBA", receipt, notes="支所のメモ")
    plain = desk.write("SHIBA", "HQ")
    for path in (plain, second, first):
        _quiet(desk.take("HQ", path))
        _twice(desk, "HQ", path)
        assert desk.open_conflicts() == []

    assert desk.phone("HQ", receipt) == "03-2222-2222"
    _settle(desk, "SHIBA")
    assert desk.phone("SHIBA", receipt) == "03-2222-2222"
    _full_both_ways(desk, "SHIBA")
