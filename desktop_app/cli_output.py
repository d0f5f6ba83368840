"""How the command line prints: one JSON object with `--json`, readable lines otherwise.

Refusals and errors go to standard error so that a script reading standard output never
mistakes a message for data.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

from desktop_app.domain.errors import UserError
from desktop_app.domain.fields import label_in
from desktop_app.domain.messages import render
from desktop_app.services.records import ActionRecord, InquiryRecord


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

    def record(self, record: InquiryRecord) -> None:
        data = record.to_json()
        if self.as_json:
            self._json(data)
            return
        for key, value in data.items():
            if key == "inquirer":
                for sub_key, sub_value in value.items():
                    self._field(f"inquirer.{sub_key}", sub_value)
            else:
                self._field(key, value)

    def listing(self, count: int, records: list[InquiryRecord]) -> None:
        if self.as_json:
            self._json({"count": count, "items": [record.to_json() for record in records]})
            return
        print(render("list_header", self.lang, count=count, shown=len(records)))
        for record in records:
            print(
                f"{record.receipt_no}  {record.received_at:%Y/%m/%d}  {record.status:<11}  "
                f"{record.subject}  ({record.inquirer.display_name})"
            )

    def action(self, record: ActionRecord) -> None:
        if self.as_json:
            self._json(record.to_json())
        else:
            for key, value in record.to_json().items():
                self._field(key, value)

    def refusal(self, error: UserError) -> None:
        if self.as_json:
            self._json({"error": error.code, "message": error.message(self.lang)})
        print(error.message(self.lang), file=sys.stderr)

    def error(self, message: str) -> None:
        if self.as_json:
            self._json({"error": "internal", "message": message})
        print(message, file=sys.stderr)

    def _field(self, key: str, value: Any) -> None:
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        shown = "" if value is None else value
        label = label_in(key, self.lang)
        print(f"{label}: {shown}")

    @staticmethod
    def _json(data: dict[str, Any]) -> None:
        print(json.dumps(data, ensure_ascii=False, default=str))
