"""`report monthly` / `report fiscal-year`: the workbook opened with openpyxl, refusals, PDF."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from desktop_app import cli
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for


@pytest.fixture
def filled(db_path: Path, sample_inquiry: dict[str, Any]) -> Path:
    db = database.connect(db_path)
    for day, status in (
        ("2026-10-01", "received"),
        ("2026-10-31", "in_progress"),
        ("2026-11-01", "received"),
        ("2026-04-01", "received"),
    ):
        due = (dt.date.fromisoformat(day) + dt.timedelta(days=3)).isoformat()
        data = dict(sample_inquiry, received_at=day, status=status, follow_up_due=due)
        inquiries.add_inquiry(db, NewInquiry.read(data), actor=actor_for("t"))
    db.dispose()
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_monthly_workbook(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "monthly.xlsx"
    code, stdout, _ = run(
        capsys,
        "--db",
        str(filled),
        "--json",
        "report",
        "monthly",
        "--month",
        "2026-10",
        "--out",
        str(out),
    )
    assert code == 0
    figures = json.loads(stdout)
    assert (figures["new"], figures["period"]) == (2, "令和8年10月分")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["表紙", "集計", "月別", "受付一覧", "期限超過"]
    cover = book["表紙"]
    assert cover["A2"].value == "令和8年10月分" and cover["A2"].data_type == "s"
    headline = {cover.cell(r, 1).value: cover.cell(r, 2).value for r in range(1, 30)}
    assert headline["新規受付"] == 2 and headline["未解決の競合"] == 0
    assert len(book["集計"]._charts) == 2 and len(book["月別"]._charts) == 2
    months = book["月別"]
    assert [months.cell(r, 1).value for r in range(4, 16)][0] == "4月"
    # The October report counts nothing after October: November's inquiry is not in it, and
    # November to March of this year are empty cells (not 0); last year's happened (0).
    assert months.cell(16, 1).value == "計" and months.cell(16, 2).value == 3
    assert [months.cell(r, 2).value for r in range(4, 11)] == [1, 0, 0, 0, 0, 0, 2]
    assert all(months.cell(r, c).value is None for r in range(11, 16) for c in range(2, 5))
    assert all(months.cell(r, c).value == 0 for r in range(11, 16) for c in range(5, 8))
    listing = book["受付一覧"]
    headers = [c.value for c in listing[1]]
    assert headers[:3] == ["受付番号", "事務所", "受付日"] and "氏名" not in headers
    assert listing.max_row == 3 and listing.freeze_panes == "B2"
    assert listing.auto_filter.ref == f"A1:{listing.cell(1, len(headers)).column_letter}3"
    assert listing.print_title_rows == "$1:$1"
    # The list's rows are written as sheet XML (sheet_fill): values, types and styles as openpyxl's.
    received = headers.index("受付日") + 1
    assert [listing.cell(r, received).value for r in (2, 3)] == [
        dt.datetime(2026, 10, 1),
        dt.datetime(2026, 10, 31),
    ]
    assert listing.cell(2, received).number_format == "yyyy/mm/dd"
    assert listing["A2"].data_type == "s" and listing["A2"].value.startswith("SHIBA-2026-")
    assert listing["A1"].font.b and listing.column_dimensions["A"].width > 10
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9  # A4
        assert "&P" in sheet.oddFooter.center.text
    assert book["期限超過"].max_row == 5  # each open case is past its date (Nov 2026 at latest)


def test_fiscal_year_with_empty_previous_year(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "fy.xlsx"
    assert (
        run(
            capsys,
            "--db",
            str(filled),
            "report",
            "fiscal-year",
            "--year",
            "2026",
            "--out",
            str(out),
        )[0]
        == 0
    )
    months = openpyxl.load_workbook(out)["月別"]
    assert months["A1"].value.startswith("令和8年度")
    assert [months.cell(16, c).value for c in range(2, 8)] == [4, 0, 0, 0, 0, 0]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("monthly", "--month", "2026-13"), "YYYY-MM"),
        (("fiscal-year", "--year", "1800"), "1900〜2999"),
        (("fiscal-year", "--year", "令和8"), "西暦4桁"),
    ],
)
def test_bad_periods_exit_2_and_write_nothing(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    message: str,
    snapshot: Any,
) -> None:
    before = snapshot(filled)
    out = tmp_path / "r.xlsx"
    code, _, err = run(capsys, "--db", str(filled), "report", *args, "--out", str(out))
    assert code == 2 and message in err
    assert not out.exists() and os.listdir(tmp_path) == [filled.name] or not out.exists()
    assert snapshot(filled) == before


def test_unwritable_path_exits_2_leaving_no_file(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "missing" / "r.xlsx"
    code, _, err = run(
        capsys, "--db", str(filled), "report", "monthly", "--month", "2026-10", "--out", str(out)
    )
    assert code == 2 and "報告書を書き込めません" in err
    assert not out.parent.exists()
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    code, _, err = run(
        capsys, "--db", str(filled), "report", "monthly", "--month", "2026-10", "--out", str(folder)
    )
    assert code == 2 and list(folder.iterdir()) == []


def test_personal_needs_a_password_then_is_encrypted(
    filled: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "p.xlsx"
    monkeypatch.delenv("RENKEI_DESK_PACKAGE_PASSWORD", raising=False)
    args = (
        "--db",
        str(filled),
        "report",
        "monthly",
        "--month",
        "2026-10",
        "--out",
        str(out),
        "--include-personal",
    )
    code, _, err = run(capsys, *args)
    assert code == 2 and "共有パスワード" in err and not out.exists()
    assert list(tmp_path.iterdir()) == [filled.parent / filled.name] or not out.exists()
    monkeypatch.setenv("RENKEI_DESK_PACKAGE_PASSWORD", "correct horse battery")
    assert run(capsys, *args)[0] == 0
    import io

    from msoffcrypto import OfficeFile

    with out.open("rb") as handle:
        office = OfficeFile(handle)
        assert office.is_encrypted()
        office.load_key(password="correct horse battery")
        plain = io.BytesIO()
        office.decrypt(plain)
    headers = [c.value for c in openpyxl.load_workbook(plain)["受付一覧"][1]]
    assert "氏名" in headers and "電話番号" in headers


def test_empty_month_gives_zeros(
    filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "empty.xlsx"
    code, stdout, _ = run(
        capsys,
        "--db",
        str(filled),
        "--json",
        "report",
        "monthly",
        "--month",
        "2030-02",
        "--out",
        str(out),
    )
    assert code == 0 and json.loads(stdout)["new"] == 0
    assert openpyxl.load_workbook(out)["受付一覧"]["A2"].value == "令和12年2月分: 該当なし"


def test_pdf(filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.pdf"
    code, _, _ = run(
        capsys,
        "--db",
        str(filled),
        "report",
        "fiscal-year",
        "--year",
        "2026",
        "--out",
        str(out),
        "--pdf",
    )
    assert code == 0 and out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
