"""The shared package password is never in the database in clear: it is sealed per supervisor
and administrator, opened by their sign-in. Each check forgets what this process opened, as a
new command on another day would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.services import package_key

SECRET = "ward-shared-secret-2026"
STAFF_PASSWORD = "shinbashi-2026"


@pytest.fixture(autouse=True)
def nothing_opened(monkeypatch):
    monkeypatch.delenv(package_key.ENVIRONMENT, raising=False)
    package_key.forget_all()
    yield
    package_key.forget_all()


def _settings(path: Path) -> dict[str, str]:
    with sqlite3.connect(path) as conn:
        rows = dict(conn.execute("SELECT key, value FROM setting").fetchall())
    conn.close()
    return rows


def _export_personal(run, db: Path, out: Path, user: str = "admin"):
    return run("--user", user, "export-sync", "--out", str(out), "--include-personal", db=db)


def _set(run, db_path: Path) -> None:
    done = run("config", "set", "package-password", db=db_path, stdin=SECRET + "\n")
    assert done.code == 0, done.err


def test_the_password_is_sealed_not_stored_and_opens_at_an_admins_sign_in(run, db_path, tmp_path):
    _set(run, db_path)
    package_key.forget_all()

    assert SECRET.encode() not in db_path.read_bytes()
    settings = _settings(db_path)
    assert package_key.SETTING not in settings
    assert SECRET not in "".join(settings.values())
    assert "package_slot:admin" in settings
    assert run("audit", "list", "--json", db=db_path).out.count('"package_password"') >= 1

    made = _export_personal(run, db_path, tmp_path / "p.xlsx")
    assert made.code == 0, made.err


def test_without_any_sign_in_of_a_holder_nothing_opens_it(run, db_path, tmp_path):
    _set(run, db_path)
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(db_path.read_bytes())
    package_key.forget_all()
    from desktop_app.services.database import connect

    db = connect(copy)
    try:
        # What a reader of a copied file gets without a supervisor's or admin's password.
        assert not package_key.is_set(db)
    finally:
        db.dispose()


def test_a_supervisor_added_by_an_admin_gets_a_slot_and_a_clerk_none(
    run, db_path, tmp_path, monkeypatch
):
    _set(run, db_path)
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", STAFF_PASSWORD)
    for login, role in (("sato", "supervisor"), ("tanaka", "clerk")):
        assert run("staff", "add", login, "--name", login, "--role", role, db=db_path).code == 0
    package_key.forget_all()
    settings = _settings(db_path)
    assert "package_slot:sato" in settings and "package_slot:tanaka" not in settings
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", STAFF_PASSWORD)

    made = _export_personal(run, db_path, tmp_path / "p.xlsx", user="sato")

    assert made.code == 0, made.err


def test_an_older_plain_setting_is_sealed_at_the_first_admin_sign_in(run, db_path, tmp_path):
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO setting (key, value) VALUES ('package_password', ?)", (SECRET,))
    conn.close()

    assert run("inquiry", "list", db=db_path).code == 0
    package_key.forget_all()

    settings = _settings(db_path)
    assert package_key.SETTING not in settings and "package_slot:admin" in settings
    assert SECRET.encode() not in db_path.read_bytes()  # not even in a freed page
    assert _export_personal(run, db_path, tmp_path / "p.xlsx").code == 0


def test_the_environment_still_gives_it_to_scripts(run, db_path, tmp_path, monkeypatch):
    refused = _export_personal(run, db_path, tmp_path / "p.xlsx")
    assert refused.code == 2
    monkeypatch.setenv(package_key.ENVIRONMENT, SECRET)
    assert _export_personal(run, db_path, tmp_path / "q.xlsx").code == 0
    assert package_key.SETTING not in _settings(db_path)


def test_a_password_reset_by_an_admin_keeps_the_supervisors_slot(
    run, db_path, tmp_path, monkeypatch
):
    _set(run, db_path)
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", STAFF_PASSWORD)
    assert (
        run("staff", "add", "sato", "--name", "佐藤", "--role", "supervisor", db=db_path).code == 0
    )
    old_slot = _settings(db_path)["package_slot:sato"]
    package_key.forget_all()
    monkeypatch.setenv("RENKEI_DESK_NEW_PASSWORD", "yamanote-line-2027")

    assert run("staff", "password", "sato", db=db_path).code == 0  # the admin opens it first
    package_key.forget_all()

    assert _settings(db_path)["package_slot:sato"] != old_slot  # sealed to the new key
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "yamanote-line-2027")
    assert _export_personal(run, db_path, tmp_path / "p.xlsx", user="sato").code == 0
