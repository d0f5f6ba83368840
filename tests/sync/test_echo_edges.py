"""The echo sort against the per-row merge, at the edges: each scenario ends with a package
to import, which is taken into two copies of the receiving office, with and without the bulk
sort (`sync_apply._echoes`); the databases must come out equal, and no edit may be lost.

A local edit put back (same content, a newer version of ours), a package taken twice, a late
personal package carrying echoes, an erasure at the branch crossing HQ's return package, a
deleted case echoed, a conflict open at HQ while the branch's full package echoes HQ's rows.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop_app.services import (
    database,
    inquiries,
    retention,
    sync_apply,
    sync_import,
    sync_row_merge,
)
from tests.actors import actor_for
from tests.retention.conftest import ADMIN
from tests.sync import test_personal_field_flows as flows
from tests.sync.conftest import dump
from tests.sync.test_return_package import _counts, _exact

desk = flows.desk  # the flows' offices, with the package password (a fixture)


def _both_ways(
    desk: flows.Desk, monkeypatch: pytest.MonkeyPatch, office: str, packages: list[Path]
) -> tuple[list[dict[str, Any]], int]:
    """Take `packages` in turn into `office` and into a copy of it with the bulk sort off;
    the two databases must be equal. The reports, and how many rows the bulk sort took."""
    copy = desk.folder / f"{office}-per-row.sqlite3"
    desk.db[office].dispose()
    shutil.copyfile(desk.db[office].path, copy)
    desk.db[office] = database.connect(desk.db[office].path)
    per_row_db = database.connect(copy)
    sorted_out: list[int] = []
    # a merge's new version is stamped with the time: the same in both runs
    now = sync_row_merge.utc_now()
    monkeypatch.setattr(sync_row_merge, "utc_now", lambda: now)
    bulk = sync_apply._echoes

    def counted(*args: Any) -> dict[str, Any]:
        found = bulk(*args)
        sorted_out.append(len(found))
        return found

    try:
        monkeypatch.setattr(sync_apply, "_echoes", counted)
        fast = [desk.take(office, package) for package in packages]
        monkeypatch.setattr(sync_apply, "_echoes", lambda *args: {})
        actor = actor_for(office.lower())
        slow = [
            sync_import.import_sync(per_row_db, [package], actor=actor).to_json()
            for package in packages
        ]
    finally:
        per_row_db.dispose()
        monkeypatch.setattr(sync_apply, "_echoes", bulk)
    assert [_counts(report) for report in fast] == [_counts(report) for report in slow]
    assert _exact(desk.db[office].path) == _exact(copy)
    return fast, sum(sorted_out)


def _echoed_back(desk: flows.Desk, *, personal: bool) -> tuple[str, str]:
    """Two cases SHIBA took down, in SHIBA's package at HQ: (one, other)."""
    one, other = desk.take_down("SHIBA"), desk.take_down("SHIBA", "03-5555-0177")
    flows._quiet(desk.carry("SHIBA", "HQ", personal=personal))
    return one, other


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_a_local_edit_put_back_keeps_its_newer_version(desk, monkeypatch, personal):
    """The branch changes a case's 件名 and back after sending it: the same content as HQ's
    echo, in a newer version of the branch's. Not an echo (the versions differ); the branch's
    version stays and travels."""
    one, _other = _echoed_back(desk, personal=personal)
    subject = desk.record("SHIBA", one)["subject"]
    desk.change("SHIBA", one, subject="いったん直した件名")
    desk.change("SHIBA", one, subject=subject)
    rev = desk.record("SHIBA", one)["rev"]
    back = desk.write("HQ", "SHIBA", personal=personal, full=True)

    (report,), bulk = _both_ways(desk, monkeypatch, "SHIBA", [back])

    flows._quiet(report)
    assert bulk >= 3  # both inquirers and the other case
    assert desk.record("SHIBA", one)["rev"] == rev
    flows._quiet(desk.carry("SHIBA", "HQ", personal=personal))
    assert desk.record("HQ", one)["rev"] == rev


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_a_return_package_taken_twice_is_unchanged_the_second_time(desk, monkeypatch, personal):
    _echoed_back(desk, personal=personal)
    back = desk.write("HQ", "SHIBA", personal=personal, full=True)

    (first, second), bulk = _both_ways(desk, monkeypatch, "SHIBA", [back, back])

    assert bulk == 4 and first["unchanged"] == 4, first
    assert second["packages"][0]["already_imported"], second


def _late_with_echoes(desk: flows.Desk, receipt: str) -> tuple[str, Path, Path]:
    """A second case at SHIBA sent to HQ with the shared `receipt`; HQ's number for `receipt`
    in a full personal package, then its 備考 in a plain one: (the other case, the personal
    package, the plain one), neither taken yet."""
    other = desk.take_down("SHIBA", "03-5555-0177")
    flows._quiet(desk.carry("SHIBA", "HQ", personal=True))
    desk.change("HQ", receipt, phone=flows.LATE)
    late = desk.write("HQ", "SHIBA", personal=True, full=True)
    desk.change("HQ", receipt, notes="本庁のメモ")
    return other, late, desk.write("HQ", "SHIBA")


def test_a_late_personal_package_with_echoes_of_the_receiver_s_rows(desk, monkeypatch):
    """HQ's personal package (a number typed at HQ) is overtaken by its plain one; it also
    carries the branch's other case back as the branch sent it. The late row's number is
    merged, the echoes sorted out, the plain package's 備考 stays."""
    receipt = flows._shared(desk)
    other, late, plain = _late_with_echoes(desk, receipt)
    flows._quiet(desk.take("SHIBA", plain))

    (report,), bulk = _both_ways(desk, monkeypatch, "SHIBA", [late])

    flows._quiet(report)
    assert bulk >= 2
    assert desk.phone("SHIBA", receipt) == flows.LATE
    assert desk.record("SHIBA", receipt)["inquirer"]["notes"] == "本庁のメモ"
    assert desk.phone("SHIBA", other) == "03-5555-0177"
    assert desk.agree_on_phone(receipt) == flows.LATE


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_an_erasure_at_the_branch_crossing_hq_s_return_package(desk, monkeypatch, personal):
    """HQ echoes a closed case back while the branch's retention erases its inquirer: the
    erasure stays (the echo is older than nothing, but its personal values are set aside)."""
    receipt = flows._closed_case(desk)
    back = desk.write("HQ", "SHIBA", personal=personal, full=True)
    assert retention.apply(desk.db["SHIBA"], actor=ADMIN, today=flows.TODAY).erased == 1

    (report,), _bulk = _both_ways(desk, monkeypatch, "SHIBA", [back])

    flows._quiet(report)
    assert flows._blank(desk.phone("SHIBA", receipt))
    flows._quiet(desk.carry("SHIBA", "HQ", personal=True))
    assert flows._blank(desk.phone("HQ", receipt))


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_an_erasure_at_hq_reaching_the_branch_with_echoes(desk, monkeypatch, personal):
    """HQ's retention erases a shared case's inquirer; its return package carries that erasure
    and the branch's other cases back: the erasure is taken, not sorted out as an echo."""
    receipt = flows._closed_case(desk)
    other = desk.take_down("SHIBA", "03-5555-0177")
    flows._quiet(desk.carry("SHIBA", "HQ", personal=True))
    assert retention.apply(desk.db["HQ"], actor=ADMIN, today=flows.TODAY).erased == 1
    back = desk.write("HQ", "SHIBA", personal=personal, full=True)

    (report,), bulk = _both_ways(desk, monkeypatch, "SHIBA", [back])

    flows._quiet(report)
    assert bulk >= 1
    assert flows._blank(desk.phone("SHIBA", receipt))
    assert desk.phone("SHIBA", other) == "03-5555-0177"


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_a_case_deleted_at_the_branch_and_echoed_back(desk, monkeypatch, personal):
    """The branch deletes a case it had sent; HQ's full return package carries the tombstone
    back (after taking it) or the case as it was (before): either way the deletion stays."""
    one, other = _echoed_back(desk, personal=personal)
    inquiries.delete_inquiry(desk.db["SHIBA"], one, actor=actor_for("shiba"))
    before = desk.write("HQ", "SHIBA", personal=personal, full=True)
    flows._quiet(desk.carry("SHIBA", "HQ", personal=personal))
    after = desk.write("HQ", "SHIBA", personal=personal, full=True)

    reports, _bulk = _both_ways(desk, monkeypatch, "SHIBA", [before, after])

    for report in reports:
        flows._quiet(report)
    with pytest.raises(Exception):  # noqa: B017, PT011 - gone, whichever error says so
        desk.record("SHIBA", one)
    assert desk.record("SHIBA", other)["receipt_no"] == other


def test_a_branch_s_full_package_while_a_conflict_is_open_at_hq(desk, monkeypatch):
    """Crossing number edits are a conflict at HQ; the branch's full package then carries the
    waiting row and HQ's other rows back: the open conflict's row is not sorted out."""
    receipt = flows._crossing_phone_edits(desk)
    assert len(desk.open_conflicts()) == 1
    flows._quiet(desk.carry("HQ", "SHIBA", personal=True))
    full = desk.write("SHIBA", "HQ", personal=True, full=True)

    (report,), _bulk = _both_ways(desk, monkeypatch, "HQ", [full])

    assert len(desk.open_conflicts()) == 1
    assert desk.phone("HQ", receipt) != desk.phone("SHIBA", receipt)


def test_a_late_personal_package_reaching_a_branch_that_erased_the_inquirer(desk, monkeypatch):
    """HQ's number travels in a personal package overtaken by its plain one; the branch's
    retention erases the inquirer before the late package arrives: the erasure stays, and its
    other case comes back as an echo."""
    receipt = flows._closed_case(desk)
    other, late, plain = _late_with_echoes(desk, receipt)
    flows._quiet(desk.take("SHIBA", plain))
    assert retention.apply(desk.db["SHIBA"], actor=ADMIN, today=flows.TODAY).erased == 1

    (report,), bulk = _both_ways(desk, monkeypatch, "SHIBA", [late])

    flows._quiet(report)
    assert bulk >= 2
    assert flows._blank(desk.phone("SHIBA", receipt))
    assert desk.phone("SHIBA", other) == "03-5555-0177"
    flows._quiet(desk.carry("SHIBA", "HQ", personal=True))
    assert flows._blank(desk.phone("HQ", receipt))
    assert flows._blank(desk.agree_on_phone(receipt))


def _traces(path: Path, value: str) -> list[str]:
    """The exchange tables in which `value` is stored."""
    with sqlite3.connect(path) as conn:
        found = [
            table
            for table in ("inquirer", "sync_base", "conflict")
            if any(value in str(row) for row in conn.execute(f"SELECT * FROM {table}"))
        ]
    conn.close()
    return found


@pytest.mark.parametrize("sender", ["SHIBA", "HQ"])
def test_a_late_personal_package_after_the_sender_s_erasure_brings_nothing_back(
    desk, monkeypatch, sender
):
    """The sender's number travels in a personal package held back on the way; the sender's
    retention then erases the inquirer, and its plain package carries the erasure first. The
    late number must not come back at the receiver, nor stay in its bookkeeping."""
    receiver = flows._peer(sender)
    receipt = flows._closed_case(desk)
    desk.change(sender, receipt, phone=flows.LATE)
    late = desk.write(sender, receiver, personal=True, full=True)
    assert retention.apply(desk.db[sender], actor=ADMIN, today=flows.TODAY).erased == 1
    flows._quiet(desk.carry(sender, receiver))
    assert flows._blank(desk.phone(receiver, receipt))

    (report,), _bulk = _both_ways(desk, monkeypatch, receiver, [late])

    flows._quiet(report)
    assert flows._blank(desk.phone(receiver, receipt))
    assert _traces(desk.db[receiver].path, flows.LATE) == []
    assert flows._blank(desk.agree_on_phone(receipt))


def test_a_dry_run_of_the_plain_package_then_the_late_one_reports_the_real_run(desk):
    """A branch given HQ's plain package and the personal one it overtook, in that order, in
    one dry run: the late row is reported as the real run takes it, and nothing changes."""
    receipt = flows._shared(desk)
    other, late, plain = _late_with_echoes(desk, receipt)
    before = dump(desk.db["SHIBA"].path)
    actor = actor_for("shiba")

    dry = sync_import.import_sync(desk.db["SHIBA"], [plain, late], actor=actor, dry_run=True)

    assert dump(desk.db["SHIBA"].path) == before
    real = sync_import.import_sync(desk.db["SHIBA"], [plain, late], actor=actor)
    assert [_counts({"packages": [p]}) for p in dry.to_json()["packages"]] == [
        _counts({"packages": [p]}) for p in real.to_json()["packages"]
    ]
    assert desk.phone("SHIBA", receipt) == flows.LATE
    assert desk.phone("SHIBA", other) == "03-5555-0177"


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_an_erased_inquirer_echoed_back_keeps_no_personal_value(desk, monkeypatch, personal):
    """The branch's erasure, taken at HQ, comes back in HQ's full return package: an echo,
    remembered as received without personal values."""
    receipt = flows._closed_case(desk)
    assert retention.apply(desk.db["SHIBA"], actor=ADMIN, today=flows.TODAY).erased == 1
    flows._quiet(desk.carry("SHIBA", "HQ", personal=personal))
    back = desk.write("HQ", "SHIBA", personal=personal, full=True)

    (report,), bulk = _both_ways(desk, monkeypatch, "SHIBA", [back])

    flows._quiet(report)
    assert bulk >= 2
    assert flows._blank(desk.phone("SHIBA", receipt))
    assert _traces(desk.db["SHIBA"].path, flows.P0) == []


@pytest.mark.parametrize("personal", [True, False], ids=["personal", "plain"])
def test_a_branch_s_full_package_echoes_hq_s_versions_back(desk, monkeypatch, personal):
    """HQ's edits (a 件名, a number) taken at the branch come back to HQ in the branch's full
    package, with a 備考 the branch typed since: echoes at HQ, the 備考 taken."""
    one, other = _echoed_back(desk, personal=personal)
    desk.change("HQ", one, subject="本庁で直した件名")
    desk.change("HQ", other, phone="03-5555-0999")
    flows._quiet(desk.carry("HQ", "SHIBA", personal=personal))
    desk.change("SHIBA", other, notes="支所で追記")
    full = desk.write("SHIBA", "HQ", personal=personal, full=True)

    (report,), bulk = _both_ways(desk, monkeypatch, "HQ", [full])

    flows._quiet(report)
    assert bulk >= 1
    assert desk.record("HQ", one)["subject"] == "本庁で直した件名"
    assert desk.phone("HQ", other) == "03-5555-0999"
    assert desk.record("HQ", other)["inquirer"]["notes"] == "支所で追記"
