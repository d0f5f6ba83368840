"""What the row reader gives, pinned to what it gave before it read column by column
(domain/ledger_rows.py): the same rows (values and their order), the same refusals and
messages in the same order, and above all the same row keys, byte for byte, so that a ledger
imported before the change is still recognised after it.

Varied ledgers are drawn from fixed seeds out of the pools of test_ledger_rows_cached.py
(good, unplaced, refused, blank and control-character values, total words, whole floats, rows
written twice, rows shorter and longer than the header), and a ledger in the bench's layout;
each outcome is digested and the digests compared with those the row-by-row reader gave."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from typing import Any

from desktop_app.domain.ledger_columns import find_layout
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.ledger_rows import ReadResult, read_rows
from tests.ledger import ledgers
from tests.ledger.test_ledger_rows_cached import (
    _OTHER_HEADERS,
    _OTHER_POOLS,
    _POOLS,
    PROFILE,
    TODAY,
    VOCABULARIES,
)

_EXTRA = ("", "合計", "x", "小計 2件")
# The digests of the outcomes the row-by-row reader gave (commit 56e3fa3), by ledger set.
PINNED = {
    "standard": "8391af31c6bc1c7171848bb3a501d44e51e388b54d0c430f08bafc8b4b72b9f2",
    "other": "628b60d306d69e1880a3ad3dcbe450c0499164d05c9579e74a15bd36fa2f1423",
    "good": "bce11eda7ef14d58ac17061870248da14a8262319993415ddaeb98f63dce698a",
    "bench": "b05ca5f6138f85c4a96d02f778c1356f5a342107e1566d8fe119fa91f79fc3d4",
}
# The keys of the standard ledger's rows, as the reader before gave them.
STANDARD_KEYS = {
    4: "333c2b105dc15849f6034705c108926747650bb4645b712028d61afdfbcd4113",
    5: "4d71e149322cc2f221575e2833b929a14753482d1aa9cfc14511d14e7e036b5e",
    6: "2cc0d4b0c1d0d787522fa689f57f81924903cd30474d9085d2ea16a3e486b64b",
    7: "9a307aa5f7e811aba9174548a7e5c04da60b7dc2fa777ccfbf16ffc76386cd9b",
    10: "fd102c52d58dfec25eccb9db1a5c85af80448a9802192e0a9588334c2329110b",
    11: "a3cb7263aa85255cc836660eaa0e35455f1e10e6dd0152918dde5c3a5fed9426",
    13: "fad1d48650ef123c354c432f78032bfcca71cd86774b76fd512b150586d1255e",
}


def _drawn(seed: int, pools: tuple[tuple[Any, ...], ...]) -> list[list[Any]]:
    draw = random.Random(seed)
    body: list[list[Any]] = []
    for _ in range(draw.randint(1, 60)):
        row = [draw.choice(pool) for pool in pools]
        shape = draw.random()
        if shape < 0.1:
            row = row[: draw.randint(0, len(row))]  # a row shorter than the header
        elif shape < 0.2:
            row += [draw.choice(_EXTRA) for _ in range(draw.randint(1, 2))]  # and longer
        body.append(row)
        if draw.random() < 0.15:
            body.append(list(row))  # the same row written twice
    return body


_WHO = ("港南商店会 田中{n}", "鈴木 一郎{n}", "ＮＰＯ法人みなと{n} 佐藤", "㈱ミナト商事{n}")
_DATES = ("R7.{m}.{d}", "令和7年{m}月{d}日", "令和７年{m}月{d}日", "2025/{m}/{d}")


def _bench_rows(count: int) -> list[list[Any]]:
    """The bench's ledger (tests/benchmarks/bench_ledger.py), smaller."""
    fields = ("観光・ＰＲ", "物産", "防災", "まちおこし", "")
    status = ("完了", "対応中", "紹介済", "受付", "済")
    return [
        [n + 1, _DATES[n % 4].format(m=4 + n % 9, d=1 + n % 28), "",
         _WHO[n % 4].format(n=n % 50), f"03-5555-{n % 100:04d}",
         f"相談 {n % 300}。連携自治体を探している。", fields[n % 5], status[n % 5], "", ""]
        for n in range(count)
    ]  # fmt: skip


def _outcome(result: ReadResult) -> list[Any]:
    return [
        [
            (r.row, list(r.inquiry.items()), list(r.inquirer.items()), r.ledger_no, r.cells)
            for r in result.rows
        ],
        [r.content_key for r in result.rows],
        [
            [p.to_json(lang) for p in problems for lang in ("ja", "en")]
            for problems in (result.rejected, result.unplaced, result.kept)
        ],
        sorted(result.rejected_cells.items()),
        result.blank,
        result.totals,
    ]


def _read(cells: list[list[Any]], profile: Profile) -> ReadResult:
    layout = find_layout(cells)
    assert layout is not None
    return read_rows(cells, layout, profile=profile, vocabularies=VOCABULARIES, today=TODAY)


def _digest(tables: list[list[list[Any]]]) -> str:
    digest = hashlib.sha256()
    for cells in tables:
        for profile in (PROFILE, Profile()):
            digest.update(repr(_outcome(_read(cells, profile))).encode())
    return digest.hexdigest()


def _sets() -> dict[str, list[list[list[Any]]]]:
    return {
        "standard": [ledgers.table(_drawn(seed, _POOLS)) for seed in range(60)],
        "other": [ledgers.table(_drawn(seed, _OTHER_POOLS), _OTHER_HEADERS) for seed in range(60)],
        # Mostly good values: more rows come in, more keys and repeated rows.
        "good": [
            ledgers.table(_drawn(seed, tuple(pool[:3] for pool in _POOLS))) for seed in range(40)
        ],
        "bench": [ledgers.table(_bench_rows(600))],
    }


def test_the_rows_read_as_the_row_by_row_reader_read_them():
    found = {name: _digest(tables) for name, tables in _sets().items()}
    assert found == PINNED


def test_the_standard_ledgers_row_keys_are_those_of_before():
    result = _read(ledgers.table(), Profile())
    assert {row.row: row.content_key for row in result.rows} == STANDARD_KEYS


def test_a_date_written_two_ways_is_one_part_of_the_key():
    """Excel's 45800 and the text 2025/5/23 are the same day: a date's part of the key is its
    ISO date, however the cell holds it (each kind of cell read once, by its type and value)."""
    as_number = _read(ledgers.table([(1, 45_800, "", "鈴木", "", "相談")]), Profile())
    as_text = _read(ledgers.table([(1, "2025/5/23", "", "鈴木", "", "相談")]), Profile())
    assert as_number.rows[0].inquiry["received_at"] == dt.date(2025, 5, 23)
    assert as_number.rows[0].content_key == as_text.rows[0].content_key
