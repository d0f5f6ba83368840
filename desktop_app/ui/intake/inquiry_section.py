"""The inquiry's own fields, in three groups: reception (受付), the matter (相談内容), handling.

A QObject rather than a widget: the form places the three groups where they read best
(reception above the inquirer, the matter and its handling beside it), while this class keeps
the widgets, their contract keys and their Tab order together.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.ui.context import AppContext
from desktop_app.ui.intake.code_combo import CodeCombo
from desktop_app.ui.intake.date_field import DateField
from desktop_app.ui.intake.field_box import FieldBox
from desktop_app.ui.intake.multi_select import MultiSelect
from desktop_app.ui.intake.municipality_picker import MunicipalityPicker
from desktop_app.ui.widgets import accessible

# Contract key -> vocabulary of the single-choice fields.
COMBO_VOCAB = {
    "channel": "channel",
    "relationship": "relationship",
    "step": "step",
    "domain": "domain",
    "status": "status",
}
MULTI_VOCAB = {"fields": "field", "forms": "form", "agreement_bodies": "agreement_body"}


class InquirySection(QObject):
    """Widgets of the inquiry; `changed` on any edit. GUI thread only."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.received_at = DateField(self.tr("受付日"))
        self.follow_up_due = DateField(self.tr("次回対応期限"), due=True)
        self.combos = {key: CodeCombo(optional=key != "status") for key in COMBO_VOCAB}
        self.subject = QLineEdit()
        self.content = _text_box(5)
        self.outcome = _text_box(2)
        self.multis = {key: MultiSelect() for key in MULTI_VOCAB}
        self.municipalities = MunicipalityPicker(ctx)
        self.boxes: dict[str, FieldBox] = {
            "received_at": FieldBox(self.received_at),
            "channel": FieldBox(self.combos["channel"]),
            "subject": FieldBox(self.subject),
            "content": FieldBox(self.content),
            "relationship": FieldBox(self.combos["relationship"]),
            "step": FieldBox(self.combos["step"]),
            "domain": FieldBox(self.combos["domain"]),
            "fields": FieldBox(self.multis["fields"]),
            "forms": FieldBox(self.multis["forms"]),
            "municipalities": FieldBox(self.municipalities),
            "agreement_bodies": FieldBox(self.multis["agreement_bodies"]),
            "status": FieldBox(self.combos["status"]),
            "follow_up_due": FieldBox(self.follow_up_due),
            "outcome": FieldBox(self.outcome),
        }
        accessible.name_fields(self.boxes, ctx.lang)
        self.reception = self._group(self.tr("受付"), ("received_at", "channel"))
        self.matter = self._group(
            self.tr("相談内容"),
            (
                "subject",
                "content",
                "relationship",
                "step",
                "domain",
                "fields",
                "forms",
                "municipalities",
                "agreement_bodies",
            ),
        )
        self.handling = self._group(self.tr("対応"), ("status", "follow_up_due", "outcome"))
        self._connect()

    def _labels(self) -> dict[str, str]:
        return {
            "received_at": self.tr("受付日"),
            "channel": self.tr("受付方法"),
            "subject": self.tr("件名"),
            "content": self.tr("相談内容"),
            "relationship": self.tr("連携の型"),
            "step": self.tr("段階"),
            "domain": self.tr("領域"),
            "fields": self.tr("連携分野"),
            "forms": self.tr("協働の形態"),
            "municipalities": self.tr("対象自治体"),
            "agreement_bodies": self.tr("協定先"),
            "status": self.tr("状況"),
            "follow_up_due": self.tr("次回対応期限"),
            "outcome": self.tr("結果"),
        }

    def _group(self, title: str, keys: tuple[str, ...]) -> QGroupBox:
        group = QGroupBox(title)
        form = QFormLayout(group)
        labels = self._labels()
        for key in keys:
            form.addRow(labels[key], self.boxes[key])
        return group

    def _connect(self) -> None:
        for date_field in (self.received_at, self.follow_up_due):
            date_field.changed.connect(self.changed)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.changed)
        for multi in self.multis.values():
            multi.changed.connect(self.changed)
        self.subject.textChanged.connect(self.changed)
        self.content.textChanged.connect(self.changed)
        self.outcome.textChanged.connect(self.changed)
        self.municipalities.changed.connect(self.changed)

    def head_keys(self) -> tuple[str, ...]:
        """Contract keys of the fields before the inquirer's, in Tab order."""
        return ("received_at", "channel")

    def tail_keys(self) -> tuple[str, ...]:
        """Contract keys of the fields after the inquirer's, in Tab order."""
        return tuple(key for key in self.boxes if key not in self.head_keys())

    def head_chain(self) -> list[QWidget]:
        """Tab order before the inquirer's fields."""
        return [self.received_at.edit, self.combos["channel"]]

    def tail_chain(self) -> list[QWidget]:
        """Tab order after the inquirer's fields."""
        combos = self.combos
        return [
            self.subject,
            self.content,
            combos["relationship"],
            combos["step"],
            combos["domain"],
            self.multis["fields"],
            self.multis["forms"],
            self.municipalities.search,
            self.municipalities.chosen,
            self.multis["agreement_bodies"],
            combos["status"],
            self.follow_up_due.edit,
            self.outcome,
        ]

    def set_choices(self, choices: dict[str, list[tuple[str, str]]]) -> None:
        for key, vocab in COMBO_VOCAB.items():
            self.combos[key].set_choices(choices.get(vocab, []))
        for key, vocab in MULTI_VOCAB.items():
            self.multis[key].set_choices(choices.get(vocab, []))

    def contract(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: combo.code() for key, combo in self.combos.items()}
        values |= {key: multi.codes() for key, multi in self.multis.items()}
        values["received_at"] = self.received_at.text()
        values["follow_up_due"] = self.follow_up_due.text() or None
        values["subject"] = self.subject.text().strip()
        values["content"] = self.content.toPlainText().strip()
        values["outcome"] = self.outcome.toPlainText().strip() or None
        values["municipalities"] = self.municipalities.codes()
        return values

    def apply(self, values: dict[str, Any], municipality_names: list[Any] | None = None) -> None:
        """Fill the fields from a contract dict (a record's JSON or a draft)."""
        for key, combo in self.combos.items():
            combo.set_code(values.get(key))
        for key, multi in self.multis.items():
            multi.set_codes(list(values.get(key) or []))
        self.received_at.set_text(values.get("received_at") or "")
        self.follow_up_due.set_text(values.get("follow_up_due") or "")
        self.subject.setText(values.get("subject") or "")
        self.content.setPlainText(values.get("content") or "")
        self.outcome.setPlainText(values.get("outcome") or "")
        codes = list(values.get("municipalities") or [])
        if municipality_names:
            self.municipalities.set_entries([(code, name) for code, name in municipality_names])
        else:
            self.municipalities.set_codes(codes)


def _text_box(lines: int) -> QPlainTextEdit:
    """Multi-line text where Tab moves on, as in every other field of the form."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box
