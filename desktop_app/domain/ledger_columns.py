"""Which row of a hand-kept ledger (相談受付簿) holds its headers, and which field each column is.

Real ledgers put a title (and a date or a branch name) above the headers, so the header row is
found by itself: among the first rows, the one whose cells name the most fields. A column is
matched to a field by the header words the field catalogue lists for it (its label and its
`synonyms`), compared folded (全角/半角, kana, spaces): exactly, then without a note in brackets
(受付日（曜日）), then by a synonym the header starts or ends with (連絡先電話). A header cell left
empty under a two-row header takes the word above it. Columns a profile names are taken as the
profile says, before any guessing; a column whose field an earlier column already took is left
out and said so.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop_app.domain import fields, text
from desktop_app.domain.messages import Localized

# One column holding the organisation and the person together (団体名・氏名), split on import.
COMBINED = "inquirer.org_and_name"
# The ledger's own number (No., 番号): kept in the inquiry's source, never as its receipt number
# (the field whose catalogue line names the rule "ledger_no").
LEDGER_NO = next(f.key for f in fields.INQUIRY_FIELDS if f.ledger == "ledger_no")
_COMBINED_WORDS = (
    "団体名・氏名",
    "団体名/氏名",
    "氏名・団体名",
    "団体・氏名",
    "団体名(氏名)",
    "相談者(団体名・氏名)",
)
# The program keeps these itself; a ledger may still carry them (who took the call, when closed).
_SYSTEM_TARGETS = ("staff", "closed_at", LEDGER_NO)
_HEAD_ROWS = 30  # headers sit near the top; a title, a date, a branch name and a blank or two
_MIN_MATCHES = 2  # a row naming fewer fields is a title or data, not the header row
_NOTE = re.compile(r"[(（\[【〔].*?[)）\]】〕]")


def _targets() -> tuple[fields.Field, ...]:
    inquiry = tuple(f for f in fields.INQUIRY_FIELDS if not f.system or f.key in _SYSTEM_TARGETS)
    return (*(f for f in inquiry if f.key != "office"), *fields.INQUIRER_FIELDS)


TARGET_FIELDS = _targets()
TARGETS: tuple[str, ...] = (*(f.qualified for f in TARGET_FIELDS), COMBINED)
# Target -> the vocabulary a person may choose a code from for a word no entry placed (the
# status word is placed by the status chosen for 完了/済/終了; master tables are not offered).
CHOOSABLE: dict[str, str] = {
    f.qualified: f.vocab
    for f in TARGET_FIELDS
    if f.kind in (fields.Kind.CODE, fields.Kind.CODES)
    and f.vocab
    and f.vocab not in fields.MASTER_TABLES
    and f.key != "status"
}


def target_label(target: str) -> Localized:
    if target == COMBINED:
        return Localized("団体名・氏名（分けて取込）", "Organisation and name (split)")
    if target == LEDGER_NO:
        return Localized("受付簿の番号（取込元に記録）", "Ledger number (kept as the source)")
    return fields.label(target)


def _words() -> dict[str, str]:
    """Folded header word -> target; a field's own label wins over another field's synonym."""
    table: dict[str, str] = {}
    for f in TARGET_FIELDS:
        for word in f.synonyms:
            table.setdefault(text.fold(word), f.qualified)
    for f in TARGET_FIELDS:
        table[text.fold(f.ja)] = f.qualified
    for word in _COMBINED_WORDS:
        table[text.fold(word)] = COMBINED
    return table


_WORDS = _words()
# Longest first, so that 電話番号 is tried before 電話 and 番号.
_AFFIXES = sorted((word for word in _WORDS if len(word) >= 2), key=len, reverse=True)


def fold_header(header: str) -> str:
    return text.fold(header)


@cache  # a problem names its column's letter: a ledger's ten columns, thousands of times
def column_letter(index: int) -> str:
    """Excel's letters for a 0-based column: 0 -> A, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def guess_target(header: str) -> str | None:
    """The field a header names, or None when no catalogue word fits."""
    folded = text.fold(header)
    if not folded:
        return None
    if folded in _WORDS:
        return _WORDS[folded]
    bare = text.fold(_NOTE.sub("", text.fold(header)))
    if bare in _WORDS:
        return _WORDS[bare]
    if ("団体" in bare or "会社" in bare) and ("氏名" in bare or "名前" in bare):
        return COMBINED
    for word in _AFFIXES:
        if bare.startswith(word) or bare.endswith(word):
            return _WORDS[word]
    return None


@dataclass(frozen=True)
class Column:
    """One column of the ledger: where it is, what its header says, which field it feeds.

    `target` None means the column is not imported; `note` says why when that is not obvious
    (another column took the same field).
    """

    index: int
    header: str
    target: str | None
    taken_by: int | None = None

    @property
    def letter(self) -> str:
        return column_letter(self.index)


@dataclass(frozen=True)
class Layout:
    """The header row (0-based, as in the rows given) and the columns under it."""

    header_row: int
    columns: tuple[Column, ...]

    @property
    def mapped(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.target is not None)

    def target_columns(self) -> dict[str, Column]:
        return {c.target: c for c in self.mapped if c.target is not None}


def header_texts(rows: Sequence[Sequence[Any]], at: int) -> list[str]:
    """The header cells of row `at`, an empty one taking the cell above (a two-row header)."""
    row = [_cell(v) for v in rows[at]]
    above = [_cell(v) for v in rows[at - 1]] if at > 0 else []
    return [
        value or (above[i] if i < len(above) and guess_target(above[i]) else "")
        for i, value in enumerate(row)
    ]


def find_layout(
    rows: Sequence[Sequence[Any]], profile_columns: Mapping[str, str | None] | None = None
) -> Layout | None:
    """The layout of the ledger in `rows`, or None when no row reads as a header row.

    `profile_columns` maps folded header texts to targets (None: leave the column out).
    """
    chosen = profile_columns or {}
    best, best_score = None, 0
    for at in range(min(len(rows), _HEAD_ROWS)):
        heads = header_texts(rows, at)
        named = {_target(head, chosen) for head in heads} - {None}
        if len(named) > best_score:
            best, best_score = at, len(named)
    if best is None or best_score < _MIN_MATCHES:
        return None
    return layout_at(rows, best, chosen)


def layout_at(
    rows: Sequence[Sequence[Any]], at: int, profile_columns: Mapping[str, str | None]
) -> Layout:
    columns: list[Column] = []
    taken: dict[str, int] = {}
    for index, head in enumerate(header_texts(rows, at)):
        target = _target(head, profile_columns)
        if target is not None and target in taken:
            columns.append(Column(index, head, None, taken_by=taken[target]))
            continue
        if target is not None:
            taken[target] = index
        columns.append(Column(index, head, target))
    return Layout(at, tuple(columns))


def _target(head: str, chosen: Mapping[str, str | None]) -> str | None:
    folded = text.fold(head)
    if folded in chosen:
        return chosen[folded]
    return guess_target(head)


def _cell(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))
