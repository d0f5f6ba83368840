"""The exchange end to end: three offices, each its own database, driven as real `renkei-desk`
processes the way a script or a clerk at a terminal drives them.

One story runs through every merge rule in the order they happen at a desk (insert, re-import,
a gap and the stale package that fills it, update, field merge, the same change, a conflict
resolved per field whose resolution travels back and is taken cleanly, the next edit); the
other tests cover what is refused (edited, corrupt, not a package, for another office,
personal data without the password), formula-like text, master packages and the dry run. Every
refusal checks its Japanese message, its exit code and that the database did not change.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests.sync.conftest import dump

pytestmark = pytest.mark.slow

OFFICES = ("HQ", "SHIBA", "AZABU")
PASSWORD = "minato-shared-secret-2026"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _program() -> list[str]:
    """The installed console script beside this interpreter, else the module itself."""
    script = Path(sys.executable).with_name("renkei-desk")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app"]


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@dataclass
class Office:
    """One office's PC: its database file and the environment its commands run in."""

    code: str
    db: Path
    env: dict[str, str]

    def run(self, *args: str, stdin: str | None = None, password: bool = False) -> Result:
        env = dict(self.env)
        if password:
            env["RENKEI_DESK_PACKAGE_PASSWORD"] = PASSWORD
        done = subprocess.run(
            [*_program(), "--db", str(self.db), *args],
            input=stdin,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stdout + done.stderr, done.stderr
        return Result(done.returncode, done.stdout, done.stderr)

    def ok(self, *args: str, **options: Any) -> Result:
        result = self.run(*args, **options)
        assert result.code == 0, (args, result.out, result.err)
        return result

    def add_case(self, subject: str, **extra: Any) -> dict[str, Any]:
        record = {
            "received_at": "2026-10-01",
            "channel": "phone",
            "subject": subject,
            "inquirer": {"type": "resident", "name": "港 花子", "phone": "03-5555-0101"},
            **extra,
        }
        data = self.ok("--json", "inquiry", "add", "--json-file", "-", stdin=json.dumps(record))
        return dict(data.json())

    def show(self, receipt: str) -> dict[str, Any]:
        return dict(self.ok("--json", "inquiry", "show", receipt).json())

    def update(self, receipt: str, *settings: str) -> None:
        self.ok("inquiry", "update", receipt, *(part for s in settings for part in ("--set", s)))

    def export(self, out: Path, *options: str, **run: Any) -> Result:
        return self.run("--json", "export-sync", "--out", str(out), *options, **run)

    def import_(self, *files: Path, options: tuple[str, ...] = (), **run: Any) -> Result:
        return self.run("--json", "import-sync", *map(str, files), *options, **run)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each office initialised once by `renkei-desk init`; tests work on copies."""
    folder = tmp_path_factory.mktemp("templates")
    env = _environment(folder)
    for code in OFFICES:
        Office(code, folder / f"{code}.sqlite3", env).ok("init", "--office", code)
    return {code: folder / f"{code}.sqlite3" for code in OFFICES}


@pytest.fixture
def offices(templates: dict[str, Path], tmp_path: Path) -> Iterator[dict[str, Office]]:
    env = _environment(tmp_path)
    made = {}
    for code, template in templates.items():
        path = tmp_path / f"{code}.sqlite3"
        shutil.copyfile(template, path)
        made[code] = Office(code, path, env)
    yield made


def _environment(folder: Path) -> dict[str, str]:
    """Japanese messages, no real user directories, no password unless a test gives one."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("RENKEI_DESK_PACKAGE_PASSWORD", "RENKEI_DESK_DB", "LC_ALL", "LC_MESSAGES")
    }
    env |= {
        "LANG": "ja_JP.UTF-8",
        "RENKEI_DESK_LANG": "ja",
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_STATE_HOME": str(folder / "xdg-state"),
    }
    return env


def _figures(result: Result) -> dict[str, Any]:
    report = result.json()
    return {key: report[key] for key in ("inserted", "updated", "merged", "stale", "conflicts")}


def _refusal(office: Office, *args: str, **run: Any) -> str:
    """Run a command that must be refused: exit 2, a message, and the database untouched."""
    before = dump(office.db)
    result = office.run(*args, **run)
    assert result.code == 2, (result.out, result.err)
    assert dump(office.db) == before
    return result.err


# --- every merge rule, in the order a desk meets them ------------------------------------


@pytest.mark.deep  # 46 s of whole processes: `make test-deep` (CI runs it), not `make test`
def test_every_merge_rule_between_a_branch_and_the_central_office(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    case = shiba.add_case("物産展への出店相談", content="区内の商店街で物産展を開きたい。")
    receipt = case["receipt_no"]

    # 1. insert; a re-import changes nothing, exits 0 and says so
    shiba.ok("export-sync", "--out", str(tmp_path / "s1.xlsx"))
    first = hq.import_(tmp_path / "s1.xlsx")
    assert first.code == 0, first.err
    assert _figures(first) == {"inserted": 2, "updated": 0, "merged": 0, "stale": 0, "conflicts": 0}
    before = dump(hq.db, audit=False)
    again = hq.run("import-sync", str(tmp_path / "s1.xlsx"))
    assert again.code == 0
    assert "s1.xlsx は取込済みです（変更はありません）" in again.out
    assert "変更なし 2" in again.out
    assert dump(hq.db, audit=False) == before

    # 6. package 3 arrives before package 2: written before HQ answered anything, it carries
    # package 2's rows again and makes it good, said once (services/sync_acks; a gap that stays
    # is a lost personal package, tests/sync/test_exchange_orders); 3. only the sender changed
    shiba.update(receipt, "subject=物産展への出店相談（二回目）")
    shiba.ok("export-sync", "--out", str(tmp_path / "s2.xlsx"))
    shiba.update(receipt, "subject=物産展への出店相談（確定）")
    shiba.ok("export-sync", "--out", str(tmp_path / "s3.xlsx"))
    gap = hq.import_(tmp_path / "s3.xlsx")
    assert gap.code == 0, gap.err
    assert gap.json()["warnings"] == []
    assert gap.json()["packages"][0]["notes"] == [
        "SHIBA の送付ファイル 2 は送付ファイル 3 で補われました"
    ]
    assert _figures(gap)["updated"] == 1
    assert hq.show(receipt)["subject"] == "物産展への出店相談（確定）"
    assert "s3.xlsx は取込済みです" in hq.run("import-sync", str(tmp_path / "s3.xlsx")).out

    # 5. the late package 2 is older than what arrived: stale, skipped, reported; no more gap
    late = hq.import_(tmp_path / "s2.xlsx")
    assert late.code == 0, late.err
    assert (late.json()["stale"], late.json()["warnings"]) == (1, [])
    assert hq.show(receipt)["subject"] == "物産展への出店相談（確定）"

    # 4a. both changed, different fields: merged automatically, neither lost
    hq.update(receipt, "follow_up_due=2026-12-15")
    shiba.update(receipt, "step=2_connect")
    shiba.ok("export-sync", "--out", str(tmp_path / "s4.xlsx"))
    merged = hq.import_(tmp_path / "s4.xlsx")
    assert merged.code == 0, merged.err
    assert (_figures(merged)["merged"], _figures(merged)["conflicts"]) == (1, 0)
    at_hq = hq.show(receipt)
    assert (at_hq["follow_up_due"], at_hq["step"]) == ("2026-12-15", "2_connect")

    # 4b. the same change on both sides is no conflict
    hq.update(receipt, "domain=B")
    shiba.update(receipt, "domain=B")
    shiba.ok("export-sync", "--out", str(tmp_path / "s5.xlsx"))
    same = hq.import_(tmp_path / "s5.xlsx")
    assert same.code == 0, same.err
    assert same.json()["conflicts"] == 0
    assert hq.show(receipt)["domain"] == "B"

    # 4c. one field changed differently on both sides: a conflict, ours kept, exit 3
    hq.update(receipt, "subject=本庁で直した件名", "content=本庁で補った内容。")
    shiba.update(receipt, "subject=支所で直した件名", "content=支所で補った内容。")
    shiba.ok("export-sync", "--out", str(tmp_path / "s6.xlsx"))
    clash = hq.import_(tmp_path / "s6.xlsx")
    assert clash.code == 3
    assert clash.json()["conflicts"] == 1
    assert hq.show(receipt)["subject"] == "本庁で直した件名"
    queue = hq.ok("--json", "conflict", "list").json()
    assert queue["count"] == 1
    item = queue["items"][0]
    assert (item["entity"], item["receipt_no"]) == ("inquiry", receipt)
    assert {f["field"]: (f["ours"], f["theirs"]) for f in item["fields"]} == {
        "subject": ("本庁で直した件名", "支所で直した件名"),
        "content": ("本庁で補った内容。", "支所で補った内容。"),
    }
    assert "未解決の競合: 1 件" in hq.ok("conflict", "list").out

    # resolved per field: ours, but the branch's subject
    resolved = hq.ok("conflict", "resolve", str(item["id"]), "--keep", "ours", "--take", "subject")
    assert f"競合 {item['id']} を解決しました。" in resolved.out
    assert hq.ok("--json", "conflict", "list").json() == {"count": 0, "items": []}
    at_hq = hq.show(receipt)
    assert (at_hq["subject"], at_hq["content"]) == ("支所で直した件名", "本庁で補った内容。")

    # the return package carries the resolution; the branch takes it without a new conflict
    back = hq.export(tmp_path / "h1.xlsx", "--to", "SHIBA")
    assert back.code == 0, back.err
    assert back.json()["to"] == "SHIBA"
    taken = shiba.import_(tmp_path / "h1.xlsx")
    assert taken.code == 0, taken.err
    assert (taken.json()["conflicts"], taken.json()["warnings"]) == (0, [])
    at_shiba = shiba.show(receipt)
    for key in ("subject", "content", "step", "domain", "follow_up_due", "rev"):
        assert at_shiba[key] == hq.show(receipt)[key], key
    assert shiba.ok("--json", "conflict", "list").json()["count"] == 0

    # and the branch's next edit arrives as a plain update
    shiba.update(receipt, "status=in_progress")
    shiba.ok("export-sync", "--out", str(tmp_path / "s7.xlsx"))
    next_edit = hq.import_(tmp_path / "s7.xlsx")
    assert next_edit.code == 0, next_edit.err
    # (a status change writes its own 状況変更 action: that is the row inserted)
    assert _figures(next_edit) == {
        "inserted": 1, "updated": 1, "merged": 0, "stale": 0, "conflicts": 0,
    }  # fmt: skip
    assert hq.show(receipt)["status"] == "in_progress"


def test_a_third_office_stays_apart_and_a_package_for_another_office_is_refused(offices, tmp_path):
    hq, shiba, azabu = offices["HQ"], offices["SHIBA"], offices["AZABU"]
    shiba_case = shiba.add_case("芝の相談")
    azabu_case = azabu.add_case("麻布の相談")
    shiba.ok("export-sync", "--out", str(tmp_path / "shiba.xlsx"))
    azabu.ok("export-sync", "--out", str(tmp_path / "azabu.xlsx"))

    err = _refusal(azabu, "import-sync", str(tmp_path / "shiba.xlsx"))
    assert "shiba.xlsx は HQ 宛ての送付ファイルです（この事務所は AZABU）。" in err

    both = hq.import_(tmp_path / "shiba.xlsx", tmp_path / "azabu.xlsx")
    assert both.code == 0, both.err
    assert [p["from"] for p in both.json()["packages"]] == ["SHIBA", "AZABU"]
    assert both.json()["inserted"] == 4
    hq.update(azabu_case["receipt_no"], "step=2_connect")
    hq.update(shiba_case["receipt_no"], "step=2_connect")

    # SHIBA's return package carries SHIBA's rows only
    back = hq.export(tmp_path / "to-shiba.xlsx", "--to", "SHIBA")
    assert back.json()["counts"]["inquiry"] == 1
    shiba.ok("import-sync", str(tmp_path / "to-shiba.xlsx"))
    assert shiba.show(shiba_case["receipt_no"])["step"] == "2_connect"
    missing = shiba.run("inquiry", "show", azabu_case["receipt_no"])
    assert missing.code == 2

    # the central office must name the destination; a branch cannot send to a branch
    assert "--to で指定してください" in _refusal(hq, "export-sync", "--out", str(tmp_path / "x"))
    err = _refusal(shiba, "export-sync", "--out", str(tmp_path / "x.xlsx"), "--to", "AZABU")
    assert "SHIBA から AZABU へは送付できません" in err
    assert not (tmp_path / "x.xlsx").exists()


# --- packages that are refused -------------------------------------------------------------


def test_an_edited_package_is_refused_naming_the_row_then_accepted(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    case = shiba.add_case("商店街の交流事業")
    shiba.ok("export-sync", "--out", str(tmp_path / "p.xlsx"))
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    sheet = book["受付"]
    column = [cell.value for cell in sheet[1]].index("件名") + 1
    sheet.cell(row=2, column=column, value="手で書き換えた件名")
    book.save(tmp_path / "edited.xlsx")

    err = _refusal(hq, "import-sync", str(tmp_path / "edited.xlsx"))
    assert "edited.xlsx は書き出した後に編集されています（受付 2行目）" in err
    assert "--accept-edited" in err

    accepted = hq.import_(tmp_path / "edited.xlsx", options=("--accept-edited",))
    assert accepted.code == 3
    assert accepted.json()["inserted"] == 2
    warning = "edited.xlsx: 編集を承認し、訂正を取り込みました: 受付 2行目（件名）"
    assert accepted.json()["warnings"] == [warning]
    # The visible correction, checked as a typed entry, is the supervisor's own change.
    assert hq.show(case["receipt_no"])["subject"] == "手で書き換えた件名"


def test_a_corrupt_file_and_a_workbook_that_is_no_package_are_refused(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    shiba.add_case("壊れたファイルの確認")
    shiba.ok("export-sync", "--out", str(tmp_path / "p.xlsx"))
    data = (tmp_path / "p.xlsx").read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    (tmp_path / "notes.xlsx").write_text("メモ: これは表計算のファイルではない", encoding="utf-8")
    ledger = openpyxl.Workbook()
    ledger.active.append(["受付番号", "件名"])
    ledger.active.append(["SHIBA-2026-00001", "台帳の行"])
    ledger.save(tmp_path / "ledger.xlsx")

    err = _refusal(hq, "import-sync", str(tmp_path / "cut.xlsx"))
    assert "「cut.xlsx」は壊れているか、途中で切れています。" in err
    err = _refusal(hq, "import-sync", str(tmp_path / "notes.xlsx"))
    assert (
        "「notes.xlsx」はCSV（テキスト）ファイルで、Excelのブック（.xlsx）ではありません。" in err
    )
    err = _refusal(hq, "import-sync", str(tmp_path / "ledger.xlsx"))
    assert "ledger.xlsx は連携デスクの送付ファイルではありません。" in err
    # a refused file among good ones: the good one is imported, the exit says a file was refused
    mixed = hq.import_(tmp_path / "ledger.xlsx", tmp_path / "p.xlsx")
    assert mixed.code == 2
    assert [p["refused"] is None for p in mixed.json()["packages"]] == [False, True]
    assert mixed.json()["inserted"] == 2


def test_personal_fields_need_the_shared_password_and_travel_encrypted(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    case = shiba.add_case("個人情報を含む相談")
    out = tmp_path / "personal.xlsx"

    err = _refusal(shiba, "export-sync", "--out", str(out), "--include-personal")
    assert "個人情報を含む送付ファイルには共有パスワードが必要です。" in err
    assert not out.exists()

    written = shiba.export(out, "--include-personal", password=True)
    assert written.code == 0, written.err
    assert written.json()["include_personal"] is True
    assert out.read_bytes().startswith(_OLE_MAGIC)  # Excel's own encryption, not a plain zip
    with pytest.raises(Exception):  # noqa: B017 - any reader's refusal: it is encrypted
        openpyxl.load_workbook(out)

    err = _refusal(hq, "import-sync", str(out))
    assert "「personal.xlsx」はパスワードで保護されています。" in err
    imported = hq.import_(out, password=True)
    assert imported.code == 0, imported.err
    assert hq.show(case["receipt_no"])["inquirer"]["phone"] == "03-5555-0101"


def test_a_dry_run_reports_the_same_and_writes_nothing(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    case = shiba.add_case("試行の確認")
    shiba.ok("export-sync", "--out", str(tmp_path / "p.xlsx"))
    cover = dict(openpyxl.load_workbook(tmp_path / "p.xlsx")["表紙"].iter_rows(values_only=True))
    assert cover["件数"] == "受付 1 件、対応履歴 0 件、相談者 1 件"
    assert cover["期間"] == "全期間"
    before = dump(hq.db)

    trial = hq.import_(tmp_path / "p.xlsx", options=("--dry-run",))
    plain = hq.run("import-sync", "--dry-run", str(tmp_path / "p.xlsx"))

    assert trial.code == 0, trial.err
    assert (trial.json()["dry_run"], trial.json()["inserted"]) == (True, 2)
    assert "（試行: 書き込んでいません）" in plain.out
    assert dump(hq.db) == before
    assert hq.run("inquiry", "show", case["receipt_no"]).code == 2
    real = hq.import_(tmp_path / "p.xlsx")
    assert (real.json()["dry_run"], real.json()["inserted"]) == (False, 2)


# --- what travels --------------------------------------------------------------------------

FORMULA_LIKE = {
    "subject": "=SUM(A1:A3) の件",
    "content": "+81 3-5555-0101 へ折り返し\n-1 件目は取消\r\n@担当 宛て",
    "inquirer": {
        "type": "shopping_street",
        "organization": "@芝商店会",
        "name": "-佐藤",
        "phone": "+81-3-5555-0199",
    },
}


def test_formula_like_text_travels_as_text_both_ways(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    case = shiba.add_case(FORMULA_LIKE["subject"], content=FORMULA_LIKE["content"],
                          inquirer=FORMULA_LIKE["inquirer"])  # fmt: skip
    shiba.ok("export-sync", "--out", str(tmp_path / "p.xlsx"))
    hq.ok("import-sync", str(tmp_path / "p.xlsx"))

    at_hq = hq.show(case["receipt_no"])
    assert (at_hq["subject"], at_hq["content"]) == (case["subject"], case["content"])
    assert at_hq["inquirer"]["organization"] == "@芝商店会"
    book = openpyxl.load_workbook(tmp_path / "p.xlsx")
    cells = [cell for row in book["受付"].iter_rows() for cell in row]
    shown = [cell for cell in cells if cell.value == case["subject"]]
    assert shown and all(cell.data_type == "s" for cell in shown)  # text, never a formula

    hq.update(case["receipt_no"], 'subject==HYPERLINK("x") に変更')
    hq.ok("export-sync", "--out", str(tmp_path / "back.xlsx"), "--to", "SHIBA")
    shiba.ok("import-sync", str(tmp_path / "back.xlsx"))
    assert shiba.show(case["receipt_no"])["subject"] == '=HYPERLINK("x") に変更'


def test_master_packages_go_from_the_central_office_to_the_branches(offices, tmp_path):
    hq, azabu = offices["HQ"], offices["AZABU"]
    out = tmp_path / "masters.xlsx"
    written = hq.ok("export-masters", "--out", str(out))
    assert "マスタ送付ファイルを作成しました" in written.out

    taken = azabu.ok("--json", "import-masters", str(out)).json()
    assert taken["inserted"] + taken["updated"] + taken["unchanged"] > 1_000  # municipalities
    again = azabu.ok("import-masters", str(out))
    assert "マスタを取り込みました" in again.out
    assert "追加 0、更新 0" in again.out

    err = _refusal(azabu, "export-masters", "--out", str(tmp_path / "branch.xlsx"))
    assert "マスタ送付ファイルは本庁（HQ）で作成します（この事務所は AZABU）。" in err
    assert not (tmp_path / "branch.xlsx").exists()


def test_every_command_says_no_in_japanese_when_the_database_is_missing(tmp_path):
    office = Office("HQ", tmp_path / "typo.sqlite3", _environment(tmp_path))
    for args in (
        ("export-sync", "--out", "p.xlsx"),
        ("import-sync", "p.xlsx"),
        ("conflict", "list"),
    ):
        result = office.run(*args)
        assert result.code == 2
        assert "データベースがありません" in result.err
    assert not office.db.exists()
