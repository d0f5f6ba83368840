"""Signing in on the command line and `staff add|list|disable|unlock|password`, with refusals."""

from __future__ import annotations

import time

import pytest

from tests.conftest import ADMIN_PASSWORD

PASSWORD = "shibakoen-2026"


@pytest.fixture
def clerk(run, db_path, monkeypatch):
    """An account `tanaka` (clerk) added by admin; the environment still signs in as admin."""
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", PASSWORD)
    added = run("staff", "add", "tanaka", "--name", "田中 花子", "--role", "clerk", db=db_path)
    assert added.code == 0, added.err
    assert added.out.strip() == "ユーザー「tanaka」（窓口職員）を追加しました。"
    monkeypatch.delenv("RENKEI_DESK_NEW_PASSWORD")
    return "tanaka"


def as_user(monkeypatch, login: str, password: str) -> None:
    monkeypatch.setenv("RENKEI_DESK_USER", login)
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", password)


def test_staff_list_shows_every_account(run, db_path, clerk):
    listed = run("staff", "list", "--json", db=db_path)
    assert [(item["login"], item["role"]) for item in listed.json()["items"]] == [
        ("admin", "admin"),
        ("tanaka", "clerk"),
    ]
    plain = run("staff", "list", db=db_path)
    assert "tanaka\t田中 花子\t窓口職員\t" in plain.out


def test_the_user_comes_from_the_option_or_the_environment(run, db_path, clerk, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", PASSWORD)
    assert run("--user", "tanaka", "inquiry", "list", db=db_path).code == 0
    assert run("inquiry", "list", "--user", "tanaka", db=db_path).code == 0
    monkeypatch.setenv("RENKEI_DESK_USER", "tanaka")
    assert run("inquiry", "list", db=db_path).code == 0
    # The default user is admin, whose password this is not.
    monkeypatch.delenv("RENKEI_DESK_USER")
    assert run("inquiry", "list", db=db_path).code == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ja", "ユーザー「admin」でサインインできませんでした: ユーザー名かパスワードが違うか"),
        ("en", 'Could not sign in as "admin": the user name or the password is wrong'),
    ],
)
def test_a_wrong_password_is_refused_and_nothing_changes(
    run, db_path, snapshot, monkeypatch, set_language, sample_inquiry, write_json, lang, text
):
    set_language(lang)
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "not-the-password")
    before = snapshot(db_path)
    result = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path)
    assert result.code == 2
    assert result.err.startswith(text)
    assert result.out == ""
    after = snapshot(db_path)
    assert after["inquiry"] == before["inquiry"] == 0
    assert after["audit_log"] == before["audit_log"] + 1  # the failed sign-in, and only that


def test_no_password_and_no_terminal_is_refused(run, db_path, monkeypatch, snapshot):
    monkeypatch.delenv("RENKEI_DESK_PASSWORD")
    before = snapshot(db_path)
    result = run("inquiry", "list", db=db_path, stdin="")
    assert result.code == 2
    assert "パスワードがありません: 端末から実行して入力するか、環境変数 RENKEI_DESK_PASSWORD" in (
        result.err
    )
    assert snapshot(db_path) == before


def test_a_password_is_asked_at_a_terminal(run, db_path, monkeypatch):
    import getpass
    import sys

    monkeypatch.delenv("RENKEI_DESK_PASSWORD")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    asked: list[str] = []
    monkeypatch.setattr(getpass, "getpass", lambda prompt: asked.append(prompt) or ADMIN_PASSWORD)
    assert run("inquiry", "list", db=db_path).code == 0
    assert asked == ["パスワード: "]


def test_failures_slow_down_and_an_admin_resets_the_wait(run, db_path, clerk, monkeypatch):
    as_user(monkeypatch, "tanaka", "wrong-password")
    for _ in range(3):  # answered at once; the fourth would wait a second
        assert "サインインできませんでした" in run("inquiry", "list", db=db_path).err
    as_user(monkeypatch, "admin", ADMIN_PASSWORD)
    unlocked = run("staff", "unlock", "tanaka", db=db_path)
    assert unlocked.out.strip() == "ユーザー「tanaka」のロックを解除しました。"
    as_user(monkeypatch, "tanaka", PASSWORD)
    started = time.perf_counter()
    assert run("inquiry", "list", db=db_path).code == 0
    assert time.perf_counter() - started < 1.0


def test_a_disabled_account_cannot_sign_in(run, db_path, clerk, monkeypatch):
    assert run("staff", "disable", "tanaka", db=db_path).code == 0
    as_user(monkeypatch, "tanaka", PASSWORD)
    result = run("inquiry", "list", db=db_path)
    assert result.code == 2
    # The words of every refusal: a stranger cannot tell a disabled account from none.
    assert "ユーザー「tanaka」でサインインできませんでした" in result.err
    assert "無効" not in result.err


@pytest.mark.parametrize(
    "command",
    [
        ("staff", "list"),
        ("staff", "add", "sato", "--name", "佐藤", "--role", "admin"),
        ("staff", "disable", "admin"),
        ("staff", "unlock", "admin"),
        ("staff", "password", "admin"),
        ("config", "set", "package-password"),
        ("demo-data", "--count", "5"),
    ],
)
def test_a_clerk_is_refused_what_only_an_admin_may_do(
    run, db_path, clerk, monkeypatch, snapshot, command
):
    as_user(monkeypatch, "tanaka", PASSWORD)
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "yet-another-pw")
    before = snapshot(db_path)
    result = run(*command, db=db_path, stdin="package-secret-1\n")
    assert result.code == 2
    assert "システム管理者以上の権限が必要です（あなたの権限: 窓口職員）。" in result.err
    assert snapshot(db_path) == before


def test_a_clerk_changes_their_own_password(run, db_path, clerk, monkeypatch):
    as_user(monkeypatch, "tanaka", PASSWORD)
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "new-secret-2026")
    changed = run("staff", "password", "tanaka", db=db_path)
    assert changed.out.strip() == "ユーザー「tanaka」のパスワードを変更しました。"
    assert run("inquiry", "list", db=db_path).code == 2
    as_user(monkeypatch, "tanaka", "new-secret-2026")
    assert run("inquiry", "list", db=db_path).code == 0


def test_staff_add_refuses_a_weak_password_and_adds_nobody(run, db_path, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "short")
    result = run("staff", "add", "sato", "--name", "佐藤", "--role", "clerk", db=db_path)
    assert result.code == 2
    assert result.err.strip() == "パスワードが短すぎます: 10文字以上にしてください。"
    assert [i["login"] for i in run("staff", "list", "--json", db=db_path).json()["items"]] == [
        "admin"
    ]


def test_staff_add_without_a_new_password_is_refused(run, db_path):
    result = run("staff", "add", "sato", "--name", "佐藤", "--role", "clerk", db=db_path, stdin="")
    assert result.code == 2
    assert "新しいパスワードがありません" in result.err


def test_init_creates_admin_with_the_password_and_refuses_a_weak_one(run, new_db_path, monkeypatch):
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "weak")
    refused = run("init", "--office", "SHIBA", db=new_db_path)
    assert refused.code == 2
    assert "パスワードが短すぎます" in refused.err
    assert not new_db_path.exists()
    monkeypatch.delenv("RENKEI_DESK_PASSWORD")
    assert (
        "パスワードがありません" in run("init", "--office", "SHIBA", db=new_db_path, stdin="").err
    )
    assert not new_db_path.exists()
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", PASSWORD)
    assert run("init", "--office", "SHIBA", db=new_db_path).code == 0
    items = run("staff", "list", "--json", db=new_db_path).json()["items"]
    assert [(i["login"], i["role"]) for i in items] == [("admin", "admin")]
    # Again: now it signs in (an upgrade of the masters is an administrator's).
    assert run("init", "--office", "SHIBA", db=new_db_path).code == 0
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "wrong-password")
    assert run("init", "--office", "SHIBA", db=new_db_path).code == 2
