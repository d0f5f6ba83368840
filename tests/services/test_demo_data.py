"""Demo data on real files: plausible, consistent, deterministic; refusals write nothing."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from desktop_app.demo import corpus
from desktop_app.demo.service import MAX_COUNT, DemoReport, first_start, generate_demo_data
from desktop_app.domain import text
from desktop_app.domain.dates import fiscal_year
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.domain.receipt import parse_receipt
from desktop_app.domain.workflow import CLOSED_STATUSES
from desktop_app.services import database, inquiries, search, setup
from tests.actors import actor_for

TODAY = dt.date(2026, 11, 23)
COUNT = 3000
# A フリガナ box: katakana, the long-vowel mark and a space (half- or full-width) between names.
KATAKANA_READING = re.compile("[ァ-ヶー]+(?:[ \u3000][ァ-ヶー]+)*")
UUID4 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")

# Where each vocabulary's codes are stored.
VOCAB_COLUMNS = {
    "inquirer_type": "SELECT DISTINCT type FROM inquirer",
    "relationship": "SELECT DISTINCT relationship FROM inquiry",
    "step": "SELECT DISTINCT step FROM inquiry",
    "domain": "SELECT DISTINCT domain FROM inquiry",
    "field": "SELECT DISTINCT code FROM inquiry_field",
    "form": "SELECT DISTINCT code FROM inquiry_form",
    "channel": "SELECT DISTINCT channel FROM inquiry",
    "status": "SELECT DISTINCT status FROM inquiry",
    # 状況変更 lines are written by a status change at the desk, never generated.
    "action_kind": "SELECT DISTINCT kind FROM action UNION SELECT 'status_change'",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory, template_db: Path) -> tuple[Path, DemoReport]:
    """One SHIBA database with COUNT demo inquiries, shared by the read-only tests."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(template_db, path)
    db = database.connect(path)
    report = generate_demo_data(db, count=COUNT, seed=7, today=TODAY)
    db.dispose()
    return path, report


@pytest.fixture
def sql(demo: tuple[Path, DemoReport]) -> Iterator[Callable[..., list[Any]]]:
    conn = sqlite3.connect(f"file:{demo[0]}?mode=ro", uri=True)
    yield lambda query, *args: conn.execute(query, args).fetchall()
    conn.close()


def dump(path: Path) -> dict[str, list[Any]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY {order}").fetchall()
            for table, order in (
                ("inquirer", "pk"),
                ("inquiry", "pk"),
                ("action", "pk"),
                ("inquiry_field", "inquiry_pk, code"),
                ("inquiry_municipality", "inquiry_pk, code"),
                ("receipt_counter", "office_code, fiscal_year"),
            )
        }


def test_report_counts_match_the_rows(demo, sql):
    _, report = demo
    assert report.inquiries == COUNT == sql("SELECT count(*) FROM inquiry")[0][0]
    assert report.inquirers == sql("SELECT count(*) FROM inquirer")[0][0]
    assert report.actions == sql("SELECT count(*) FROM action")[0][0]
    code_rows = sum(
        sql(f"SELECT count(*) FROM {t}")[0][0]
        for t in ("inquiry_field", "inquiry_form", "inquiry_municipality", "inquiry_agreement")
    )
    assert report.code_rows == code_rows
    assert report.rows == COUNT + report.inquirers + report.actions + code_rows
    assert report.offices == ("SHIBA",)
    assert report.to_json()["inquiries"] == COUNT
    # Repeat inquirers give history and duplicate detection something to find.
    assert report.inquirers < 0.85 * COUNT
    assert sql("SELECT max(n) FROM (SELECT count(*) n FROM inquiry GROUP BY inquirer_id)")[0][0] > 2
    respelled = sql(
        "SELECT count(*) FROM (SELECT match_key FROM inquirer WHERE match_key != '' "
        "GROUP BY match_key HAVING count(DISTINCT organization || name) > 1)"
    )
    assert respelled[0][0] > 0


def test_every_vocabulary_code_is_used(sql):
    for vocab, query in VOCAB_COLUMNS.items():
        known = {row[0] for row in sql("SELECT code FROM vocab_term WHERE vocab = ?", vocab)}
        used = {row[0] for row in sql(query)}
        assert known, vocab
        assert known <= used, (vocab, known - used)
        assert used - {None} <= known, (vocab, used - known)
    bodies = {row[0] for row in sql("SELECT DISTINCT code FROM inquiry_agreement")}
    assert bodies <= {row[0] for row in sql("SELECT code FROM agreement_body")}
    assert bodies


def test_dates_lie_in_the_two_fiscal_years_up_to_today(sql):
    first, last = sql("SELECT min(received_at), max(received_at) FROM inquiry")[0]
    assert dt.date(2025, 4, 1) <= dt.date.fromisoformat(first) <= dt.date(2025, 4, 10)
    assert dt.date(2026, 11, 1) <= dt.date.fromisoformat(last) <= TODAY
    for column, table in (
        ("action_date", "action"),
        ("replied_on", "action"),
        ("substr(closed_at, 1, 10)", "inquiry"),
        ("substr(updated_at, 1, 10)", "inquiry"),
        ("substr(updated_at, 1, 10)", "inquirer"),
    ):
        latest = sql(f"SELECT max({column}) FROM {table}")[0][0]
        assert dt.date.fromisoformat(latest) <= TODAY, column
    assert sql(
        "SELECT count(*) FROM action a JOIN inquiry i ON i.id = a.inquiry_id "
        "WHERE a.action_date < i.received_at"
    ) == [(0,)]


def test_statuses_follow_the_workflow(sql):
    closed = tuple(sorted(CLOSED_STATUSES))
    marks = ",".join("?" * len(closed))
    assert sql(
        f"SELECT count(*) FROM inquiry WHERE status IN ({marks}) AND "
        "(outcome IS NULL OR outcome = '' OR closed_at IS NULL OR follow_up_due IS NOT NULL)",
        *closed,
    ) == [(0,)]
    assert sql(
        f"SELECT count(*) FROM inquiry WHERE status NOT IN ({marks}) AND "
        "(outcome IS NOT NULL OR closed_at IS NOT NULL OR follow_up_due IS NULL)",
        *closed,
    ) == [(0,)]
    overdue = sql(
        f"SELECT count(*) FROM inquiry WHERE status NOT IN ({marks}) AND follow_up_due < ?",
        *closed,
        TODAY.isoformat(),
    )[0][0]
    assert 0 < overdue < COUNT / 4
    # A referred case has its referral; a referral says to whom and when the reply is due.
    assert sql(
        "SELECT count(*) FROM inquiry i WHERE status = 'referred' AND NOT EXISTS "
        "(SELECT 1 FROM action a WHERE a.inquiry_id = i.id AND a.kind = 'referral')"
    ) == [(0,)]
    assert sql(
        "SELECT count(*) FROM action WHERE kind = 'referral' "
        "AND (referred_to = '' OR reply_due IS NULL)"
    ) == [(0,)]
    per_inquiry = sql("SELECT max(n) FROM (SELECT count(*) n FROM action GROUP BY inquiry_id)")
    assert per_inquiry[0][0] <= 4


def test_receipt_numbers_are_unique_and_the_counters_continue_them(sql):
    rows = sql("SELECT receipt_no, office_code, received_at FROM inquiry")
    assert len({row[0] for row in rows}) == len(rows)
    last: dict[tuple[str, int], int] = {}
    for receipt_no, office, received_at in rows:
        parsed_office, year, seq = parse_receipt(receipt_no)
        assert parsed_office == office
        assert year == fiscal_year(dt.date.fromisoformat(received_at))
        last[(office, year)] = max(last.get((office, year), 0), seq)
    counters = {(o, y): n for o, y, n in sql("SELECT * FROM receipt_counter")}
    assert counters == last
    # Numbers are issued in date order, without gaps.
    for (office, year), n in counters.items():
        seqs = sql(
            "SELECT receipt_no FROM inquiry WHERE office_code = ? AND receipt_no LIKE ? "
            "ORDER BY received_at, pk",
            office,
            f"{office}-{year}-%",
        )
        assert [parse_receipt(r[0])[2] for r in seqs] == list(range(1, n + 1))


def test_sync_columns_and_folded_inquirer_columns(sql):
    assert sql(
        "SELECT count(*) FROM inquiry WHERE origin != office_code OR rev != 1 OR deleted "
        "OR updated_by = '' OR staff = ''"
    ) == [(0,)]
    for table in ("inquirer", "action"):
        assert sql(f"SELECT count(*) FROM {table} WHERE rev != 1 OR deleted") == [(0,)]
    ids = [row[0] for t in ("inquirer", "inquiry", "action") for row in sql(f"SELECT id FROM {t}")]
    assert all(UUID4.fullmatch(i) for i in ids)
    assert len(set(ids)) == len(ids)
    inquirers = sql("SELECT organization, name, phone, phone_digits, match_key FROM inquirer")
    for organization, name, phone, phone_digits, match_key in inquirers:
        assert phone_digits == text.digits(phone)
        assert match_key == text.match_key(organization, name)
        assert organization or name
    keys = sql("SELECT name, kana, name_key, kana_key FROM inquirer")
    for name, kana, name_key, kana_key in keys:
        assert (name_key, kana_key) == (text.name_key(name), text.fold(kana))
    # Phones are written in several ways, as people write them.
    phones = [row[2] for row in inquirers if row[2]]
    assert any("-" in p for p in phones) and any(p.isdigit() for p in phones)
    assert any("（" in p or "(" in p for p in phones) and any("０" in p for p in phones)


def test_search_finds_generated_words(demo, sql):
    path, _ = demo
    db = database.connect(path)
    try:
        for term in ("商店街", "移住", "防災訓練"):
            expected = sql(
                "SELECT count(*) FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id "
                "WHERE i.subject LIKE ? OR i.content LIKE ? OR q.organization LIKE ?",
                *[f"%{term}%"] * 3,
            )[0][0]
            assert expected > 0
            assert search.count_inquiries(db, search.InquiryFilter(text=term)) == expected
        phone = sql("SELECT phone FROM inquirer WHERE phone LIKE '(%' OR phone LIKE '（%'")[0][0]
        found = search.first_rows(db, search.InquiryFilter(text=text.digits(phone)), limit=5)
        assert found
    finally:
        db.dispose()


def test_same_seed_same_rows_other_seed_other_rows(tmp_path, template_db):
    dumps = []
    for name, seed in (("a", 3), ("b", 3), ("c", 4)):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copyfile(template_db, path)
        db = database.connect(path)
        generate_demo_data(db, count=300, seed=seed, today=TODAY)
        db.dispose()
        dumps.append(dump(path))
    assert dumps[0] == dumps[1]
    assert dumps[0]["inquiry"] != dumps[2]["inquiry"]


def test_appending_continues_ids_and_receipt_numbers(db: Database, db_path: Path, sample_inquiry):
    sample_inquiry["received_at"] = TODAY.isoformat()
    sample_inquiry["follow_up_due"] = None
    with db.write() as session:  # a practice case typed first: only a training database
        setup.mark_training(session)  # takes demo data beside its cases (issue 18.4)
    before = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("clerk")
    )
    assert before.receipt_no == "SHIBA-2026-00001"
    first = generate_demo_data(db, count=200, seed=1, today=TODAY)
    second = generate_demo_data(db, count=200, seed=1, today=TODAY)
    assert first.offices == second.offices == ("SHIBA",)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT count(*), count(DISTINCT id), count(DISTINCT receipt_no) FROM inquiry"
        ).fetchone() == (401, 401, 401)
        assert conn.execute("SELECT sum(last) FROM receipt_counter").fetchone() == (401,)
        assert conn.execute("SELECT count(*) FROM search_text").fetchone() == (401,)
        last = conn.execute(
            "SELECT last FROM receipt_counter WHERE office_code = 'SHIBA' AND fiscal_year = 2026"
        ).fetchone()[0]
    conn.close()
    # An ordinary save afterwards takes the next number; the rows from before stay searchable.
    after = inquiries.add_inquiry(
        db, NewInquiry.read(sample_inquiry, today=TODAY), actor=actor_for("clerk")
    )
    assert after.receipt_no == f"SHIBA-2026-{last + 1:05d}"
    found = search.first_rows(db, search.InquiryFilter(text="高輪一丁目町会"), limit=1000)
    assert {before.receipt_no, after.receipt_no} <= {row.receipt_no for row in found}


@pytest.mark.parametrize("count", [0, -5, MAX_COUNT + 1])
def test_a_bad_count_is_refused_and_nothing_is_written(db, db_path, snapshot, count):
    before = snapshot(db_path)
    with pytest.raises(UserError) as refused:
        generate_demo_data(db, count=count, today=TODAY)
    assert refused.value.code == "count_invalid"
    assert str(count) in refused.value.message("ja")
    assert snapshot(db_path) == before


def test_an_uninitialised_database_is_refused(new_db_path):
    db = database.connect(new_db_path)
    try:
        with pytest.raises(UserError) as refused:
            generate_demo_data(db, count=10, today=TODAY)
        assert refused.value.code == "not_initialised"
        assert setup.office_of(db) is None
    finally:
        db.dispose()


def test_a_branch_database_holds_only_its_own_cases(sql):
    for table, column in (
        ("inquiry", "office_code"),
        ("inquiry", "origin"),
        ("inquiry", "substr(receipt_no, 1, instr(receipt_no, '-') - 1)"),
        ("inquirer", "origin"),
        ("action", "origin"),
        ("receipt_counter", "office_code"),
    ):
        assert sql(f"SELECT DISTINCT {column} FROM {table}") == [("SHIBA",)], (table, column)
    assert {row[0].split(".")[0] for row in sql("SELECT DISTINCT staff FROM inquiry")} == {"shiba"}


def test_the_central_office_database_holds_every_offices_cases(tmp_path):
    path = tmp_path / "hq.sqlite3"
    db = database.connect(path)
    try:
        setup.initialise(db, "HQ")
        report = generate_demo_data(db, count=900, seed=2, today=TODAY)
        assert setup.is_training(db)
    finally:
        db.dispose()
    offices = ("HQ", "SHIBA", "AZABU", "AKASAKA", "TAKANAWA", "SHIBAURA")
    assert set(report.offices) == set(offices)
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        per_office = dict(conn.execute("SELECT office_code, count(*) FROM inquiry GROUP BY 1"))
        # As if imported: each case, its inquirer and its actions come from the same office.
        foreign = conn.execute(
            "SELECT count(*) FROM inquiry i JOIN inquirer q ON q.id = i.inquirer_id "
            "WHERE q.origin != i.office_code OR i.origin != i.office_code OR EXISTS "
            "(SELECT 1 FROM action a WHERE a.inquiry_id = i.id AND a.origin != i.office_code)"
        ).fetchone()
    conn.close()
    assert set(per_office) == set(offices)
    assert min(per_office.values()) > 50
    assert foreign == (0,)


def test_demo_data_marks_a_training_database(demo, db, sql):
    assert not setup.is_training(db)  # a desk database without demo data
    assert sql("SELECT value FROM setting WHERE key = 'training'") == [("1",)]
    opened = database.connect(demo[0])
    try:
        assert setup.is_training(opened)
    finally:
        opened.dispose()


def test_every_person_a_case_names_has_a_name_and_cannot_sign_in(sql):
    named = {
        login: (name, active, hashed)
        for login, name, active, hashed in sql(
            "SELECT login, display_name, active, password_hash FROM staff"
        )
    }
    people = {
        login
        for (login,) in sql(
            "SELECT staff FROM inquiry UNION SELECT updated_by FROM inquiry"
            " UNION SELECT staff FROM action UNION SELECT updated_by FROM action"
        )
    }
    assert people and people <= set(named)
    family = {kanji for kanji, _, _ in corpus.FAMILY_NAMES}
    given = {kanji for kanji, _, _ in corpus.GIVEN_NAMES}
    for login in people:
        name, active, hashed = named[login]
        surname, first = name.split(" ")
        assert surname in family and first in given, name
        assert not active and hashed is None  # nobody signs in as them


def test_demo_data_a_second_time_adds_only_the_new_people(db, db_path):
    generate_demo_data(db, count=30, seed=2, today=TODAY)
    with sqlite3.connect(db_path) as conn:
        before = dict(conn.execute("SELECT login, display_name FROM staff").fetchall())
    generate_demo_data(db, count=30, seed=3, today=TODAY)
    with sqlite3.connect(db_path) as conn:
        after = dict(conn.execute("SELECT login, display_name FROM staff").fetchall())
        cases = {login for (login,) in conn.execute("SELECT DISTINCT staff FROM inquiry")}
    assert before.items() <= after.items() and cases <= set(after)


def test_a_refused_demo_load_does_not_mark_the_database(db):
    with pytest.raises(UserError):
        generate_demo_data(db, count=0, today=TODAY)
    assert not setup.is_training(db)


def test_first_start_sets_up_a_training_branch_database_once(new_db_path):
    db = database.connect(new_db_path)
    try:
        assert first_start(db, office="SHIBA", demo_count=40) is True
        assert setup.office_of(db) == "SHIBA"
        assert setup.is_training(db)
        assert first_start(db, office="SHIBA", demo_count=40) is False
        assert search.count_inquiries(db, search.InquiryFilter()) == 40
        assert search.count_inquiries(db, search.InquiryFilter(office="SHIBA")) == 40
    finally:
        db.dispose()


def _template_pattern(template: str) -> re.Pattern[str]:
    """A filled template's shape: its own words, any text where a {slot} was."""
    parts = re.split(r"\{[a-z]+\}", template)
    return re.compile(".+?".join(re.escape(part) for part in parts))


def test_subject_and_content_tell_the_same_story(sql):
    stories = [
        (
            scenario.key,
            [_template_pattern(t) for t in story.subjects],
            [_template_pattern(t) for t in story.requests],
        )
        for scenario in corpus.SCENARIOS
        for story in scenario.stories
    ]
    told: set[str] = set()
    for subject, content in sql("SELECT subject, content FROM inquiry"):
        agreeing = [
            key
            for key, subjects, requests in stories
            if any(p.fullmatch(subject) for p in subjects)
            and any(p.search(content) for p in requests)
        ]
        assert agreeing, (subject, content)
        told.update(agreeing)
    assert told == {scenario.key for scenario in corpus.SCENARIOS}


def test_the_culture_story_no_longer_mixes_cooking_with_sports():
    culture = next(s for s in corpus.SCENARIOS if s.key == "culture_sports")
    for story in culture.stories:
        words = "".join(story.subjects + story.requests)
        assert not ("郷土料理" in words and "試合" in words), story


def test_furigana_is_katakana(sql):
    kana = [row[0] for row in sql("SELECT kana FROM inquirer WHERE kana != ''")]
    assert len(kana) > 1000
    not_katakana = [k for k in kana if not KATAKANA_READING.fullmatch(k)]
    assert not_katakana == []
    # The same person written again another way keeps a katakana reading, spaced otherwise.
    assert any("\u3000" in k for k in kana)
