"""Every kind of workbook rendered as a receiver prints it: LibreOffice headless converts each
to PDF (skipped where LibreOffice is not installed; .ci/run installs it), and the pages are
counted. A one-inquiry return package prints one page a sheet; the monthly report stays
within its pages (a chart never split, so each charted table may take a page of its own)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from tests.excel.receiver_files import make_files

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
_PAGE = re.compile(rb"/Type\s*/Page(?![s\w])")
MONTHLY_PAGES = 11  # cover 1, 集計 7 (charted tables alone), 月別 1, the two lists 1 each


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("render")
    files = make_files(folder / "files")
    workbooks = {kind: path for kind, path in files.items() if path.suffix == ".xlsx"}
    out = folder / "pdf"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{folder / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, workbooks.values()),
        ],
        check=True,
        capture_output=True,
        timeout=600,
        env={**os.environ, "HOME": str(folder)},
    )
    result = {kind: out / f"{path.stem}.pdf" for kind, path in workbooks.items()}
    result["return_package.xlsx"] = files["return_package"]
    return result


def pages(pdf: Path) -> int:
    return len(_PAGE.findall(pdf.read_bytes()))


def test_every_workbook_renders(rendered):
    for kind in ("package", "return_package", "masters", "audit", "rejects", "report"):
        assert rendered[kind].exists() and pages(rendered[kind]) >= 1, kind


def test_a_one_inquiry_return_package_prints_one_page_a_sheet(rendered):
    book = openpyxl.load_workbook(rendered["return_package.xlsx"])
    visible = [sheet for sheet in book.worksheets if sheet.sheet_state == "visible"]
    assert len(visible) == 4  # 表紙, 相談者, 受付, 対応履歴: each at least a page
    assert pages(rendered["return_package"]) == len(visible)  # so at most one each (was 16)


def test_the_small_tables_print_on_one_page(rendered):
    assert pages(rendered["audit"]) == 1
    assert pages(rendered["rejects"]) == 1
    assert pages(rendered["package"]) == 4


def test_the_monthly_report_page_count(rendered):
    assert pages(rendered["report"]) <= MONTHLY_PAGES
