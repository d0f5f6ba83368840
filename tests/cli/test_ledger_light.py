"""`import-ledger --dry-run` without SQLAlchemy (services/ledger_check.py on cli/light.py's
read, issue 23): the same report, byte for byte, as the full path; the sign-in recorded after
it; refusals as before; the full path for what the light read leaves to it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries, ledger_check, light_list
from tests.actors import actor_for
from tests.ledger import ledgers

ROOT = Path(__file__).resolve().parents[2]
HANAKO = {"type": "resident", "name": "山田 花子", "kana": "ヤマダ ハナコ", "phone": "03-5555-0303"}
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
def desk(db_path: Path, sample_inquiry: dict[str, Any], tmp_path: Path, run: Any) -> Path:
    """SHIBA with 山田 花子 known, and row 5 of the ledger imported before (alone)."""
    db = database.connect(db_path)
    try:
        inquiries.add_inquiry(
            db, NewInquiry.read({**sample_inquiry, "inquirer": HANAKO}), actor=actor_for("clerk")
        )
    finally:
        db.dispose()
    first = ledgers.write_xlsx(tmp_path / "前回.xlsx", [list(HEADERS), list(ROWS[4])])
    assert run("import-ledger", str(first), db=db_path).code == 3
    return db_path


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    return ledgers.write_xlsx(tmp_path / "受付簿.xlsx", [list(HEADERS), *map(list, ROWS)])


@pytest.fixture
def light_checks(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The ledgers the light dry run checked (so that a test knows which path answered)."""
    checked: list[Path] = []
    check = ledger_check.check_ledger

    def counted(conn: sqlite3.Connection, actor: Any, path: Path, **kwargs: Any) -> Any:
        checked.append(path)
        return check(conn, actor, path, **kwargs)

    monkeypatch.setattr(ledger_check, "check_ledger", counted)
    return checked


def _sign_ins(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT action, entity_id FROM audit_log WHERE entity = 'staff' ORDER BY pk"
        ).fetchall()
    conn.close()
    return rows


@pytest.mark.parametrize("options", [(), ("--json",), ("--add-duplicates",)], ids=str)
def test_the_light_dry_run_prints_what_the_full_path_prints(
    run, desk, ledger, monkeypatch, snapshot, light_checks, options
):
    before = snapshot(desk)
    light = run("import-ledger", str(ledger), "--dry-run", *options, db=desk)
    assert light_checks == [ledger]
    monkeypatch.setattr(light_list, "open_light", lambda _path: None)  # the full path
    full = run("import-ledger", str(ledger), "--dry-run", *options, db=desk)

    assert light_checks == [ledger]
    assert light.code == full.code == 3, light.err + full.err
    assert (light.out, light.err) == (full.out, full.err)
    assert snapshot(desk) == before
    if options == ("--json",):
        report = light.json()
        assert report["already_imported"] == 1 and report["dry_run"] is True
        assert [r["row"] for r in report["rejected"]] == [4, 5]
        assert report["doubtful_inquirer_rows"] == [{"row": 2, "receipt_no": "SHIBA-2026-00001"}]
        assert report["duplicate_rows"] == [{"row": 7, "receipt_no": "SHIBA-2026-00001"}]


def test_the_sign_in_is_recorded_after_the_report(run, desk, ledger, light_checks):
    before = _sign_ins(desk)
    result = run("import-ledger", str(ledger), "--dry-run", db=desk)

    assert result.code == 3 and light_checks == [ledger]
    assert _sign_ins(desk) == [*before, ("sign_in", "admin")]


def test_a_refused_file_is_refused_with_its_message_and_the_sign_in_recorded(
    run, desk, tmp_path, snapshot, light_checks
):
    no_header = ledgers.write_xlsx(tmp_path / "表紙.xlsx", [["表紙だけ"], ["何もない"]])
    before, signed = snapshot(desk), _sign_ins(desk)
    result = run("import-ledger", str(no_header), "--dry-run", db=desk)

    assert result.code == 2 and light_checks == [no_header]
    assert "見出しの行が見つかりません" in result.err
    assert snapshot(desk) == before
    assert _sign_ins(desk) == [*signed, ("sign_in", "admin")]


def test_a_clerk_is_refused_by_the_full_path_and_the_refusal_audited(
    run, desk, ledger, monkeypatch, snapshot, light_checks
):
    """A clerk may not import: the light path leaves it to the full one, which refuses and
    writes the refusal to the trail as it always did."""
    db = database.connect(desk)
    try:
        from desktop_app.services import staff

        staff.add_staff(
            db, actor=actor_for("admin"), login="madoguchi", name="窓口 太郎", role="clerk",
            password="shiba-kawa-hashi-2026",
        )  # fmt: skip
    finally:
        db.dispose()
    monkeypatch.setenv("RENKEI_DESK_USER", "madoguchi")
    monkeypatch.setenv("RENKEI_DESK_PASSWORD", "shiba-kawa-hashi-2026")
    result = run("import-ledger", str(ledger), "--dry-run", db=desk)

    assert result.code == 2 and light_checks == []
    assert "以上の権限が必要です" in result.err  # permission_denied, as the full path says it
    with sqlite3.connect(desk) as conn:
        refused = conn.execute(
            "SELECT count(*) FROM audit_log WHERE staff = 'madoguchi' AND action != 'sign_in'"
        ).fetchone()[0]
    conn.close()
    assert refused == 1


def test_a_mapping_or_a_rejects_workbook_takes_the_full_path(
    run, desk, ledger, tmp_path, light_checks
):
    out = tmp_path / "直す.xlsx"
    result = run("import-ledger", str(ledger), "--dry-run", "--rejected-out", str(out), db=desk)
    assert result.code == 3 and out.is_file()
    mapping = tmp_path / "profile.json"
    mapping.write_text(json.dumps({"name": "芝", "columns": {}}), encoding="utf-8")
    result = run("import-ledger", str(ledger), "--dry-run", "--mapping", str(mapping), db=desk)
    assert result.code == 3, result.err
    assert light_checks == []


CHILD = """
import json, sys
from desktop_app.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "sqlalchemy": "sqlalchemy" in sys.modules}), file=sys.stderr)
"""


def test_the_dry_run_answers_without_importing_sqlalchemy(tmp_path, desk, ledger):
    done = subprocess.run(
        [sys.executable, "-c", CHILD, "--db", str(desk), "import-ledger", str(ledger)]
        + ["--dry-run", "--json"],
        cwd=ROOT,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "XDG_DATA_HOME": str(tmp_path / "xdg-data"),
            "XDG_STATE_HOME": str(tmp_path / "xdg-state"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    seen = json.loads(done.stderr.strip().splitlines()[-1])

    assert seen == {"code": 3, "sqlalchemy": False}, done.stderr
    assert json.loads(done.stdout)["already_imported"] == 1
