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
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
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
    is_total_word,
    read_date,
    split_org_name,
    status_of,
    subject_from,
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


@dataclass
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
    for at in range(layout.header_row + 1, len(rows)):
        result.add(at + 1, list(rows[at]))
    return result.result


def vocabularies_of(layout: Layout) -> frozenset[str]:
    """The vocabularies `read_rows` places this layout's values in (its coded columns')."""
    return frozenset(_CODED[target][0] for target in layout.target_columns() if target in _CODED)


class ResultBuilder:
    """Reads rows one at a time into a ReadResult; keeps the count of identical rows, so the
    second of two rows written the same gets a key of its own.

    A ledger writes the same dates, category words, status words and names thousands of
    times: the layout is turned once into where each target sits and what limits it, and each
    distinct value of a column is read once (`_Plan`'s caches). Every row still gets every
    check and every problem of its own."""

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

    def add(self, number: int, cells: list[Any]) -> None:
        # cell_text, with the common case (text without a CR) done here: every cell passes.
        texts = [
            value.strip() if type(value) is str and "\r" not in value else cell_text(value)
            for value in cells
        ]
        if not any(texts):
            self.result.blank += 1
            return
        if len(texts) < self._width:
            texts += [""] * (self._width - len(texts))
        if self._is_total(cells, texts):
            self.result.totals += 1
            return
        reader = _RowReader(number, cells, texts, self._plan)
        row = reader.read()
        if reader.unplaced:
            self.result.unplaced += reader.unplaced
        if reader.kept:
            self.result.kept += reader.kept
        if reader.rejected:
            self.result.rejected += reader.rejected
            self.result.rejected_cells[number] = cells
            return
        assert row is not None
        base = self._key(cells, texts)
        occurrence = self._seen.get(base, 0)
        self._seen[base] = occurrence + 1
        row.content_key = hashlib.sha256(f"{base}#{occurrence}".encode()).hexdigest()
        self.result.rows.append(row)

    def _is_total(self, cells: list[Any], texts: list[str]) -> bool:
        """A total row: a total word in a short cell, and no 受付日 that reads as a date. The
        date is looked at first (each distinct one read once): a row that has one is no total
        row whatever its words, and most rows have one."""
        at = self._received
        if at is not None and at < len(cells) and cells[at] != "":
            try:
                read_date(cells[at])
            except DateParseError:
                pass
            else:
                return False
        words = [texts[i] for i in self._total_cells]
        if len(texts) > self._width:
            words += texts[self._width :]
        no_total = self._plan.no_total
        if no_total.issuperset(words):
            return False  # every word was told before: one look in C
        for word in words:
            if word not in no_total:
                if is_total_word(word):
                    return True
                no_total.add(word)
        return False

    def _key(self, cells: list[Any], texts: list[str]) -> str:
        """What recognises the row again: its mapped values folded, by field, not position
        (a renamed file, a column moved or rows inserted above change nothing)."""
        parts = []
        for prefix, at, is_date, known in self._keyed:
            found: Any = texts[at]
            if is_date and at < len(cells) and cells[at] != "":
                raw = cells[at]
                found = (type(raw), raw)
            part = known.get(found)
            if part is None:
                part = known[found] = prefix + self._key_part(cells, texts, at, is_date)
            parts.append(part)
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()

    def _key_part(self, cells: list[Any], texts: list[str], at: int, is_date: bool) -> str:
        """A column's value in the row key: a date as its ISO date, else its folded text."""
        if is_date and at < len(cells) and cells[at] != "":
            try:
                return read_date(cells[at]).isoformat()
            except DateParseError:
                pass
        return text.fold(texts[at])


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
        self.targets = tuple(self.index)
        self.positions = tuple(self.index.values())
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
        self.contacts: dict[tuple[str, str], str | None] = {}
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

    def contact(self, key: str, value: str) -> str | None:
        found = self.contacts.get((key, value), _MISSING)
        if found is _MISSING:
            found = self.contacts[(key, value)] = _CONTACT_CHECKS[key](value)
        return found  # type: ignore[return-value]


_MISSING = object()


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


class _RowReader:
    def __init__(self, number: int, cells: list[Any], texts: list[str], plan: _Plan) -> None:
        self.number = number
        self.cells = cells
        self.plan = plan
        self.columns = plan.columns
        # Each mapped target's text (`texts` is as wide as the mapped columns): one dictionary
        # made in C, so that every look-up below is one `get`.
        self.mapped = dict(zip(plan.targets, map(texts.__getitem__, plan.positions), strict=True))
        self.rejected: list[Problem] = []
        self.unplaced: list[Problem] = []
        self.kept: list[Problem] = []

    def value(self, target: str) -> Any:
        at = self.plan.index.get(target)
        if at is None or at >= len(self.cells):
            return ""
        return self.cells[at]

    def text(self, target: str) -> str:
        return self.mapped.get(target, "")

    def problem(self, into: list[Problem], target: str, error: UserError) -> None:
        column = self.columns.get(target)
        into.append(
            Problem(
                self.number,
                column.letter if column else "",
                column.header if column else "",
                self.text(target) if column else "",
                error,
            )
        )

    # -- the row -----------------------------------------------------------------------

    def read(self) -> LedgerRow | None:
        self._refuse_control_characters()
        inquiry: dict[str, Any] = {}
        t = self.mapped
        for target in _DATES:
            inquiry[target] = None
        for target in self.plan.date_targets:
            inquiry[target] = self._date(target)
        inquiry["content"] = content = self._limited("content")
        subject = self._limited("subject") or subject_from(content)
        if not subject:
            self.problem(
                self.rejected,
                "subject",
                UserError("ledger_subject_missing", label=_label("subject")),
            )
        inquiry["subject"] = subject
        inquiry["outcome"] = self._limited("outcome") or None
        inquiry["staff"] = t.get("staff", "")[:_STAFF_LIMIT]
        inquiry.update(_NOTHING_CODED)  # in their order, those the ledger has read below
        for key in self.plan.coded_targets:
            inquiry[key] = self._coded(key)
        for key, blank in _TEXT_BLANKS:
            inquiry[key] = (self._limited(key) or blank) if key in t else blank
        self._status(inquiry)
        inquirer = self._inquirer()
        if self.rejected:
            return None
        return LedgerRow(self.number, inquiry, inquirer, t.get(LEDGER_NO, ""), "", self.cells)

    def _date(self, target: str) -> dt.date | None:
        if not self.mapped.get(target):
            if target == "received_at":
                self.problem(
                    self.rejected, target, UserError("field_required", label=_label(target))
                )
            return None
        value, error = self.plan.date(target, self.value(target))
        if error is not None:
            self.problem(self.rejected, target, error)
        return value

    def _refuse_control_characters(self) -> None:
        """A cell holding a control character (domain/entry_rules) keeps its row out."""
        if entry_rules.control_character("\t".join(self.mapped.values())) is None:
            return  # tab is allowed: no cell of a field holds one
        for target, column in self.columns.items():
            try:
                entry_rules.check_text(column.header, self.text(target))
            except UserError as error:
                self.problem(self.rejected, target, error)

    def _limited(self, target: str) -> str:
        value = self.mapped.get(target, "")
        if not value:
            return value
        limit = self.plan.limits[target]
        if limit is not None and len(value) > limit:
            self.problem(
                self.rejected,
                target,
                UserError("field_too_long", label=_label(target), limit=limit),
            )
        return value

    def _coded(self, target: str) -> Any:
        written = self.mapped.get(target, "")
        if not written:
            return () if target in _MANY else None
        codes, unplaced = self.plan.code(target, written)
        if unplaced:
            placed = _OTHER_LABEL if _CODED[target][1] else _EMPTY_LABEL
            self.problem(
                self.unplaced,
                target,
                UserError("ledger_value_unplaced", label=_label(target), placed=placed),
            )
        return codes

    def _status(self, inquiry: dict[str, Any]) -> None:
        written = self.mapped.get("status", "")
        status = self.plan.status(written) if written else None
        if written and status is None:
            self.problem(
                self.unplaced,
                "status",
                UserError(
                    "ledger_value_unplaced",
                    label=_label("status"),
                    placed=Localized(workflow.STATUS_LABELS[workflow.RECEIVED], "Received"),
                ),
            )
        status = status or workflow.RECEIVED
        inquiry["status"] = status
        inquiry["note"] = ""
        if workflow.is_closed(status):
            inquiry["outcome"] = inquiry["outcome"] or _OUTCOME_OF_CLOSED.format(word=written)
            inquiry["closed_at"] = inquiry["closed_at"] or inquiry["received_at"]
            inquiry["follow_up_due"] = None
        else:
            inquiry["closed_at"] = None
            # 備考 (or 対応結果) of a case still open is no result: it is kept as a note (a
            # メモ action of the case), and the outcome is left for whoever closes it.
            if inquiry["outcome"]:
                header = self.columns["outcome"].header
                inquiry["note"] = f"{header}: {inquiry['outcome']}"
                inquiry["outcome"] = None

    # -- the inquirer ------------------------------------------------------------------

    def _inquirer(self) -> dict[str, str]:
        t = self.mapped
        values = dict(_NO_INQUIRER_TEXT)
        for key, target in self.plan.inquirer_targets:
            values[key] = self._limited(target)
        combined = t.get(COMBINED, "")
        if combined:
            organisation, name = split_org_name(combined)
            values["organization"] = values["organization"] or organisation
            values["name"] = values["name"] or name
        elif not values["organization"] and is_organisation(values["name"]):
            # 相談者「高輪一丁目町会」 or 「㈱ミナト 鈴木」 in a ledger without an organisation
            # column: the organisation is the organisation (and says the 相談者区分), the
            # person what is left.
            values["organization"], values["name"] = split_org_name(values["name"])
        if not values["organization"] and not values["name"]:
            self.problem(
                self.rejected,
                "inquirer.name" if "inquirer.name" in self.columns else COMBINED,
                UserError("inquirer_name_required"),
            )
        notes = [values.pop("notes")] if values.get("notes") else []
        for key in self.plan.contact_keys:
            # A phone, e-mail or postal code that does not read as one is personal data all
            # the same: never moved into the notes (which lists show and retention keeps), the
            # row goes to the rejects workbook for a person to correct.
            if values[key] and (checked := self.plan.contact(key, values[key])) is None:
                label = fields.label_in(f"inquirer.{key}", "ja")
                self.problem(
                    self.rejected,
                    f"inquirer.{key}",
                    UserError("ledger_contact_invalid", label=label),
                )
                values[key] = ""
            elif values[key]:
                values[key] = checked or ""
        values["notes"] = "\n".join(notes)
        type_written = t.get("inquirer.type", "")
        if type_written:
            values["type"] = self._coded("inquirer.type")
        else:
            values["type"] = guess_inquirer_type(values["organization"])
        return values


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
    normal = unicodedata.normalize("NFKC", value).strip()
    # text.digits(value) counted, from the one NFKC form (strip removes no digit)
    if not 10 <= sum(map(str.isdigit, normal)) <= 11:
        return None
    return _DASHES.sub("-", normal)


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
