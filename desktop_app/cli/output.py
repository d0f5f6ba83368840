"""How the command line prints: one JSON object with `--json`, readable lines otherwise.

JSON keeps codes (the record contract); plain lines are for a person, so codes are printed as
their labels (受付方法: 電話, 対象自治体: 北海道釧路市 (012068)) and dates as 2026/09/14.
Refusals and errors go to standard error so that a script reading standard output never
mistakes a message for data. Nothing here imports the database layer: `--help` stays fast.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from desktop_app.domain.errors import UserError
from desktop_app.domain.fields import Field, Kind, inquiry_field, label_in
from desktop_app.domain.messages import render

if TYPE_CHECKING:
    from desktop_app.services.lookup import CodeLabels
    from desktop_app.services.records import ActionRecord, InquiryRecord

_STATUS_COLUMNS = 14  # 情報提供で完了, the longest status label, in terminal columns
_ACTION_DETAILS = ("next_due", "referred_to", "reply_due", "replied_on")


@dataclass(frozen=True)
class Printer:
    as_json: bool
    lang: str

    def line(self, text: str) -> None:
        if not self.as_json:
            print(text)

    def figures(self, message: str, figures: dict[str, Any]) -> None:
        if self.as_json:
            self._json(figures)
        else:
            print(message)

    def record(
        self,
        record: InquiryRecord,
        labels: CodeLabels | None,
        actions: Sequence[ActionRecord] | None = None,
    ) -> None:
        """One inquiry; with `actions` (inquiry show) its history too (`"actions"` in JSON)."""
        data = record.to_json()
        if self.as_json:
            if actions is not None:
                data["actions"] = [action.to_json() for action in actions]
            self._json(data)
            return
        for key, value in data.items():
            if key == "inquirer":
                for sub_key, sub_value in value.items():
                    self._field(f"inquirer.{sub_key}", sub_value, labels)
            else:
                self._field(key, value, labels)
        if actions is not None:
            print(render("show_actions", self.lang, count=len(actions)))
            for action in actions:
                self._action_line(action, labels)

    def listing(
        self, count: int, records: Iterable[InquiryRecord], labels: CodeLabels | None
    ) -> None:
        """`inquiry list`: the count of all matches and the records shown."""
        if self.as_json:
            self._json({"count": count, "items": [record.to_json() for record in records]})
            return
        shown = list(records)
        print(render("list_header", self.lang, count=count, shown=len(shown)))
        for record in shown:
            self._list_line(record, labels)

    def stream(
        self, count: int | None, records: Iterable[InquiryRecord], labels: CodeLabels | None
    ) -> None:
        """`inquiry list --all`: JSON Lines (one record a line) or plain lines, as they come."""
        if not self.as_json:
            print(render("list_header", self.lang, count=count, shown=count))
        for record in records:
            if self.as_json:
                self._json(record.to_json())
            else:
                self._list_line(record, labels)

    def action(self, record: ActionRecord, labels: CodeLabels | None) -> None:
        if self.as_json:
            self._json(record.to_json())
            return
        for key, value in record.to_json().items():
            self._field(f"action.{key}", value, labels)

    def refusal(self, error: UserError) -> None:
        if self.as_json:
            self._json({"error": error.code, "message": error.message(self.lang)})
        print(error.message(self.lang), file=sys.stderr)

    def error(self, message: str) -> None:
        if self.as_json:
            self._json({"error": "internal", "message": message})
        print(message, file=sys.stderr)

    def _list_line(self, record: InquiryRecord, labels: CodeLabels | None) -> None:
        status = _label(labels, "status", record.status)
        print(
            f"{record.receipt_no}  {record.received_at:%Y/%m/%d}  {_pad(status, _STATUS_COLUMNS)}  "
            f"{record.subject}  ({record.inquirer.display_name})"
        )

    def _action_line(self, action: ActionRecord, labels: CodeLabels | None) -> None:
        kind = _label(labels, "action_kind", action.kind)
        first, *more = action.note.splitlines() or [""]
        print(f"  {action.action_date:%Y/%m/%d}  {kind}  {first}")
        for line in more:
            print(f"      {line}")
        data = action.to_json()
        for key in _ACTION_DETAILS:
            if data[key] is not None:
                shown = _shown(_catalogued(f"action.{key}"), data[key], labels, lang=self.lang)
                print(f"      {label_in('action.' + key, self.lang)}: {shown}")

    def _field(self, key: str, value: Any, labels: CodeLabels | None) -> None:
        label = label_in(key, self.lang)
        if label == key:  # the contract's own keys (id, rev) have no label of a field
            label = key.removeprefix("action.")
        print(f"{label}: {_shown(_catalogued(key), value, labels, lang=self.lang)}")

    @staticmethod
    def _json(data: dict[str, Any]) -> None:
        print(json.dumps(data, ensure_ascii=False, default=str))


def _catalogued(key: str) -> Field | None:
    try:
        return inquiry_field(key)
    except KeyError:
        return None  # id, rev, updated_at: the contract's own keys, printed as they are


def _shown(field: Field | None, value: Any, labels: CodeLabels | None, *, lang: str = "ja") -> str:
    """A value of the record as a person reads it: labels for codes, 2026/09/14 for dates."""
    if value is None or value == []:
        return ""
    if field is None or field.vocab is None:
        if field is not None and field.kind is Kind.DATE:
            return str(value).replace("-", "/")
        return str(value)
    vocab = field.vocab
    values = value if isinstance(value, list) else [value]
    named = []
    for code in values:
        label = _label(labels, vocab, code)
        named.append(f"{label} ({code})" if vocab == "municipality" and label != code else label)
    return ("、" if not lang.startswith("en") else ", ").join(named)


def _label(labels: CodeLabels | None, vocab: str, code: str) -> str:
    """The label of a code, or the code itself where there is none (JSON, a retired code)."""
    return (labels.of(vocab, code) if labels is not None else None) or code


def _pad(text: str, columns: int) -> str:
    """`text` padded to `columns` terminal columns (a kanji takes two)."""
    width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(0, columns - width)
