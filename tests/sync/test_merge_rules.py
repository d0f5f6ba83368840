"""The merge rules of the exchange, one by one, between real databases of three offices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.inquiry_commands import InquiryChange, NewAction, NewInquiry
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS as PERSONAL
from desktop_app.services import actions, conflicts, inquiries, sync_export, sync_import
from tests.actors import actor_for
from tests.sync.conftest import dump

TODAY = dt.date(2026, 11, 1)


def _case(db, subject: str = "物産展への出店相談", **extra: Any):
    data = {
        "received_at": "2026-10-01",
        "subject": subject,
        "channel": "phone",
        "inquirer": {"type": "resident", "name": "鈴木 一郎", "phone": "03-5555-0101"},
        **extra,
    }
    return inquiries.add_inquiry(db, NewInquiry.read(data, today=TODAY), actor=actor_for("clerk"))


def _send(source, target, path: Path, **options: Any) -> dict[str, Any]:
    """Export from `source` to `target`'s office and import it there; the import's figures."""
    to = None if options.pop("to_default", False) else _office(target)
    sync_export.export_sync(source, path, actor=actor_for("clerk"), to_office=to, **options)
    return sync_import.import_sync(target, [path], actor=actor_for("supervisor")).to_json()


def _office(db) -> str:
    from desktop_app.services.setup import office_of

    office = office_of(db)
    assert office is not None
    return office


def _show(db, receipt: str):
    return inquiries.get_inquiry(db, receipt, actor=actor_for("x"))


def _shared(db, receipt: str) -> dict[str, Any]:
    """The record as both offices hold it: packages without personal fields leave those out."""
    record = _show(db, receipt).to_json()
    record["inquirer"] = {
        key: value for key, value in record["inquirer"].items() if key not in PERSONAL
    }
    return record


def test_a_new_case_arrives_once_and_a_reimport_changes_nothing(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    actions.add_action(
        shiba,
        NewAction(case.receipt_no, kind="call", note="折り返し連絡"),
        actor=actor_for("clerk"),
    )

    first = _send(shiba, hq, tmp_path / "p1.xlsx")
    assert (first["inserted"], first["conflicts"], first["warnings"]) == (3, 0, [])
    before = dump(hq.path, audit=False)

    again = sync_import.import_sync(
        hq, [tmp_path / "p1.xlsx"], actor=actor_for("supervisor")
    ).to_json()

    assert (again["inserted"], again["updated"], again["unchanged"]) == (0, 0, 3)
    assert "取込済み" in again["packages"][0]["notes"][0]
    assert dump(hq.path, audit=False) == before
    assert _show(hq, case.receipt_no).subject == case.subject


def test_only_the_senders_change_is_an_update_keeping_its_version(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    _send(shiba, hq, tmp_path / "p1.xlsx")
    changed = inquiries.update_inquiry(
        shiba, InquiryChange.read(case.receipt_no, {"step": "2_connect"}), actor=actor_for("c")
    )

    report = _send(shiba, hq, tmp_path / "p2.xlsx")

    assert report["updated"] == 1
    at_hq = _show(hq, case.receipt_no)
    assert (at_hq.step, at_hq.rev, at_hq.updated_at) == (
        "2_connect",
        changed.rev,
        changed.updated_at,
    )


def test_changes_to_different_fields_on_both_sides_merge_without_losing_either(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    _send(shiba, hq, tmp_path / "p1.xlsx")
    inquiries.update_inquiry(
        shiba, InquiryChange.read(case.receipt_no, {"step": "2_connect"}), actor=actor_for("c")
    )
    inquiries.update_inquiry(
        hq, InquiryChange.read(case.receipt_no, {"channel": "visit"}), actor=actor_for("hq")
    )

    report = _send(shiba, hq, tmp_path / "p2.xlsx")

    assert (report["merged"], report["conflicts"]) == (1, 0)
    merged = _show(hq, case.receipt_no)
    assert (merged.step, merged.channel) == ("2_connect", "visit")
    # The merged version goes back and the branch takes it as a plain update.
    back = _send(hq, shiba, tmp_path / "r1.xlsx")
    assert (back["updated"], back["conflicts"]) == (1, 0)
    assert _shared(shiba, case.receipt_no) == _shared(hq, case.receipt_no)


def test_the_same_change_on_both_sides_is_no_conflict(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    _send(shiba, hq, tmp_path / "p1.xlsx")
    for db in (shiba, hq):
        inquiries.update_inquiry(
            db, InquiryChange.read(case.receipt_no, {"subject": "同じ直し"}), actor=actor_for("c")
        )

    report = _send(shiba, hq, tmp_path / "p2.xlsx")

    assert report["conflicts"] == 0
    assert _show(hq, case.receipt_no).subject == "同じ直し"


def test_one_field_changed_differently_is_one_conflict_and_the_local_value_stays(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    _send(shiba, hq, tmp_path / "p1.xlsx")
    inquiries.update_inquiry(
        shiba, InquiryChange.read(case.receipt_no, {"subject": "支所の直し"}), actor=actor_for("c")
    )
    inquiries.update_inquiry(
        hq, InquiryChange.read(case.receipt_no, {"subject": "本庁の直し"}), actor=actor_for("hq")
    )

    report = _send(shiba, hq, tmp_path / "p2.xlsx")

    assert report["conflicts"] == 1
    [conflict] = conflicts.list_conflicts(hq, actor=actor_for())
    assert conflict.receipt_no == case.receipt_no
    assert [(f.field, f.ours, f.theirs) for f in conflict.fields] == [
        ("subject", "本庁の直し", "支所の直し")
    ]
    assert _show(hq, case.receipt_no).subject == "本庁の直し"


@pytest.mark.parametrize(
    ("keep", "take", "expected"),
    [("theirs", [], "支所の直し"), ("ours", [], "本庁の直し"), ("ours", ["subject"], "支所の直し")],
)
def test_a_resolution_travels_back_and_the_next_edit_is_a_plain_update(
    office, tmp_path, keep, take, expected
):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    _send(shiba, hq, tmp_path / "p1.xlsx")
    inquiries.update_inquiry(
        shiba, InquiryChange.read(case.receipt_no, {"subject": "支所の直し"}), actor=actor_for("c")
    )
    inquiries.update_inquiry(
        hq, InquiryChange.read(case.receipt_no, {"subject": "本庁の直し"}), actor=actor_for("hq")
    )
    _send(shiba, hq, tmp_path / "p2.xlsx")
    [conflict] = conflicts.list_conflicts(hq, actor=actor_for())

    conflicts.resolve_conflict(hq, conflict.id, keep=keep, take=take, actor=actor_for("supervisor"))
    back = _send(hq, shiba, tmp_path / "r1.xlsx")

    assert back["conflicts"] == 0
    assert _show(shiba, case.receipt_no).subject == expected
    assert _shared(shiba, case.receipt_no) == _shared(hq, case.receipt_no)
    inquiries.update_inquiry(
        shiba, InquiryChange.read(case.receipt_no, {"step": "3_selfrun"}), actor=actor_for("c")
    )
    onward = _send(shiba, hq, tmp_path / "p3.xlsx")
    assert (onward["updated"], onward["conflicts"]) == (1, 0)
    assert conflicts.list_conflicts(hq, actor=actor_for()) == []


def test_an_update_against_a_deletion_is_a_conflict_never_a_silent_loss(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    _send(shiba, hq, tmp_path / "p1.xlsx")
    inquiries.update_inquiry(
        shiba,
        InquiryChange.read(case.receipt_no, {"content": "追記した内容"}),
        actor=actor_for("c"),
    )
    inquiries.delete_inquiry(hq, case.receipt_no, actor=actor_for("hq"))

    report = _send(shiba, hq, tmp_path / "p2.xlsx")

    assert report["conflicts"] == 1
    [conflict] = conflicts.list_conflicts(hq, actor=actor_for())
    assert [f.field for f in conflict.fields] == ["deleted"]
    conflicts.resolve_conflict(hq, conflict.id, keep="theirs", actor=actor_for("supervisor"))
    restored = _show(hq, case.receipt_no)
    assert restored.content == "追記した内容"


def test_an_older_version_is_stale_and_skipped(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    case = _case(shiba)
    sync_export.export_sync(shiba, tmp_path / "p1.xlsx", actor=actor_for("c"))
    inquiries.update_inquiry(
        shiba, InquiryChange.read(case.receipt_no, {"subject": "新しい件名"}), actor=actor_for("c")
    )
    sync_export.export_sync(shiba, tmp_path / "p2.xlsx", actor=actor_for("c"))

    newer = sync_import.import_sync(hq, [tmp_path / "p2.xlsx"], actor=actor_for("s")).to_json()
    older = sync_import.import_sync(hq, [tmp_path / "p1.xlsx"], actor=actor_for("s")).to_json()

    # nothing had come from HQ, so package 2 carried package 1's rows again and made it good
    assert newer["warnings"] == []
    assert newer["packages"][0]["notes"] == [
        "SHIBA の送付ファイル 1 は送付ファイル 2 で補われました"
    ]
    assert older["packages"][0]["stale"] == 1
    assert older["warnings"] == []
    assert _show(hq, case.receipt_no).subject == "新しい件名"


def test_packages_of_two_branches_in_either_order_give_the_same_database(office, tmp_path):
    shiba, azabu = office("SHIBA"), office("AZABU")
    _case(shiba, "芝の相談")
    _case(azabu, "麻布の相談")
    sync_export.export_sync(shiba, tmp_path / "s.xlsx", actor=actor_for("c"))
    sync_export.export_sync(azabu, tmp_path / "a.xlsx", actor=actor_for("c"))
    orders = (
        [tmp_path / "s.xlsx", tmp_path / "a.xlsx"],
        [tmp_path / "a.xlsx", tmp_path / "s.xlsx"],
    )
    results = []
    for number, order in enumerate(orders):
        hq = office("HQ", f"hq{number}")
        report = sync_import.import_sync(hq, order, actor=actor_for("s")).to_json()
        assert (report["inserted"], report["warnings"]) == (4, [])
        results.append(_content(hq))
    assert results[0] == results[1]
    assert [row[2] for row in results[0]].count("芝の相談") == 1


def _content(db) -> list[tuple]:
    import sqlite3

    with sqlite3.connect(db.path) as conn:
        rows = conn.execute(
            "SELECT id, rev, subject, office_code FROM inquiry ORDER BY id"
        ).fetchall()
    conn.close()
    return rows
