"""Properties of the exchange over two branches and the central office, checked by hypothesis.

Real databases throughout (copied from templates, so each example starts clean). The number of
examples is kept small for `make test`; RENKEI_SYNC_EXAMPLES raises it for a deeper run.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
)

from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services import conflicts, database, inquiries, sync_export, sync_import
from tests.actors import actor_for
from tests.sync.conftest import dump

EXAMPLES = int(os.environ.get("RENKEI_SYNC_EXAMPLES", "12"))
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

    def add_case(self, branch: str, subject: str) -> str:
        record = inquiries.add_inquiry(
            self.db[branch],
            {"received_at": "2026-10-01", "subject": subject, "channel": "phone",
             "inquirer": {"type": "resident", "name": "鈴木 一郎"}},
            actor=actor_for(branch.lower()), today=TODAY,
        )  # fmt: skip
        return record.receipt_no

    def edit(self, office: str, receipt: str, values: dict[str, Any]) -> None:
        inquiries.update_inquiry(
            self.db[office], receipt, values, actor=actor_for(office.lower()), today=TODAY
        )

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


class ThreeOffices(RuleBasedStateMachine):
    """Random edits at two branches and the centre, packages both ways, resolutions at HQ.

    Whenever everything has been sent both ways with no conflict open, every office holds the
    same version of every case.
    """

    templates: dict[str, Path] = {}
    cases = Bundle("cases")

    @initialize()
    def open_offices(self) -> None:
        self.offices = Offices(self.templates)
        self.known: dict[str, str] = {}  # receipt -> branch
        self.at_hq: set[str] = set()
        self.quiet = True

    def teardown(self) -> None:
        self.offices.close()

    @rule(target=cases, branch=st.sampled_from(["SHIBA", "AZABU"]), subject=FIELDS["subject"])
    def add_case(self, branch: str, subject: str) -> str:
        receipt = self.offices.add_case(branch, subject)
        self.known[receipt] = branch
        self.quiet = False
        return receipt

    @rule(receipt=cases, values=edits.filter(bool), at_centre=st.booleans())
    def edit(self, receipt: str, values: dict[str, Any], at_centre: bool) -> None:
        office = "HQ" if at_centre and receipt in self.at_hq else self.known[receipt]
        self.offices.edit(office, receipt, values)
        self.quiet = False

    @rule(branch=st.sampled_from(["SHIBA", "AZABU"]))
    def send_up(self, branch: str) -> None:
        self.offices.send(branch, "HQ")
        self.at_hq |= {r for r, b in self.known.items() if b == branch}

    @rule(branch=st.sampled_from(["SHIBA", "AZABU"]))
    def send_down(self, branch: str) -> None:
        self.offices.send("HQ", branch)

    @rule(keep=st.sampled_from(["ours", "theirs"]))
    def resolve_all(self, keep: str) -> None:
        for conflict in conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for()):
            conflicts.resolve_conflict(
                self.offices.db["HQ"], conflict.id, keep=keep, actor=actor_for("s")
            )

    @rule()
    def settle(self) -> None:
        """Send everything both ways until no conflict is open; then all agree."""
        self.resolve_all("theirs")
        for branch in ("SHIBA", "AZABU"):
            self.send_up(branch)
        self.resolve_all("theirs")
        for branch in ("SHIBA", "AZABU"):
            self.send_down(branch)
        self.quiet = True

    @invariant()
    def settled_offices_agree(self) -> None:
        if not getattr(self, "quiet", False) or not hasattr(self, "offices"):
            return
        assert conflicts.list_conflicts(self.offices.db["HQ"], actor=actor_for()) == []
        for receipt, branch in self.known.items():
            assert self.offices.shared(branch, receipt) == self.offices.shared("HQ", receipt)


def test_three_offices_converge(office_templates):
    ThreeOffices.templates = office_templates
    runner = ThreeOffices.TestCase
    runner.settings = settings(
        max_examples=max(3, EXAMPLES // 3),
        stateful_step_count=12,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    runner().runTest()
