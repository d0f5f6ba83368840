"""Accounts through the service: hashes, weak passwords, lockout, unlock, roles on accounts."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

import pytest

from db.models import utc_now
from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.errors import UserError
from desktop_app.services import staff
from tests.conftest import ADMIN_PASSWORD

PASSWORD = "hamamatsucho-1"


@pytest.fixture
def admin(db) -> Actor:
    return staff.sign_in(db, "admin", ADMIN_PASSWORD)


def accounts(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT login, role, password_hash, active, failed_logins, locked_until FROM staff"
            " ORDER BY login"
        ).fetchall()
    conn.close()
    return rows


def audit(db_path, action: str) -> list[tuple]:
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT staff, entity_id, new FROM audit_log WHERE action = ? ORDER BY pk", (action,)
        ).fetchall()
    conn.close()
    return rows


def refused(code: str, call, *args, **kwargs) -> UserError:
    with pytest.raises(UserError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    return caught.value


def test_passwords_are_argon2id_with_a_salt_of_their_own(db, db_path, admin):
    staff.add_staff(
        db, login="tanaka", name="田中 花子", role="clerk", password=PASSWORD, actor=admin
    )
    staff.add_staff(
        db, login="sato", name="佐藤 次郎", role="clerk", password=PASSWORD, actor=admin
    )
    hashes = {login: hashed for login, _, hashed, *_ in accounts(db_path)}
    assert hashes["tanaka"].startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    salt = {login: hashed.split("$")[4] for login, hashed in hashes.items()}
    assert salt["tanaka"] != salt["sato"] and hashes["tanaka"] != hashes["sato"]
    assert PASSWORD not in "".join(hashes.values())


@pytest.mark.parametrize(
    ("password", "code", "text"),
    [
        ("short-pw1", "password_too_short", "10文字以上にしてください"),
        ("tanaka-2026-desk", "password_has_login", "ユーザー名を含めないでください"),
        ("aaaaaaaaaaaa", "password_one_character", "同じ文字の繰り返し"),
    ],
)
def test_weak_passwords_are_refused_and_nothing_is_added(db, db_path, admin, password, code, text):
    before = accounts(db_path)
    error = refused(
        code,
        staff.add_staff,
        db,
        login="tanaka",
        name="田中",
        role="clerk",
        password=password,
        actor=admin,
    )
    assert text in error.message("ja")
    assert accounts(db_path) == before


def test_a_weak_password_is_refused_when_changed_too(db, db_path, admin):
    before = accounts(db_path)
    refused("password_too_short", staff.change_password, db, "admin", "123456789", actor=admin)
    assert accounts(db_path) == before


def test_sign_in_gives_the_actor_and_is_audited(db, db_path):
    actor = staff.sign_in(db, " Admin ", ADMIN_PASSWORD)
    assert actor == Actor(login="admin", name="管理者", role=Role.ADMIN, office="SHIBA")
    assert audit(db_path, "sign_in")[-1][:2] == ("admin", "admin")


def test_failures_slow_down_but_never_lock_the_administrator_out(db, db_path):
    waits: list[float] = []
    for _ in range(8):
        error = refused(
            "sign_in_failed", staff.sign_in, db, "admin", "wrong-password", sleep=waits.append
        )
        assert "ユーザー名かパスワードが違うか、このアカウントは使えません" in error.message("ja")
    # Three answered at once, then a growing wait before each password is checked.
    assert waits == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert accounts(db_path)[0][4] == 8
    # The right password still signs in, after the wait; and the count starts again.
    actor = staff.sign_in(db, "admin", ADMIN_PASSWORD, sleep=waits.append)
    assert actor.login == "admin" and waits[-1] == 30.0
    assert accounts(db_path)[0][4:] == (0, None)
    waits.clear()
    refused("sign_in_failed", staff.sign_in, db, "admin", "wrong-password", sleep=waits.append)
    assert waits == []
    assert len(audit(db_path, "sign_in_failed")) == 9
    assert audit(db_path, "lock") == []


def test_old_failures_no_longer_slow_a_login_down(db, db_path):
    waits: list[float] = []
    for _ in range(5):
        with pytest.raises(UserError):
            staff.sign_in(db, "admin", "wrong-password", sleep=waits.append)
    later = utc_now() + staff.FAILURE_WINDOW + dt.timedelta(seconds=1)
    waits.clear()
    assert staff.sign_in(db, "admin", ADMIN_PASSWORD, now=later, sleep=waits.append)
    assert waits == []


def test_an_unknown_login_slows_down_as_a_known_one_does(db):
    waits: list[float] = []
    for _ in range(5):
        refused("sign_in_failed", staff.sign_in, db, "nobody", "wrong-password", sleep=waits.append)
    assert waits == [1.0, 2.0]


def test_an_unknown_login_takes_as_long_as_a_wrong_password(db, admin):
    """Both verify one argon2 hash of the real parameters (tanaka's hash is made by
    add_staff; the unknown login's is the dummy), so their times are alike."""
    staff.add_staff(db, login="tanaka", name="田中", role="clerk", password=PASSWORD, actor=admin)
    staff.sign_in(db, "tanaka", PASSWORD)
    timings: dict[str, list[float]] = {"tanaka": [], "nobody": []}
    for _ in range(3):  # three each: the answers are not slowed down yet
        for login, taken in timings.items():
            start = time.perf_counter()
            with pytest.raises(UserError):
                staff.sign_in(db, login, "wrong-password-x")
            taken.append(time.perf_counter() - start)
    known, unknown = min(timings["tanaka"]), min(timings["nobody"])
    assert 0.5 < unknown / known < 2.0, timings


def test_a_password_less_account_takes_as_long_as_a_wrong_password(db, db_path, admin):
    """Demo data adds disabled accounts with no password for the people its cases name; their
    refusal verifies the dummy hash too, so the time does not tell them apart."""
    for login in ("tanaka", "suzuki"):
        staff.add_staff(db, login=login, name="職員", role="clerk", password=PASSWORD, actor=admin)
    with sqlite3.connect(db_path) as conn:  # as demo.accounts stores such an account
        conn.execute("UPDATE staff SET password_hash = NULL, active = 0 WHERE login = 'suzuki'")
    conn.close()
    timings: dict[str, list[float]] = {"tanaka": [], "suzuki": []}
    for _ in range(3):
        for login, taken in timings.items():
            start = time.perf_counter()
            refused("sign_in_failed", staff.sign_in, db, login, "wrong-password-x")
            taken.append(time.perf_counter() - start)
    wrong, password_less = min(timings["tanaka"]), min(timings["suzuki"])
    assert 0.5 < password_less / wrong < 2.0, timings


def test_a_success_resets_the_count_so_failures_must_be_in_a_row(db, db_path):
    for _ in range(4):
        refused("sign_in_failed", staff.sign_in, db, "admin", "wrong-password")
    staff.sign_in(db, "admin", ADMIN_PASSWORD)
    for _ in range(4):
        refused("sign_in_failed", staff.sign_in, db, "admin", "wrong-password")
    assert staff.sign_in(db, "admin", ADMIN_PASSWORD).login == "admin"


def test_an_admin_unlocks_a_slowed_down_account(db, db_path, admin):
    staff.add_staff(db, login="tanaka", name="田中", role="clerk", password=PASSWORD, actor=admin)
    waits: list[float] = []
    for _ in range(5):
        with pytest.raises(UserError):
            staff.sign_in(db, "tanaka", "not-the-password", sleep=waits.append)
    record = staff.unlock_staff(db, "tanaka", actor=admin)
    assert not record.locked() and record.failed_logins == 0
    waits.clear()
    assert staff.sign_in(db, "tanaka", PASSWORD, sleep=waits.append).role is Role.CLERK
    assert waits == []
    assert audit(db_path, "staff_unlock") == [("admin", "tanaka", None)]


def test_every_refusal_says_the_same_and_the_trail_says_why(db, db_path, admin):
    unknown = refused("sign_in_failed", staff.sign_in, db, "nobody", PASSWORD)
    staff.add_staff(db, login="tanaka", name="田中", role="clerk", password=PASSWORD, actor=admin)
    wrong = refused("sign_in_failed", staff.sign_in, db, "tanaka", "not-the-password")
    staff.disable_staff(db, "tanaka", actor=admin)
    disabled = refused("sign_in_failed", staff.sign_in, db, "tanaka", PASSWORD)
    texts = {
        error.message(lang).replace("nobody", "X").replace("tanaka", "X")
        for error in (unknown, wrong, disabled)
        for lang in ("ja",)
    }
    assert len(texts) == 1
    assert "無効" not in texts.pop()
    reasons = [entry[2] for entry in audit(db_path, "sign_in_failed")]
    assert reasons == ["unknown", "wrong password 1", "disabled"]


def test_weak_and_published_passwords_are_refused(db, db_path, admin):
    before = accounts(db_path)
    for weak in ("1234567890", "password12", "qwertyuiop", "abcdefghij"):
        error = refused(
            "password_weak",
            staff.add_staff,
            db,
            login="tanaka",
            name="田中",
            role="clerk",
            password=weak,
            actor=admin,
        )
        assert "推測されやすすぎます" in error.message("ja")
    refused(
        "password_published",
        staff.add_staff,
        db,
        login="tanaka",
        name="田中",
        role="clerk",
        password="kenshu-2026",
        actor=admin,
    )
    refused("password_weak", staff.change_password, db, "admin", "password12", actor=admin)
    assert accounts(db_path) == before


def test_an_admin_cannot_disable_themselves_or_the_last_admin(db, db_path, admin):
    before = accounts(db_path)
    refused("staff_disable_self", staff.disable_staff, db, "admin", actor=admin)
    assert accounts(db_path) == before
    staff.add_staff(db, login="suzuki", name="鈴木", role="admin", password=PASSWORD, actor=admin)
    suzuki = staff.sign_in(db, "suzuki", PASSWORD)
    staff.disable_staff(db, "admin", actor=suzuki)
    other = staff.add_staff(
        db, login="kato", name="加藤", role="admin", password=PASSWORD, actor=suzuki
    )
    staff.disable_staff(db, other.login, actor=suzuki)
    staff.add_staff(db, login="ito", name="伊藤", role="clerk", password=PASSWORD, actor=suzuki)
    assert [r.login for r in staff.list_staff(db, actor=suzuki) if r.active] == ["ito", "suzuki"]
    # `admin`, disabled while still signed in elsewhere, cannot leave the desk without one.
    before = accounts(db_path)
    refused("staff_last_admin", staff.disable_staff, db, "suzuki", actor=admin)
    assert accounts(db_path) == before


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPERVISOR])
def test_only_an_admin_manages_accounts(db, db_path, admin, role):
    staff.add_staff(db, login="tanaka", name="田中", role=str(role), password=PASSWORD, actor=admin)
    staff.add_staff(db, login="sato", name="佐藤", role="clerk", password=PASSWORD, actor=admin)
    user = staff.sign_in(db, "tanaka", PASSWORD)
    before = accounts(db_path)
    for call, args in (
        (staff.add_staff, {"login": "x1", "name": "x", "role": "admin", "password": PASSWORD}),
    ):
        error = refused("permission_denied", call, db, actor=user, **args)
        assert "職員アカウントの管理はシステム管理者以上の権限が必要です" in error.message("ja")
    refused("permission_denied", staff.list_staff, db, actor=user)
    refused("permission_denied", staff.disable_staff, db, "sato", actor=user)
    refused("permission_denied", staff.unlock_staff, db, "sato", actor=user)
    refused("permission_denied", staff.change_password, db, "sato", "another-pass-1", actor=user)
    assert accounts(db_path) == before
    # Their own password, though, is theirs to change.
    staff.change_password(db, "tanaka", "another-pass-1", actor=user)
    assert staff.sign_in(db, "tanaka", "another-pass-1").login == "tanaka"


@pytest.mark.parametrize(
    ("login", "role", "code"),
    [("Tanaka Hanako", "clerk", "login_invalid"), ("tanaka", "boss", "role_unknown")],
)
def test_bad_logins_and_roles_are_refused(db, db_path, admin, login, role, code):
    before = accounts(db_path)
    refused(
        code,
        staff.add_staff,
        db,
        login=login,
        name="田中",
        role=role,
        password=PASSWORD,
        actor=admin,
    )
    assert accounts(db_path) == before


def test_a_login_is_never_taken_twice_and_the_first_admin_only_once(db, db_path, admin):
    staff.add_staff(db, login="tanaka", name="田中", role="clerk", password=PASSWORD, actor=admin)
    before = accounts(db_path)
    refused(
        "staff_exists",
        staff.add_staff,
        db,
        login="TANAKA",
        name="別人",
        role="clerk",
        password=PASSWORD,
        actor=admin,
    )
    refused("staff_exists", staff.create_first_admin, db, PASSWORD)
    assert accounts(db_path) == before
