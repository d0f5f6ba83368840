"""Cases closed long ago, made as the desk makes them and then dated back by plain SQL."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

from db.engine import Database
from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquiries
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 1)
ADMIN = Actor(login="admin1", name="管理者", role=Role.ADMIN, office="SHIBA")
SUPERVISOR = Actor(login="kakaricho", name="係長", role=Role.SUPERVISOR, office="SHIBA")
CLERK = Actor(login="clerk1", name="窓口", role=Role.CLERK, office="SHIBA")


def person(name: str, phone: str) -> dict[str, Any]:
    return {
        "type": "resident",
        "organization": "",
        "name": name,
        "kana": "テスト",
        "phone": phone,
        "email": "someone@example.jp",
        "postal_code": "105-0014",
        "address": "港区芝1-1-1",
        "notes": "メモ",
    }


def case(db: Database, inquirer: dict[str, Any], *, closed_on: dt.date | None = None) -> str:
    """An inquiry of `inquirer` (a dict, or {"id": ...}); closed on `closed_on` when given."""
    data: dict[str, Any] = {
        "received_at": "2019-04-10",
        "subject": "物産展への出店相談",
        "channel": "phone",
        "fields": ["food"],
        "inquirer": inquirer,
    }
    if closed_on is not None:
        data |= {"status": "info_only", "outcome": "案内済"}
    record = inquiries.add_inquiry(db, NewInquiry.read(data, today=TODAY), actor=actor_for("clerk"))
    if closed_on is not None:
        with sqlite3.connect(db.path) as conn:
            conn.execute(
                "UPDATE inquiry SET closed_at = ?, closed_on = ? WHERE receipt_no = ?",
                (f"{closed_on.isoformat()} 03:00:00.000000", closed_on.isoformat(),
                 record.receipt_no),
            )  # fmt: skip
        conn.close()
    return record.receipt_no


def inquirer_of(db: Database, receipt: str) -> dict[str, Any]:
    return inquiries.get_inquiry(db, receipt, actor=actor_for("x")).inquirer.to_json()


from tests.sync.conftest import office, office_templates  # noqa: E402, F401 (fixtures)
