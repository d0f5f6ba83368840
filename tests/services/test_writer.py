"""The one writer: every change stamps the row, takes a change sequence number and is audited."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.models import Action, AuditLog, ChangeCounter, Inquirer, Inquiry
from desktop_app.domain.inquiry_commands import InquiryChange, NewAction, NewInquiry
from desktop_app.services import actions, inquiries, writer
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)


def _sequences(db) -> dict[str, list[int]]:
    with db.read() as session:
        return {
            model.__tablename__: list(session.scalars(select(model.change_seq).order_by(model.pk)))
            for model in (Inquirer, Inquiry, Action)
        }


def _counter(db) -> int:
    with db.read() as session:
        return session.scalar(select(ChangeCounter.last)) or 0


def test_every_write_takes_the_next_change_sequence_number(db, sample_inquiry):
    start = _counter(db)
    record = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("tanaka")
    )
    assert _sequences(db) == {"inquirer": [start + 1], "inquiry": [start + 2], "action": []}

    inquiries.update_inquiry(
        db,
        InquiryChange.read(record.receipt_no, {"subject": "件名を直した"}),
        actor=actor_for("sato"),
    )
    actions.add_action(
        db, NewAction(record.receipt_no, kind="call", note="電話した"), actor=actor_for("sato")
    )

    sequences = _sequences(db)
    # The update, then the action and the inquiry's follow-up date it did not move: 3 numbers.
    assert sequences["inquiry"] == [start + 3]
    assert sequences["action"] == [start + 4]
    assert _counter(db) == start + 4


def test_changed_since_is_one_range_over_every_table(db, sample_inquiry):
    first = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("tanaka")
    )
    mark = _counter(db)
    inquiries.update_inquiry(
        db, InquiryChange.read(first.receipt_no, {"channel": "visit"}), actor=actor_for("sato")
    )
    with db.read() as session:
        changed = session.scalars(select(Inquiry.receipt_no).where(Inquiry.change_seq > mark))
        assert list(changed) == [first.receipt_no]
        assert session.scalars(select(Inquirer.id).where(Inquirer.change_seq > mark)).all() == []


def test_an_action_that_moves_the_follow_up_date_changes_the_inquiry_audited(db, sample_inquiry):
    record = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("tanaka")
    )

    actions.add_action(
        db,
        NewAction(
            record.receipt_no,
            kind="call",
            note="来週また連絡する",
            action_date=dt.date(2026, 11, 2),
            next_due=dt.date(2026, 12, 20),
        ),
        actor=actor_for("sato"),
    )

    after = inquiries.get_inquiry(db, record.receipt_no, actor=actor_for("sato"))
    assert (after.follow_up_due, after.rev) == (dt.date(2026, 12, 20), record.rev + 1)
    with db.read() as session:
        entry = session.scalars(
            select(AuditLog).where(AuditLog.entity == "inquiry", AuditLog.action == "update")
        ).one()
        assert (entry.field, entry.old, entry.new, entry.staff) == (
            "follow_up_due",
            str(record.follow_up_due),
            "2026-12-20",
            "sato",
        )


def test_a_version_from_elsewhere_is_stored_as_it_came(db, sample_inquiry):
    record = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("tanaka")
    )
    stamp = dt.datetime(2026, 11, 5, 3, 0)
    with db.write() as session:
        row = session.scalar(select(Inquiry))
        assert row is not None
        writer.change(
            session,
            row,
            {"subject": "本庁で直した件名"},
            staff="hq.clerk",
            version=writer.Version(rev=7, updated_at=stamp, updated_by="hq.suzuki"),
        )
    after = inquiries.get_inquiry(db, record.receipt_no, actor=actor_for("sato"))
    assert (after.subject, after.rev, after.updated_at) == ("本庁で直した件名", 7, stamp)


def test_closing_records_the_offices_local_date(db, sample_inquiry):
    inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("tanaka")
    )
    with db.write() as session:
        row = session.scalar(select(Inquiry))
        assert row is not None
        # 00:30 on 1 April in Tokyo, still 31 March in UTC.
        writer.change(session, row, {"closed_at": dt.datetime(2026, 3, 31, 15, 30)}, staff="sato")
        assert row.closed_on == dt.date(2026, 4, 1)


def test_the_bulk_path_fills_what_the_single_row_path_fills(db):
    batch = writer.NewRows(
        inquirers=[
            {
                "id": "00000000-0000-4000-8000-000000000001",
                "origin": "SHIBA",
                "updated_at": dt.datetime(2026, 4, 1),
                "updated_by": "bulk",
                "type": "resident",
                "organization": "",
                "name": "髙橋 花子",
                "kana": "タカハシ ハナコ",
                "phone": "03-5555-0101",
                "email": "",
                "postal_code": "",
                "address": "",
                "corporate_number": "",
                "notes": "",
                "merged_into": None,
            }
        ]
    )
    start = _counter(db)
    with db.write() as session:
        writer.insert_many(session, batch, staff="bulk", origin="SHIBA", received=True)
    with db.read() as session:
        row = session.scalar(select(Inquirer))
        assert row is not None
        assert (row.rev, row.deleted, row.change_seq) == (1, False, start + 1)
        assert (row.phone_digits, row.name_key, row.kana_key) == (
            "0355550101",
            "高橋花子",
            "たかはしはなこ",
        )
    assert _counter(db) == start + 1
