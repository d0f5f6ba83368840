"""The row reader reads each distinct value of a column once (domain/ledger_rows.py's `_Plan`):
a value met for the thousandth time must read exactly as it did the first time, with its
problem named at its own row. Varied ledgers are read whole (one reader, warm caches) and row
by row (a fresh reader for each row) and must give the same rows, the same refusals and the
same messages."""

from __future__ import annotations

import datetime as dt
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain import text
from desktop_app.domain.ledger_columns import find_layout
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.ledger_rows import ReadResult, ResultBuilder, read_rows
from desktop_app.domain.ledger_values import TOTAL_WORDS, Vocabulary, is_total_word, total_words
from tests.ledger import ledgers

TODAY = dt.date(2025, 12, 1)
VOCABULARIES = {
    "field": Vocabulary.of(
        "field",
        [("tourism", ("観光", "Tourism")), ("food", ("食・物産・農林水産", "Food"))],
    ),
    "inquirer_type": Vocabulary.of(
        "inquirer_type",
        [("resident", ("区民（個人）", "Resident")), ("npo", ("NPO法人", "NPO"))],
    ),
    "channel": Vocabulary.of(
        "channel", [("phone", ("電話", "Phone")), ("visit", ("来所", "Visit"))]
    ),
}
PROFILE = Profile(values={"field": {"まちおこし": "tourism"}}, closed_status="matched")

# Each column's values: good, unplaced, refused, blank, a control character, a whole float.
_POOLS: tuple[tuple[Any, ...], ...] = (
    (1, 2.0, "", "A-1", "合計"),
    ("R7.4.3", "令和７年５月２０日", dt.date(2025, 6, 1), 45_800, 45_800.0, "令和7年2月30日",
     "2027/1/1", "1999/1/1", "", "合計", "12件", True),
    ("区民", "ＮＰＯ法人", "企業", "まちおこし", "", "x\x07"),
    ("鈴木 一郎", "港南商店会 田中", "㈱ミナト商事", "田中（港南商店会）", "", "計"),
    ("03-5555-0101", "０３－５５５５－０２０２", "0101", "", 312345678.0),
    ("相談。続き", "a" * 20_001, "", "合計 3件", "行\r\n二行目", "x\x00y"),
    ("観光・ＰＲ", "物産", "まちおこし", "観光・物産", "", "total"),
    ("完了", "対応中", "紹介済", "済。", "保留", ""),
    ("紹介で完了", "", "小計"),
    ("印", "", "総計"),
)  # fmt: skip


# A ledger of other columns: a subject, the organisation and the person apart, e-mail, postal
# code, channel, outcome and staff.
_OTHER_HEADERS = ("受付日", "件名", "相談内容", "団体名", "氏名", "メールアドレス", "郵便番号",
                  "受付方法", "対応結果", "対応状況", "担当者")  # fmt: skip
_OTHER_POOLS: tuple[tuple[Any, ...], ...] = (
    _POOLS[1],
    ("件名", "", "b" * 201, "合計"),
    _POOLS[5],
    ("港南商店会", "", "㈱ミナト", "総計"),
    ("田中", "", "高輪一丁目町会 髙橋", "x\x1b"),
    ("a@example.jp", "ａ＠ｅｘａｍｐｌｅ．ｊｐ", "not-mail", ""),
    ("105-0014", "１０５００１４", "105", ""),
    ("電話", "来所", "ＦＡＸ", "伝書鳩", ""),
    ("紹介で完了", "", "合計"),
    _POOLS[7],
    ("佐藤", "", "s" * 70),
)


def _rows(pools: tuple[tuple[Any, ...], ...] = _POOLS) -> st.SearchStrategy[list[list[Any]]]:
    row = st.tuples(*(st.sampled_from(pool) for pool in pools)).map(list)
    return st.lists(row, min_size=1, max_size=25)


_LEDGERS = st.one_of(
    _rows().map(ledgers.table),
    _rows(_OTHER_POOLS).map(lambda body: ledgers.table(body, _OTHER_HEADERS)),
)


def _outcome(result: ReadResult) -> dict[str, Any]:
    return {
        "rows": [(r.row, r.inquiry, r.inquirer, r.ledger_no, r.cells) for r in result.rows],
        "problems": [
            [p.to_json(lang) for p in problems for lang in ("ja", "en")]
            for problems in (result.rejected, result.unplaced, result.kept)
        ],
        "rejected_cells": result.rejected_cells,
        "blank": result.blank,
        "totals": result.totals,
    }


@settings(max_examples=80, deadline=None)
@given(_LEDGERS)
def test_a_value_read_again_reads_as_it_did_the_first_time(cells):
    layout = find_layout(cells)
    assert layout is not None
    whole = read_rows(cells, layout, profile=PROFILE, vocabularies=VOCABULARIES, today=TODAY)
    alone = ReadResult()
    for at in range(layout.header_row + 1, len(cells)):
        builder = ResultBuilder(layout, PROFILE, VOCABULARIES, TODAY)
        builder.add(at + 1, list(cells[at]))
        one = builder.result
        alone.rows += one.rows
        alone.rejected += one.rejected
        alone.rejected_cells |= one.rejected_cells
        alone.unplaced += one.unplaced
        alone.kept += one.kept
        alone.blank += one.blank
        alone.totals += one.totals
    assert _outcome(whole) == _outcome(alone)
    # Two rows written the same still get keys of their own.
    keys = [row.content_key for row in whole.rows]
    assert len(set(keys)) == len(keys)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.characters(max_codepoint=0x7F))
    | st.sampled_from(("TOTAL", " To tal ", "合計 3件", "ｔｏｔａｌ", "小計", "計画"))
)
def test_a_total_word_told_without_folding_is_the_folded_verdict(cell):
    folded = text.fold(cell)
    expected = folded in TOTAL_WORDS or folded.startswith(("合計", "総計", "小計"))
    assert is_total_word(cell) is expected


_WORD_PARTS = ("合計", "計", "総", "小", "累", "total", "ＴＯＴＡＬ", "ｔ", "T", " ", "\u0307",
               "\x00", "㈱", "ト", "1", "-", "件")  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_WORD_PARTS) | st.text(max_size=3), max_size=5).map("".join),
        max_size=8,
    )
)
def test_total_words_told_at_once_are_those_told_one_by_one(words):
    assert total_words(words) == {word for word in words if is_total_word(word)}
