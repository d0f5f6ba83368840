"""`import-ledger --dry-run` without SQLAlchemy (services/ledger_check.py on cli/light.py's
read, issue 23): the same report, byte for byte, as the full path; the sign-in recorded after
it; refusals as before; the full path for what the light read leaves to it."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.messages import render
from desktop_app.services import database, ledger_check, light_list, passwords, staff
from tests.actors import actor_for
from tests.cli.child_process import run_child
from tests.cli.test_ledger_people import HANAKO_CASE, desk  # noqa: F401 (山田 花子 known)
from tests.cli.test_light_list import _sign_ins
from tests.ledger import ledgers

_PASSWORD = "shiba-kawa-hashi-2026"
HEADERS = ("No.", "受付日", "相談者", "フリガナ", "電話", "相談内容", "分野", "対応状況", "備考")
# A doubtful inquirer, a value placed as その他 and a note kept, an impossible date, a phone
# that is none, the row imported before (with a status word nobody uses) and a repeat of the
# inquiry at the desk.
ROWS = (
    (1, "R7.4.3", "山田 次郎", "ヤマダ ハナコ", "", "防災訓練の相談", "防災", "受付", ""),
    (2, "令和7年4月10日", "鈴木 一郎", "", "03-5555-0101", "物産展の相談", "まちおこし", "対応中", "電話済"),  # noqa: E501
    (3, "令和7年2月30日", "佐藤 花子", "", "03-5555-0202", "観光の相談", "観光", "完了", ""),
    (4, "R7.5.1", "高輪一丁目町会", "", "1234", "祭りの相談", "観光", "済", ""),
    (5, "R7.5.2", "港南商店会 田中", "", "03-5555-0404", "商店街の相談", "物産", "謎", ""),
    (6, "2026/9/14", "山田 花子", "ヤマダ ハナコ", "03-5555-0303", "町会の防災訓練に連携自治体の職員を招きたい。", "防災", "受付", ""),  # noqa: E501
)  # fmt: skip


@pytest.fixture
def checked(desk: Path, tmp_path: Path, run: Any) -> Path:  # noqa: F811 (the fixture above)
    """SHIBA with 山田 花子 known (one inquiry), and row 5 of the ledger imported before."""
    first = ledgers.write_xlsx(tmp_path / "前回.xlsx", [list(HEADERS), list(ROWS[4])])
    assert run("import-ledger", str(first), db=desk).code == 3
    return desk


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return ledgers.write_xlsx(tmp_path / "受付簿.xlsx", [list(HEADERS), *map(list, ROWS)])


@pytest.fixture
def light_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The ledgers the light dry run checked (so that a test knows which path answered)."""
    seen: list[Path] = []
    check = ledger_check.check_ledger

    def counted(conn: sqlite3.Connection, actor: Any, path: Path, **kwargs: Any) -> Any:
        seen.append(path)
        return check(conn, actor, path, **kwargs)

    monkeypatch.setattr(ledger_check, "check_ledger", counted)
    return seen


@pytest.mark.parametrize("options", [(), ("--json",), ("--add-duplicates",)], ids=str)
def test_the_light_dry_run_prints_what_the_full_path_prints(
    run, checked, ledger, monkeypatch, snapshot, light_checks, options
):
    before = snapshot(checked)
    light = run("import-ledger", str(ledger), "--dry-run", *options, db=checked)
    assert light_checks == [ledger]
    monkeypatch.setattr(light_list, "open_light", lambda _path: None)  # the full path
    full = run("import-ledger", str(ledger), "--dry-run", *options, db=checked)

    assert light_checks == [ledger]
    assert light.code == full.code == 3, light.err + full.err
    assert (light.out, light.err) == (full.out, full.err)
    assert snapshot(checked) == before
    if options == ("--json",):
        report = light.json()
        assert report["already_imported"] == 1 and report["dry_run"] is True
        assert [r["row"] for r in report["rejected"]] == [4, 5]
        assert report["doubtful_inquirer_rows"] == [{"row": 2, "receipt_no": HANAKO_CASE}]
        assert report["duplicate_rows"] == [{"row": 7, "receipt_no": HANAKO_CASE}]


def test_the_sign_in_is_recorded_after_the_report(run, checked, ledger, light_checks):
    before = _sign_ins(checked)
    result = run("import-ledger", str(ledger), "--dry-run", db=checked)

    assert result.code == 3 and light_checks == [ledger]
    assert _sign_ins(checked) == [*before, ("sign_in", "admin", None)]


def test_a_refused_file_is_refused_with_its_message_and_the_sign_in_recorded(
    run, checked, tmp_path, snapshot, light_checks
):
    no_header = ledgers.write_xlsx(tmp_path / "表紙.xlsx", [["表紙だけ"], ["何もない"]])
    before, signed = snapshot(checked), _sign_ins(checked)
    result = run("import-ledger", str(no_header), "--dry-run", db=checked)

    assert result.code == 2 and light_checks == [no_header]
    assert "見出しの行が見つかりません" in result.err
    assert snapshot(checked) == before
    assert _sign_ins(checked) == [*signed, ("sign_in", "admin", None)]


def test_a_clerk_is_refused_by_the_full_path_and_the_refusal_audited(
    run, checked, ledger, monkeypatch, snapshot, light_checks
):
    """A clerk may not import: the light path leaves it to the full one, which refuses and
    writes the refusal to the trail as it always did."""
    _signing_in_as(_account(checked, "madoguchi", "clerk"), monkeypatch)
    result = run("import-ledger", str(ledger), "--dry-run", db=checked)

    assert result.code == 2 and light_checks == []
    assert "以上の権限が必要です" in result.err  # permission_denied, as the full path says it
    with sqlite3.connect(checked) as conn:
        refused = conn.execute(
            "SELECT count(*) FROM audit_log WHERE staff = 'madoguchi' AND action != 'sign_in'"
        ).fetchone()[0]
    conn.close()
    assert refused == 1


def test_a_mapping_or_a_rejects_workbook_takes_the_full_path(
    run, checked, ledger, tmp_path, light_checks
):
    out = tmp_path / "直す.xlsx"
    result = run("import-ledger", str(ledger), "--dry-run", "--rejected-out", str(out), db=checked)
    assert result.code == 3 and out.is_file()
    mapping = tmp_path / "profile.json"
    mapping.write_text(json.dumps({"name": "芝", "columns": {}}), encoding="utf-8")
    result = run("import-ledger", str(ledger), "--dry-run", "--mapping", str(mapping), db=checked)
    assert result.code == 3, result.err
    assert light_checks == []


def test_the_dry_run_answers_without_importing_sqlalchemy(tmp_path, checked, ledger):
    seen, done = run_child(
        ["--db", str(checked), "import-ledger", str(ledger), "--dry-run", "--json"], tmp_path
    )

    assert seen == {"code": 3, "sqlalchemy": False}, done.stderr
    assert json.loads(done.stdout)["already_imported"] == 1


def _bad_file(tmp_path: Path, kind: str) -> tuple[Path, str]:
    """A ledger the file checks refuse, and the Japanese refusal's words."""
    if kind == "no header":
        path = ledgers.write_xlsx(tmp_path / "表紙.xlsx", [["表紙だけ"], ["何もない"]])
        return path, render("ledger_no_header", "ja", path=path.name, sheet="受付簿")
    if kind == "not a workbook":
        path = tmp_path / "壊れた.xlsx"
        path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)  # a zip's start, nothing after
        return path, f"「{path.name}」"
    path = tmp_path / "ない.xlsx"
    return path, render("file_not_found", "ja", path=path)


def _account(checked: Path, login: str, role: str, *, disabled: bool = False) -> str:
    """An account of `role` (disabled, or not) added to the desk: its login."""
    db = database.connect(checked)
    try:
        staff.add_staff(
            db, actor=actor_for("admin"), login=login, name="窓口 太郎", role=role,
            password=_PASSWORD,
        )  # fmt: skip
        if disabled:
            staff.disable_staff(db, login, actor=actor_for("admin"))
    finally:
        db.dispose()
    return login


def _signing_in_as(login: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RENKEI_DESK_USER", login)
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", _PASSWORD)


@pytest.mark.parametrize("kind", ["no header", "not a workbook", "missing"])
@pytest.mark.parametrize("who", ["wrong password", "disabled account"])
def test_a_refused_sign_in_is_refused_whatever_the_file_holds(
    run, checked, tmp_path, snapshot, monkeypatch, kind, who
):
    """The file is read while the password is verified (cli/ledger.py), but a sign-in the
    light path does not pass is refused by the full path exactly as before, and nothing is
    said about the file: the message, the exit code and the failure's record alone."""
    path, file_words = _bad_file(tmp_path, kind)
    login = "admin"
    if who == "disabled account":  # a supervisor, who may import, but disabled
        login = _account(checked, "tanaka", "supervisor", disabled=True)
        _signing_in_as(login, monkeypatch)
    else:
        monkeypatch.setenv("RENKEI_DESK_PASSWORD", "not-the-password")
    before, signed = snapshot(checked), _sign_ins(checked)
    result = run("import-ledger", str(path), "--dry-run", db=checked)

    assert result.code == 2
    assert render("sign_in_failed", "ja", user=login) in result.err
    assert file_words not in result.err and path.name not in result.err + result.out
    assert result.out == ""
    after = snapshot(checked)
    assert after["audit_log"] == before["audit_log"] + 1  # the failure, and nothing else
    assert {**after, "audit_log": 0} == {**before, "audit_log": 0}
    assert _sign_ins(checked) == [*signed, ("sign_in_failed", login, _sign_ins(checked)[-1][2])]


@pytest.mark.parametrize("kind", ["no header", "not a workbook", "missing"])
def test_a_good_sign_in_then_the_files_refusal(run, checked, tmp_path, snapshot, kind):
    path, file_words = _bad_file(tmp_path, kind)
    before, signed = snapshot(checked), _sign_ins(checked)
    result = run("import-ledger", str(path), "--dry-run", db=checked)

    assert result.code == 2
    assert file_words in result.err
    assert "サインインできませんでした" not in result.err
    after = snapshot(checked)
    assert {**after, "audit_log": 0} == {**before, "audit_log": 0}  # the sign-in, the refusal
    assert _sign_ins(checked) == [*signed, ("sign_in", "admin", None)]


def test_the_file_is_read_while_the_password_is_verified(run, checked, ledger, monkeypatch):
    """The verification on a thread of its own, the file on this one, both before the
    sign-in answers; the rows matched only after."""
    seen: list[tuple[str, str]] = []
    verify, open_sheet, match = passwords.matches, ledger_check.open_sheet, ledger_check.match

    def verifying(*args: Any) -> bool:
        seen.append(("verify", threading.current_thread().name))
        return verify(*args)

    def opening(*args: Any) -> Any:
        seen.append(("open", threading.current_thread().name))
        return open_sheet(*args)

    def matching(*args: Any, **kwargs: Any) -> Any:
        seen.append(("match", threading.current_thread().name))
        return match(*args, **kwargs)

    monkeypatch.setattr(passwords, "matches", verifying)
    monkeypatch.setattr(ledger_check, "open_sheet", opening)
    monkeypatch.setattr(ledger_check, "match", matching)
    assert run("import-ledger", str(ledger), "--dry-run", db=checked).code == 3

    main = threading.main_thread().name
    assert sorted(seen[:2]) == [("open", main), ("verify", "argon2")]
    assert seen[2:] == [("match", main)]
