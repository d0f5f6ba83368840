"""`python -m tests.catalogue.synthetic_ledger_field`: inquirer fields added to the catalogue
alone, read from a ledger; prints one JSON object {check: "ok" or what happened}.

Two fields of the inquirer are added the catalogue's way before the ledger reading loads (it
reads the catalogue when it loads): 携帯電話 (`mobile`), whose line names the ledger's phone
rule, and 部署 (`department`), a plain text field naming no rule. Nothing of the ledger reading
is edited, so each check shows whether the catalogue alone decides how a ledger's cell is read:
the mobile number checked as a phone (a number that is none refuses its row, naming the
column; a good one is stored half-width), the department read as text within its limit, and
a note beginning 合計 not taken for the mark of a total row. No database is needed: the
ledger's rows are read in memory as the import reads them.
"""

from __future__ import annotations

import datetime as dt
import json
from types import MappingProxyType
from typing import Any

from desktop_app.domain import fields

MOBILE = fields.Field(
    "inquirer", "mobile", "携帯電話", "Mobile", fields.Kind.TEXT, limit=40, personal=True,
    synonyms=("携帯",), ledger="phone",
)  # fmt: skip
DEPARTMENT = fields.Field(
    "inquirer", "department", "部署", "Department", fields.Kind.TEXT, limit=5, synonyms=("課",)
)  # fmt: skip
MEMO = fields.Field("inquirer", "memo2", "相談者メモ2", "Memo 2", fields.Kind.NOTE, limit=500)


def _add_to_catalogue() -> None:
    fields.INQUIRER_FIELDS = (*fields.INQUIRER_FIELDS, MOBILE, DEPARTMENT, MEMO)
    fields.ALL_FIELDS = fields.INQUIRY_FIELDS + fields.INQUIRER_FIELDS + fields.ACTION_FIELDS
    fields._BY_ENTITY = MappingProxyType(
        {
            "inquiry": MappingProxyType({f.key: f for f in fields.INQUIRY_FIELDS}),
            "inquirer": MappingProxyType({f.key: f for f in fields.INQUIRER_FIELDS}),
            "action": MappingProxyType({f.key: f for f in fields.ACTION_FIELDS}),
        }
    )


_add_to_catalogue()

from desktop_app.domain.ledger_columns import find_layout  # noqa: E402  (catalogue first)
from desktop_app.domain.ledger_profile import Profile  # noqa: E402
from desktop_app.domain.ledger_rows import read_rows  # noqa: E402

HEADERS = ("受付日", "相談内容", "氏名", "携帯", "課", "相談者メモ2")
ROWS = (
    ("2025/4/3", "防災訓練の相談", "鈴木 一郎", "０９０－１２３４－５６７８", "防災課", ""),
    ("2025/4/4", "物産展の相談", "佐藤 花子", "0101", "", ""),
    ("2025/4/5", "研修の相談", "田中 次郎", "", "国際交流推進課", ""),
    # No date: a total row would be skipped; a row of a note is refused for its missing date.
    ("", "観光の相談", "山田 花子", "", "", "合計 3回目の来所"),
)


def main() -> dict[str, Any]:
    table = [list(HEADERS), *(list(row) for row in ROWS)]
    layout = find_layout(table)
    outcome: dict[str, Any] = {}
    if layout is None:
        return {"layout": "no header row found"}
    mapped = layout.target_columns()
    outcome["layout"] = (
        "ok" if {"inquirer.mobile", "inquirer.department"} <= mapped.keys() else (sorted(mapped))
    )
    read = read_rows(table, layout, profile=Profile(), vocabularies={}, today=dt.date(2025, 12, 1))
    by_row = {row.row: row for row in read.rows}
    refused = {(p.row, p.header, p.error.code) for p in read.rejected}
    good = by_row.get(2)
    stored = good.inquirer.get("mobile") if good else None
    outcome["phone rule"] = "ok" if stored == "090-1234-5678" else f"row 2 stored {stored!r}"
    outcome["phone refused"] = (
        "ok" if (3, "携帯", "ledger_contact_invalid") in refused and 3 not in by_row
        else f"refused: {sorted(refused)}"
    )  # fmt: skip
    outcome["text limit"] = (
        "ok" if (4, "課", "field_too_long") in refused else f"refused: {sorted(refused)}"
    )
    outcome["note not a total"] = (
        "ok" if (5, "受付日", "field_required") in refused and read.totals == 0
        else f"totals: {read.totals}, refused: {sorted(refused)}"
    )  # fmt: skip
    return outcome


if __name__ == "__main__":
    print(json.dumps(main(), ensure_ascii=False))
