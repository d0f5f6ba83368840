"""The rows of a ledger under its layout, read into inquiries, or into reasons they cannot be.

Every problem names the row as Excel shows it, the column letter and header, the value and
why (the issue's per-row report). Three kinds:
- `rejected`: the row does not come in (an impossible date, a required value missing, a value
  too long, a phone, e-mail or postal code that does not read as one: personal data is never
  moved into the notes);
- `unplaced`: the row comes in, the value as その他 (a category no vocabulary word fits) or
  empty (a channel, a status word nobody uses);
- `kept`: the row comes in, the value kept in the inquirer's notes because it is not what its
  column says (a phone number of 4 digits).
Blank rows and total rows (合計) are skipped and counted. Nothing here knows the database:
the vocabularies come in as `Vocabulary` objects.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from desktop_app.domain import corporate_number, entry_rules, fields, text, workflow
from desktop_app.domain.dates import DateParseError
from desktop_app.domain.errors import UserError
from desktop_app.domain.ledger_columns import COMBINED, LEDGER_NO, TARGET_FIELDS, Column, Layout
from desktop_app.domain.ledger_profile import Profile
from desktop_app.domain.ledger_values import (
    Vocabulary,
    cell_text,
    guess_inquirer_type,
    is_organisation,
    read_date,
    split_org_name,
    status_of,
    subject_from,
    total_words,
)
from desktop_app.domain.messages import Localized

# How each target is read follows its kind in the field catalogue: a date, text within its
# limit, or a word placed on its vocabulary; unless its catalogue line names a rule of its own
# (`Field.ledger`, one of RULES). The row reader applies these itself: the ledger's own number
# kept as the source, the staff's name cut to fit, the subject taken from the content when
# missing, the status word closing the case, an open case's outcome kept as a note.
ROW_RULES = frozenset(("ledger_no", "staff", "subject", "content", "status", "outcome"))
_OWN_RULE = frozenset(f.key for f in TARGET_FIELDS if f.ledger in ROW_RULES)
_CODED: dict[str, tuple[str, str | None]] = {
    f.qualified: (f.vocab or "", f.unplaced)
    for f in TARGET_FIELDS
    if f.kind in (fields.Kind.CODE, fields.Kind.CODES) and f.key not in _OWN_RULE
}
_MANY = frozenset(f.qualified for f in TARGET_FIELDS if f.kind is fields.Kind.CODES)
_INQUIRY = tuple(f for f in TARGET_FIELDS if f.entity == "inquiry" and f.key not in _OWN_RULE)
_DATES = tuple(f.key for f in _INQUIRY if f.kind in (fields.Kind.DATE, fields.Kind.TIME))
_TEXTS = tuple(f for f in _INQUIRY if f.kind in (fields.Kind.TEXT, fields.Kind.NOTE))
# Long text where 合計 may begin a sentence (notes, and the subject, a sentence of the content):
# never read as the mark of a total row.
_PROSE = frozenset(
    f.qualified for f in TARGET_FIELDS if f.kind is fields.Kind.NOTE or f.ledger == "subject"
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DASHES = re.compile(r"[‐‑‒–—―−ー－]")
_STAFF_LIMIT = 64
_OUTCOME_OF_CLOSED = "受付簿から取込（{word}）"
_OTHER_LABEL = Localized("その他", "Other")
_EMPTY_LABEL = Localized("空欄", "empty")


@dataclass(frozen=True)
class Problem:
    """One value of one row that did not go in as written, and why."""

    row: int  # as Excel shows it (1-based)
    column: str  # its letter, "" for the row as a whole
    header: str
    value: str
    error: UserError

    def reason(self, lang: str = "ja") -> str:
        return self.error.message(lang)

    def to_json(self, lang: str = "ja") -> dict[str, Any]:
        return {
            "row": self.row,
            "column": self.column,
            "header": self.header,
            "value": self.value,
            "reason": self.reason(lang),
            "code": self.error.code,
        }


@dataclass(slots=True)  # ten thousand a ledger: made and freed faster without a __dict__
class LedgerRow:
    """A row that reads as an inquiry: its values (contract keys), its inquirer's, its key."""

    row: int
    inquiry: dict[str, Any]
    inquirer: dict[str, str]
    ledger_no: str
    content_key: str
    cells: list[Any]


@dataclass
class ReadResult:
    rows: list[LedgerRow] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    rejected_cells: dict[int, list[Any]] = field(default_factory=dict)
    unplaced: list[Problem] = field(default_factory=list)
    kept: list[Problem] = field(default_factory=list)
    blank: int = 0
    totals: int = 0

    @property
    def data_rows(self) -> int:
        """Rows under the header that were neither blank nor a total."""
        return len(self.rows) + len(self.rejected_cells)


def read_rows(
    rows: Sequence[Sequence[Any]],
    layout: Layout,
    *,
    profile: Profile,
    vocabularies: Mapping[str, Vocabulary],
    today: dt.date,
) -> ReadResult:
    """Every row under the header row, read (see the module docstring)."""
    result = ResultBuilder(layout, profile, vocabularies, today)
    first = layout.header_row + 1
    result.add_rows(range(first + 1, len(rows) + 1), rows[first:])
    return result.result


def vocabularies_of(layout: Layout) -> frozenset[str]:
    """The vocabularies `read_rows` places this layout's values in (its coded columns')."""
    return frozenset(_CODED[target][0] for target in layout.target_columns() if target in _CODED)


class ResultBuilder:
    """Reads rows into a ReadResult, a batch at a time (`add_rows`, or `add` for one); keeps
    the count of identical rows, so the second of two rows written the same gets a key of its
    own.

    A ledger writes the same dates, category words, status words and names thousands of
    times: the layout is turned once into where each target sits and what limits it (`_Plan`),
    and a batch's data rows are read column by column (`_Columns`), each distinct value of a
    column once. Every row still gets every check and every problem of its own, in the order
    a row is checked in."""

    def __init__(
        self,
        layout: Layout,
        profile: Profile,
        vocabularies: Mapping[str, Vocabulary],
        today: dt.date,
    ) -> None:
        self.result = ReadResult()
        self._columns = layout.target_columns()
        self._plan = _Plan(self._columns, profile, vocabularies, today)
        self._seen: dict[str, int] = {}
        mapped = {c.index for c in self._columns.values()}
        self._width = max(mapped, default=-1) + 1
        # The cells a total word may stand in: the short mapped ones and those no field took.
        short = [c.index for t, c in self._columns.items() if t not in _PROSE]
        self._total_cells = short + [i for i in range(self._width) if i not in mapped]
        date = self._columns.get("received_at")
        self._received = date.index if date is not None else None
        # Each keyed column's part of the key is worked out once per distinct value.
        self._keyed: tuple[tuple[str, int, bool, dict[Any, str]], ...] = tuple(
            (f"{target}=", self._columns[target].index, target in _DATES, {})
            for target in sorted(self._columns)
        )

    def add(self, number: int, cells: Sequence[Any]) -> None:
        self.add_rows((number,), (cells,))

    def add_rows(self, numbers: Iterable[int], rows: Iterable[Sequence[Any]]) -> None:
        """The rows (numbered as Excel shows them), read into the result in their order:
        column by column, each column's texts once per distinct cell, then the blank rows
        and the total rows set aside and the others read (`_Columns`)."""
        numbers = list(numbers)
        cells = [list(row) for row in rows]
        if not cells:
            return
        wide = max(self._width, *map(len, cells))
        # Every row as wide as the widest (a CSV's rows may be ragged): a missing cell is "".
        padded = [row + [""] * (wide - len(row)) if len(row) < wide else row for row in cells]
        raw: list[Sequence[Any]] = list(zip(*padded, strict=True))
        texts = [_texts(column) for column in raw]
        # The rows with any text: the blank ones are looked for column by column among those
        # still blank (after a column written in every row, none are left to look at).
        blank: Sequence[int] = range(len(cells))
        for column in texts:
            blank = list(compress(blank, map(operator.not_, map(column.__getitem__, blank))))
        written = set(range(len(cells))).difference(blank)
        totals = self._totals(raw, texts, written)
        kept = [at for at in range(len(cells)) if at in written and at not in totals]
        self.result.blank += len(cells) - len(written)
        self.result.totals += len(totals)
        if not kept:
            return
        pick = _picker(kept, len(cells))
        raw, texts = (
            [pick(column) for column in raw],
            [pick(column) for column in texts],
        )
        read = _Columns(self._plan, list(pick(numbers)), list(pick(cells)))
        read.read(raw, texts)
        self._add_read(read)

    def _totals(
        self, raw: list[Sequence[Any]], texts: list[Sequence[str]], written: set[int]
    ) -> set[int]:
        """The total rows: no 受付日 that reads as a date, and a total word in a short cell
        (or one past the mapped columns). The dates are looked at first (each distinct cell
        once): a row that has one is no total row whatever its words, and most rows have one.
        Each distinct word is told once (those that are none are kept for the next rows)."""
        undated = sorted(written)
        if self._received is not None:
            cells = raw[self._received]
            typed = [cell if type(cell) is str else (type(cell), cell) for cell in cells]
            dated = {key: _is_date(cell) for key, cell in zip(typed, cells, strict=True)}
            undated = [row for row in undated if not dated[typed[row]]]
        no_total = self._plan.no_total
        found: set[int] = set()
        for at in (*self._total_cells, *range(self._width, len(texts))) if undated else ():
            column = texts[at]
            words = {column[row] for row in undated}.difference(no_total)
            totals = total_words(words)
            no_total.update(words.difference(totals))
            if totals:
                found.update(row for row in undated if column[row] in totals)
        return found

    def _add_read(self, read: _Columns) -> None:
        result = self.result
        for at in sorted(read.unplaced):
            result.unplaced += read.unplaced[at]
        for at in sorted(read.rejected):
            result.rejected += read.rejected[at]
            result.rejected_cells[read.numbers[at]] = read.cells[at]
        good = [at for at in range(read.count) if at not in read.rejected]
        if not good:
            return
        pick = _picker(good, read.count)
        inquiries, inquirers = read.rows(pick)
        seen = self._seen
        sha256 = hashlib.sha256
        keys = []
        for base in self._keys(read, pick, len(good)):
            occurrence = seen.get(base, 0)
            seen[base] = occurrence + 1
            keys.append(sha256(f"{base}#{occurrence}".encode()).hexdigest())
        result.rows += map(
            LedgerRow, pick(read.numbers), inquiries, inquirers,
            pick(read.column(LEDGER_NO)), keys, pick(read.cells),
        )  # fmt: skip

    def _keys(self, read: _Columns, pick: _Pick, count: int) -> list[str]:
        """What recognises each good row again (before its occurrence is counted): its mapped
        values folded, by field, not position (a renamed file, a column moved or rows inserted
        above change nothing). A column's part is worked out once per distinct value (a date
        column's once per distinct cell, by its type: 45800 and "45800" are read apart)."""
        columns: list[list[str]] = []
        for prefix, at, is_date, known in self._keyed:
            found: Sequence[Any] = pick(read.by_index[at])
            if is_date:
                found = [
                    text if cell == "" else (type(cell), cell)
                    for text, cell in zip(found, pick(read.raw_column(at)), strict=True)
                ]
            new = set(found).difference(known)
            # The dates as dates, each text folded with the others new to the column, in C.
            if is_date:
                for value in [value for value in new if type(value) is tuple]:
                    known[value] = prefix + _date_part(value[1])
                    new.discard(value)
            written = list(new)
            known.update(
                zip(written, [prefix + part for part in text.fold_all(written)], strict=True)
            )
            columns.append(list(map(known.__getitem__, found)))
        sha256 = hashlib.sha256
        joined = map("\x1f".join, zip(*columns, strict=True)) if columns else [""] * count
        return [sha256(line.encode()).hexdigest() for line in joined]


def _picker(rows: list[int], count: int) -> _Pick:
    """What picks the values of `rows` out of a column of `count` rows, in C."""
    if len(rows) == count:
        return lambda column: column  # every row
    if len(rows) == 1:
        return lambda column: (column[rows[0]],)
    return itemgetter(*rows)


def _texts(column: Sequence[Any]) -> Sequence[str]:
    """A column's cells as text (`cell_text`): a column of text and whole numbers without a
    CR, the numbers written out and the text stripped, in C (str of a text is the text);
    any other cell by `cell_text`."""
    kinds = set(map(type, column))
    if kinds <= _TEXT_AND_WHOLE:
        written = list(map(str, column)) if int in kinds else column
        if "\r" not in "".join(written):
            return list(map(str.strip, written))
    return [
        value.strip()
        if type(value) is str and "\r" not in value
        else str(value)  # cell_text's answer for a whole number
        if type(value) is int
        else cell_text(value)
        for value in column
    ]


_TEXT_AND_WHOLE = frozenset((str, int))


def _is_date(cell: Any) -> bool:
    """Whether a 受付日 cell reads as a date (each distinct cell read once: read_date)."""
    if cell == "":
        return False
    try:
        read_date(cell)
    except DateParseError:
        return False
    return True


def _date_part(cell: Any) -> str:
    """A date column's non-empty cell in the row key: its ISO date, else its folded text (any
    other value in the key is its folded text)."""
    try:
        return read_date(cell).isoformat()
    except DateParseError:
        return text.fold(cell_text(cell))


class _Plan:
    """What every row of one ledger is read by: where each target sits, its limit, and the
    reading of each distinct value of a column, worked out once (none of these depends on the
    row it was first met in)."""

    def __init__(
        self,
        columns: Mapping[str, Column],
        profile: Profile,
        vocabularies: Mapping[str, Vocabulary],
        today: dt.date,
    ) -> None:
        self.columns = columns
        self.index = {target: column.index for target, column in columns.items()}
        # The coded targets of the inquiry the ledger has (the others read as nothing coded).
        self.coded_targets = tuple(key for key in _INQUIRY_CODED if key in self.index)
        # The dates a row is read for: those the ledger has, and 受付日 always (required).
        self.date_targets = tuple(
            key for key in _DATES if key in self.index or key == "received_at"
        )
        # The inquirer's text fields the ledger has a column for (the others stay ""), and
        # the contacts among them: only those can hold a value to check.
        self.inquirer_targets = tuple(
            (key, target) for key, target in _INQUIRER_TARGETS if target in self.index
        )
        self.contact_keys = tuple(key for key, _ in self.inquirer_targets if key in _CONTACT_CHECKS)
        self.profile = profile
        self.vocabularies = vocabularies
        self.today = today
        self.limits = {target: fields.limit_of(target) for target in _LIMITED}
        self.dates: dict[tuple[str, type, Any], tuple[dt.date | None, UserError | None]] = {}
        self.coded: dict[tuple[str, str], tuple[Any, bool]] = {}
        self.statuses: dict[str, str | None] = {}
        self.contacts: dict[str, dict[str, str | None]] = {key: {} for key in _CONTACT_CHECKS}
        # The words told to be no total word (and the empty cell): a total word is never
        # kept, so its row is told again; a ledger has one or two.
        self.no_total: set[str] = {""}

    def date(self, target: str, raw: Any) -> tuple[dt.date | None, UserError | None]:
        """The date of a non-empty cell of a date column, or why it is none."""
        key = (target, type(raw), raw)
        found = self.dates.get(key)
        if found is None:
            found = self.dates[key] = _date(target, raw, self.today)
        return found

    def code(self, target: str, written: str) -> tuple[Any, bool]:
        """The code(s) a non-empty value names, and whether it was placed by the fallback."""
        key = (target, written)
        found = self.coded.get(key)
        if found is None:
            found = self.coded[key] = self._code(target, written)
        return found

    def _code(self, target: str, written: str) -> tuple[Any, bool]:
        vocab, fallback = _CODED[target]
        many = target in _MANY
        codes = self.vocabularies[vocab].place(written, self.profile.values.get(target))
        unplaced = not codes
        if unplaced:
            codes = (fallback,) if fallback else ()
        if many:
            return tuple(sorted(codes)), unplaced
        return (codes[0] if codes else None), unplaced

    def status(self, written: str) -> str | None:
        if written not in self.statuses:
            self.statuses[written] = status_of(written, self.profile.closed_status)
        return self.statuses[written]

    def contacts_of(self, key: str, values: Iterable[str]) -> dict[str, str | None]:
        """The contact as stored of each distinct value (None: it reads as none), each value
        checked once per ledger."""
        known = self.contacts[key]
        check = _CONTACT_CHECKS[key]
        for value in set(values).difference(known):
            known[value] = check(value)
        return known


_Pick = Callable[[Sequence[Any]], Sequence[Any]]


def _date(target: str, raw: Any, today: dt.date) -> tuple[dt.date | None, UserError | None]:
    try:
        value = read_date(raw)
    except DateParseError as exc:
        return None, UserError(exc.code, label=_label(target), value=exc.text)
    if target == "received_at" and value > today:
        return None, UserError("date_future", label=_label(target), value=cell_text(raw))
    try:
        entry_rules.check_date(_label(target), value, today=today)
    except UserError as error:
        return None, error
    return value, None


class _Columns:
    """A batch of data rows read column by column: each target's texts a column, each
    distinct value of a column read once (through the plan's caches), each problem kept
    under its row. The checks run in the order a row is checked in, each over every row, so
    that each row's problems come in that order: its control characters (column by column),
    its dates, content, subject and outcome, its coded values, its texts, its status, then
    its inquirer's texts, name, contacts and type."""

    def __init__(self, plan: _Plan, numbers: list[int], cells: list[list[Any]]) -> None:
        self.plan = plan
        self.numbers = numbers
        self.cells = cells
        self.count = len(numbers)
        self._blank = ("",) * self.count
        self.raw: list[Sequence[Any]] = []
        self.by_index: list[Sequence[str]] = []
        self.texts: dict[str, Sequence[str]] = {}
        self.rejected: dict[int, list[Problem]] = {}
        self.unplaced: dict[int, list[Problem]] = {}
        self._inquiry: dict[str, Any] = {}
        self._inquirers: list[dict[str, str]] = []

    def column(self, target: str) -> Sequence[str]:
        """The texts of a target, "" in every row when the ledger has no column for it."""
        return self.texts.get(target, self._blank)

    def raw_column(self, at: int) -> Sequence[Any]:
        """The cells of the sheet's column `at` ("" where a row was shorter)."""
        return self.raw[at]

    def problem(
        self, into: dict[int, list[Problem]], at: int, target: str, error: UserError
    ) -> None:
        """A problem of row `at` (of this batch) in the target's column, naming its value."""
        column = self.plan.columns.get(target)
        into.setdefault(at, []).append(
            Problem(
                self.numbers[at],
                column.letter if column else "",
                column.header if column else "",
                self.texts[target][at] if column else "",
                error,
            )
        )

    def read(self, raw: list[Sequence[Any]], texts: list[Sequence[str]]) -> None:
        """Every check over every row (`raw` and `texts` the rows' cells and texts, column by
        column), each row's problems kept under it; the values of the inquiry and the
        inquirer, column by column (`rows` puts them together)."""
        self.raw, self.by_index = raw, texts
        self.texts = {target: texts[at] for target, at in self.plan.index.items()}
        self._refuse_control_characters()
        inquiry: dict[str, Any] = dict.fromkeys(_DATES, repeat(None))
        for target in self.plan.date_targets:
            inquiry[target] = self._date(target)
        inquiry["content"] = content = self._limited("content")
        written = self._limited("subject")
        inquiry["subject"] = subjects = [
            subject or subject_from(text) for subject, text in zip(written, content, strict=True)
        ]
        if not all(subjects):
            missing = UserError("ledger_subject_missing", label=_label("subject"))
            for at, subject in enumerate(subjects):
                if not subject:
                    self.problem(self.rejected, at, "subject", missing)
        inquiry["outcome"] = [outcome or None for outcome in self._limited("outcome")]
        inquiry["staff"] = [staff[:_STAFF_LIMIT] for staff in self.column("staff")]
        inquiry.update({key: repeat(value) for key, value in _NOTHING_CODED.items()})
        for key in self.plan.coded_targets:
            inquiry[key] = self._coded(key)
        for key, blank in _TEXT_BLANKS:
            if key in self.texts:
                inquiry[key] = [value or blank for value in self._limited(key)]
            else:
                inquiry[key] = repeat(blank)
        self._status(inquiry)
        self._inquiry = inquiry
        self._inquirers = self._inquirer()

    def rows(self, pick: _Pick) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
        """The inquiry and inquirer values of the rows `pick` picks (those `read` did not
        refuse)."""
        keys = tuple(self._inquiry)
        columns = (
            column if isinstance(column, repeat) else pick(column)
            for column in self._inquiry.values()
        )  # a column of one value (`repeat`) is every row's
        inquiries = list(map(dict, map(zip, repeat(keys), zip(*columns, strict=False))))
        return inquiries, list(pick(self._inquirers))

    def _refuse_control_characters(self) -> None:
        """A cell holding a control character (domain/entry_rules) keeps its row out."""
        for target, column in self.plan.columns.items():
            values = self.texts[target]
            # Every character refused is unprintable: a printable column holds none, told in
            # C without a set of its values (most are: a space or tab in a cell is not).
            if "".join(values).isprintable():
                continue
            distinct = set(values)
            if entry_rules.control_character("\t".join(distinct)) is None:
                continue  # tab is allowed: no cell of a field holds one
            refused: dict[str, UserError] = {}
            for value in distinct:
                try:
                    entry_rules.check_text(column.header, value)
                except UserError as error:
                    refused[value] = error
            for at, value in enumerate(values):
                if value in refused:
                    self.problem(self.rejected, at, target, refused[value])

    def _date(self, target: str) -> list[dt.date | None]:
        texts = self.texts.get(target)
        cells: Sequence[Any]
        if texts is None:  # 受付日 without a column: required in every row
            texts = cells = self._blank
        else:
            cells = self.raw_column(self.plan.index[target])
        # Each distinct cell read once, by its type (45800 and "45800" are read apart).
        typed = [raw if type(raw) is str else (type(raw), raw) for raw in cells]
        read: dict[Any, tuple[dt.date | None, UserError | None]] = {}
        for value, raw, key in zip(texts, cells, typed, strict=True):
            if key not in read:
                read[key] = self.plan.date(target, raw) if value else (None, None)
        found = [read[key] for key in typed]
        required = target == "received_at"
        if required or any(error for _, error in read.values()):
            missing = UserError("field_required", label=_label(target))
            for at, (value, (_, error)) in enumerate(zip(texts, found, strict=True)):
                if not value and required:
                    self.problem(self.rejected, at, target, missing)
                elif error is not None:
                    self.problem(self.rejected, at, target, error)
        return [day for day, _ in found]

    def _limited(self, target: str) -> Sequence[str]:
        values = self.column(target)
        limit = self.plan.limits[target]
        if limit is not None and max(map(len, values)) > limit:
            too_long = UserError("field_too_long", label=_label(target), limit=limit)
            for at, value in enumerate(values):
                if len(value) > limit:
                    self.problem(self.rejected, at, target, too_long)
        return values

    def _coded(self, target: str) -> list[Any]:
        written = self.texts[target]
        nothing = () if target in _MANY else None
        read = {
            value: self.plan.code(target, value) if value else (nothing, False)
            for value in set(written)
        }
        if any(unplaced for _, unplaced in read.values()):
            placed = _OTHER_LABEL if _CODED[target][1] else _EMPTY_LABEL
            error = UserError("ledger_value_unplaced", label=_label(target), placed=placed)
            for at, value in enumerate(written):
                if read[value][1]:
                    self.problem(self.unplaced, at, target, error)
        return [read[value][0] for value in written]

    def _status(self, inquiry: dict[str, Any]) -> None:
        written = self.column("status")
        read = {value: self.plan.status(value) if value else None for value in set(written)}
        if any(value and read[value] is None for value in read):
            error = UserError(
                "ledger_value_unplaced",
                label=_label("status"),
                placed=Localized(workflow.STATUS_LABELS[workflow.RECEIVED], "Received"),
            )
            for at, value in enumerate(written):
                if value and read[value] is None:
                    self.problem(self.unplaced, at, "status", error)
        statuses = [read[value] or workflow.RECEIVED for value in written]
        closing = {status: workflow.is_closed(status) for status in set(statuses)}
        closed = [closing[status] for status in statuses]
        outcomes = inquiry["outcome"]
        inquiry["status"] = statuses
        # 備考 (or 対応結果) of a case still open is no result: it is kept as a note (a メモ
        # action of the case), and the outcome is left for whoever closes it.
        header = self.plan.columns["outcome"].header if "outcome" in self.texts else ""
        inquiry["note"] = [
            f"{header}: {outcome}" if outcome and not shut else ""
            for outcome, shut in zip(outcomes, closed, strict=True)
        ]
        inquiry["outcome"] = [
            (outcome or _OUTCOME_OF_CLOSED.format(word=word)) if shut else None
            for outcome, word, shut in zip(outcomes, written, closed, strict=True)
        ]
        inquiry["closed_at"] = [
            (day or received) if shut else None
            for day, received, shut in zip(
                inquiry["closed_at"], inquiry["received_at"], closed, strict=False
            )
        ]
        inquiry["follow_up_due"] = [
            None if shut else day
            for day, shut in zip(inquiry["follow_up_due"], closed, strict=False)
        ]

    # -- the inquirer ------------------------------------------------------------------

    def _inquirer(self) -> list[dict[str, str]]:
        values: dict[str, Sequence[str]] = dict.fromkeys(_INQUIRER_TEXT, self._blank)
        for key, target in self.plan.inquirer_targets:
            values[key] = self._limited(target)
        self._names(values)
        for key in self.plan.contact_keys:
            values[key] = self._contact(key, values[key])
        keys = (*values, "type")
        rows = zip(*values.values(), self._types(values["organization"]), strict=True)
        found = list(map(dict, map(zip, repeat(keys), rows)))
        if "inquirer.notes" in self.texts:
            for inquirer in found:
                if inquirer["notes"]:
                    # Notes written go last but for the type, as they always did.
                    inquirer["notes"] = inquirer.pop("notes")
                    inquirer["type"] = inquirer.pop("type")
        return found

    def _names(self, values: dict[str, Sequence[str]]) -> None:
        """The organisation and the person of every row (each distinct combination of the
        columns worked out once); a row naming neither is refused."""
        combinations = list(
            zip(values["organization"], values["name"], self.column(COMBINED), strict=True)
        )
        who = {combination: _org_and_name(*combination) for combination in set(combinations)}
        pairs = [who[combination] for combination in combinations]
        values["organization"] = [organisation for organisation, _ in pairs]
        values["name"] = [name for _, name in pairs]
        if not all(organisation or name for organisation, name in pairs):
            nameless = UserError("inquirer_name_required")
            target = "inquirer.name" if "inquirer.name" in self.texts else COMBINED
            for at, (organisation, name) in enumerate(pairs):
                if not organisation and not name:
                    self.problem(self.rejected, at, target, nameless)

    def _contact(self, key: str, written: Sequence[str]) -> list[str]:
        """A contact column as stored. A phone, e-mail or postal code that does not read as
        one is personal data all the same: never moved into the notes (which lists show and
        retention keeps), the row goes to the rejects workbook for a person to correct."""
        checked = self.plan.contacts_of(key, filter(None, written))
        if None in checked.values():
            target = f"inquirer.{key}"
            invalid = UserError("ledger_contact_invalid", label=fields.label_in(target, "ja"))
            for at, value in enumerate(written):
                if value and checked[value] is None:
                    self.problem(self.rejected, at, target, invalid)
        return [checked.get(value) or "" for value in written]

    def _types(self, organisations: Sequence[str]) -> list[str | None]:
        """The 相談者区分 written, or when none is, the one the organisation says (each
        distinct organisation guessed once)."""
        written = self.column("inquirer.type")
        if "inquirer.type" in self.texts:
            coded = self._coded("inquirer.type")
        else:
            coded = [None] * self.count
        guessed = {
            name: guess_inquirer_type(name)
            for name in set(compress(organisations, map(operator.not_, written)))
        }
        return [
            code if typed else guessed[organisation]
            for code, typed, organisation in zip(coded, written, organisations, strict=True)
        ]


def _org_and_name(organisation: str, name: str, combined: str) -> tuple[str, str]:
    """The organisation and the person of a row, from its columns of either or both."""
    if combined:
        written_organisation, written_name = split_org_name(combined)
        return organisation or written_organisation, name or written_name
    if not organisation and is_organisation(name):
        # 相談者「高輪一丁目町会」 or 「㈱ミナト 鈴木」 in a ledger without an organisation
        # column: the organisation is the organisation (and says the 相談者区分), the
        # person what is left.
        return split_org_name(name)
    return organisation, name


_INQUIRER_TEXT = tuple(
    f.key for f in fields.INQUIRER_FIELDS if f.kind in (fields.Kind.TEXT, fields.Kind.NOTE)
)
_INQUIRY_CODED = tuple(f.key for f in _INQUIRY if f.qualified in _CODED)
# What a coded target the ledger has no column for reads as (no problem: nothing was written).
_NOTHING_CODED = {key: () if key in _MANY else None for key in _INQUIRY_CODED}
_INQUIRER_TARGETS = tuple((key, f"inquirer.{key}") for key in _INQUIRER_TEXT)
_NO_INQUIRER_TEXT = dict.fromkeys(_INQUIRER_TEXT, "")
_TEXT_BLANKS = tuple((f.key, f.blank) for f in _TEXTS)
# Every target whose length is checked (`_limited`), with its limit looked up once.
_LIMITED = (
    "content", "subject", "outcome", *(f.key for f in _TEXTS),
    *(f"inquirer.{key}" for key in _INQUIRER_TEXT),
)  # fmt: skip


def _phone(value: str) -> str | None:
    """The number as written in half-width, dashes unified; None when it is no phone number."""
    # ASCII is its own NFKC form and holds none of the dashes unified.
    ascii = value.isascii()
    normal = (value if ascii else unicodedata.normalize("NFKC", value)).strip()
    # text.digits(value) counted, from the one NFKC form (strip removes no digit)
    if not 10 <= sum(map(str.isdigit, normal)) <= 11:
        return None
    return normal if ascii else _DASHES.sub("-", normal)


def _email(value: str) -> str | None:
    normal = unicodedata.normalize("NFKC", value).strip()
    return normal if _EMAIL.match(normal) else None


def _postal(value: str) -> str | None:
    digits = text.digits(value)
    return f"{digits[:3]}-{digits[3:]}" if len(digits) == 7 else None


def _corporate(value: str) -> str | None:
    if not corporate_number.is_valid_corporate_number(value):
        return None
    return corporate_number.normalize_corporate_number(value)


# The contact rules a field's `ledger` may name: a cell that does not read as one refuses the row.
CONTACT_RULES: dict[str, Callable[[str], str | None]] = {
    "phone": _phone,
    "email": _email,
    "postal_code": _postal,
    "corporate_number": _corporate,
}
RULES = ROW_RULES | CONTACT_RULES.keys()
# The inquirer's fields checked as contacts, by their catalogue lines (in the catalogue's order).
_CONTACT_CHECKS = {
    f.key: CONTACT_RULES[f.ledger] for f in fields.INQUIRER_FIELDS if f.ledger in CONTACT_RULES
}


def _label(target: str) -> Any:
    return fields.label(target)
