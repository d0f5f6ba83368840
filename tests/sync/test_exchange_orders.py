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
