"""Personal fields in the flows offices really work in: plain packages between personal ones,
crossing personal packages, a conflict left open for weeks, lost, doubled and late packages, an
erasure, two branches, a database upgraded to 0015 with its exchange history.

Each test drives real office databases through real package files (services.export_sync and
import_sync) and checks the three things the personal merge base (`_seen_personal`,
docs/sync-format.md, "Personal fields") must get right: no edit lost without a conflict, no
replaced value brought back, and no conflict where only one side changed a field.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from db import migrate
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import conflicts, inquiries, retention, sync_import
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, person
from tests.retention.conftest import case as retention_case
from tests.sync.test_sync_properties import PASSWORD, Offices

TODAY = dt.date(2026, 11, 1)
P0 = "03-5555-0100"  # the number the branch took down first


class Desk(Offices):
    """HQ, SHIBA and AZABU (the state machine's offices) and the packages between them."""

    def write(
        self, source: str, target: str, *, personal: bool = False, full: bool = False
    ) -> Path:
        return self.export(source, target, personal=personal, full=full)

    def carry(self, source: str, target: str, *, personal: bool = False) -> dict[str, Any]:
        """A package written and taken at once."""
        return self.take(target, self.write(source, target, personal=personal))

    def take_down(self, branch: str, phone: str = P0) -> str:
        """A new case at the branch, its inquirer's number `phone`."""
        new = NewInquiry.read(
            {
                "received_at": "2026-10-01",
                "subject": "物産展への出店相談",
                "channel": "phone",
                "inquirer": {"type": "resident", "name": "鈴木 一郎", "phone": phone},
            },
            today=TODAY,
        )
        return inquiries.add_inquiry(self.db[branch], new, actor=actor_for("clerk")).receipt_no

    def change(self, office: str, receipt: str, **values: str) -> None:
        """Values of the inquiry; `phone` and `notes` are the inquirer's (personal and not)."""
        person = ("phone", "notes")
        changes: dict[str, Any] = {k: v for k, v in values.items() if k not in person}
        if inquirer := {k: v for k, v in values.items() if k in person}:
            changes["inquirer"] = inquirer
        inquiries.update_inquiry(
            self.db[office],
            InquiryChange.read(receipt, changes, today=TODAY),
            actor=actor_for(office.lower()),
        )

    def phone(self, office: str, receipt: str) -> str | None:
        return self.record(office, receipt)["inquirer"]["phone"]

    def inquirer_rev(self, office: str, receipt: str) -> int:
        with sqlite3.connect(self.db[office].path) as plain:
            (rev,) = plain.execute(
                "SELECT inquirer.rev FROM inquirer JOIN inquiry"
                " ON inquiry.inquirer_id = inquirer.id WHERE inquiry.receipt_no = ?",
                (receipt,),
            ).fetchone()
        plain.close()
        return int(rev)

    def open_conflicts(self, office: str = "HQ") -> list[Any]:
        return conflicts.list_conflicts(self.db[office], actor=actor_for())

    def resolve(self, keep: str, take: tuple[str, ...] = ()) -> None:
        (conflict,) = self.open_conflicts()
        conflicts.resolve_conflict(
            self.db["HQ"], conflict.id, keep=keep, take=list(take), actor=actor_for("s")
        )

    def round_trip(self, branch: str, *, personal: bool = False) -> list[dict[str, Any]]:
        """The branch's package to HQ, then HQ's back."""
        return [
            self.carry(branch, "HQ", personal=personal),
            self.carry("HQ", branch, personal=personal),
        ]

    def agree_on_phone(self, receipt: str, branch: str = "SHIBA") -> str | None:
        """Personal packages both ways, quiet; both offices hold one number, which it returns."""
        for report in self.round_trip(branch, personal=True):
            assert report["conflicts"] == 0, report
        assert self.open_conflicts() == [] and self.open_conflicts(branch) == []
        at_hq = self.phone("HQ", receipt)
        assert self.phone(branch, receipt) == at_hq
        return at_hq


@pytest.fixture
def desk(office_templates, monkeypatch) -> Iterator[Desk]:
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", PASSWORD)
    made = Desk(office_templates)
    yield made
    made.close()


def _quiet(*reports: dict[str, Any]) -> None:
    for report in reports:
        assert report["conflicts"] == 0, report
        assert not any("競合解決を待ちます" in n for p in report["packages"] for n in p["notes"])


def _shared(desk: Desk, branch: str = "SHIBA") -> str:
    """A case the branch took down, sent to HQ with its personal fields and echoed back."""
    receipt = desk.take_down(branch)
    _quiet(desk.carry(branch, "HQ", personal=True))
    assert desk.phone("HQ", receipt) == P0
    _quiet(desk.carry("HQ", branch, personal=True))
    return receipt


# --- (a) plain packages between personal ones ----------------------------------------------


def test_a_branch_phone_edit_after_plain_rounds_is_taken_at_hq(desk):
    """HQ's personal package, then several plain rounds with edits on both sides: the branch's
    later number is a plain edit of the number both held, taken at HQ without a conflict."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, subject="本庁の件名")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    for n in range(3):
        desk.change("SHIBA", receipt, content=f"支所の直し{n}", notes=f"支所のメモ{n}")
        desk.change("HQ", receipt, step=("2_connect", "3_selfrun", "1_inform")[n])
        _quiet(*desk.round_trip("SHIBA"))
        desk.change("HQ", receipt, notes=f"本庁のメモ{n}")
        _quiet(*desk.round_trip("SHIBA"))
    desk.change("SHIBA", receipt, phone="03-5555-0111")

    _quiet(desk.carry("SHIBA", "HQ", personal=True))

    assert desk.phone("HQ", receipt) == "03-5555-0111"
    assert desk.agree_on_phone(receipt) == "03-5555-0111"


def test_a_row_carried_again_in_a_personal_package_names_its_personal_values_as_held(desk):
    """The branch's plain package (a 備考 edit) and then its personal package, before HQ
    answered: the personal one carries the same version again, with the number HQ holds. HQ
    must note that it holds that version's personal values; naming the older version instead
    (which the branch forgets once HQ answers the newer one) made HQ's later number a conflict
    of two unknown values at the branch, whose row then waited for a resolution that never came
    (HQ saw its own version come back and had nothing to decide)."""
    receipt = desk.take_down("SHIBA")
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    _quiet(desk.carry("HQ", "SHIBA"))
    desk.change("SHIBA", receipt, notes="支所のメモ")
    _quiet(desk.carry("SHIBA", "HQ"))
    _quiet(desk.carry("SHIBA", "HQ", personal=True))  # carries the 備考 version again
    desk.change("HQ", receipt, notes="本庁のメモ")
    _quiet(desk.carry("HQ", "SHIBA"))
    desk.change("HQ", receipt, phone="03-5555-0122")

    _quiet(desk.carry("HQ", "SHIBA", personal=True))

    assert desk.phone("SHIBA", receipt) == "03-5555-0122"
    assert desk.agree_on_phone(receipt) == "03-5555-0122"


def test_a_version_taken_plain_and_carried_again_for_its_number_merges_the_number_alone(desk):
    """HQ took the branch's 備考 from a plain package (an answer to HQ's own earlier 備考) and
    typed its own over it; the branch's personal package carries that version again for its
    number: the number is taken, and the 備考 (merged when the version first came, against the
    version of HQ's it answered) is not met again as a conflict."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, notes="本庁の最初のメモ")
    _quiet(desk.carry("HQ", "SHIBA"))
    desk.change("SHIBA", receipt, notes="支所のメモ", phone=LATE)
    _quiet(desk.carry("SHIBA", "HQ"))
    desk.change("HQ", receipt, notes="本庁のメモ")

    report = desk.carry("SHIBA", "HQ", personal=True)

    _quiet(report)
    assert report["packages"][0]["by_kind"]["inquirer"]["merged"] == 1
    assert desk.phone("HQ", receipt) == LATE
    assert desk.record("HQ", receipt)["inquirer"]["notes"] == "本庁のメモ"
    assert desk.agree_on_phone(receipt) == LATE
    assert desk.record("SHIBA", receipt)["inquirer"]["notes"] == "本庁のメモ"


def test_a_second_hq_edit_in_a_later_return_package_is_taken_without_waiting(desk):
    """HQ edits a case, its return package is taken, HQ edits it again: the second return
    package names the branch's version HQ last received (older than the one the branch holds,
    HQ's own first edit), yet it descends from what the branch holds. Merged against the older
    base it was a conflict at the branch, which kept its row and waited for a resolution HQ
    never met (the branch's copy is HQ's own version): the offices differed for good. No
    personal fields are needed (before this fix, on main as well)."""
    receipt = _shared(desk)
    for n, subject in enumerate(("本庁の件名1", "本庁の件名2", "本庁の件名3")):
        desk.change("HQ", receipt, subject=subject, notes=f"本庁のメモ{n}")
        _quiet(desk.carry("HQ", "SHIBA"))
        if n == 1:
            _quiet(desk.carry("SHIBA", "HQ"))  # the branch's package between: nothing of it
        branch = desk.record("SHIBA", receipt)
        assert (branch["subject"], branch["inquirer"]["notes"]) == (subject, f"本庁のメモ{n}")
    assert desk.record("SHIBA", receipt)["rev"] == desk.record("HQ", receipt)["rev"]


# --- (b) a plain phone edit at HQ meets a personal one from the branch ----------------------


@pytest.mark.parametrize("branch_took_it", [True, False])
@pytest.mark.parametrize("hq_sent_personal_before", [True, False])
def test_an_hq_phone_edit_sent_plain_meets_the_branch_s_as_a_conflict(
    desk, branch_took_it, hq_sent_personal_before
):
    """HQ's number travelled without its personal fields (or not at all yet): the branch's own
    number in its personal package is a conflict at HQ, never taken silently."""
    receipt = _shared(desk)
    if hq_sent_personal_before:
        desk.change("HQ", receipt, notes="本庁のメモ")
        _quiet(desk.carry("HQ", "SHIBA", personal=True))
    desk.change("HQ", receipt, phone="03-5555-0122")
    plain = desk.write("HQ", "SHIBA")
    if branch_took_it:
        _quiet(desk.take("SHIBA", plain))
        assert desk.phone("SHIBA", receipt) == P0
    desk.change("SHIBA", receipt, phone="03-5555-0133")

    at_hq = desk.carry("SHIBA", "HQ", personal=True)

    assert at_hq["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [
        ("phone", "03-5555-0122", "03-5555-0133")
    ]
    assert desk.phone("HQ", receipt) == "03-5555-0122"
    if not branch_took_it:
        _quiet(desk.take("SHIBA", plain))
    desk.resolve("theirs")
    assert desk.agree_on_phone(receipt) == "03-5555-0133"


# --- (c) personal packages crossing ----------------------------------------------------------


def _crossing_phone_edits(desk: Desk) -> str:
    """Both offices change the number and write personal packages before either arrives: the
    branch waits, HQ queues the one conflict."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    desk.change("SHIBA", receipt, phone="03-5555-0133")
    to_hq = desk.write("SHIBA", "HQ", personal=True)
    at_branch = desk.take("SHIBA", to_branch)
    assert at_branch["conflicts"] == 0
    assert "競合解決を待ちます" in " ".join(at_branch["packages"][0]["notes"])
    assert desk.phone("SHIBA", receipt) == "03-5555-0133"
    assert desk.take("HQ", to_hq)["conflicts"] == 1
    assert len(desk.open_conflicts()) == 1
    return receipt


CHOSEN = {"ours": "03-5555-0122", "theirs": "03-5555-0133"}


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_crossing_personal_packages_are_decided_once_and_the_answer_reaches_the_branch(desk, keep):
    receipt = _crossing_phone_edits(desk)
    desk.resolve(keep)

    _quiet(desk.carry("HQ", "SHIBA", personal=True))

    assert desk.phone("SHIBA", receipt) == CHOSEN[keep]
    for _round in range(2):
        assert desk.agree_on_phone(receipt) == CHOSEN[keep]


@pytest.mark.parametrize("keep", ["ours", "theirs"])
@pytest.mark.parametrize("branch_edits_meanwhile", [False, True])
def test_a_resolution_reaching_the_branch_in_a_plain_package_is_not_asked_again(
    desk, keep, branch_edits_meanwhile
):
    """The resolution travels without the number; the branch's next personal package still
    carries its own number, which HQ received with the conflict: no second conflict, nothing
    brought back, and a full personal package from HQ brings the chosen number."""
    receipt = _crossing_phone_edits(desk)
    desk.resolve(keep)
    _quiet(desk.carry("HQ", "SHIBA"))
    assert desk.phone("SHIBA", receipt) == "03-5555-0133"
    if branch_edits_meanwhile:
        desk.change("SHIBA", receipt, notes="支所のメモ", subject="支所の件名")
    _quiet(*desk.round_trip("SHIBA"))

    _quiet(desk.carry("SHIBA", "HQ", personal=True))

    assert desk.open_conflicts() == []
    assert desk.phone("HQ", receipt) == CHOSEN[keep]
    _quiet(desk.take("SHIBA", desk.write("HQ", "SHIBA", personal=True, full=True)))
    assert desk.phone("SHIBA", receipt) == CHOSEN[keep]
    assert desk.agree_on_phone(receipt) == CHOSEN[keep]


# A row taken from a plain package adopts the sender's version while keeping this office's own
# personal values (the package said nothing of them), so that version is an echo to the sender.
# A personal package carries such an echo when its personal values are news to the peer, and an
# import that keeps a newer personal value of ours over the sender's puts our row in the next
# package again; and it carries a row whose personal values the peer holds neither as sent with
# them nor as its own (a number sent plain and acknowledged) (docs/sync-format.md, "Personal
# fields").


def _resolution_sent_plain(desk: Desk) -> tuple[str, str]:
    """HQ keeps its own number; the resolution goes out in a plain package (taken: the
    branch adopts HQ's version, keeps its number), then the branch's and HQ's personal
    packages: the branch's carries its echo of HQ's version (its number is news to HQ), HQ
    keeps its resolved number and puts its row, acknowledged, in its next package again."""
    receipt = _crossing_phone_edits(desk)
    desk.resolve("ours")
    _quiet(desk.carry("HQ", "SHIBA"))
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    return receipt, CHOSEN["ours"]


def _branch_number_lost(desk: Desk) -> tuple[str, str]:
    """The branch's number was in a lost personal package; HQ's plain package (a 備考 edit)
    is taken whole, so the branch's copy is HQ's version holding the branch's number: an echo,
    which the next personal package (saying the lost one is made good) carries all the same, its
    number being news to HQ."""
    receipt = _shared(desk)
    desk.change("SHIBA", receipt, phone="03-5555-0111")
    desk.write("SHIBA", "HQ", personal=True)  # lost on the way
    desk.change("SHIBA", receipt, notes="支所のメモ")
    desk.carry("SHIBA", "HQ")  # warns of the lost one
    desk.change("HQ", receipt, subject="本庁の件名", notes="本庁のメモ")
    _quiet(desk.carry("HQ", "SHIBA"))
    healed = desk.carry("SHIBA", "HQ", personal=True)
    _quiet(healed)
    assert healed["warnings"] == []
    return receipt, "03-5555-0111"


def _hq_number_lost(desk: Desk) -> tuple[str, str]:
    """HQ's number was in a lost personal package; the branch's plain package (a 備考 edit) is
    taken at HQ with the branch's version, holding HQ's number: an echo to the branch, which
    HQ's next personal package (saying the lost one is made good) carries all the same."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")
    desk.write("HQ", "SHIBA", personal=True)  # lost
    desk.change("SHIBA", receipt, notes="支所のメモ")
    _quiet(desk.carry("SHIBA", "HQ"))
    desk.change("HQ", receipt, subject="本庁の件名")
    desk.carry("HQ", "SHIBA")  # plain: warns of the lost one
    healed = desk.carry("HQ", "SHIBA", personal=True)
    _quiet(healed)
    assert healed["warnings"] == []
    return receipt, "03-5555-0122"


LATE = "03-5555-0151"


def _peer(office: str) -> str:
    return "HQ" if office != "HQ" else "SHIBA"


def _late(
    desk: Desk, sender: str, *, receiver_notes: str | None = None
) -> tuple[str, Path, dict[str, Any]]:
    """The sender's number travels in a personal package, held back on the way; its later plain
    package (a 備考 edit) is taken first (after the receiver's own 備考, if given): the late
    package's row is older than the version the receiver holds, yet its number is news. The
    case, the late package and the plain package's report."""
    receipt = _shared(desk)
    desk.change(sender, receipt, phone=LATE)
    personal = desk.write(sender, _peer(sender), personal=True)
    desk.change(sender, receipt, notes=f"{sender}のメモ")
    if receiver_notes is not None:
        desk.change(_peer(sender), receipt, notes=receiver_notes)
    plain = desk.carry(sender, _peer(sender))
    return receipt, personal, plain


def _personal_after_a_later_plain_one(desk: Desk) -> tuple[str, str]:
    receipt, late, _plain = _late(desk, "SHIBA")
    _quiet(desk.take("HQ", late))
    return receipt, LATE


NOT_CARRIED = {
    "resolution sent plain": _resolution_sent_plain,
    "branch number lost": _branch_number_lost,
    "HQ number lost": _hq_number_lost,
}


@pytest.mark.parametrize("flow", sorted(NOT_CARRIED))
def test_a_number_reaches_the_other_office_in_the_next_personal_package(desk, flow):
    receipt, number = NOT_CARRIED[flow](desk)
    assert desk.phone("HQ", receipt) == desk.phone("SHIBA", receipt) == number


@pytest.mark.parametrize("sender", ["SHIBA", "HQ"])
def test_a_personal_package_arriving_after_a_later_plain_one_still_brings_its_number(desk, sender):
    """Its row is stale (older than the plain one's), but its number is news: the personal
    fields alone merge, as a version of the receiver's (rev above both), which travels back;
    the sender's later 備考 stays."""
    receiver = _peer(sender)
    receipt, late, _plain = _late(desk, sender)

    report = desk.take(receiver, late)

    _quiet(report)
    assert report["packages"][0]["by_kind"]["inquirer"]["merged"] == 1
    assert desk.phone(receiver, receipt) == LATE
    assert desk.record(receiver, receipt)["inquirer"]["notes"] == f"{sender}のメモ"
    assert desk.inquirer_rev(receiver, receipt) > desk.inquirer_rev(sender, receipt)
    assert desk.agree_on_phone(receipt) == LATE
    assert desk.inquirer_rev("HQ", receipt) == desk.inquirer_rev("SHIBA", receipt)


def test_a_late_personal_package_taken_twice_changes_nothing_the_second_time(desk):
    from tests.sync.conftest import dump

    receipt, late, _plain = _late(desk, "SHIBA")
    _quiet(desk.take("HQ", late))
    before = dump(desk.db["HQ"].path, audit=False)

    again = desk.take("HQ", late)

    assert again["packages"][0]["already_imported"]
    assert dump(desk.db["HQ"].path, audit=False) == before
    assert desk.agree_on_phone(receipt) == LATE


@pytest.mark.parametrize("keep", ["ours", "theirs"])
@pytest.mark.parametrize("resolved", ["before", "after"])
def test_a_late_personal_package_and_a_conflict_on_its_row_are_settled_apart(desk, keep, resolved):
    """Both offices changed the inquirer's 備考, a conflict at HQ; the branch's late personal
    package brings its number, whether the conflict was resolved before it arrived or is
    resolved after: the number comes in, the 備考 is the one chosen, nothing else is asked."""
    receipt, late, plain = _late(desk, "SHIBA", receiver_notes="本庁のメモ")
    assert plain["conflicts"] == 1
    if resolved == "before":
        desk.resolve(keep)

    report = desk.take("HQ", late)

    assert report["conflicts"] == 0
    assert desk.phone("HQ", receipt) == LATE
    assert len(desk.open_conflicts()) == (1 if resolved == "after" else 0)
    if resolved == "after":
        desk.resolve(keep)
    chosen = {"ours": "本庁のメモ", "theirs": "SHIBAのメモ"}[keep]
    assert desk.record("HQ", receipt)["inquirer"]["notes"] == chosen
    assert desk.agree_on_phone(receipt) == LATE
    assert desk.record("SHIBA", receipt)["inquirer"]["notes"] == chosen


@pytest.mark.parametrize("sender", ["SHIBA", "HQ"])
def test_a_late_personal_number_meets_one_the_receiver_changed_as_a_conflict(desk, sender):
    """The receiver changed the number itself after taking the later plain package: the late
    number is a conflict (decided at HQ; a branch's row waits and meets it at HQ), never a
    silent overwrite either way."""
    receiver = _peer(sender)
    receipt, late, _plain = _late(desk, sender)
    desk.change(receiver, receipt, phone="03-5555-0122")

    report = desk.take(receiver, late)

    assert desk.phone(receiver, receipt) == "03-5555-0122"
    if receiver == "SHIBA":
        assert "競合解決を待ちます" in " ".join(report["packages"][0]["notes"])
        report = desk.carry("SHIBA", "HQ", personal=True)
    assert report["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    ours, theirs = ("03-5555-0122", LATE) if receiver == "HQ" else (LATE, "03-5555-0122")
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [("phone", ours, theirs)]
    desk.resolve("theirs")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.agree_on_phone(receipt) == theirs


@pytest.mark.parametrize("who", ["SHIBA", "HQ"])
def test_a_number_sent_plain_and_acknowledged_reaches_the_other_office(desk, who):
    """One office types a number and sends only a plain package, which the other takes whole
    (keeping its own number under the new version) and acknowledges. The row changed before
    the next package begins, and the other office's echo holds the values it last received:
    the personal package carries the row all the same, its number being neither the one last
    sent with personal fields nor the peer's own."""
    receipt = _shared(desk)
    peer = "HQ" if who == "SHIBA" else "SHIBA"
    desk.change(who, receipt, phone="03-5555-0171")
    _quiet(desk.carry(who, peer))
    _quiet(desk.carry(peer, who))

    _quiet(desk.carry(who, peer, personal=True))
    _quiet(desk.carry(peer, who, personal=True), desk.carry(who, peer, personal=True))

    assert desk.phone(peer, receipt) == desk.phone(who, receipt) == "03-5555-0171"


@pytest.mark.parametrize("flow", [*sorted(NOT_CARRIED), "personal after a later plain one"])
def test_full_personal_packages_both_ways_bring_the_numbers_together(desk, flow):
    """Whatever the flows above leave apart, a full personal package each way brings
    together, without a conflict (docs/sync-format.md, "Personal fields")."""
    made = NOT_CARRIED.get(flow, _personal_after_a_later_plain_one)
    receipt, number = made(desk)

    _quiet(desk.take("HQ", desk.write("SHIBA", "HQ", personal=True, full=True)))
    _quiet(desk.take("SHIBA", desk.write("HQ", "SHIBA", personal=True, full=True)))

    assert desk.phone("HQ", receipt) == desk.phone("SHIBA", receipt) == number
    assert desk.open_conflicts() == []


def test_a_personal_package_imported_twice_changes_nothing_the_second_time(desk):
    from tests.sync.conftest import dump

    receipt = _shared(desk)
    desk.change("SHIBA", receipt, phone="03-5555-0111")
    package = desk.write("SHIBA", "HQ", personal=True)
    _quiet(desk.take("HQ", package))
    desk.change("HQ", receipt, notes="本庁のメモ")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    before = dump(desk.db["HQ"].path, audit=False)

    again = desk.take("HQ", package)

    assert again["packages"][0]["already_imported"]
    assert dump(desk.db["HQ"].path, audit=False) == before
    desk.change("SHIBA", receipt, phone="03-5555-0112")
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    assert desk.agree_on_phone(receipt) == "03-5555-0112"


@pytest.mark.parametrize("sender", ["SHIBA", "HQ"])
def test_an_older_personal_package_arriving_late_brings_nothing_back(desk, sender):
    receiver = "HQ" if sender == "SHIBA" else "SHIBA"
    receipt = _shared(desk)
    desk.change(sender, receipt, phone="03-5555-0141")
    older = desk.write(sender, receiver, personal=True)
    desk.change(sender, receipt, phone="03-5555-0142")
    newer = desk.write(sender, receiver, personal=True)

    _quiet(desk.take(receiver, newer))
    late = desk.take(receiver, older)

    _quiet(late)
    assert desk.phone(receiver, receipt) == "03-5555-0142"
    assert desk.agree_on_phone(receipt) == "03-5555-0142"


# --- (e) an erasure on one side while the other edits the number ----------------------------


def _closed_case(desk: Desk) -> str:
    """A case SHIBA closed in 2020, shared with HQ with its personal fields, echoed back."""
    receipt = retention_case(
        desk.db["SHIBA"], person("古川 一郎", P0), closed_on=dt.date(2020, 3, 31)
    )
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    return receipt


def _blank(value: Any) -> bool:
    return not value


@pytest.mark.parametrize("hq_sends", ["personal", "plain"])
def test_an_erasure_at_the_branch_beats_an_hq_number_typed_before_it_arrived(desk, hq_sends):
    receipt = _closed_case(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")
    from_hq = desk.write("HQ", "SHIBA", personal=hq_sends == "personal")
    assert retention.apply(desk.db["SHIBA"], actor=ADMIN, today=TODAY).erased == 1

    _quiet(desk.take("SHIBA", from_hq))
    assert _blank(desk.phone("SHIBA", receipt))
    _quiet(desk.carry("SHIBA", "HQ", personal=True))

    assert _blank(desk.phone("HQ", receipt))
    assert _blank(desk.agree_on_phone(receipt))
    # the person comes back: a number typed at HQ after the erasure reached it travels
    desk.change("HQ", receipt, phone="03-5555-0199")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.phone("SHIBA", receipt) == "03-5555-0199"
    assert desk.agree_on_phone(receipt) == "03-5555-0199"


def test_a_branch_number_after_its_erasure_meets_hq_s_number_after_it_as_a_conflict(desk):
    receipt = _closed_case(desk)
    retention.apply(desk.db["SHIBA"], actor=ADMIN, today=TODAY)
    _quiet(desk.carry("SHIBA", "HQ"))  # the erasure travels without personal fields
    assert _blank(desk.phone("HQ", receipt))
    desk.change("HQ", receipt, phone="03-5555-0122")
    desk.change("SHIBA", receipt, phone="03-5555-0133")
    to_branch = desk.write("HQ", "SHIBA", personal=True)

    at_hq = desk.carry("SHIBA", "HQ", personal=True)
    desk.take("SHIBA", to_branch)

    assert at_hq["conflicts"] == 1
    desk.resolve("ours")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.phone("SHIBA", receipt) == "03-5555-0122"
    assert desk.agree_on_phone(receipt) == "03-5555-0122"


# --- (f) a conflict left open for weeks ---------------------------------------------------------


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_phone_conflict_left_open_for_rounds_both_ways_is_resolved_once(desk, keep):
    """While the conflict waits, both offices go on working and exchange plain and personal
    packages; the one conflict stays (no second one, nothing taken meanwhile); once resolved,
    the chosen number reaches the branch and nothing comes back."""
    receipt = _crossing_phone_edits(desk)
    for n in range(3):
        desk.change("SHIBA", receipt, notes=f"支所のメモ{n}", content=f"支所の直し{n}")
        desk.change("HQ", receipt, subject=f"本庁の件名{n}")
        for report in desk.round_trip("SHIBA", personal=n % 2 == 1):
            assert report["conflicts"] == 0, report
        assert len(desk.open_conflicts()) == 1
        assert desk.phone("HQ", receipt) == "03-5555-0122"
        assert desk.phone("SHIBA", receipt) == "03-5555-0133"

    desk.resolve(keep)

    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.phone("SHIBA", receipt) == CHOSEN[keep]
    for _round in range(2):
        assert desk.agree_on_phone(receipt) == CHOSEN[keep]
    final = desk.record("HQ", receipt)
    assert (final["inquirer"]["notes"], final["subject"]) == ("支所のメモ2", "本庁の件名2")


# --- (g) an office upgraded to 0015 with its exchange history --------------------------------


def _upgraded(desk: Desk) -> None:
    """Every office down to 0014 and up again: the personal versions are NULL, as in a
    database of the earlier build upgraded with its history."""
    for db in desk.db.values():
        migrate.downgrade(db.engine, "0014")
        migrate.upgrade(db.engine)
        with sqlite3.connect(db.path) as conn:
            assert conn.execute(
                "SELECT count(*) FROM sync_base WHERE sent_personal_version IS NOT NULL"
                " OR received_personal_version IS NOT NULL"
            ).fetchone() == (0,)
        conn.close()


def _history(desk: Desk) -> str:
    receipt = _shared(desk)
    desk.change("HQ", receipt, notes="本庁のメモ")
    _quiet(*desk.round_trip("SHIBA"))
    desk.change("SHIBA", receipt, subject="支所の件名")
    _quiet(*desk.round_trip("SHIBA", personal=True))
    _upgraded(desk)
    return receipt


@pytest.mark.parametrize("who", ["SHIBA", "HQ"])
def test_after_the_upgrade_one_office_s_number_is_taken_by_the_other(desk, who):
    receipt = _history(desk)
    desk.change("HQ", receipt, notes="本庁のメモ2")
    _quiet(*desk.round_trip("SHIBA"))
    desk.change(who, receipt, phone="03-5555-0161")
    peer = "HQ" if who == "SHIBA" else "SHIBA"

    _quiet(desk.carry(who, peer, personal=True))

    assert desk.phone(peer, receipt) == "03-5555-0161"
    assert desk.agree_on_phone(receipt) == "03-5555-0161"


def test_after_the_upgrade_both_numbers_changed_are_a_conflict_not_a_loss(desk):
    receipt = _history(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")
    _quiet(desk.carry("HQ", "SHIBA"))
    desk.change("SHIBA", receipt, phone="03-5555-0133")

    assert desk.carry("SHIBA", "HQ", personal=True)["conflicts"] == 1

    desk.resolve("theirs")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.agree_on_phone(receipt) == "03-5555-0133"


def test_after_the_upgrade_crossing_personal_packages_are_decided_once(desk):
    receipt = _history(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    desk.change("SHIBA", receipt, phone="03-5555-0133")
    to_hq = desk.write("SHIBA", "HQ", personal=True)
    desk.take("SHIBA", to_branch)
    assert desk.take("HQ", to_hq)["conflicts"] == 1
    desk.resolve("ours")

    _quiet(desk.carry("HQ", "SHIBA", personal=True))

    assert desk.phone("SHIBA", receipt) == "03-5555-0122"
    assert desk.agree_on_phone(receipt) == "03-5555-0122"


# --- (h) two branches ------------------------------------------------------------------------


def test_two_branches_personal_exchanges_do_not_mix(desk):
    """Each branch's bookkeeping with HQ is its own: the same flows at once at SHIBA and AZABU
    (a branch number, an HQ number, a crossing conflict) end where each would alone."""
    shiba, azabu = _shared(desk, "SHIBA"), _shared(desk, "AZABU")
    desk.change("SHIBA", shiba, phone="03-5555-0211")
    desk.change("HQ", azabu, phone="03-5555-0322")
    _quiet(desk.carry("AZABU", "HQ", personal=True), desk.carry("HQ", "AZABU", personal=True))
    _quiet(desk.carry("SHIBA", "HQ", personal=True), desk.carry("HQ", "SHIBA", personal=True))
    assert desk.phone("HQ", shiba) == desk.phone("SHIBA", shiba) == "03-5555-0211"
    assert desk.phone("HQ", azabu) == desk.phone("AZABU", azabu) == "03-5555-0322"

    desk.change("HQ", shiba, phone="03-5555-0222")
    desk.change("AZABU", azabu, phone="03-5555-0333")
    to_shiba = desk.write("HQ", "SHIBA", personal=True)
    to_azabu = desk.write("HQ", "AZABU", personal=True)
    desk.change("SHIBA", shiba, phone="03-5555-0233")
    from_shiba = desk.write("SHIBA", "HQ", personal=True)
    from_azabu = desk.write("AZABU", "HQ", personal=True)
    desk.take("SHIBA", to_shiba)
    _quiet(desk.take("AZABU", to_azabu))
    _quiet(desk.take("HQ", from_azabu))
    assert desk.take("HQ", from_shiba)["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert conflict.receipt_no == shiba
    desk.resolve("theirs")

    assert desk.agree_on_phone(shiba, "SHIBA") == "03-5555-0233"
    assert desk.agree_on_phone(azabu, "AZABU") == "03-5555-0333"


def test_after_the_upgrade_hq_s_first_number_reaches_a_branch_it_only_sent_plain_to(desk):
    """HQ's return packages before the upgrade carried no personal fields, so the branch holds
    none of HQ's values; HQ, which took the branch's number, types a new one after the upgrade
    and sends it with personal fields. The branch waits for a resolution; HQ, merging the
    branch's number against the one it received, sees nothing new and decides nothing: the
    offices differ until someone writes a full personal package each way."""
    receipt = desk.take_down("SHIBA")
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    desk.change("HQ", receipt, notes="本庁のメモ")
    _quiet(*desk.round_trip("SHIBA"))  # HQ's return packages carry no personal fields
    _upgraded(desk)
    desk.change("HQ", receipt, phone="03-5555-0161")

    at_branch = desk.carry("HQ", "SHIBA", personal=True)

    for _round in range(2):
        desk.round_trip("SHIBA", personal=True)
    assert desk.phone("SHIBA", receipt) == desk.phone("HQ", receipt) == "03-5555-0161"
    _quiet(at_branch)


def test_after_the_upgrade_a_branch_number_lost_before_it_meets_hq_s_as_a_conflict(desk):
    """The branch's number went in a personal package that was lost before the upgrade; its
    plain package carried the version again, so HQ's row names the version the branch last
    sent, holding that number. HQ never acknowledged the lost package, so the number is not
    one both held: HQ's new number is a conflict (decided at HQ), not a silent replacement."""
    receipt = desk.take_down("SHIBA")
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    desk.change("HQ", receipt, notes="本庁のメモ")
    _quiet(*desk.round_trip("SHIBA"))
    desk.change("SHIBA", receipt, phone="03-5555-0111")
    desk.write("SHIBA", "HQ", personal=True)  # lost
    desk.carry("SHIBA", "HQ")  # warns of the lost one
    _upgraded(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")

    at_branch = desk.carry("HQ", "SHIBA", personal=True)

    assert "競合解決を待ちます" in " ".join(at_branch["packages"][0]["notes"])
    assert desk.phone("SHIBA", receipt) == "03-5555-0111"
    assert desk.carry("SHIBA", "HQ", personal=True)["conflicts"] == 1
    desk.resolve("theirs")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.agree_on_phone(receipt) == "03-5555-0111"


# --- more of what offices do around a conflict -----------------------------------------------


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_branch_number_typed_after_the_conflict_is_not_lost_to_its_resolution(desk, keep):
    """The branch types yet another number while HQ's conflict waits, and sends it with
    personal fields: HQ's open conflict takes it as the branch's side, so whichever side the
    supervisor keeps, the branch's older number never comes back."""
    receipt = _crossing_phone_edits(desk)
    desk.change("SHIBA", receipt, phone="03-5555-0144")
    assert desk.carry("SHIBA", "HQ", personal=True)["conflicts"] == 1
    (conflict,) = desk.open_conflicts()
    assert [(f.ours, f.theirs) for f in conflict.fields] == [("03-5555-0122", "03-5555-0144")]

    desk.resolve(keep)

    chosen = {"ours": "03-5555-0122", "theirs": "03-5555-0144"}[keep]
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.agree_on_phone(receipt) == chosen


def test_a_branch_number_typed_while_the_resolution_travels_is_a_new_conflict(desk):
    """The resolution and the branch's newer number cross: neither replaces the other
    silently; HQ meets them as one new conflict."""
    receipt = _crossing_phone_edits(desk)
    desk.resolve("ours")
    resolution = desk.write("HQ", "SHIBA", personal=True)
    desk.change("SHIBA", receipt, phone="03-5555-0155")
    from_branch = desk.write("SHIBA", "HQ", personal=True)
    at_branch = desk.take("SHIBA", resolution)
    assert desk.phone("SHIBA", receipt) == "03-5555-0155"

    assert "競合解決を待ちます" in " ".join(at_branch["packages"][0]["notes"])
    assert desk.take("HQ", from_branch)["conflicts"] == 1

    (conflict,) = desk.open_conflicts()
    assert [(f.ours, f.theirs) for f in conflict.fields] == [("03-5555-0122", "03-5555-0155")]
    desk.resolve("theirs")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.agree_on_phone(receipt) == "03-5555-0155"


def test_a_conflict_on_the_number_and_the_note_resolved_field_by_field(desk):
    """Per field: HQ keeps its 備考, takes the branch's number; both reach the branch."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, phone="03-5555-0122", notes="本庁のメモ")
    to_branch = desk.write("HQ", "SHIBA", personal=True)
    desk.change("SHIBA", receipt, phone="03-5555-0133", notes="支所のメモ")
    to_hq = desk.write("SHIBA", "HQ", personal=True)
    desk.take("SHIBA", to_branch)
    assert desk.take("HQ", to_hq)["conflicts"] == 1

    desk.resolve("ours", take=("phone",))

    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    assert desk.agree_on_phone(receipt) == "03-5555-0133"
    assert desk.record("SHIBA", receipt)["inquirer"]["notes"] == "本庁のメモ"


def test_a_dry_run_of_a_personal_package_notes_nothing(desk):
    """The personal versions are bookkeeping like the rest: a dry run leaves them as they were."""
    from tests.sync.conftest import dump

    receipt = _shared(desk)
    desk.change("SHIBA", receipt, notes="支所のメモ")
    _quiet(desk.carry("SHIBA", "HQ"))
    package = desk.write("SHIBA", "HQ", personal=True)  # the same version again, personal
    before = dump(desk.db["HQ"].path)

    sync_import.import_sync(desk.db["HQ"], [package], actor=actor_for("s"), dry_run=True)

    assert dump(desk.db["HQ"].path) == before


@pytest.mark.parametrize("personal", [False, True])
def test_an_erasure_at_a_branch_holding_hq_s_version_stays_when_hq_edits_again(desk, personal):
    """The branch's copy is HQ's version (a 備考 edit taken) when the retention erases it; HQ's
    next edit, made before the erasure reached it, names the branch's older version, so the
    branch's row waits (both 備考 differ from that base), and its erased version, its own,
    travels to HQ, which merges it against the 備考 it sent: HQ's 備考 stays, the erasure comes
    in, and the next package brings both to the branch. No conflict for anyone to decide."""
    receipt = _closed_case(desk)
    desk.change("HQ", receipt, notes="本庁のメモ1")
    _quiet(desk.carry("HQ", "SHIBA"))
    retention.apply(desk.db["SHIBA"], actor=ADMIN, today=TODAY)
    desk.change("HQ", receipt, notes="本庁のメモ2")

    assert desk.carry("HQ", "SHIBA", personal=personal)["conflicts"] == 0
    assert desk.carry("SHIBA", "HQ", personal=personal)["conflicts"] == 0
    _quiet(desk.carry("HQ", "SHIBA", personal=personal))

    for office in ("SHIBA", "HQ"):
        person = desk.record(office, receipt)["inquirer"]
        assert (person["notes"], _blank(person["phone"])) == ("本庁のメモ2", True)
        assert _blank(person["name"])
    assert desk.open_conflicts() == []
    assert _blank(desk.agree_on_phone(receipt))


def _hq_number_taken_then_a_personal_package_lost(desk: Desk) -> str:
    """The branch takes HQ's number from HQ's personal package; HQ's next one is lost."""
    receipt = _shared(desk)
    desk.change("HQ", receipt, phone="03-5555-0122")
    _quiet(desk.carry("HQ", "SHIBA", personal=True))
    desk.change("HQ", receipt, notes="本庁のメモ1")
    desk.write("HQ", "SHIBA", personal=True)  # lost
    return receipt


def test_a_branch_number_replacing_hq_s_after_a_lost_hq_personal_package_is_no_conflict(desk):
    """The branch took HQ's number (HQ's personal package 1); HQ's next personal package was
    lost, a plain one followed and the branch answered it, so HQ dropped the versions sent
    before from `sent_earlier`. The branch's personal package names the version of package 1
    as the one whose personal values it took: HQ keeps it in `sent_personal_earlier` until a
    `_seen_personal` answers it, so HQ's number is one both held and the branch's new number
    replaces it (it met HQ's as a needless conflict while only `sent_earlier` kept versions)."""
    receipt = _hq_number_taken_then_a_personal_package_lost(desk)
    desk.change("HQ", receipt, notes="本庁のメモ2")
    desk.carry("HQ", "SHIBA")  # warns of the lost one
    desk.change("SHIBA", receipt, subject="支所の件名", notes="支所のメモ")
    _quiet(desk.carry("SHIBA", "HQ"))  # HQ forgets the versions it sent before
    desk.change("SHIBA", receipt, phone="03-5555-0133")

    _quiet(desk.carry("SHIBA", "HQ", personal=True))

    assert desk.phone("HQ", receipt) == "03-5555-0133"
    assert desk.agree_on_phone(receipt) == "03-5555-0133"


def _sync_base(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    with sqlite3.connect(path) as plain:
        columns = [row[1] for row in plain.execute("PRAGMA table_info(sync_base)")]
        rows = plain.execute("SELECT * FROM sync_base ORDER BY entity, entity_id, peer").fetchall()
    plain.close()
    return columns, rows


def test_0016_goes_down_and_up_and_sent_earlier_still_names_the_version_taken(desk):
    """Migration 0016 down and up: `sent_personal_earlier` goes and comes back empty, the rest
    of `sync_base` as it was. A version sent with personal fields that the peer has not
    answered at all is then still known from `sent_earlier`, as before 0016: the branch's number
    replacing HQ's, which it took from a personal package before the next one was lost, is
    taken without a conflict."""
    receipt = _hq_number_taken_then_a_personal_package_lost(desk)
    hq = desk.db["HQ"]
    columns, before = _sync_base(hq.path)
    kept = columns.index("sent_personal_earlier")
    assert [row[kept] for row in before if row[kept] is not None] != []
    # 0015 has neither column of 0016 nor that of 0017 (`received_seen`)
    gone = [kept, columns.index("received_seen")]
    remain = [n for n in range(len(columns)) if n not in gone]
    without = [tuple(row[n] for n in remain) for row in before]

    migrate.downgrade(hq.engine, "0015")
    assert _sync_base(hq.path) == ([columns[n] for n in remain], without)
    migrate.upgrade(hq.engine)
    columns_after, after = _sync_base(hq.path)
    assert columns_after == columns and {row[n] for row in after for n in gone} == {None}
    assert [tuple(row[n] for n in remain) for row in after] == without

    desk.change("SHIBA", receipt, phone="03-5555-0133")
    _quiet(desk.carry("SHIBA", "HQ", personal=True))
    assert desk.phone("HQ", receipt) == "03-5555-0133"
    assert desk.agree_on_phone(receipt) == "03-5555-0133"
