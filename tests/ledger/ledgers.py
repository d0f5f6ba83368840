"""Ledgers as branches keep them, built for the tests in each format a branch saves them in.

The standard ledger (`LEDGER`) has a title row merged across the sheet, a blank row, the
headers, dates in every written form (和暦 of 平成 and 令和, 元年, full-width digits, real
dates, 西暦 text), free-text categories, a combined 団体名・氏名 column, an unknown extra
column (担当印), a blank row inside, two refused rows (an impossible date, a row naming no
inquirer) and a total row at the bottom. `write_xlsx`, `write_xls` and `write_csv` save any
such table; the row numbers the tests name are Excel's.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import xlwt
from openpyxl import Workbook

TITLE = "令和7年度 全国連携 相談受付簿（芝地区総合支所）"
HEADERS = (
    "No.",
    "受付日",
    "相談者区分",
    "団体名・氏名",
    "電話",
    "相談内容",
    "分野",
    "対応状況",
    "備考",
    "担当印",
)
HEADER_ROW = 3  # Excel's row of HEADERS: the title in 1, a blank row in 2

# (Excel row, cells): rows 4..
ROWS: tuple[tuple[Any, ...], ...] = (
    (1, "R7.4.3", "区民", "鈴木 一郎", "03-5555-0101", "町会の防災訓練に連携自治体の職員を招きたい。", "防災", "完了", "", "印"),  # noqa: E501
    (2, "令和7年4月10日", "ＮＰＯ法人", "ＮＰＯ法人みなと 佐藤花子", "０３－５５５５－０２０２", "物産展を開きたい。出店自治体を探している。", "物産", "対応中", "", ""),  # noqa: E501
    (3, "令和７年５月２０日", "商店街", "港南商店会 田中", "0355550303", "観光PRのイベントで連携したい", "観光・ＰＲ", "紹介済", "", ""),  # noqa: E501
    (4, dt.date(2025, 6, 1), "企業", "㈱ミナト商事", "03-1234-5678", "社員研修の受入先を探している", "まちおこし", "済", "紹介で完了", ""),  # noqa: E501
    ("", "", "", "", "", "", "", "", "", ""),
    (5, "令和7年2月30日", "区民", "山田", "", "日付の誤り", "", "", "", ""),
    (6, "2025/7/1", "", "株式会社ミナト商事", "03-1234-5678", "再度の相談。研修の日程。", "観光", "受付", "", ""),  # noqa: E501
    (7, "H31.4.30", "町会・自治会", "高輪一丁目町会　髙橋", "03-5555-0404", "平成最後の日の相談", "防災", "終了", "", ""),  # noqa: E501
    (8, "平成31年4月30日", "区民", "", "", "相談者の書かれていない行", "", "", "", ""),
    (9, "令和元年5月1日", "大学", "港大学 国際交流課", "03-5555-0505", "学生の地域交流", "大学連携", "完了", "", ""),  # noqa: E501
    ("合計", "", "", "", "", "9件", "", "", "", ""),
)  # fmt: skip
# What the tests check, by Excel row.
IMPORTED_ROWS = (4, 5, 6, 7, 10, 11, 13)
REFUSED = {9: ("B", "date_invalid"), 12: ("D", "inquirer_name_required")}
BLANK_ROWS = 1  # row 8 (the blank row 2 is above the headers)
TOTAL_ROWS = 1


def table(
    rows: Sequence[Sequence[Any]] = ROWS, headers: Sequence[str] = HEADERS
) -> list[list[Any]]:
    """The sheet's cells from A1: title, a blank row, headers, rows."""
    return [[TITLE], [], list(headers), *(list(row) for row in rows)]


def write_xlsx(
    path: Path, cells: Sequence[Sequence[Any]] | None = None, *, sheet: str = "受付簿"
) -> Path:
    book = Workbook()
    work = book.active
    work.title = sheet
    rows = cells if cells is not None else table()
    for row in rows:
        work.append(list(row))
    if list(rows[0]) == [TITLE]:
        work.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    book.save(path)
    return path


def write_xls(
    path: Path, cells: Sequence[Sequence[Any]] | None = None, *, sheet: str = "受付簿"
) -> Path:
    book = xlwt.Workbook(encoding="utf-8")
    work = book.add_sheet(sheet)
    dated = xlwt.easyxf(num_format_str="yyyy/mm/dd")
    rows = cells if cells is not None else table()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if r == 0 and c == 0 and value == TITLE:
                work.write_merge(0, 0, 0, len(HEADERS) - 1, value)
            elif isinstance(value, dt.date):
                work.write(r, c, value, dated)
            elif value not in ("", None):
                work.write(r, c, value)
    out = io.BytesIO()
    book.save(out)
    path.write_bytes(out.getvalue())
    return path


def write_csv(
    path: Path, cells: Sequence[Sequence[Any]] | None = None, *, encoding: str = "cp932"
) -> Path:
    """As Excel writes "CSV (コンマ区切り)": CRLF, quoted where needed, dates as yyyy/m/d."""
    import csv

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    for row in cells if cells is not None else table():
        writer.writerow(f"{v.year}/{v.month}/{v.day}" if isinstance(v, dt.date) else v for v in row)
    path.write_bytes(out.getvalue().encode(encoding))
    return path
