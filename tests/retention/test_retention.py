"""Retention: exactly the personal fields of exactly the inquirers whose cases all closed
before the cut-off are erased; everything a report counts stays."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from desktop_app.domain.errors import UserError
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.domain.report_figures import Period
from desktop_app.services import inquiries, reports, retention
from tests.actors import actor_for
from tests.conftest import WATCHED_TABLES
from tests.retention.conftest import ADMIN, CLERK, SUPERVISOR, TODAY, case, inquirer_of, person

LONG_AGO = dt.date(2020, 3, 31)  # more than 5 years before TODAY
RECENTLY = dt.date(2024, 6, 1)
NOW = dt.datetime(2026, 11, 1, 3, 0)  # UTC, 12:00 in Tokyo on TODAY


def _snapshot(db) -> dict[str, list]:
    with sqlite3.connect(db.path) as conn:
        found = {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in WATCHED_TABLES
        }
    conn.close()
    return found


@pytest.fixture
def desk(db):
    """Five inquirers: one due for erasure and four that must keep their data."""
    receipts = {
        "old": case(db, person("古川 一郎", "03-1000-0001"), closed_on=LONG_AGO),
        "still_open": case(db, person("開田 二郎", "03-1000-0002"), closed_on=LONG_AGO),
        "recent": case(db, person("近藤 三郎", "03-1000-0003"), closed_on=LONG_AGO),
        "open": case(db, person("未了 四郎", "03-1000-0004")),
        "old2": case(db, person("古川 五郎", "03-1000-0005"), closed_on=LONG_AGO),
    }
    still_open = inquirer_of(db, receipts["still_open"])["id"]
    case(db, {"id": still_open})
    recent = inquirer_of(db, receipts["recent"])["id"]
    case(db, {"id": recent}, closed_on=RECENTLY)
    return receipts


def test_exactly_the_personal_fields_of_exactly_the_right_inquirers_are_erased(db, desk):
    before = {name: inquirer_of(db, receipt) for name, receipt in desk.items()}
    cases_before = {
        name: inquiries.get_inquiry(db, r, actor=actor_for("x")) for name, r in desk.items()
    }

    report = retention.apply(db, actor=ADMIN, today=TODAY)

    assert (report.erased, report.inquiries) == (2, 2)
    assert report.closed_before == dt.date(2021, 11, 1)
    for name in ("old", "old2"):
        after = inquirer_of(db, desk[name])
        for key in PERSONAL_INQUIRER_FIELDS:
            assert after[key] is None, (name, key)
        kept = {k: v for k, v in before[name].items() if k not in PERSONAL_INQUIRER_FIELDS}
        assert {k: after[k] for k in kept} == kept  # type, organisation, notes, id
    for name in ("still_open", "recent", "open"):
        assert inquirer_of(db, desk[name]) == before[name]
    for name, receipt in desk.items():
        after = inquiries.get_inquiry(db, receipt, actor=actor_for("x")).to_json()
        was = cases_before[name].to_json()
        assert {k: v for k, v in after.items() if k != "inquirer"} == {
            k: v for k, v in was.items() if k != "inquirer"
        }


def test_the_erased_name_is_no_longer_found_by_search(db, desk):
    from desktop_app.services.search import InquiryFilter, count_inquiries

    assert count_inquiries(db, InquiryFilter(text="古川 一郎")) == 1
    retention.apply(db, actor=ADMIN, today=TODAY)
    assert count_inquiries(db, InquiryFilter(text="古川 一郎")) == 0
    assert count_inquiries(db, InquiryFilter(text="開田")) == 2  # both cases of one who stays


def test_report_totals_are_unchanged(db, desk):
    periods = [Period.fiscal_year(2019), Period.fiscal_year(2024), Period.fiscal_year(2026)]
    before = [reports.build_report(db, p, actor=ADMIN, now=NOW) for p in periods]
    retention.apply(db, actor=ADMIN, today=TODAY)
    after = [reports.build_report(db, p, actor=ADMIN, now=NOW) for p in periods]
    assert [r.headline for r in after] == [r.headline for r in before]
    assert [r.breakdowns for r in after] == [r.breakdowns for r in before]
    assert before[0].headline != before[1].headline  # the figures are not all empty


def test_a_dry_run_counts_and_changes_nothing(db, desk):
    before = _snapshot(db)
    report = retention.apply(db, actor=ADMIN, dry_run=True, today=TODAY)
    assert (report.erased, report.dry_run) == (2, True)
    assert _snapshot(db) == before


def test_a_cut_off_within_the_period_is_refused_and_changes_nothing(db, desk):
    before = _snapshot(db)
    with pytest.raises(UserError) as refused:
        retention.apply(db, actor=ADMIN, closed_before=dt.date(2024, 1, 1), today=TODAY)
    assert refused.value.message("ja") == (
        "2024-01-01 より前に完了した相談はまだ保存期間内です。"
        "2021-11-01 以前の日付を指定してください。"
    )
    assert _snapshot(db) == before


def test_an_earlier_cut_off_erases_less(db, desk):
    report = retention.apply(db, actor=ADMIN, closed_before=dt.date(2019, 1, 1), today=TODAY)
    assert report.erased == 0
    assert inquirer_of(db, desk["old"])["name"] == "古川 一郎"


@pytest.mark.parametrize("actor", [CLERK, SUPERVISOR])
def test_only_an_administrator_may_erase(db, desk, actor):
    before = _snapshot(db)
    with pytest.raises(UserError) as refused:
        retention.apply(db, actor=actor, today=TODAY)
    assert "保存期間経過データの消去はシステム管理者以上の権限が必要です" in refused.value.message(
        "ja"
    )
    assert _snapshot(db) == before


def test_the_period_is_a_setting(db, desk):
    retention.set_period(db, 10, actor=ADMIN)
    assert retention.period_years(db) == 10
    assert retention.apply(db, actor=ADMIN, today=TODAY).erased == 0
    retention.set_period(db, 3, actor=ADMIN)
    assert retention.apply(db, actor=ADMIN, today=TODAY).erased == 2
    retention.set_period(db, 1, actor=ADMIN)  # 2024-06-01 is past a one-year period too
    assert retention.apply(db, actor=ADMIN, today=TODAY).erased == 1


@pytest.mark.parametrize(("code", "again"), [("SHIBA", 0), ("HQ", 1)])
def test_a_person_whose_erasure_hq_refused_is_left_to_hq_by_a_branch_only(office, code, again):
    """HQ refuses a branch's erasure of a person another office still serves, and the branch
    takes the values back un-erased (docs/sync-format.md, "Erasure"): the branch's retention
    leaves that person to HQ's from then on; HQ's own retention leaves nobody to anyone."""
    db = office(code)
    receipt = case(db, person("古川 一郎", "03-1000-0001"), closed_on=LONG_AGO)
    assert retention.apply(db, actor=ADMIN, today=TODAY).erased == 1
    with sqlite3.connect(db.path) as conn:  # as HQ's refusal leaves it at the branch
        conn.execute(
            "UPDATE inquirer SET erased_at = NULL, phone = '03-1000-0001' WHERE id = ?",
            (inquirer_of(db, receipt)["id"],),
        )
    conn.close()

    assert retention.apply(db, actor=ADMIN, today=TODAY).erased == again
    assert (inquirer_of(db, receipt)["phone"] == "03-1000-0001") is (again == 0)
