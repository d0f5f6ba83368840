"""The inquiry's own fields, in three groups: reception (受付), the matter (相談内容), handling.

A QObject rather than a widget: the form places the three groups where they read best
(reception above the inquirer, the matter and its handling beside it), while this class keeps
the widgets, their contract keys and their Tab order together. Which fields there are, their
group, order, label and widget follow the field catalogue (domain/fields.py): a date field gets
a date box, a code field a choice of its vocabulary, a code list a multiple choice (the target
municipalities their picker), text a line and a note a box of the catalogue's `lines`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLineEdit, QPlainTextEdit, QWidget

from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind
from desktop_app.ui.context import AppContext
from desktop_app.ui.intake.code_combo import CodeCombo
from desktop_app.ui.intake.date_field import DateField
from desktop_app.ui.intake.field_box import FieldBox
from desktop_app.ui.intake.multi_select import MultiSelect
from desktop_app.ui.intake.municipality_picker import MunicipalityPicker
from desktop_app.ui.widgets import accessible

_PICKED = "municipality"  # the code list chosen by searching the master, not from a list
_STATUS = "status"  # always set (a new inquiry is 受付): no empty choice


class InquirySection(QObject):
    """Widgets of the inquiry; `changed` on any edit. GUI thread only."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = ctx.lang
        self._fields = tuple(f for g in fields.FORM_GROUPS for f in fields.form_fields(g))
        self.dates: dict[str, DateField] = {}
        self.combos: dict[str, CodeCombo] = {}
        self.multis: dict[str, MultiSelect] = {}
        self.texts: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.municipalities = MunicipalityPicker(ctx)
        self.boxes: dict[str, FieldBox] = {f.key: FieldBox(self._widget(f)) for f in self._fields}
        accessible.name_fields(self.boxes, ctx.lang)
        self.received_at = self.dates["received_at"]
        self.follow_up_due = self.dates["follow_up_due"]
        self.subject = self._line("subject")
        self.content = self._note("content")
        self.outcome = self._note("outcome")
        self.reception, self.matter, self.handling = (
            self._group(self.tr("受付"), fields.RECEPTION),
            self._group(self.tr("相談内容"), fields.MATTER),
            self._group(self.tr("対応"), fields.HANDLING),
        )
        self._connect()

    def _widget(self, f: Field) -> QWidget:
        """The widget that edits `f`, by its kind, kept under its key."""
        label = f.label_in(self._lang)
        if f.kind is Kind.DATE:
            self.dates[f.key] = DateField(label, due=not f.required)
            return self.dates[f.key]
        if f.kind is Kind.CODE:
            self.combos[f.key] = CodeCombo(optional=f.key != _STATUS)
            return self.combos[f.key]
        if f.kind is Kind.CODES and f.vocab == _PICKED:
            return self.municipalities
        if f.kind is Kind.CODES:
            self.multis[f.key] = MultiSelect()
            return self.multis[f.key]
        box: QLineEdit | QPlainTextEdit = _text_box(f.lines) if f.kind is Kind.NOTE else QLineEdit()
        self.texts[f.key] = box
        return box

    def _line(self, key: str) -> QLineEdit:
        box = self.texts[key]
        assert isinstance(box, QLineEdit)
        return box

    def _note(self, key: str) -> QPlainTextEdit:
        box = self.texts[key]
        assert isinstance(box, QPlainTextEdit)
        return box

    def _group(self, title: str, group: str) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for f in fields.form_fields(group):
            form.addRow(f.label_in(self._lang), self.boxes[f.key])
        return box

    def _connect(self) -> None:
        for date_field in self.dates.values():
            date_field.changed.connect(self.changed)
        for combo in self.combos.values():
            combo.currentIndexChanged.connect(self.changed)
        for multi in self.multis.values():
            multi.changed.connect(self.changed)
        for box in self.texts.values():
            box.textChanged.connect(self.changed)
        self.municipalities.changed.connect(self.changed)

    def head_keys(self) -> tuple[str, ...]:
        """Contract keys of the fields before the inquirer's, in Tab order."""
        return tuple(f.key for f in fields.form_fields(fields.RECEPTION))

    def tail_keys(self) -> tuple[str, ...]:
        """Contract keys of the fields after the inquirer's, in Tab order."""
        return tuple(key for key in self.boxes if key not in self.head_keys())

    def head_chain(self) -> list[QWidget]:
        """Tab order before the inquirer's fields."""
        return [w for key in self.head_keys() for w in self._stops(key)]

    def tail_chain(self) -> list[QWidget]:
        """Tab order after the inquirer's fields."""
        return [w for key in self.tail_keys() for w in self._stops(key)]

    def _stops(self, key: str) -> list[QWidget]:
        """Where Tab stops in the field `key`."""
        if key in self.dates:
            return [self.dates[key].edit]
        if key == "municipalities":
            return [self.municipalities.search, self.municipalities.chosen]
        return [self.boxes[key].field]

    def set_choices(self, choices: dict[str, list[tuple[str, str]]]) -> None:
        for key, combo in self.combos.items():
            combo.set_choices(choices.get(fields.field("inquiry", key).vocab or "", []))
        for key, multi in self.multis.items():
            multi.set_choices(choices.get(fields.field("inquiry", key).vocab or "", []))

    def contract(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: combo.code() for key, combo in self.combos.items()}
        values |= {key: multi.codes() for key, multi in self.multis.items()}
        for key, date_field in self.dates.items():
            values[key] = date_field.text() or _blank(key)
        for key, box in self.texts.items():
            written = box.text() if isinstance(box, QLineEdit) else box.toPlainText()
            values[key] = written.strip() or _blank(key)
        values["municipalities"] = self.municipalities.codes()
        return {f.key: values[f.key] for f in self._fields}

    def apply(self, values: dict[str, Any], municipality_names: list[Any] | None = None) -> None:
        """Fill the fields from a contract dict (a record's JSON or a draft)."""
        for key, combo in self.combos.items():
            combo.set_code(values.get(key))
        for key, multi in self.multis.items():
            multi.set_codes(list(values.get(key) or []))
        for key, date_field in self.dates.items():
            date_field.set_text(values.get(key) or "")
        for key, box in self.texts.items():
            if isinstance(box, QLineEdit):
                box.setText(values.get(key) or "")
            else:
                box.setPlainText(values.get(key) or "")
        codes = list(values.get("municipalities") or [])
        if municipality_names:
            self.municipalities.set_entries([(code, name) for code, name in municipality_names])
        else:
            self.municipalities.set_codes(codes)


def _blank(key: str) -> str | None:
    """An empty field as the contract writes it: "" for a required one, else its `blank`."""
    found = fields.field("inquiry", key)
    return "" if found.required else found.blank


def _text_box(lines: int) -> QPlainTextEdit:
    """Multi-line text where Tab moves on, as in every other field of the form."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box
