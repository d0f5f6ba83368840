"""The exchange in the orders offices really work in, through the CLI between real databases.

A weekly return package crossing the branch's next package, a return package written while a
conflict is open, a supervisor who resolves days later, personal fields sent once in a while,
a lost package made good by a full one, a dry run of several files. Each test checks both
offices' final rows, the open conflicts and what the next package does.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_app.cli import main
from desktop_app.excel.sync_package import Manifest, sign
from desktop_app.services import package_key
from tests.sync.conftest import dump

PASSWORD = "minato-shared-secret-2026"
OFFICES = ("HQ", "SHIBA", "AZABU")
PERSONAL = {"name": "港 花子", "phone": "03-5555-0101", "address": "港区芝公園1-5-25"}


@dataclass
class Office:
    """One office's database and the in-process `renkei-desk` that works on it."""

    code: str
    db: Path
    invoke: Callable[..., tuple[int, str, str]]

    def run(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        return self.invoke("--db", str(self.db), *args, stdin=stdin)

    def ok(self, *args: str, stdin: str | None = None) -> Any:
        code, out, err = self.run("--json", *args, stdin=stdin)
        assert code == 0, (args, out, err)
        return json.loads(out) if out.strip() else None

    def add_case(self, subject: str) -> str:
        record = {
            "received_at": "2026-10-01",
            "channel": "phone",
            "subject": subject,
            "content": "最初の内容",
            "inquirer": {"type": "resident", **PERSONAL},
        }
        added = self.ok("inquiry", "add", "--json-file", "-", stdin=json.dumps(record))
        return str(added["receipt_no"])

    def update(self, receipt: str, **values: str) -> None:
        self.ok(
            "inquiry",
            "update",
            receipt,
            *(p for k, v in values.items() for p in ("--set", f"{k}={v}")),
        )

    def show(self, receipt: str) -> dict[str, Any]:
        return dict(self.ok("inquiry", "show", receipt))

    def export(self, out: Path, *options: str) -> dict[str, Any]:
        to = ("--to", "SHIBA") if self.code == "HQ" else ()
        return dict(self.ok("export-sync", "--out", str(out), *to, *options))

    def take(self, *files: Path, options: tuple[str, ...] = (), code: int = 0) -> dict[str, Any]:
        result = self.run("--json", "import-sync", *map(str, files), *options)
        assert result[0] == code, result
        return dict(json.loads(result[1]))

    def open_conflicts(self) -> list[dict[str, Any]]:
        return list(self.ok("conflict", "list")["items"])


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("order-offices")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_DATA_HOME", str(folder / "xdg-data"))
        patch.setenv("XDG_STATE_HOME", str(folder / "xdg-state"))
        patch.setenv("RENKEI_DESK_LANG", "ja")
        for code in OFFICES:
            assert main(["--db", str(folder / f"{code}.sqlite3"), "init", "--office", code]) == 0
    return {code: folder / f"{code}.sqlite3" for code in OFFICES}


@pytest.fixture
def offices(
    templates: dict[str, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[dict[str, Office]]:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("RENKEI_DESK_LANG", "ja")
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", PASSWORD)
    monkeypatch.delenv("RENKEI_DESK_DB", raising=False)

    def invoke(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        import io
        import sys

        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    made = {}
    for code, template in templates.items():
        shutil.copyfile(template, tmp_path / f"{code}.sqlite3")
        made[code] = Office(code, tmp_path / f"{code}.sqlite3", invoke)
    yield made


SHARED = ("subject", "content", "step", "channel", "status", "rev", "updated_at")


def _same_everywhere(hq: Office, shiba: Office, receipt: str) -> dict[str, Any]:
    """Both offices hold the same live values and the same version; the values."""
    at_hq, at_shiba = hq.show(receipt), shiba.show(receipt)
    assert {k: at_shiba[k] for k in SHARED} == {k: at_hq[k] for k in SHARED}
    return at_hq


def _quiet(result: dict[str, Any]) -> None:
    assert (result["conflicts"], result["warnings"], result["rejected"]) == (0, [], 0), result


def _shared_case(hq: Office, shiba: Office, folder: Path) -> str:
    receipt = shiba.add_case("最初の件名")
    _quiet(hq.take(folder / "s0.xlsx") if shiba.export(folder / "s0.xlsx") else {})
    return receipt


# --- 1. crossing packages ------------------------------------------------------------------


def test_crossing_packages_merge_field_by_field_with_no_conflict(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁で直した件名")
    hq.export(tmp_path / "h1.xlsx")
    shiba.update(receipt, content="支所で補った内容")
    shiba.export(tmp_path / "s1.xlsx")

    at_shiba = shiba.take(tmp_path / "h1.xlsx")
    at_hq = hq.take(tmp_path / "s1.xlsx")

    _quiet(at_shiba)
    _quiet(at_hq)
    assert (at_shiba["merged"], at_hq["merged"]) == (1, 1)
    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []
    for office in (hq, shiba):
        case = office.show(receipt)
        assert (case["subject"], case["content"]) == ("本庁で直した件名", "支所で補った内容")
    # the next packages both ways agree on one version, with nothing to merge
    _quiet(hq.take(tmp_path / "s2.xlsx") if shiba.export(tmp_path / "s2.xlsx") else {})
    _quiet(shiba.take(tmp_path / "h2.xlsx") if hq.export(tmp_path / "h2.xlsx") else {})
    _quiet(hq.take(tmp_path / "s3.xlsx") if shiba.export(tmp_path / "s3.xlsx") else {})
    final = _same_everywhere(hq, shiba, receipt)
    assert (final["subject"], final["content"]) == ("本庁で直した件名", "支所で補った内容")


def test_a_true_conflict_in_crossing_packages_is_decided_once_and_touches_only_its_field(
    offices, tmp_path
):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁の件名")
    hq.export(tmp_path / "h1.xlsx")
    shiba.update(receipt, subject="支所の件名", content="支所で補った内容")
    shiba.export(tmp_path / "s1.xlsx")

    at_shiba = shiba.take(tmp_path / "h1.xlsx")
    at_hq = hq.take(tmp_path / "s1.xlsx", code=3)

    assert at_hq["conflicts"] == 1
    # the branch keeps its value and waits; the centre queues the one conflict, on 件名 only
    assert at_shiba["conflicts"] == 0 and shiba.open_conflicts() == []
    assert "競合解決を待ちます" in " ".join(at_shiba["packages"][0]["notes"])
    assert shiba.show(receipt)["subject"] == "支所の件名"
    (conflict,) = hq.open_conflicts()
    assert [f["field"] for f in conflict["fields"]] == ["subject"]
    assert hq.show(receipt)["content"] == "支所で補った内容"

    hq.ok("conflict", "resolve", str(conflict["id"]), "--keep", "ours")
    _quiet(shiba.take(tmp_path / "h2.xlsx") if hq.export(tmp_path / "h2.xlsx") else {})
    _quiet(hq.take(tmp_path / "s2.xlsx") if shiba.export(tmp_path / "s2.xlsx") else {})
    final = _same_everywhere(hq, shiba, receipt)
    # the resolution changed 件名 only: the branch's 相談内容, never in conflict, survives
    assert (final["subject"], final["content"]) == ("本庁の件名", "支所で補った内容")


# --- 2. a return package written while a conflict is open ------------------------------------


@pytest.mark.parametrize("keep", ["ours", "theirs"])
def test_a_return_package_written_while_a_conflict_is_open_holds_that_row_back(
    offices, tmp_path, keep
):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁の件名")
    shiba.update(receipt, subject="支所の件名")
    shiba.export(tmp_path / "s1.xlsx")
    hq.take(tmp_path / "s1.xlsx", code=3)
    (conflict,) = hq.open_conflicts()

    weekly = hq.export(tmp_path / "h1.xlsx")
    assert weekly["counts"]["inquiry"] == 0  # the undecided row waits for its resolution
    _quiet(shiba.take(tmp_path / "h1.xlsx"))
    assert shiba.show(receipt)["subject"] == "支所の件名"  # the branch's edit is not replaced

    # the branch goes on working meanwhile; its unrelated edit does not settle the conflict
    shiba.update(receipt, step="2_connect")
    shiba.export(tmp_path / "s2.xlsx")
    hq.take(tmp_path / "s2.xlsx", code=0)
    assert len(hq.open_conflicts()) == 1
    assert hq.show(receipt)["step"] == "2_connect"

    hq.ok("conflict", "resolve", str(conflict["id"]), "--keep", keep)
    chosen = "本庁の件名" if keep == "ours" else "支所の件名"
    hq.export(tmp_path / "h2.xlsx")
    shiba.update(receipt, content="支所の次の直し")  # made before the resolution arrives
    shiba.export(tmp_path / "s3.xlsx")
    # the later packages in either order: both offices end with the chosen value
    _quiet(hq.take(tmp_path / "s3.xlsx"))
    _quiet(shiba.take(tmp_path / "h2.xlsx"))
    _quiet(shiba.take(tmp_path / "h3.xlsx") if hq.export(tmp_path / "h3.xlsx") else {})
    _quiet(hq.take(tmp_path / "s4.xlsx") if shiba.export(tmp_path / "s4.xlsx") else {})
    final = _same_everywhere(hq, shiba, receipt)
    assert (final["subject"], final["step"], final["content"]) == (
        chosen,
        "2_connect",
        "支所の次の直し",
    )
    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []


def test_a_conflict_the_branch_comes_round_to_closes_itself(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁の件名", step="2_connect")
    shiba.update(receipt, subject="支所の件名")
    shiba.export(tmp_path / "s1.xlsx")
    hq.take(tmp_path / "s1.xlsx", code=3)
    shiba.update(receipt, subject="本庁の件名")  # agreed by telephone
    shiba.export(tmp_path / "s2.xlsx")

    _quiet(hq.take(tmp_path / "s2.xlsx"))

    assert hq.open_conflicts() == []
    # what the centre held back while the conflict was open now travels
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    final = _same_everywhere(hq, shiba, receipt)
    assert (final["subject"], final["step"]) == ("本庁の件名", "2_connect")


# --- 3. personal fields after packages without them ---------------------------------------


def test_personal_fields_arrive_after_packages_without_them(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    assert not hq.show(receipt)["inquirer"]["name"]  # not sent yet

    full = shiba.export(tmp_path / "s1.xlsx", "--full", "--include-personal")
    assert full["include_personal"] is True
    taken = hq.take(tmp_path / "s1.xlsx")

    _quiet(taken)
    by_kind = taken["packages"][0]["by_kind"]["inquirer"]
    assert by_kind["updated"] + by_kind["merged"] == 1
    inquirer = hq.show(receipt)["inquirer"]
    assert {k: inquirer[k] for k in PERSONAL} == PERSONAL
    before = dump(hq.db, audit=False)
    again = hq.take(tmp_path / "s1.xlsx")
    assert (again["updated"], again["merged"], again["inserted"]) == (0, 0, 0)
    assert dump(hq.db, audit=False) == before
    # a later package without them empties nothing
    shiba.update(receipt, step="2_connect")
    _quiet(hq.take(tmp_path / "s2.xlsx") if shiba.export(tmp_path / "s2.xlsx") else {})
    assert hq.show(receipt)["inquirer"]["phone"] == PERSONAL["phone"]


def test_a_branch_takes_personal_corrections_from_a_personal_return_package(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁で直した件名")
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    # HQ never had the personal fields: its return package with them must not empty the branch's
    hq.export(tmp_path / "h2.xlsx", "--full", "--include-personal")
    _quiet(shiba.take(tmp_path / "h2.xlsx"))
    assert shiba.show(receipt)["inquirer"]["phone"] == PERSONAL["phone"]
    # once HQ has them and corrects the phone, the branch takes the correction
    _quiet(
        hq.take(tmp_path / "s1.xlsx")
        if shiba.export(tmp_path / "s1.xlsx", "--full", "--include-personal")
        else {}
    )
    hq.ok("inquiry", "update", receipt, "--set", "inquirer.phone=03-5555-0199")
    _quiet(
        shiba.take(tmp_path / "h3.xlsx")
        if hq.export(tmp_path / "h3.xlsx", "--include-personal")
        else {}
    )
    assert shiba.show(receipt)["inquirer"]["phone"] == "03-5555-0199"
    assert shiba.show(receipt)["subject"] == "本庁で直した件名"


# --- 5. a package lost for good -------------------------------------------------------------


def test_a_full_package_makes_a_lost_one_good_and_says_so_once(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = shiba.add_case("最初の件名")
    shiba.export(tmp_path / "lost.xlsx")  # package 1 never reaches HQ
    shiba.update(receipt, step="2_connect")
    shiba.export(tmp_path / "s2.xlsx", "--full")

    resent = hq.take(tmp_path / "s2.xlsx")

    assert resent["warnings"] == []
    assert resent["packages"][0]["notes"] == [
        "SHIBA の送付ファイル 1 は全件の送付ファイル 2 で補われました"
    ]
    assert hq.show(receipt)["step"] == "2_connect"
    shiba.update(receipt, content="次の直し")
    later = hq.take(tmp_path / "s3.xlsx") if shiba.export(tmp_path / "s3.xlsx") else {}
    _quiet(later)
    assert later["packages"][0]["notes"] == []
    assert hq.show(receipt)["content"] == "次の直し"


# --- 6. a dry run of several packages -------------------------------------------------------


def test_a_dry_run_of_several_files_reports_what_the_real_run_does(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = shiba.add_case("最初の件名")
    shiba.export(tmp_path / "p1.xlsx")
    shiba.update(receipt, subject="二度目の件名")
    shiba.export(tmp_path / "p2.xlsx")
    files = (tmp_path / "p1.xlsx", tmp_path / "p2.xlsx")
    before = dump(hq.db)

    trial = hq.take(*files, options=("--dry-run",))

    assert dump(hq.db) == before
    real = hq.take(*files)
    figures = ("inserted", "updated", "merged", "unchanged", "stale", "conflicts", "warnings")
    for tried, done in zip(trial["packages"], real["packages"], strict=True):
        assert {k: tried[k] for k in figures} == {k: done[k] for k in figures}
    assert [p["updated"] for p in real["packages"]] == [0, 1]
    assert hq.show(receipt)["subject"] == "二度目の件名"


# --- 6. an office that goes back to the base value has not changed the field ----------------


def test_a_field_put_back_to_the_base_value_yields_to_the_other_office(offices, tmp_path):
    """The merge compares values with the base: A → C → A at HQ is "unchanged" (docs: the merge).

    The sequence the exchange state machine found with 段階: HQ moves it to 自走 and back to
    情報提供 (a return package with 自走 already written), while the branch moves it to つなぎ.
    The branch's change is the only change the merge can see, so it arrives without a conflict
    and both offices end with つなぎ; HQ's going back is not an edit that survives.
    """
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = shiba.add_case("最初の件名")
    shiba.update(receipt, step="1_inform")
    _quiet(hq.take(tmp_path / "s0.xlsx") if shiba.export(tmp_path / "s0.xlsx") else {})
    hq.update(receipt, step="3_selfrun")
    hq.export(tmp_path / "h1.xlsx")
    hq.update(receipt, step="1_inform")
    shiba.update(receipt, step="2_connect")
    shiba.export(tmp_path / "s1.xlsx")

    shiba.take(tmp_path / "h1.xlsx")
    _quiet(hq.take(tmp_path / "s1.xlsx"))

    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []
    assert hq.show(receipt)["step"] == "2_connect"
    _quiet(shiba.take(tmp_path / "h2.xlsx") if hq.export(tmp_path / "h2.xlsx") else {})
    _quiet(hq.take(tmp_path / "s2.xlsx") if shiba.export(tmp_path / "s2.xlsx") else {})
    assert _same_everywhere(hq, shiba, receipt)["step"] == "2_connect"


def test_hq_s_own_value_echoed_by_a_waiting_branch_is_no_conflict(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = shiba.add_case("最初の件名")
    shiba.update(receipt, step="1_inform", content="支所の内容")
    _quiet(hq.take(tmp_path / "s0.xlsx") if shiba.export(tmp_path / "s0.xlsx") else {})
    hq.update(receipt, step="2_connect", content="本庁の内容")
    hq.export(tmp_path / "h1.xlsx")
    shiba.update(receipt, step="3_selfrun", subject="支所の件名")
    shiba.export(tmp_path / "s1.xlsx")
    waits = shiba.take(tmp_path / "h1.xlsx")  # 段階 differs: the row waits whole
    assert "競合解決を待ちます" in " ".join(waits["packages"][0]["notes"])
    assert (shiba.show(receipt)["content"], shiba.show(receipt)["step"]) == (
        "支所の内容",
        "3_selfrun",
    )
    hq.take(tmp_path / "s1.xlsx", code=3)
    (conflict,) = hq.open_conflicts()
    hq.ok("conflict", "resolve", str(conflict["id"]), "--keep", "ours", "--take", "step")
    hq.update(receipt, content="本庁で直した内容")
    hq.export(tmp_path / "h2.xlsx")
    shiba.update(receipt, subject="支所で直した件名")
    shiba.export(tmp_path / "s2.xlsx")

    at_hq = hq.take(tmp_path / "s2.xlsx")

    # the branch never changed 相談内容: HQ's newer edit stays, with no conflict to decide
    _quiet(at_hq)
    assert hq.show(receipt)["content"] == "本庁で直した内容"
    _quiet(shiba.take(tmp_path / "h2.xlsx"))
    _quiet(shiba.take(tmp_path / "h3.xlsx") if hq.export(tmp_path / "h3.xlsx") else {})
    _quiet(hq.take(tmp_path / "s3.xlsx") if shiba.export(tmp_path / "s3.xlsx") else {})
    final = _same_everywhere(hq, shiba, receipt)
    assert (final["subject"], final["content"], final["step"]) == (
        "支所で直した件名",
        "本庁で直した内容",
        "3_selfrun",
    )
    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []


def test_a_waiting_row_whose_package_was_lost_travels_again(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁の件名")
    hq.export(tmp_path / "h1.xlsx")
    shiba.update(receipt, subject="支所の件名")
    shiba.export(tmp_path / "lost.xlsx")  # never reaches HQ
    waits = shiba.take(tmp_path / "h1.xlsx")
    assert shiba.show(receipt)["subject"] == "支所の件名"
    again = shiba.take(tmp_path / "h1.xlsx")  # taken twice: the second changes nothing
    assert (again["updated"], again["merged"]) == (0, 0)
    assert "競合解決を待ちます" in " ".join(waits["packages"][0]["notes"])

    # the branch's next package, without a new edit, carries the row again
    resent = shiba.export(tmp_path / "s2.xlsx")
    assert resent["counts"]["inquiry"] == 1
    at_hq = hq.take(tmp_path / "s2.xlsx", code=3)
    # HQ's return package had acknowledged package 1 only: package 3 carries what 2 held
    assert "SHIBA の送付ファイル 2 は送付ファイル 3 で補われました" in at_hq["packages"][0]["notes"]
    assert at_hq["warnings"] == []

    assert at_hq["conflicts"] == 1
    (conflict,) = hq.open_conflicts()
    assert [(f["ours"], f["theirs"]) for f in conflict["fields"]] == [("本庁の件名", "支所の件名")]
    hq.ok("conflict", "resolve", str(conflict["id"]), "--keep", "theirs")
    _quiet(shiba.take(tmp_path / "h2.xlsx") if hq.export(tmp_path / "h2.xlsx") else {})
    shiba.export(tmp_path / "s3.xlsx")
    onward = hq.take(tmp_path / "s3.xlsx")  # package 2 was made good by package 3
    assert (onward["warnings"], onward["packages"][0]["notes"]) == ([], [])
    assert (onward["conflicts"], onward["merged"], onward["updated"]) == (0, 0, 0)
    assert _same_everywhere(hq, shiba, receipt)["subject"] == "支所の件名"
    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []


# --- 4. a supervisor's correction of a field in conflict ------------------------------------


def _corrected(source: Path, target: Path, header: str, value: str) -> Path:
    """The package with one visible cell of its only inquiry changed, as a person would."""
    book = openpyxl.load_workbook(source)
    sheet = book["受付"]
    sheet.cell(2, [cell.value for cell in sheet[1]].index(header) + 1).value = value
    book.save(target)
    return target


def test_a_correction_of_a_field_in_conflict_stays_a_conflict(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁の件名")
    shiba.update(receipt, subject="支所の件名")
    shiba.export(tmp_path / "s1.xlsx")
    edited = _corrected(
        tmp_path / "s1.xlsx", tmp_path / "s1-edited.xlsx", "件名", "支所で直した件名"
    )

    taken = hq.take(edited, options=("--accept-edited",), code=3)

    # HQ's value stays; the corrected value is the branch's side of the conflict
    assert hq.show(receipt)["subject"] == "本庁の件名"
    (conflict,) = hq.open_conflicts()
    assert [(f["field"], f["ours"], f["theirs"]) for f in conflict["fields"]] == [
        ("subject", "本庁の件名", "支所で直した件名")
    ]
    said = " ".join(taken["warnings"])
    assert "競合中の項目の訂正は、競合の相手側の値として残しました" in said
    assert "受付 2行目（件名）" in said and "取り込んだ訂正はありません" in said

    hq.ok("conflict", "resolve", str(conflict["id"]), "--keep", "theirs")
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    _quiet(hq.take(tmp_path / "s2.xlsx") if shiba.export(tmp_path / "s2.xlsx") else {})
    assert _same_everywhere(hq, shiba, receipt)["subject"] == "支所で直した件名"
    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []


def test_a_correction_that_agrees_with_hq_closes_the_conflict(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    hq.update(receipt, subject="本庁の件名")
    shiba.update(receipt, subject="支所の件名", content="支所の内容")
    shiba.export(tmp_path / "s1.xlsx")
    edited = _corrected(tmp_path / "s1.xlsx", tmp_path / "s1-edited.xlsx", "件名", "本庁の件名")

    hq.take(edited, options=("--accept-edited",), code=3)

    assert hq.open_conflicts() == []
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    final = _same_everywhere(hq, shiba, receipt)
    assert (final["subject"], final["content"]) == ("本庁の件名", "支所の内容")


# --- 6. a lost package heals by itself --------------------------------------------------------


def _manifest_of(path: Path) -> dict[str, Any]:
    book = openpyxl.load_workbook(path)
    facts = {row[0]: row[1] for row in book["_manifest"].iter_rows(values_only=True)}
    return dict(json.loads(facts["manifest"]))


def _rewritten(source: Path, target: Path, *, sign_again: bool, **facts: Any) -> Path:
    """The package with manifest facts changed (None: left out), signed again with the shared
    password as a program would have signed it, or not (an edit after export)."""
    book = openpyxl.load_workbook(source)
    sheet = book["_manifest"]
    row = next(r for r in sheet.iter_rows() if r[0].value == "manifest")
    data = json.loads(row[1].value)
    for key, value in facts.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    if sign_again:
        data["hmac"] = sign(Manifest(**data), package_key.hmac_key(PASSWORD))
    row[1].value = json.dumps(data, ensure_ascii=False, sort_keys=True)
    book.save(target)
    return target


def _held(office: Office) -> dict[str, Any]:
    """The rows and bookkeeping an import may change, but not the record of packages taken."""
    tables = dump(office.db, audit=False)
    return {k: v for k, v in tables.items() if k not in ("sync_package", "setting")}


def test_a_lost_return_package_is_carried_again_by_the_next_one(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    other = shiba.add_case("二件目")
    _quiet(hq.take(tmp_path / "s1.xlsx") if shiba.export(tmp_path / "s1.xlsx") else {})
    # a clash at HQ, resolved for HQ's value, and a correction of the other case
    hq.update(receipt, subject="本庁の件名")
    shiba.update(receipt, subject="支所の件名")
    shiba.export(tmp_path / "s2.xlsx")
    hq.take(tmp_path / "s2.xlsx", code=3)
    (conflict,) = hq.open_conflicts()
    hq.ok("conflict", "resolve", str(conflict["id"]), "--keep", "ours")
    hq.update(other, content="本庁で補った内容")
    lost = hq.export(tmp_path / "h1-lost.xlsx")  # HQ's return package 1 never arrives
    assert lost["sequence"] == 1 and lost["counts"]["inquiry"] == 2

    sent = shiba.export(tmp_path / "s3.xlsx")
    assert _manifest_of(tmp_path / "s3.xlsx")["acknowledged"] == 0  # nothing of HQ's held
    taken = hq.take(tmp_path / "s3.xlsx")
    _quiet(taken)
    # nothing has come from HQ, so HQ has acknowledged nothing known: the branch's rows travel
    # again, and HQ, holding every version already, changes nothing
    assert sent["counts"]["inquiry"] == 2
    assert (taken["inserted"], taken["updated"], taken["merged"]) == (0, 0, 0)
    again = hq.export(tmp_path / "h2.xlsx")
    facts = _manifest_of(tmp_path / "h2.xlsx")
    assert (facts["sequence"], facts["since"], facts["full"]) == (2, 0, False)
    assert again["counts"]["inquiry"] == 2  # what the lost one carried, carried again

    healed = shiba.take(tmp_path / "h2.xlsx")

    assert (healed["warnings"], healed["conflicts"], healed["rejected"]) == ([], 0, 0)
    assert healed["packages"][0]["notes"] == ["HQ の送付ファイル 1 は送付ファイル 2 で補われました"]
    assert _same_everywhere(hq, shiba, receipt)["subject"] == "本庁の件名"
    assert _same_everywhere(hq, shiba, other)["content"] == "本庁で補った内容"
    assert hq.open_conflicts() == [] and shiba.open_conflicts() == []
    # the lost package turns up after all: it changes nothing
    before = _held(shiba)
    late = shiba.take(tmp_path / "h1-lost.xlsx")
    assert (late["inserted"], late["updated"], late["merged"], late["conflicts"]) == (0, 0, 0, 0)
    assert late["unchanged"] + late["stale"] > 0 and late["warnings"] == []
    assert _held(shiba) == before
    # and the next package says everything was acknowledged, and carries only what is new
    shiba.update(other, step="2_connect")
    onward = shiba.export(tmp_path / "s4.xlsx")
    assert _manifest_of(tmp_path / "s4.xlsx")["acknowledged"] == 2
    assert onward["counts"]["inquiry"] == 1
    _quiet(hq.take(tmp_path / "s4.xlsx"))
    assert hq.export(tmp_path / "h3.xlsx")["counts"]["inquiry"] == 0


def test_a_branch_package_lost_on_its_way_to_hq_is_carried_again(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    shiba.update(receipt, subject="支所で直した件名")
    assert shiba.export(tmp_path / "s2-lost.xlsx")["sequence"] == 2  # never reaches HQ
    _quiet(shiba.take(tmp_path / "h2.xlsx") if hq.export(tmp_path / "h2.xlsx") else {})
    assert _manifest_of(tmp_path / "h2.xlsx")["acknowledged"] == 1

    code, out, _err = shiba.run("export-sync", "--out", str(tmp_path / "s3.xlsx"))
    assert code == 0  # no new edit: the lost rows travel again, and the clerk is told why
    assert "HQ がまだ受け取ったと知らせていない送付ファイル 2 の分も、もう一度含めました。" in out
    again = _manifest_of(tmp_path / "s3.xlsx")
    assert again["counts"]["inquiry"] == 1 and again["since"] == 1
    healed = hq.take(tmp_path / "s3.xlsx")

    _quiet(healed)
    assert healed["packages"][0]["notes"] == [
        "SHIBA の送付ファイル 2 は送付ファイル 3 で補われました"
    ]
    assert _same_everywhere(hq, shiba, receipt)["subject"] == "支所で直した件名"
    before = _held(hq)
    late = hq.take(tmp_path / "s2-lost.xlsx")
    assert (late["inserted"], late["updated"], late["merged"], late["conflicts"]) == (0, 0, 0, 0)
    assert late["unchanged"] + late["stale"] > 0 and late["warnings"] == []
    assert _held(hq) == before
    later = hq.take(tmp_path / "s4.xlsx") if shiba.export(tmp_path / "s4.xlsx") else {}
    _quiet(later)
    assert later["packages"][0]["notes"] == []


@pytest.mark.parametrize("personal", [False, True])
def test_a_branch_package_lost_before_hq_ever_answered_is_carried_again(
    offices, tmp_path, personal
):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    first = shiba.add_case("最初の件名")
    options = ("--include-personal",) if personal else ()
    assert shiba.export(tmp_path / "s1-lost.xlsx", *options)["sequence"] == 1  # never arrives
    second = shiba.add_case("次の件名")

    # nothing has come from HQ yet, so HQ has acknowledged nothing: number 1 travels again
    code, out, _err = shiba.run("export-sync", "--out", str(tmp_path / "s2.xlsx"))
    taken = hq.take(tmp_path / "s2.xlsx", code=3 if personal else 0)

    assert code == 0
    told = "HQ がまだ受け取ったと知らせていない送付ファイル 1 の分も、もう一度含めました。"
    assert (told in out) is not personal  # a plain package cannot make a personal one good
    awaits = (
        "送付ファイル 1 は個人情報を含んでいたため、個人情報を含めないこの送付ファイルでは"
        "補えません（HQ では未取込のままです）。補うには、個人情報を含めて書き出してください。"
    )
    assert (awaits in out) is personal  # and the clerk is told how to make it good
    assert _manifest_of(tmp_path / "s2.xlsx")["counts"]["inquiry"] == 2
    subjects = {hq.show(receipt)["subject"] for receipt in (first, second)}
    assert subjects == {"最初の件名", "次の件名"}
    if personal:  # a package without personal fields cannot make a personal one good
        assert _manifest_of(tmp_path / "s2.xlsx")["since"] == 1
        assert taken["warnings"] == ["SHIBA の送付ファイル 1 が未取込です"]
        assert not hq.show(first)["inquirer"]["phone"]
    else:
        assert _manifest_of(tmp_path / "s2.xlsx")["since"] == 0
        _quiet(taken)
        assert taken["packages"][0]["notes"] == [
            "SHIBA の送付ファイル 1 は送付ファイル 2 で補われました"
        ]


def test_a_peer_of_an_earlier_build_gets_todays_packages(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]

    def older(name: str) -> Path:
        """The branch's package as its program wrote it: no acknowledgement, no `since`."""
        shiba.export(tmp_path / f"{name}.xlsx")
        return _rewritten(
            tmp_path / f"{name}.xlsx", tmp_path / f"{name}-older.xlsx", sign_again=True,
            acknowledged=None, since=None,
        )  # fmt: skip

    receipt = shiba.add_case("最初の件名")
    _quiet(hq.take(older("s0")))
    hq.update(receipt, subject="本庁で直した件名")
    hq.export(tmp_path / "h1-lost.xlsx")
    _quiet(hq.take(older("s1")))
    hq.update(receipt, content="本庁で補った内容")

    today = hq.export(tmp_path / "h2.xlsx")
    assert "since" in _manifest_of(tmp_path / "h2.xlsx")
    taken = shiba.take(tmp_path / "h2.xlsx", code=3)

    assert today["counts"]["inquiry"] == 1  # the changed case, as before
    assert taken["warnings"] == ["HQ の送付ファイル 1 が未取込です"]
    assert shiba.show(receipt)["content"] == "本庁で補った内容"


def test_a_normal_cycle_carries_only_what_changed(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipts = [shiba.add_case(f"件名{n}") for n in range(4)]
    _quiet(hq.take(tmp_path / "s0.xlsx") if shiba.export(tmp_path / "s0.xlsx") else {})
    # exactly what the build before acknowledgements carried in this cycle (measured with it)
    changed_at_hq = {"inquirer": 0, "inquiry": 1, "action": 0}
    changed_at_branch = {"inquirer": 2, "inquiry": 1, "action": 0}
    for turn in range(3):
        hq.update(receipts[turn], content=f"本庁の直し{turn}")
        back = hq.export(tmp_path / f"h{turn}.xlsx")
        _quiet(shiba.take(tmp_path / f"h{turn}.xlsx"))
        shiba.update(receipts[turn + 1], content=f"支所の直し{turn}")
        up = shiba.export(tmp_path / f"s{turn + 1}.xlsx")
        _quiet(hq.take(tmp_path / f"s{turn + 1}.xlsx"))

        assert (back["counts"], up["counts"]) == (changed_at_hq, changed_at_branch)
        for path, sequence in ((f"h{turn}.xlsx", turn + 1), (f"s{turn + 1}.xlsx", turn + 2)):
            facts = _manifest_of(tmp_path / path)
            assert facts["sequence"] == sequence
            # the first return package begins at 0, as the first package always did
            assert facts["since"] == sequence - 1


@pytest.mark.parametrize(("fact", "value"), [("acknowledged", 7), ("since", 0)])
def test_a_package_whose_acknowledgement_was_edited_is_refused(offices, tmp_path, fact, value):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    _shared_case(hq, shiba, tmp_path)
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    shiba.export(tmp_path / "s1.xlsx")
    assert _manifest_of(tmp_path / "s1.xlsx")[fact] != value
    edited = _rewritten(
        tmp_path / "s1.xlsx", tmp_path / "e.xlsx", sign_again=False, **{fact: value}
    )
    before = dump(hq.db)

    code, out, err = hq.run("import-sync", str(edited))

    assert code == 2
    assert "e.xlsx の署名が共有パスワードと一致しません" in out + err
    assert dump(hq.db) == before


def test_a_package_claiming_to_make_good_its_own_number_is_refused(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    shiba.add_case("最初の件名")
    shiba.export(tmp_path / "s0.xlsx")
    forged = _rewritten(tmp_path / "s0.xlsx", tmp_path / "f.xlsx", sign_again=True, since=1)
    before = dump(hq.db)

    code, out, err = hq.run("import-sync", str(forged))

    assert code == 2 and "f.xlsx は連携デスクの送付ファイルではありません" in out + err
    assert dump(hq.db) == before


def test_a_lost_personal_package_is_not_made_good_by_one_without_personal_fields(offices, tmp_path):
    hq, shiba = offices["HQ"], offices["SHIBA"]
    receipt = _shared_case(hq, shiba, tmp_path)
    _quiet(shiba.take(tmp_path / "h1.xlsx") if hq.export(tmp_path / "h1.xlsx") else {})
    shiba.ok("inquiry", "update", receipt, "--set", "inquirer.phone=03-5555-0177")
    lost = shiba.export(tmp_path / "s2-lost.xlsx", "--include-personal")  # never arrives
    assert lost["sequence"] == 2 and lost["counts"]["inquirer"] == 1
    shiba.update(receipt, step="2_connect")
    plain = shiba.export(tmp_path / "s3.xlsx")
    # HQ acknowledged number 1 only, so number 2's rows travel again, but without its
    # personal fields this package cannot make number 2 good
    assert _manifest_of(tmp_path / "s3.xlsx")["since"] == 2
    assert plain["counts"]["inquirer"] == 1

    taken = hq.take(tmp_path / "s3.xlsx", code=3)

    assert taken["warnings"] == ["SHIBA の送付ファイル 2 が未取込です"]
    assert taken["packages"][0]["notes"] == []
    assert not hq.show(receipt)["inquirer"]["phone"]
    # the next package with personal fields carries number 2's again, and makes it good
    _quiet(shiba.take(tmp_path / "h2.xlsx") if hq.export(tmp_path / "h2.xlsx") else {})
    assert shiba.export(tmp_path / "s4.xlsx", "--include-personal")["since"] == 1
    healed = hq.take(tmp_path / "s4.xlsx")
    assert healed["warnings"] == []
    assert healed["packages"][0]["notes"] == [
        "SHIBA の送付ファイル 2 は送付ファイル 4 で補われました"
    ]
    assert hq.show(receipt)["inquirer"]["phone"] == "03-5555-0177"
