"""Recording, reading, changing and deleting inquiries: revs, audit rows, workflow, receipts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from db.models import AuditLog, Inquirer, Inquiry
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import InquiryChange, NewInquiry
from desktop_app.services import database, inquiries, setup
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


def _audit(db, action: str | None = None) -> list[tuple[str, str, str | None, Any, Any]]:
    with db.read() as session:
        query = select(AuditLog).order_by(AuditLog.pk)
        if action is not None:
            query = query.where(AuditLog.action == action)
        return [(r.action, r.entity, r.field, r.old, r.new) for r in session.scalars(query)]


def _add(db, data: dict[str, Any]):
    return inquiries.add_inquiry(db, NewInquiry.read(data, today=TODAY), actor=actor_for("tanaka"))


def _minimal(received: str = "2026-10-01", **extra: Any) -> dict[str, Any]:
    return {
        "received_at": received,
        "subject": "物産展の相談",
        "inquirer": {"type": "shopping_street", "organization": "芝商店会"},
        **extra,
    }


def test_add_writes_create_audit_rows_and_starts_at_rev_1(db, sample_inquiry):
    record = _add(db, sample_inquiry)

    assert record.rev == 1
    assert record.staff == "tanaka"
    assert _audit(db) == [
        ("create", "inquirer", None, None, None),
        ("create", "inquiry", None, None, None),
    ]


def test_update_bumps_rev_and_updated_at_and_audits_each_changed_field(db, sample_inquiry):
    added = _add(db, sample_inquiry)

    updated = inquiries.update_inquiry(
        db,
        InquiryChange.read(
            added.receipt_no,
            {"subject": "新しい件名", "channel": "visit", "fields": ["tourism", "disaster"]},
            today=TODAY,
        ),
        actor=actor_for("sato"),
    )

    assert updated.rev == 2
    assert updated.updated_at >= added.updated_at
    assert updated.fields == ("disaster", "tourism")
    assert sorted(_audit(db, "update")) == [
        ("update", "inquiry", "channel", "phone", "visit"),
        ("update", "inquiry", "fields", "['disaster']", "['disaster', 'tourism']"),
        ("update", "inquiry", "subject", sample_inquiry["subject"], "新しい件名"),
    ]
    with db.read() as session:
        row = session.scalar(select(Inquiry))
        assert row is not None and row.updated_by == "sato"


@pytest.mark.parametrize(
    "changes",
    [
        {"fields": ["disaster"]},
        {"municipalities": ["192015"]},
        {"subject": "防災訓練への参加自治体を探している"},
        {"received_at": "R8.9.14"},
        {"inquirer": {"phone": "03-5555-0101"}},
        {},
    ],
    ids=["same-fields", "same-municipality", "same-subject", "same-date-other-form", "same-phone",
         "empty"],
)  # fmt: skip
def test_an_update_that_changes_nothing_keeps_rev_and_writes_no_audit(db, sample_inquiry, changes):
    added = _add(db, sample_inquiry)
    updated = inquiries.update_inquiry(
        db, InquiryChange.read(added.receipt_no, changes, today=TODAY), actor=actor_for("sato")
    )
    assert updated.rev == 1
    assert updated.updated_at == added.updated_at
    assert _audit(db, "update") == []


def test_the_same_codes_in_another_order_are_not_a_change(db, sample_inquiry):
    sample_inquiry["fields"] = ["tourism", "disaster"]
    added = _add(db, sample_inquiry)
    assert added.fields == ("disaster", "tourism")
    updated = inquiries.update_inquiry(
        db,
        InquiryChange.read(added.receipt_no, {"fields": ["tourism", "disaster"]}, today=TODAY),
        actor=actor_for("sato"),
    )
    assert updated.rev == 1
    assert _audit(db, "update") == []


def test_changing_the_inquirer_bumps_the_inquirer_not_the_inquiry(db, sample_inquiry):
    added = _add(db, sample_inquiry)

    updated = inquiries.update_inquiry(
        db,
        InquiryChange.read(added.receipt_no, {"inquirer": {"phone": "(03)1234-5678"}}, today=TODAY),
        actor=actor_for("sato"),
    )

    assert updated.inquirer.phone == "(03)1234-5678"
    assert updated.rev == 1
    with db.read() as session:
        inquirer = session.scalar(select(Inquirer))
        assert inquirer is not None
        assert (inquirer.rev, inquirer.phone_digits) == (2, "0312345678")
    assert _audit(db, "update") == [
        ("update", "inquirer", "phone", "＊＊＊", "＊＊＊")  # personal values never logged
    ]


def test_showing_personal_data_is_logged_as_a_read(db, sample_inquiry):
    added = _add(db, sample_inquiry)
    record = inquiries.get_inquiry(db, added.receipt_no, actor=actor_for("sato"))
    assert record == inquiries.get_inquiry(db, added.receipt_no, actor=actor_for("sato"))
    reads = _audit(db, "read")
    assert reads == [("read", "inquirer", None, None, None)] * 2
    with db.read() as session:
        entry = session.scalars(select(AuditLog).where(AuditLog.action == "read")).first()
        assert entry is not None
        assert (entry.staff, entry.entity_id) == ("sato", added.inquirer.id)


def test_showing_an_organisation_without_personal_fields_is_not_a_read(db):
    added = _add(db, _minimal())
    inquiries.get_inquiry(db, added.receipt_no, actor=actor_for("sato"))
    assert _audit(db, "read") == []


def test_closing_sets_closed_at_and_reopening_clears_it_with_a_reopen_row(db):
    added = _add(db, _minimal())
    closed = inquiries.update_inquiry(
        db,
        InquiryChange.read(
            added.receipt_no, {"status": "matched", "outcome": "協定締結"}, today=TODAY
        ),
        actor=actor_for("s"),
    )
    assert closed.closed_at is not None

    reopened = inquiries.update_inquiry(
        db,
        InquiryChange.read(added.receipt_no, {"status": "in_progress"}, today=TODAY),
        actor=actor_for("s"),
    )

    assert (reopened.status, reopened.closed_at, reopened.outcome) == ("in_progress", None, None)
    assert reopened.rev == 3
    assert _audit(db, "reopen") == [("reopen", "inquiry", "status", "matched", "in_progress")]


@pytest.mark.parametrize(
    ("start", "changes", "code"),
    [
        ("received", {"status": "matched"}, "outcome_required"),
        ("received", {"status": "withdrawn", "outcome": "  "}, "outcome_required"),
        ("received", {"status": "unknown"}, "status_unknown"),
        ("in_progress", {"status": "received"}, "status_transition"),
        ("referred", {"status": "received"}, "status_transition"),
        ("matched", {"status": "referred"}, "status_transition"),
        ("matched", {"status": "info_only", "outcome": "x"}, "status_transition"),
        ("info_only", {"status": "received"}, "status_transition"),
        ("matched", {"outcome": ""}, "outcome_required"),
    ],
)
def test_refused_status_changes_change_nothing(db, snapshot, start, changes, code):
    data = _minimal(status=start, outcome="済" if start in ("matched", "info_only") else None)
    added = _add(db, data)
    before = snapshot(db.path)

    with pytest.raises(UserError) as refused:
        inquiries.update_inquiry(
            db, InquiryChange.read(added.receipt_no, changes, today=TODAY), actor=actor_for("s")
        )

    assert refused.value.code == code
    assert snapshot(db.path) == before
    assert inquiries.get_inquiry(db, added.receipt_no, actor=actor_for("s")) == added


@pytest.mark.parametrize(
    ("received", "receipt"),
    [
        ("2026-03-31", "SHIBA-2025-00001"),
        ("2026-04-01", "SHIBA-2026-00001"),
        ("H31.4.30", "SHIBA-2019-00001"),
        ("令和元年5月1日", "SHIBA-2019-00001"),
        ("2025-04-01", "SHIBA-2025-00001"),
    ],
)
def test_the_receipt_number_carries_the_fiscal_year(db, received, receipt):
    assert _add(db, _minimal(received)).receipt_no == receipt


def test_each_fiscal_year_has_its_own_sequence(db):
    order = ["2026-04-01", "2026-03-31", "2026-05-10", "2025-12-01", "2026-10-01", "2027-03-31"]
    today = dt.date(2027, 3, 31)
    receipts = [
        inquiries.add_inquiry(
            db, NewInquiry.read(_minimal(day), today=today), actor=actor_for("s")
        ).receipt_no
        for day in order
    ]
    assert receipts == [
        "SHIBA-2026-00001",
        "SHIBA-2025-00001",
        "SHIBA-2026-00002",
        "SHIBA-2025-00002",
        "SHIBA-2026-00003",
        "SHIBA-2026-00004",
    ]


def test_numbers_are_never_reused_after_a_deletion(db):
    first = _add(db, _minimal()).receipt_no
    inquiries.delete_inquiry(db, first, actor=actor_for("s"))
    assert _add(db, _minimal()).receipt_no == "SHIBA-2026-00002"


def test_another_office_numbers_with_its_own_code(new_db_path):
    db = database.connect(new_db_path)
    try:
        setup.initialise(db, "AZABU")
        assert _add(db, _minimal()).receipt_no == "AZABU-2026-00001"
        assert _add(db, _minimal()).office == "AZABU"
    finally:
        db.dispose()


def test_a_refused_add_does_not_use_up_a_number(db, snapshot):
    before = snapshot(db.path)
    with pytest.raises(UserError):
        _add(db, _minimal(channel="fax"))
    assert snapshot(db.path) == before
    assert _add(db, _minimal()).receipt_no == "SHIBA-2026-00001"


def test_linking_an_existing_inquirer_by_id(db, sample_inquiry):
    first = _add(db, sample_inquiry)

    second = _add(
        db,
        {"received_at": "2026-10-02", "subject": "二回目", "inquirer": {"id": first.inquirer.id}},
    )

    assert second.inquirer == first.inquirer
    with db.read() as session:
        assert len(session.scalars(select(Inquirer)).all()) == 1


def test_linking_an_inquirer_and_changing_a_field_updates_it(db, sample_inquiry):
    first = _add(db, sample_inquiry)
    linked = {"id": first.inquirer.id, "email": "suzuki@example.jp"}
    second = _add(db, {"received_at": "2026-10-02", "subject": "二回目", "inquirer": linked})
    assert second.inquirer.email == "suzuki@example.jp"
    assert ("update", "inquirer", "email", "", "＊＊＊") in _audit(db, "update")


def test_relinking_an_inquiry_to_another_inquirer_is_audited(db, sample_inquiry):
    first = _add(db, sample_inquiry)
    other = _add(db, _minimal())

    moved = inquiries.update_inquiry(
        db,
        InquiryChange.read(first.receipt_no, {"inquirer": {"id": other.inquirer.id}}, today=TODAY),
        actor=actor_for("s"),
    )

    assert moved.inquirer.id == other.inquirer.id
    assert (
        "update", "inquiry", "inquirer", first.inquirer.id, other.inquirer.id
    ) in _audit(db, "update")  # fmt: skip


def test_an_unknown_inquirer_id_is_refused(db, snapshot):
    before = snapshot(db.path)
    with pytest.raises(UserError) as refused:
        _add(db, _minimal(inquirer={"id": "no-such-id"}))
    assert refused.value.code == "inquirer_unknown"
    assert snapshot(db.path) == before


def test_delete_is_a_tombstone_with_a_new_rev_and_an_audit_row(db):
    added = _add(db, _minimal())
    inquiries.delete_inquiry(db, added.receipt_no, actor=actor_for("s"))
    with db.read() as session:
        row = session.scalar(select(Inquiry))
        assert row is not None
        assert (row.deleted, row.rev, row.updated_by) == (True, 2, "s")
    assert _audit(db, "delete") == [("delete", "inquiry", None, None, None)]
    with pytest.raises(UserError) as refused:
        inquiries.get_inquiry(db, added.receipt_no, actor=actor_for("s"))
    assert refused.value.code == "already_deleted"


def test_before_init_nothing_can_be_added(new_db_path: Path):
    db = database.connect(new_db_path)
    try:
        with pytest.raises(UserError) as refused:
            _add(db, _minimal())
        assert refused.value.code == "not_initialised"
    finally:
        db.dispose()


def test_postal_code_and_corporate_number_are_stored_normalised(db):
    data = _minimal()
    data["inquirer"].update(postal_code="１０８００７４", corporate_number="2-0104-0109-9991")
    record = _add(db, data)
    assert record.inquirer.postal_code == "108-0074"
    assert record.inquirer.corporate_number == "2010401099991"


# --- retired municipalities (浜松市's seven wards, gone since 2024-01-01) -------------------


def test_a_new_inquiry_cannot_name_a_retired_municipality(db, snapshot):
    before = snapshot(db.path)

    with pytest.raises(UserError) as refused:
        _add(db, _minimal(municipalities=["221384", "221317"]))

    assert refused.value.code == "municipality_retired"
    assert refused.value.at == "municipalities"
    assert refused.value.message("ja") == (
        "自治体「浜松市中区」（221317）は 2024-01-01 に廃止されています。"
        "現在の自治体を選んでください。"
    )
    assert "ceased to exist on 2024-01-01" in refused.value.message("en")
    assert snapshot(db.path) == before


def test_an_inquiry_received_before_the_change_may_name_the_old_ward(db):
    added = _add(db, _minimal("2023-12-28", municipalities=["221317"]))
    assert added.municipalities == ("221317",)
    with pytest.raises(UserError, match="ceased to exist"):
        _add(db, _minimal("2024-01-01", municipalities=["221317"]))


def test_an_old_inquiry_keeps_its_retired_code_when_other_fields_change(db):
    old = _add(db, _minimal("2023-12-28", municipalities=["221317"]))
    with db.write() as session:  # recorded before this program knew the ward was retired
        session.execute(
            update(Inquiry)
            .where(Inquiry.receipt_no == old.receipt_no)
            .values(received_at=dt.date(2024, 2, 1))
        )

    changed = inquiries.update_inquiry(
        db,
        InquiryChange.read(old.receipt_no, {"subject": "物産展の相談（続き）"}, today=TODAY),
        actor=actor_for("s"),
    )
    kept = inquiries.update_inquiry(
        db,
        InquiryChange.read(old.receipt_no, {"municipalities": ["221317", "221384"]}, today=TODAY),
        actor=actor_for("s"),
    )

    assert changed.subject == "物産展の相談（続き）"
    assert kept.municipalities == ("221317", "221384")


def test_adding_a_retired_code_to_a_current_inquiry_is_refused_and_changes_nothing(db, snapshot):
    added = _add(db, _minimal(municipalities=["221384"]))
    before = snapshot(db.path)

    with pytest.raises(UserError) as refused:
        inquiries.update_inquiry(
            db,
            InquiryChange.read(
                added.receipt_no, {"municipalities": ["221384", "221325"]}, today=TODAY
            ),
            actor=actor_for("s"),
        )

    assert refused.value.code == "municipality_retired"
    assert "浜松市東区" in refused.value.message("ja")
    assert snapshot(db.path) == before
    assert inquiries.get_inquiry(db, added.receipt_no, actor=actor_for("s")).municipalities == (
        "221384",
    )
