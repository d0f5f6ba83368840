"""The rules the bulk writer owns (writer.insert_many): each the same as the single-row writer's.

Sync import, ledger import and demo data only build contract-keyed rows; counters, follow-up
dates, code tables and the one transaction are the writer's, so they are pinned here once.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db.engine import Database
from db.models import Action, Inquirer, Inquiry, ReceiptCounter
from desktop_app.domain.inquiry_commands import NewAction, NewInquiry
from desktop_app.services import actions, database, inquiries, sync_rows, writer
from tests.actors import actor_for

D = dt.date
STAFF = "bulk"
ACTOR = actor_for("tanaka")


def _inquirer(**values: Any) -> dict[str, Any]:
    return {"id": str(uuid.uuid4()), "type": "resident", "name": "髙橋 花子", **values}


def _inquiry(inquirer_id: str, **values: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "office": "SHIBA",
        "received_at": D(2026, 9, 14),
        "channel": "phone",
        "inquirer": inquirer_id,
        "subject": "一括で入れた相談",
        "status": "received",
        **values,
    }


def _insert(db: Database, rows: writer.NewRows, *, received: bool = False) -> list[str]:
    with db.write() as session:
        return writer.insert_many(session, rows, staff=STAFF, origin="SHIBA", received=received)


def _counter(db: Database, office: str, year: int) -> int | None:
    with db.read() as session:
        return session.scalar(
            select(ReceiptCounter.last).where(
                ReceiptCounter.office_code == office, ReceiptCounter.fiscal_year == year
            )
        )


def test_counters_never_go_backwards(db, sample_inquiry):
    person = _inquirer()
    _insert(db, writer.NewRows(inquirers=[person]))
    with db.write() as session:
        session.add(ReceiptCounter(office_code="SHIBA", fiscal_year=2026, last=50))
        session.add(ReceiptCounter(office_code="AZABU", fiscal_year=2026, last=5))

    # Numbers that came with their rows, below and above the counters.
    came = [
        _inquiry(person["id"], receipt_no="SHIBA-2026-00010"),
        _inquiry(person["id"], receipt_no="SHIBA-2026-00070"),
        _inquiry(person["id"], receipt_no="AZABU-2026-00003", office="AZABU"),
        _inquiry(person["id"], receipt_no="AZABU-2025-00009", office="AZABU"),
    ]
    _insert(db, writer.NewRows(inquiries=came), received=True)
    assert _counter(db, "SHIBA", 2026) == 70
    # Another office's numbers are its own counter's business: not kept here.
    assert (_counter(db, "AZABU", 2026), _counter(db, "AZABU", 2025)) == (5, None)
    _insert(db, writer.NewRows(inquiries=[_inquiry(person["id"], receipt_no="SHIBA-2026-00020")]),
            received=True)  # fmt: skip
    assert _counter(db, "SHIBA", 2026) == 70  # a lower number never lowers a counter

    # Issued by the writer: from the counter on, in row order.
    issued = _insert(db, writer.NewRows(inquiries=[_inquiry(person["id"]) for _ in range(2)]))
    assert issued == ["SHIBA-2026-00071", "SHIBA-2026-00072"]
    # The single-row writer continues from the same counter.
    record = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=ACTOR)
    assert record.receipt_no == "SHIBA-2026-00073"
    assert _counter(db, "SHIBA", 2026) == 73


def _desk_history(db: Database, receipt: str, steps: str) -> None:
    """Actions logged at the desk, one letter a step."""
    log = {
        "c": lambda day: NewAction(receipt, kind="call", note="電話", action_date=day,
                                   next_due=day + dt.timedelta(days=30)),
        "n": lambda day: NewAction(receipt, kind="note", note="メモ", action_date=day),
        "r": lambda day: NewAction(receipt, kind="referral", note="紹介", action_date=day,
                                   referred_to="北海道豊富町 企画課",
                                   reply_due=day + dt.timedelta(days=14)),
    }  # fmt: skip
    day = D(2026, 9, 15)
    made = []
    for step in steps:
        if step == "a":  # the reply to the last referral came back
            actions.log_reply(db, made[-1].id, day, actor=ACTOR)
        else:
            made.append(actions.add_action(db, log[step](day), actor=ACTOR))
        day += dt.timedelta(days=3)


@pytest.mark.parametrize("steps", ["", "n", "c", "r", "rc", "cr", "ra", "rac", "crra", "cc", "rn"])
def test_the_follow_up_date_is_the_desks_rule(db, sample_inquiry, steps):
    record = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=ACTOR)
    _desk_history(db, record.receipt_no, steps)
    with db.read() as session:
        desk = session.scalars(select(Inquiry).where(Inquiry.receipt_no == record.receipt_no)).one()
        history = session.scalars(
            select(Action).where(Action.inquiry_id == desk.id).order_by(Action.pk)
        ).all()
        status, expected = desk.status, desk.follow_up_due
        copied = [
            {
                key: getattr(action, key)
                for key in ("action_date", "kind", "note", "next_due", "reply_due", "replied_on")
            }
            for action in history
        ]
        inquirer_id = desk.inquirer_id
    # The same case loaded in bulk, with the date the form gave and the same actions.
    loaded = _inquiry(inquirer_id, status=status, follow_up_due=D(2026, 9, 30))
    for action in copied:
        action["inquiry_id"] = loaded["id"]
    _insert(db, writer.NewRows(inquiries=[loaded], actions=copied))
    with db.read() as session:
        bulk_due = session.scalar(select(Inquiry.follow_up_due).where(Inquiry.id == loaded["id"]))
    assert bulk_due == expected, (steps, status)


def test_a_received_inquiry_keeps_its_follow_up_date(db):
    person = _inquirer()
    loaded = _inquiry(person["id"], follow_up_due=D(2026, 12, 1), receipt_no="SHIBA-2026-00001")
    action = {"inquiry_id": loaded["id"], "action_date": D(2026, 9, 15), "kind": "call",
              "next_due": D(2026, 10, 1)}  # fmt: skip
    _insert(db, writer.NewRows([person], [loaded], [action]), received=True)
    with db.read() as session:
        due = session.scalar(select(Inquiry.follow_up_due).where(Inquiry.id == loaded["id"]))
    assert due == D(2026, 12, 1)  # the sender's version, not worked out again here


def _codes(path: Path, receipt: str) -> dict[str, list[str]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {
            table: [
                code
                for (code,) in conn.execute(
                    f"SELECT c.code FROM {table} c JOIN inquiry i ON i.pk = c.inquiry_pk"
                    " WHERE i.receipt_no = ? ORDER BY c.rowid",
                    (receipt,),
                )
            ]
            for table in ("inquiry_field", "inquiry_form", "inquiry_municipality",
                          "inquiry_agreement")
        }  # fmt: skip


def test_code_lists_are_split_as_the_single_row_writer_splits_them(db, db_path, sample_inquiry):
    sample_inquiry.update(
        fields=["tourism", "disaster", "culture"],
        forms=["matching", "cooperation"],
        municipalities=["192015", "012025"],
        agreement_bodies=[],
    )
    desk = inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=ACTOR)
    with db.read() as session:
        inquirer_id = session.scalar(select(Inquirer.id))
    lists = {key: list(sample_inquiry[key]) for key in ("fields", "forms", "municipalities")}
    loaded = _inquiry(inquirer_id, **lists, agreement_bodies=[])
    (receipt,) = _insert(db, writer.NewRows(inquiries=[loaded]))

    assert _codes(db_path, receipt) == _codes(db_path, desk.receipt_no)
    bulk = inquiries.get_inquiry(db, receipt, actor=ACTOR).to_json()
    shown = inquiries.get_inquiry(db, desk.receipt_no, actor=ACTOR).to_json()
    assert {key: bulk[key] for key in lists} == {key: shown[key] for key in lists}


def _everything(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    tables = ("inquirer", "inquiry", "action", "inquiry_field", "inquiry_form",
              "inquiry_municipality", "inquiry_agreement", "receipt_counter", "change_counter",
              "audit_log", "search_text")  # fmt: skip
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {table: conn.execute(f"SELECT * FROM {table}").fetchall() for table in tables}


@pytest.mark.parametrize(
    "spoil",
    [
        # an action of an inquiry that does not exist: the last statement of the batch fails
        lambda rows: rows.actions.append(
            {"inquiry_id": str(uuid.uuid4()), "action_date": D(2026, 9, 15), "kind": "call"}
        ),
        # a receipt number already taken: fails among the inquiries, after the inquirers
        lambda rows: rows.inquiries.append(
            _inquiry(rows.inquirers[0]["id"], receipt_no="SHIBA-2026-00001")
        ),
    ],
    ids=["action", "inquiry"],
)
def test_a_failure_mid_batch_leaves_nothing(
    db, db_path, sample_inquiry, spoil: Callable[[writer.NewRows], None]
):
    inquiries.add_inquiry(db, NewInquiry.read(sample_inquiry), actor=ACTOR)  # SHIBA-2026-00001
    before = _everything(db_path)
    person = _inquirer()
    rows = writer.NewRows(
        inquirers=[person],
        inquiries=[_inquiry(person["id"], fields=["disaster"])],
        actions=[],
    )
    rows.actions.append(
        {"inquiry_id": rows.inquiries[0]["id"], "action_date": D(2026, 9, 15), "kind": "note"}
    )
    spoil(rows)
    with pytest.raises(IntegrityError):
        with db.write() as session:
            writer.insert_many(
                session, rows, staff=STAFF, origin="SHIBA",
                event=writer.BulkEvent("import_ledger", "ledger", "test.xlsx"),
            )  # fmt: skip
    assert _everything(db_path) == before


def test_times_and_dates_are_stored_as_the_single_row_writer_stores_them(db, db_path):
    """The same text in the file (SQL compares times as text): whole seconds keep .000000."""
    stamp = dt.datetime(2026, 4, 1, 9, 30)
    with db.write() as session:
        one = Inquirer(id=str(uuid.uuid4()), type="resident", name="一人")
        version = writer.Version(rev=1, updated_at=stamp, updated_by=STAFF)
        writer.create(session, one, staff=STAFF, origin="SHIBA", version=version)
    person = _inquirer(updated_at=stamp, updated_by=STAFF)
    loaded = _inquiry(person["id"], closed_at=stamp, status="matched", outcome="済")
    _insert(db, writer.NewRows([person], [loaded]))
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
        stored = dict(conn.execute("SELECT id, updated_at FROM inquirer").fetchall())
        closed = conn.execute(
            "SELECT closed_at, closed_on, received_at FROM inquiry WHERE id = ?", (loaded["id"],)
        ).fetchone()
    assert stored[person["id"]] == stored[one.id] == "2026-04-01 09:30:00.000000"
    assert closed == ("2026-04-01 09:30:00.000000", "2026-04-01", "2026-09-14")


def test_rows_sent_as_a_package_carries_them_are_stored_as_their_typed_values(
    tmp_path, template_db
):
    """A sync import hands its rows as they travel (`NewRows(sent=True)`: dates and times as
    ISO text); every table ends exactly as from the same rows typed."""
    stamp = dt.datetime(2026, 9, 14, 10, 0, 0, 123456)
    person = _inquirer(
        phone="03-1234-5678", organization="株式会社　テスト", kana="タカハシ", email=None,
        rev=3, updated_at=stamp, updated_by="hq", origin="HQ",
    )  # fmt: skip
    loaded = _inquiry(
        person["id"], receipt_no="HQ-2026-00007", closed_at=dt.datetime(2026, 9, 30, 15, 1),
        status="matched", outcome="済", fields=["tourism", "disaster"], municipalities=[],
        follow_up_due=D(2026, 10, 1), rev=2, updated_at=stamp, updated_by="hq", origin="HQ",
    )  # fmt: skip
    actions = [
        {"id": str(uuid.uuid4()), "inquiry_id": loaded["id"], "action_date": D(2026, 9, 15),
         "kind": "call", "next_due": D(2026, 10, 1), "updated_at": stamp, "origin": "HQ"},
        {"id": str(uuid.uuid4()), "inquiry_id": loaded["id"], "action_date": D(2026, 9, 16),
         "kind": "note", "note": None, "deleted": True, "deleted_at": stamp, "origin": "HQ",
         "updated_at": stamp},
    ]  # fmt: skip

    def sent(row: dict[str, Any]) -> dict[str, Any]:
        travelled = sync_rows.content_values(row)
        if "updated_at" in row:
            travelled["updated_at"] = sync_rows.stamp_text(row["updated_at"])
        return travelled

    stored = []
    for name, rows in (
        ("typed", writer.NewRows([person], [loaded], actions)),
        ("sent", writer.NewRows([sent(person)], [sent(loaded)], list(map(sent, actions)), True)),
    ):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(template_db, path)
        db = database.connect(path)
        _insert(db, rows, received=True)
        db.dispose()
        stored.append({t: rows for t, rows in _everything(path).items() if t != "audit_log"})
    assert stored[0] == stored[1]
    assert stored[0]["inquiry_field"] and stored[0]["action"]
