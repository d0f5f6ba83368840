"""Every route that shows an inquirer's personal values in full is masked for a clerk or
audited as a read, and a clerk cannot recover a masked phone by searching for its digits."""

from __future__ import annotations

import sqlite3

import pytest

from desktop_app.domain.actor import Role
from desktop_app.services import database, inquirers
from tests.actors import actor_for

PASSWORD = "shinbashi-2026"
PHONE, EMAIL, ADDRESS = "03-5555-0101", "taro@example.jp", "港区高輪1-1-1"


@pytest.fixture
def desk(run, db_path, monkeypatch, write_json, sample_inquiry):
    """SHIBA with one inquiry (phone, e-mail, address) and a clerk and a supervisor."""
    sample_inquiry["inquirer"]["email"] = EMAIL
    sample_inquiry["subject"] = "第3回 防災訓練 2026"
    assert (
        run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path).code == 0
    )
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", PASSWORD)
    for login, role in (("tanaka", "clerk"), ("sato", "supervisor")):
        assert run("staff", "add", login, "--name", login, "--role", role, db=db_path).code == 0
    monkeypatch.delenv("RENKEI_DESK_NEW_PASSWORD")
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", PASSWORD)
    return db_path


def _reads(path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    with conn:
        rows = conn.execute(
            "SELECT staff, entity_id FROM audit_log WHERE action = 'read' ORDER BY pk"
        ).fetchall()
    conn.close()
    return rows


def _receipt_and_inquirer(run, desk) -> tuple[str, str]:
    item = run("--user", "sato", "--json", "inquiry", "list", db=desk).json()["items"][0]
    return item["receipt_no"], item["inquirer"]["id"]


def test_an_update_that_changes_nothing_shows_a_clerk_no_personal_value(run, desk):
    receipt, _ = _receipt_and_inquirer(run, desk)
    for as_json in ((), ("--json",)):
        result = run("--user", "tanaka", *as_json, "inquiry", "update", receipt,
                     "--set", "status=received", db=desk)  # fmt: skip
        assert result.code == 0, result.err
        for value in (PHONE, "5555", EMAIL, ADDRESS):
            assert value not in result.out
        assert "03-****-0101" in result.out
    assert _reads(desk) == []


def test_adding_to_an_existing_inquirer_shows_a_clerk_no_personal_value(
    run, desk, write_json, sample_inquiry
):
    _, inquirer_id = _receipt_and_inquirer(run, desk)
    sample_inquiry["inquirer"] = {"id": inquirer_id}
    result = run("--user", "tanaka", "--json", "inquiry", "add", "--json-file",
                 str(write_json(sample_inquiry)), db=desk)  # fmt: skip
    assert result.code == 0, result.err
    assert result.json()["inquirer"]["phone"] == "03-****-0101"
    for value in (PHONE, EMAIL, ADDRESS):
        assert value not in result.out
    # A supervisor, who may list personal data, sees it in full.
    shown = run("--user", "sato", "--json", "inquiry", "update", result.json()["receipt_no"],
                "--set", "status=received", db=desk)  # fmt: skip
    assert shown.json()["inquirer"]["phone"] == PHONE


def test_show_is_the_audited_read(run, desk):
    receipt, inquirer_id = _receipt_and_inquirer(run, desk)
    shown = run("--user", "tanaka", "--json", "inquiry", "show", receipt, db=desk)
    assert shown.json()["inquirer"]["phone"] == PHONE
    assert _reads(desk) == [("tanaka", inquirer_id)]


def test_duplicate_suggestions_are_masked_for_a_clerk_and_linking_is_a_read(desk):
    db = database.connect(desk)
    try:
        clerk = actor_for("tanaka", Role.CLERK)
        found = inquirers.suggest_duplicates(db, name="鈴木", actor=clerk)
        assert [m.inquirer.phone for m in found] == ["03-****-0101"]
        assert found[0].inquirer.email == "ta***@example.jp" and found[0].inquirer.address == ""
        supervisor = actor_for("sato", Role.SUPERVISOR)
        assert (
            inquirers.suggest_duplicates(db, name="鈴木", actor=supervisor)[0].inquirer.phone
            == PHONE
        )
        # A phone probe must be the whole number.
        assert inquirers.suggest_duplicates(db, phone="0355550101", actor=clerk)
        assert not inquirers.suggest_duplicates(db, phone="03555501", actor=clerk)
        opened = inquirers.open_inquirer(db, found[0].inquirer.id, actor=clerk)
        assert opened.phone == PHONE
    finally:
        db.dispose()
    assert _reads(desk) == [("tanaka", found[0].inquirer.id)]


@pytest.mark.parametrize("probe", ["5555", "55", "0101", "555501", "03-5555", "5555-0101"])
def test_a_clerk_cannot_find_a_phone_by_some_of_its_digits(run, desk, probe):
    result = run("--user", "tanaka", "--json", "inquiry", "list", "--query", f"鈴木 {probe}",
                 db=desk)  # fmt: skip
    assert result.code == 0
    assert result.json()["count"] == 0
    # ... while a supervisor, who sees the number anyway, finds it.
    found = run("--user", "sato", "--json", "inquiry", "list", "--query", f"鈴木 {probe}", db=desk)
    assert found.json()["count"] == 1


def test_a_clerk_finds_a_phone_as_a_whole_and_digits_of_the_text(run, desk):
    for query in ("鈴木 03-5555-0101", "0355550101", "2026", "第3回", "3"):
        result = run("--user", "tanaka", "--json", "inquiry", "list", "--query", query, db=desk)
        assert result.json()["count"] == 1, query
        streamed = run("--user", "tanaka", "--json", "inquiry", "list", "--all", "--query", query,
                       db=desk)  # fmt: skip
        assert streamed.code == 0 and "03-****-0101" in streamed.out
