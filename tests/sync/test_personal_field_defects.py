"""Two former defects of personal fields in the exchange, replayed step by step.

Both were found by the state machine (`test_three_offices_converge`, 40 examples: seeds 8 and
9) and both need a package with personal fields to cross plain ones. They were fixed by naming
the personal fields' merge base on its own (`_seen_personal`, docs/sync-format.md, "The
personal fields' merge base is named on its own"); each failed before.

1. A conflict on a personal field, resolved at HQ, comes back: the resolution reaches the
   branch in a package without personal fields, so the branch keeps its own value, and its next
   package with personal fields meets HQ's resolved version as the same conflict again. The
   supervisor is asked twice; a different second answer brings back the value the first one
   replaced.
2. A phone number typed at HQ is lost without a conflict: HQ's package with personal fields
   meets the branch's own unsent edit of the number, so the branch keeps its row whole and
   waits; HQ's next package without personal fields is taken, and the branch's next package
   with personal fields names HQ's newest version as the one it includes. HQ believes the
   branch held HQ's number (it was sent, in the package the branch waited on) and takes the
   branch's number as a later edit.
"""

from __future__ import annotations

import tests.sync.test_sync_properties as machine
from desktop_app.services import conflicts
from tests.actors import actor_for


def test_a_resolved_personal_conflict_does_not_come_back(office_templates, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", machine.PASSWORD)
    monkeypatch.setattr(machine, "event", lambda _what: None)  # outside a hypothesis run
    machine.ThreeOffices.templates = office_templates
    state = machine.ThreeOffices()
    state.open_offices()
    state.write_package(branch="SHIBA", personal=False, sort=False, upward=False)
    case_0 = state.add_case(branch="AZABU", share=True)
    state.cross(
        at_branch=["step", "content"], at_centre=["subject", "content"], receipt=case_0,
        step="1_inform",
    )  # fmt: skip
    state.write_package(branch="AZABU", personal=True, sort=False, upward=True)
    state.edit(at_centre=False, keys=["inquirer.phone"], receipt=case_0, step="1_inform")
    state.write_package(branch="AZABU", personal=True, sort=False, upward=True)
    state.edit(
        at_centre=True, keys=["inquirer.phone", "step", "content"], receipt=case_0,
        step="2_connect",
    )  # fmt: skip
    state.edit(at_centre=True, keys=["step"], receipt=case_0, step="1_inform")
    state.write_package(branch="SHIBA", personal=False, sort=False, upward=False)
    case_1 = state.add_case(branch="AZABU", share=True)
    case_2 = state.add_case(branch="AZABU", share=False)
    state.cross(at_branch=["content"], at_centre=["content"], receipt=case_2, step="1_inform")
    state.clash(key="subject", receipt=case_0, upward=False)
    state.write_package(branch="AZABU", personal=False, sort=True, upward=True)
    state.clash(key="content", receipt=case_0, upward=True)
    state.edit(at_centre=True, keys=["step", "content"], receipt=case_0, step="3_selfrun")
    state.write_package(branch="AZABU", personal=False, sort=True, upward=True)
    state.clash(key="content", receipt=case_2, upward=True)
    state.cross(
        at_branch=["subject"], at_centre=["subject", "content"], receipt=case_2, step="1_inform"
    )
    state.write_package(branch="SHIBA", personal=False, sort=False, upward=True)
    state.write_package(branch="AZABU", personal=False, sort=True, upward=False)
    state.clash(key="content", receipt=case_0, upward=True)
    state.clash(key="subject", receipt=case_1, upward=True)
    state.write_package(branch="SHIBA", personal=False, sort=True, upward=False)

    state.teardown()  # settles, resolving alternately, and checks every live edit held


def test_an_hq_phone_edit_survives_a_branch_that_waited_on_it(office_templates, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", machine.PASSWORD)
    monkeypatch.setattr(machine, "event", lambda _what: None)  # outside a hypothesis run
    machine.ThreeOffices.templates = office_templates
    state = machine.ThreeOffices()

    def deliver_first() -> None:
        target, path = state.in_transit.pop(0)
        state.offices.take(target, path)
        state._note_held(target)

    def lose_first() -> None:
        state.in_transit.pop(0)

    state.open_offices()
    state.write_package(branch="AZABU", personal=True, sort=True, upward=True)
    case_0 = state.add_case(branch="AZABU", share=True)
    lose_first()
    state.write_package(branch="SHIBA", personal=True, sort=True, upward=False)
    state.edit(
        at_centre=False, keys=["content", "inquirer.phone", "step"], receipt=case_0,
        step="1_inform",
    )  # fmt: skip
    deliver_first()
    state.write_package(branch="AZABU", personal=True, sort=True, upward=False)
    lose_first()
    state.write_package(branch="SHIBA", personal=True, sort=False, upward=False)
    case_1 = state.add_case(branch="AZABU", share=False)
    case_2 = state.add_case(branch="AZABU", share=False)
    deliver_first()
    state.edit(at_centre=False, keys=["subject"], receipt=case_1, step="3_selfrun")
    state.edit(at_centre=True, keys=["content", "inquirer.phone"], receipt=case_0, step="3_selfrun")
    state.edit(
        at_centre=False, keys=["inquirer.phone", "subject", "step"], receipt=case_2,
        step="2_connect",
    )  # fmt: skip
    state.cross(
        at_branch=["content", "step"], at_centre=["step", "content"], receipt=case_1,
        step="2_connect",
    )  # fmt: skip
    lose_first()
    lose_first()
    (open_,) = conflicts.list_conflicts(state.offices.db["HQ"], actor=actor_for())
    state._resolve(open_, "theirs", ["content"])
    state.write_package(branch="AZABU", personal=True, sort=True, upward=False)
    deliver_first()  # HQ's phone number meets the branch's own: the branch's row waits
    state.write_package(branch="SHIBA", personal=True, sort=False, upward=True)
    state.edit(at_centre=False, keys=["step"], receipt=case_0, step="2_connect")
    state.cross(
        at_branch=["step"], at_centre=["content", "subject"], receipt=case_1, step="2_connect"
    )

    state.teardown()  # settles, resolving alternately, and checks every live edit held
