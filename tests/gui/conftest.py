"""Fixtures of the GUI tests: a real database file, a DbRunner, a context with labels.

QSettings and the log directory are pointed into tmp_path for every test, so no test reads or
writes the person's own preferences or logs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from desktop_app.domain.actor import Role
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.local_time import local_today
from desktop_app.services import inquiries
from desktop_app.services.database import Database
from desktop_app.services.records import InquiryRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.vocab import load_vocab
from desktop_app.ui.worker import DbRunner
from tests.actors import actor_for

WAIT_MS = 10_000
TODAY = local_today()


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def make_desk(qtbot) -> Iterator[Callable[..., AppContext]]:
    """`make_desk(db, lang="ja")`: a context with its own DbRunner (shut down afterwards),
    signed in as an administrator unless `role` says otherwise."""
    runners: list[DbRunner] = []

    def make(
        db: Database, lang: str = "ja", staff: str = "tanaka", role: Role = Role.ADMIN
    ) -> AppContext:
        runner = DbRunner(lang=lang)
        runners.append(runner)
        return AppContext(
            db,
            "SHIBA",
            actor_for(staff, role),
            lang,
            runner,
            runner.query_now(lambda: load_vocab(db, lang)),
        )

    yield make
    for runner in runners:
        runner.shutdown()


@pytest.fixture
def desk(make_desk, db: Database) -> AppContext:
    return make_desk(db)


@pytest.fixture
def settle(qtbot) -> Callable[[AppContext], None]:
    """`settle(ctx)`: wait until every queued database job and its callback has run."""

    def wait(ctx: AppContext) -> None:
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)
        qtbot.wait(1)
        qtbot.waitUntil(lambda: not ctx.runner.busy, timeout=WAIT_MS)

    return wait


def add(db: Database, subject: str, received: dt.date, **values: Any) -> InquiryRecord:
    """An inquiry recorded through the service, as the intake form would."""
    data: dict[str, Any] = {"received_at": received.isoformat(), "subject": subject}
    data["inquirer"] = values.pop("inquirer", {"type": "resident", "name": "山田 花子"})
    for key, value in values.items():
        data[key] = value.isoformat() if isinstance(value, dt.date) else value
    return inquiries.add_inquiry(db, NewInquiry.read(data), actor=actor_for("tanaka"))


@pytest.fixture
def cases(db: Database) -> dict[str, InquiryRecord]:
    """Four inquiries that differ in every filtered attribute (newest first: a, d, b, c)."""
    return {
        "a": add(
            db,
            "柚子の物産展に出店したい",
            days_ago(2),
            channel="visit",
            relationship="hub",
            fields=["food"],
            inquirer={
                "type": "resident",
                "name": "鈴木 一郎",
                "kana": "スズキ イチロウ",
                "phone": "03-5555-0101",
                "address": "港区芝5-36-4",
            },
        ),
        "b": add(
            db,
            "防災協定の締結について",
            days_ago(10),
            channel="email",
            relationship="gov_project",
            fields=["disaster"],
            status="in_progress",
            follow_up_due=days_ago(3),
            inquirer={"type": "municipality", "organization": "いわき市 危機管理課"},
        ),
        "c": add(
            db,
            "職員交流の受入れ",
            days_ago(40),
            channel="phone",
            relationship="gov_staff",
            fields=["staff_exchange"],
            status="info_only",
            outcome="制度を案内した",
            inquirer={"type": "department", "organization": "総務課"},
        ),
        "d": add(
            db,
            "商店街マルシェの出店者募集",
            days_ago(5),
            channel="event",
            relationship="business_business",
            fields=["food", "industry"],
            follow_up_due=TODAY,
            inquirer={"type": "npo", "organization": "NPO法人みなとマルシェ"},
        ),
    }
