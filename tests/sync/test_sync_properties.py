"""Properties of the exchange over two branches and the central office, checked by hypothesis.

Real databases throughout (copied from templates, so each example starts clean). The number of
examples is kept small for `make test`; RENKEI_SYNC_EXAMPLES raises it for a deeper run.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import os
import re
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
)

from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services import conflicts, database, inquiries, sync_export, sync_import
from tests.actors import actor_for
from tests.sync.conftest import dump

EXAMPLES = int(os.environ.get("RENKEI_SYNC_EXAMPLES", "12"))
# The state machine: a few examples for `make test`; RENKEI_SYNC_MACHINE_EXAMPLES=40 is the 10x run.
MACHINE_EXAMPLES = int(os.environ.get("RENKEI_SYNC_MACHINE_EXAMPLES", "4"))
MACHINE_STEPS = int(os.environ.get("RENKEI_SYNC_MACHINE_STEPS", "25"))
_MISSING = re.compile(r"(\w+) の送付ファイル (\d+) が未取込です")
PASSWORD = "minato-shared-secret-2026"
TODAY = dt.date(2026, 11, 1)
FIELDS = {
    "subject": st.sampled_from(["物産展", "防災訓練", "移住相談会", "職員交流"]),
    "content": st.sampled_from(["", "電話で相談", "来所して相談", "メールで照会"]),
    "channel": st.sampled_from(["phone", "visit", "email"]),
    "step": st.sampled_from(["1_inform", "2_connect", "3_selfrun"]),
}
edits = st.dictionaries(st.sampled_from(sorted(FIELDS)), st.none(), max_size=4).flatmap(
    lambda keys: st.fixed_dictionaries({key: FIELDS[key] for key in keys})
)
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Offices:
    """Fresh databases for HQ, SHIBA and AZABU in a folder of their own."""

    def __init__(self, templates: dict[str, Path]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="renkei-sync-"))
        self.db = {}
        for code, template in templates.items():
            shutil.copyfile(template, self.folder / f"{code}.sqlite3")
            self.db[code] = database.connect(self.folder / f"{code}.sqlite3")
        self.packages = 0

    def close(self) -> None:
        for db in self.db.values():
            db.dispose()
        shutil.rmtree(self.folder, ignore_errors=True)

    def send(self, source: str, target: str) -> dict[str, Any]:
        """Export from `source` to `target`, import it, and check a second import is a no-op."""
        self.packages += 1
        path = self.folder / f"{self.packages:03d}-{source}-{target}.xlsx"
        to = target if source == "HQ" else None
        sync_export.export_sync(
            self.db[source], path, actor=actor_for(source.lower()), to_office=to
        )
        report = sync_import.import_sync(
            self.db[target], [path], actor=actor_for(target.lower())
        ).to_json()
        assert report["warnings"] == [] and report["rejected"] == 0
        before = dump(self.db[target].path, audit=False)
        again = sync_import.import_sync(self.db[target], [path], actor=actor_for("x")).to_json()
        assert again["inserted"] == again["updated"] == again["merged"] == again["conflicts"] == 0
        assert dump(self.db[target].path, audit=False) == before
        return report

    def export(self, source: str, target: str, *, personal: bool, full: bool) -> Path:
        self.packages += 1
        path = self.folder / f"{self.packages:03d}-{source}-{target}.xlsx"
        sync_export.export_sync(
            self.db[source],
            path,
            actor=actor_for(source.lower()),
            to_office=target if source == "HQ" else None,
            include_personal=personal,
            full=full,
        )
        return path

    def take(self, target: str, path: Path) -> dict[str, Any]:
        """Import a package; only the warnings of lost or late packages are expected."""
        report = sync_import.import_sync(
            self.db[target], [path], actor=actor_for(target.lower())
        ).to_json()
        assert report["rejected"] == 0 and not report["packages"][0]["refused"], report
        assert all("未取込" in warning for warning in report["warnings"]), report
        return report

    def record(self, office: str, receipt: str) -> dict[str, Any]:
        return inquiries.get_inquiry(self.db[office], receipt, actor=actor_for("x")).to_json()

    def add_case(self, branch: str, subject: str) -> str:
        case = {"received_at": "2026-10-01", "subject": subject, "channel": "phone",
                "inquirer": {"type": "resident", "name": "鈴木 一郎"}}  # fmt: skip
        new = NewInquiry.read(case, today=TODAY)
        record = inquiries.add_inquiry(self.db[branch], new, actor=actor_for(branch.lower()))
        return record.receipt_no

    def edit(self, office: str, receipt: str, values: dict[str, Any]) -> None:
        inquiries.update_inquiry(
            self.db[office],
            InquiryChange.read(receipt, values, today=TODAY),
            actor=actor_for(office.lower()),
        )

    def personal_from(self, sender: str, receiver: str, number: int) -> bool:
        """Whether `sender` sent `receiver` a package with personal fields numbered `number` or
        later (a plain package cannot make good a lost one up to the last lost personal one)."""
        with sqlite3.connect(self.db[sender].path) as plain:
            row = plain.execute(
                "SELECT 1 FROM sync_package WHERE kind = 'sync' AND direction = 'export'"
                " AND from_office = ? AND to_office = ? AND sequence >= ? AND personal",
                (sender, receiver, number),
            ).fetchone()
        return row is not None

    def shared(self, office: str, receipt: str) -> dict[str, Any]:
        record = inquiries.get_inquiry(self.db[office], receipt, actor=actor_for("x")).to_json()
        record["inquirer"] = {
            k: v for k, v in record["inquirer"].items() if k not in PERSONAL_INQUIRER_FIELDS
        }
        return record


def _offices(templates: dict[str, Path]) -> Offices:
    return Offices(templates)


@PROFILE
@given(ours=edits, theirs=edits, take_theirs=st.booleans())
def test_concurrent_edits_conflict_exactly_where_both_changed_a_field(
    office_templates, ours, theirs, take_theirs
):
    offices = _offices(office_templates)
    try:
        receipt = offices.add_case("SHIBA", "最初の件名")
        offices.send("SHIBA", "HQ")
        base = offices.shared("HQ", receipt)
        if ours:
            offices.edit("SHIBA", receipt, ours)
        if theirs:
            offices.edit("HQ", receipt, theirs)
        branch_now, central_now = offices.shared("SHIBA", receipt), offices.shared("HQ", receipt)

        report = offices.send("SHIBA", "HQ")

        clashing = {
            key
            for key in FIELDS
            if branch_now[key] != base[key] != central_now[key] != branch_now[key]
        }
        open_ = conflicts.list_conflicts(offices.db["HQ"], actor=actor_for())
        assert report["conflicts"] == (1 if clashing else 0)
        assert {f.field for c in open_ for f in c.fields} == clashing
        merged = offices.shared("HQ", receipt)
        for key in FIELDS:
            if key in clashing:
                assert merged[key] == central_now[key]  # the local value stays until resolved
            elif branch_now[key] != base[key]:
                assert merged[key] == branch_now[key]  # a branch edit always arrives
            else:
                assert merged[key] == central_now[key]
        for conflict in open_:
            conflicts.resolve_conflict(
                offices.db["HQ"],
                conflict.id,
                keep="theirs" if take_theirs else "ours",
                actor=actor_for("s"),
            )
        back = offices.send("HQ", "SHIBA")
        assert back["conflicts"] == 0
        assert offices.shared("SHIBA", receipt) == offices.shared("HQ", receipt)
        offices.edit("SHIBA", receipt, {"subject": "解決後の直し"})
        onward = offices.send("SHIBA", "HQ")
        assert (onward["conflicts"], onward["merged"]) == (0, 0)
        assert offices.shared("HQ", receipt)["subject"] == "解決後の直し"
    finally:
        offices.close()


@PROFILE
@given(
    shiba=st.lists(edits.filter(bool), min_size=1, max_size=3),
    azabu=st.lists(edits.filter(bool), min_size=1, max_size=3),
)
def test_independent_packages_in_any_order_give_the_same_database(office_templates, shiba, azabu):
    offices = _offices(office_templates)
    try:
        paths = []
        cases = {
            "SHIBA": offices.add_case("SHIBA", "芝の相談"),
            "AZABU": offices.add_case("AZABU", "麻布の相談"),
        }
        for branch, steps in (("SHIBA", shiba), ("AZABU", azabu)):
            for number, values in enumerate(steps):
                offices.edit(branch, cases[branch], values)
                path = offices.folder / f"{branch}-{number}.xlsx"
                sync_export.export_sync(offices.db[branch], path, actor=actor_for("c"))
                paths.append(path)
        finals = []
        for attempt, order in enumerate(itertools.islice(itertools.permutations(paths), 3)):
            copy = offices.folder / f"hq-{attempt}.sqlite3"
            shutil.copyfile(office_templates["HQ"], copy)
            target = database.connect(copy)
            sync_import.import_sync(target, list(order), actor=actor_for("s"))
            finals.append(
                [
                    inquiries.get_inquiry(target, cases[b], actor=actor_for("x")).to_json()
                    for b in cases
                ]
            )
            target.dispose()
        assert all(final == finals[0] for final in finals)
        for branch, receipt in cases.items():
            at_hq = next(r for r in finals[0] if r["receipt_no"] == receipt)
            assert at_hq["subject"] == offices.shared(branch, receipt)["subject"]
    finally:
        offices.close()


class Reference:
    """What each field must end as, kept apart from the merge code.

    Every value a person typed (or a case was born with) is an edit. An edit replaces exactly
    what its person saw in that field at that office; a supervisor's resolution replaces the
    side not chosen. An edit nobody replaced is live, and must survive: once every office has
    sent and taken every package, each field holds the value of its live edits, and they all
    have one value (two live values would mean one was silently lost).
    """

    def __init__(self) -> None:
        self.live: dict[tuple[str, str], set[Any]] = {}

    def born(self, receipt: str, values: dict[str, Any]) -> None:
        for key, value in values.items():
            self.live[(receipt, key)] = {value}

    def edited(self, receipt: str, key: str, saw: Any, value: Any) -> None:
        if value == saw:
            return  # the value it already had: no edit at all
        live = self.live.setdefault((receipt, key), set())
        live.discard(saw)
        live.add(value)

    def resolved(self, receipt: str, key: str, chosen: Any, other: Any) -> None:
        # The side not chosen is replaced; the chosen value stays as live as it was (a value
        # its office has replaced since is not brought back by being chosen).
        if chosen != other:
            self.live.setdefault((receipt, key), set()).discard(other)

    def expected(self, receipt: str, key: str) -> set[Any]:
        return self.live.get((receipt, key), set())


SEEN: collections.Counter[str] = collections.Counter()  # what the machine made happen


def _saw(what: str) -> None:
    """Count it (the run prints the counts) and tell hypothesis (its statistics)."""
    SEEN[what] += 1
    event(what)


TRACKED = ("subject", "content", "step", "inquirer.phone", "inquirer.email")
NOT_PERSONAL = TRACKED[:3]  # what plain packages carry
STEP_CODES = ("1_inform", "2_connect", "3_selfrun")
_serial = itertools.count(1)


def _reverse_rows(path: Path) -> None:
    """Sort every data sheet in reverse row order and save, as a spreadsheet program would."""
    book = openpyxl.load_workbook(path)
    for title in ("相談者", "受付", "対応履歴"):
        sheet = book[title]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        for r, values in enumerate(reversed(rows), start=2):
            for c, value in enumerate(values, start=1):
                sheet.cell(r, c).value = value
    book.save(path)


def _value_of(record: dict[str, Any], key: str) -> Any:
    if key.startswith("inquirer."):
        return record["inquirer"].get(key.split(".", 1)[1]) or ""
    return record[key] if record[key] is not None else ""


class ThreeOffices(RuleBasedStateMachine):
    """Two branches and the centre working as offices do, checked against `Reference`.

    Packages are written and carried separately, so they cross, arrive in any order, may be
    lost, carry personal fields or not; return packages are written while conflicts are open; a
    supervisor resolves ours, theirs or per field at any time. `settle` then delivers everything
    and exchanges plain packages both ways, resolving, until a round changes nothing: the
    packages after a lost one must have made it good, so every office holds the same values
    before any full package, and each field the value of its live edits. Personal packages (not
    full) then bring the personal fields, which travel in nothing else, until a round changes
    nothing, and the check is repeated; a full personal round after it must change nothing.
    """

    templates: dict[str, Path] = {}
    cases = Bundle("cases")

    @initialize()
    def open_offices(self) -> None:
        self.offices = Offices(self.templates)
        self.known: dict[str, str] = {}  # receipt -> branch
        self.reference = Reference()
        self.in_transit: list[tuple[str, Path]] = []  # (office it is for, file)
        self.held: dict[str, set[Any]] = {}  # receipt -> 段階 codes held at any office

    def teardown(self) -> None:
        """Every run ends settled and checked, whatever it did last."""
        try:
            if hasattr(self, "offices"):
                # the bag in reverse (the last written first), choices alternating
                choices = itertools.cycle(["theirs", "ours"])
                self._settle(range(len(self.in_transit))[::-1], lambda: next(choices))
        finally:
            if hasattr(self, "offices"):
                self.offices.close()

    # --- what people do ---------------------------------------------------------------------

    @precondition(lambda self: len(self.known) < 3)
    @rule(target=cases, branch=st.sampled_from(["SHIBA", "AZABU"]), share=st.booleans())
    def add_case(self, branch: str, share: bool) -> str:
        """A new case; shared at once (its package taken at HQ) or left for a later package."""
        _saw("rule add_case")
        receipt = self.offices.add_case(branch, f"件名{next(_serial)}")
        self.known[receipt] = branch
        record = self.offices.record(branch, receipt)
        self.reference.born(receipt, {key: _value_of(record, key) for key in TRACKED})
        if share:
            self.offices.take("HQ", self.offices.export(branch, "HQ", personal=False, full=False))
        self._note_held(branch)
        self._note_held("HQ")
        return receipt

    @rule(
        receipt=cases,
        keys=st.lists(st.sampled_from(TRACKED), min_size=1, max_size=3, unique=True),
        step=FIELDS["step"],
        at_centre=st.booleans(),
    )
    def edit(self, receipt: str, keys: list[str], step: str, at_centre: bool) -> None:
        _saw("rule edit")
        office = "HQ" if at_centre and self._at_hq(receipt) else self.known[receipt]
        saw = self.offices.record(office, receipt)
        values: dict[str, Any] = {}
        for key in keys:
            values[key] = step if key == "step" else f"{key.split('.')[-1]}{next(_serial)}"
        if "step" in values:
            # 段階 has three codes. The merge compares values with the base, so an office that
            # goes back to a code it held (A → B → A) has "not changed" it, while the reference
            # (which tells edits apart by value) would count a live edit: an office's 段階 edit
            # therefore types a code it never held for that case, or is left out. Nor one another
            # office held: the reference tells edits apart by value, so an office replacing its
            # own 自走 would also count as replacing a branch's 自走 typed meanwhile, and a
            # resolution choosing the branch's would look like a lost edit.
            held = self.held.setdefault(receipt, set())
            held.add(_value_of(saw, "step"))
            fresh = [code for code in STEP_CODES if code not in held]
            if fresh:
                values["step"] = step if step in fresh else fresh[0]
                held.add(values["step"])
            else:
                del values["step"]
                _saw("段階 edit left out: every code held")
        if not values:
            return
        if "inquirer.phone" in values:
            values["inquirer.phone"] = f"03-{next(_serial):04d}-0000"
        if "inquirer.email" in values:
            values["inquirer.email"] = f"desk{next(_serial)}@example.jp"
        changes: dict[str, Any] = {k: v for k, v in values.items() if "." not in k}
        personal = {k.split(".", 1)[1]: v for k, v in values.items() if "." in k}
        if personal:
            changes["inquirer"] = personal
        self.offices.edit(office, receipt, changes)
        for key, value in values.items():
            self.reference.edited(receipt, key, _value_of(saw, key), value)

    @rule(
        receipt=cases,
        at_centre=st.lists(st.sampled_from(TRACKED[:3]), min_size=1, max_size=2, unique=True),
        at_branch=st.lists(st.sampled_from(TRACKED[:3]), min_size=1, max_size=2, unique=True),
        step=FIELDS["step"],
    )
    def cross(self, receipt: str, at_centre: list[str], at_branch: list[str], step: str) -> None:
        """Both offices edit the case and write their packages before either arrives."""
        _saw("rule cross")
        branch = self.known[receipt]
        if not self._at_hq(receipt):
            self.offices.take("HQ", self.offices.export(branch, "HQ", personal=False, full=True))
            self._note_held("HQ")
        self.edit(receipt, at_centre, step, True)
        self.edit(receipt, at_branch, "3_selfrun" if step != "3_selfrun" else "1_inform", False)
        self.write_package(branch, upward=False, personal=False, sort=False)
        self.write_package(branch, upward=True, personal=False, sort=True)

    @rule(
        receipt=cases,
        key=st.sampled_from(TRACKED[:2]),
        upward=st.booleans(),
    )
    def clash(self, receipt: str, key: str, upward: bool) -> None:
        """Both offices change the same field differently: a conflict on its way, mid-run."""
        _saw("rule clash")
        if not self._at_hq(receipt):
            return
        self.edit(receipt, [key], "1_inform", True)
        self.edit(receipt, [key], "1_inform", False)
        self.write_package(self.known[receipt], upward=upward, personal=False, sort=False)

    @rule(
        branch=st.sampled_from(["SHIBA", "AZABU"]),
        upward=st.booleans(),
        personal=st.booleans(),
        sort=st.booleans(),
    )
    def write_package(self, branch: str, upward: bool, personal: bool, sort: bool = False) -> None:
        """A package written and put in the bag: it travels later, crossing others.

        One without personal fields may be sorted on the way, as a person may (rows in reverse).
        """
        _saw("rule write_package")
        source, target = (branch, "HQ") if upward else ("HQ", branch)
        open_ = conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for())
        _saw(f"written while conflicts open: {bool(open_) and not upward}")
        path = self.offices.export(source, target, personal=personal, full=False)
        if sort and not personal:
            _reverse_rows(path)
            _saw("a package sorted on the way")
        self.in_transit.append((target, path))

    @precondition(lambda self: bool(self.in_transit))
    @rule(data=st.data())
    def deliver(self, data: st.DataObject) -> None:
        _saw("rule deliver")
        if self.in_transit:
            index = data.draw(st.integers(0, len(self.in_transit) - 1), label="package")
            target, path = self.in_transit.pop(index)
            report = self.offices.take(target, path)
            self._note_held(target)
            _saw(
                f"delivered: conflicts={bool(report['conflicts'])} merged={bool(report['merged'])}"
            )
            _saw(f"delivered out of order: {index != 0}")

    @precondition(lambda self: bool(self.in_transit))
    @rule(data=st.data())
    def lose(self, data: st.DataObject) -> None:
        _saw("rule lose")
        if self.in_transit:
            index = data.draw(st.integers(0, len(self.in_transit) - 1), label="lost")
            self.in_transit.pop(index)
            _saw("a package lost")

    @precondition(lambda self: conflicts.open_count(self.offices.db["HQ"]) > 0)
    @rule(data=st.data())
    def resolve_one(self, data: st.DataObject) -> None:
        _saw("rule resolve_one")
        open_ = conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for())
        if open_:
            conflict = data.draw(st.sampled_from(open_), label="conflict")
            keep = data.draw(st.sampled_from(["ours", "theirs"]), label="keep")
            names = [f.field for f in conflict.fields]
            take = data.draw(st.lists(st.sampled_from(names), unique=True), label="take")
            self._resolve(conflict, keep, take)
            _saw(f"resolved {keep} taking {len(take)} of {len(names)}")

    def _settle(self, order: Sequence[int], keep: Callable[[], str]) -> None:
        bag, self.in_transit = self.in_transit, []
        for index in order:
            self.offices.take(*bag[index])
        self._exchange_until_quiet(keep, personal=False)
        self._agree(personal=False)
        # Personal fields travel only in personal packages: the offices' next ones (not full)
        # bring every personal value, whatever crossed, arrived late or was lost on the way.
        self._exchange_until_quiet(keep, personal=True)
        self._agree(personal=True)
        # A full personal round each way then finds nothing to change, nothing to decide.
        for source, target in (("SHIBA", "HQ"), ("AZABU", "HQ"), ("HQ", "SHIBA"), ("HQ", "AZABU")):
            report = self.offices.take(
                target, self.offices.export(source, target, personal=True, full=True)
            )
            assert report["warnings"] == [], report
            assert not any(report[what] for what in ("inserted", "updated", "merged")), report
            assert not report["conflicts"], report
        self._agree(personal=True)

    def _exchange_until_quiet(
        self, keep: Callable[[], str], *, personal: bool, rounds: int = 6
    ) -> None:
        """Packages (not full; with personal fields or not) both ways, resolving what is open,
        until a round changes nothing and warns of nothing but, for plain packages, lost ones up
        to one with personal fields: the others must have been made good by the packages that
        followed them (services/sync_acks), with no full package."""
        for _round in range(rounds):
            taken = [
                (
                    "HQ",
                    self.offices.take(
                        "HQ", self.offices.export(b, "HQ", personal=personal, full=False)
                    ),
                )
                for b in ("SHIBA", "AZABU")
            ]
            self._no_conflict_that_no_longer_differs()
            open_ = conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for())
            for conflict in open_:
                _saw("settle resolved a conflict")
                self._resolve(conflict, keep(), [])
            taken += [
                (
                    b,
                    self.offices.take(
                        b, self.offices.export("HQ", b, personal=personal, full=False)
                    ),
                )
                for b in ("SHIBA", "AZABU")
            ]
            reports = [report for _office, report in taken]
            for report in reports:
                if any("補われました" in note for p in report["packages"] for note in p["notes"]):
                    _saw("settle: a lost package made good by a plain one")
            changed = sum(
                report[what]
                for report in reports
                for what in ("inserted", "updated", "merged", "conflicts")
            )
            if personal and not open_ and not changed:
                assert all(report["warnings"] == [] for report in reports), reports
                return
            if not open_ and not changed and self._only_personal_still_missing(taken):
                return
        raise AssertionError(f"plain packages did not settle in {rounds} rounds: {reports}")

    def _only_personal_still_missing(self, taken: list[tuple[str, dict[str, Any]]]) -> bool:
        """No package is still missing but lost ones up to a lost one with personal fields: a
        package without them cannot make those good (services/sync_acks.start), the personal
        round does."""
        for receiver, report in taken:
            for warning in report["warnings"]:
                missing = _MISSING.fullmatch(warning)
                assert missing, warning
                if not self.offices.personal_from(missing[1], receiver, int(missing[2])):
                    return False
                _saw("settle: a lost personal package waits for the personal round")
        return True

    # --- helpers -----------------------------------------------------------------------------

    def _note_held(self, office: str) -> None:
        """Remember the 段階 each case holds at `office` now (see `edit`)."""
        for receipt in self.known:
            if office == "HQ" and not self._at_hq(receipt):
                continue
            if office in ("HQ", self.known[receipt]):
                value = _value_of(self.offices.record(office, receipt), "step")
                self.held.setdefault(receipt, set()).add(value)

    def _at_hq(self, receipt: str) -> bool:
        try:
            inquiries.get_inquiry(self.offices.db["HQ"], receipt, actor=actor_for("x"))
        except Exception:  # noqa: BLE001 - not there yet
            return False
        return True

    def _resolve(self, conflict: Any, keep: str, take: list[str]) -> None:
        receipt = conflict.receipt_no
        for item in conflict.fields:
            key = "inquirer." + item.field if conflict.entity == "inquirer" else item.field
            theirs_chosen = keep == "theirs" or item.field in take
            chosen, other = (item.theirs, item.ours) if theirs_chosen else (item.ours, item.theirs)
            if key in TRACKED and receipt is not None:
                self.reference.resolved(receipt, key, chosen or "", other or "")
        conflicts.resolve_conflict(
            self.offices.db["HQ"], conflict.id, keep=keep, take=take, actor=actor_for("s")
        )

    def _no_conflict_that_no_longer_differs(self) -> None:
        for conflict in conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for()):
            assert any(f.ours != f.theirs for f in conflict.fields), conflict

    def _agree(self, *, personal: bool) -> None:
        """Every office holds the same values, each field those of its live edits (personal
        fields only once personal packages have travelled)."""
        assert conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for()) == []
        for office in ("SHIBA", "AZABU"):
            assert conflicts.list_conflicts(self.offices.db[office], actor=actor_for()) == []
        for receipt, branch in self.known.items():
            at_branch = self.offices.record(branch, receipt)
            at_hq = self.offices.record("HQ", receipt)
            for key in TRACKED if personal else NOT_PERSONAL:
                assert _value_of(at_branch, key) == _value_of(at_hq, key), (
                    receipt, key, _value_of(at_branch, key), _value_of(at_hq, key),
                )  # fmt: skip
                live = self.reference.expected(receipt, key)
                assert {_value_of(at_hq, key)} == live, (receipt, key, _value_of(at_hq, key), live)
            assert self.offices.shared(branch, receipt) == self.offices.shared("HQ", receipt)


def test_three_offices_converge(office_templates, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", PASSWORD)
    ThreeOffices.templates = office_templates
    runner = ThreeOffices.TestCase
    runner.settings = settings(
        max_examples=MACHINE_EXAMPLES,
        stateful_step_count=MACHINE_STEPS,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    started = time.perf_counter()
    runner().runTest()
    print(f"state machine: {MACHINE_EXAMPLES} examples in {time.perf_counter() - started:.1f} s")
    print("\n".join(f"  {count:5d}  {what}" for what, count in sorted(SEEN.items())))
