"""Who is at the desk: the inquirer's fields, the reading filled from the IME, the link state.

Linked to an earlier inquirer (chosen from the suggestions, or the one of an inquiry being
edited), the section sends that inquirer's id with the fields, so the save updates that record
instead of creating a second one.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop_app.services.records import InquirerRecord
from desktop_app.ui.intake.code_combo import CodeCombo
from desktop_app.ui.intake.field_box import FieldBox
from desktop_app.ui.intake.reading_edit import ReadingLineEdit
from desktop_app.ui.widgets import accessible

# Contract keys of the text fields, in Tab order.
TEXT_KEYS = (
    "organization",
    "name",
    "kana",
    "phone",
    "email",
    "postal_code",
    "address",
    "corporate_number",
)
# The fields whose edits may reveal an earlier inquirer.
MATCH_KEYS = ("organization", "name", "kana", "phone", "corporate_number")


class InquirerSection(QGroupBox):
    """`changed` on any edit; `keysChanged` when a field that identifies someone changes."""

    changed = Signal()
    keysChanged = Signal()  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("相談者"), parent)
        self.type = CodeCombo(optional=True)
        self.name = ReadingLineEdit()
        self.edits: dict[str, QLineEdit] = {
            key: self.name if key == "name" else QLineEdit() for key in TEXT_KEYS
        }
        self.boxes: dict[str, FieldBox] = {"inquirer.type": FieldBox(self.type)}
        self.boxes |= {f"inquirer.{key}": FieldBox(edit) for key, edit in self.edits.items()}
        accessible.name_fields(self.boxes)
        self._linked_id: str | None = None
        self._linked_name = ""
        self._kana_by_hand = False
        self._filled_address = ""  # the address last filled from the postal code
        self.link_label = QLabel()
        self.link_label.setObjectName("linkedInquirer")
        self.unlink_button = QPushButton(self.tr("紐付けを解除"))
        self._build()
        self.type.currentIndexChanged.connect(self.changed)
        for key, edit in self.edits.items():
            edit.textChanged.connect(self.changed)
            if key in MATCH_KEYS:
                edit.textEdited.connect(self.keysChanged)
        self.edits["kana"].textEdited.connect(self._on_kana_edited)
        self.edits["address"].installEventFilter(self)
        self.name.readingChanged.connect(self._on_reading)
        self.unlink_button.clicked.connect(self.unlink)
        self._show_link("")

    def _build(self) -> None:
        labels = {
            "inquirer.type": self.tr("相談者区分"),
            "inquirer.organization": self.tr("団体名"),
            "inquirer.name": self.tr("氏名"),
            "inquirer.kana": self.tr("フリガナ"),
            "inquirer.phone": self.tr("電話"),
            "inquirer.email": self.tr("メール"),
            "inquirer.postal_code": self.tr("郵便番号"),
            "inquirer.address": self.tr("住所"),
            "inquirer.corporate_number": self.tr("法人番号"),
        }
        self.edits["phone"].setPlaceholderText("03-5555-0101")
        self.edits["postal_code"].setPlaceholderText("108-0074")
        self.edits["corporate_number"].setPlaceholderText(self.tr("13桁"))
        form = QFormLayout(self)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.unlink_button)
        form.addRow(link_row)
        for key, box in self.boxes.items():
            form.addRow(labels[key], box)

    def focus_chain(self) -> list[QWidget]:
        """Top to bottom: 紐付けを解除 (shown only when linked) stands above the fields."""
        return [self.unlink_button, self.type, *self.edits.values()]

    def match_keys(self) -> dict[str, str]:
        """What suggest_duplicates needs, as typed."""
        return {key: self.edits[key].text().strip() for key in MATCH_KEYS}

    @property
    def linked_id(self) -> str | None:
        return self._linked_id

    def contract(self) -> dict[str, Any]:
        values: dict[str, Any] = {key: edit.text().strip() for key, edit in self.edits.items()}
        values["type"] = self.type.code()
        if self._linked_id is not None:
            values["id"] = self._linked_id
        return values

    def extras(self) -> dict[str, Any]:
        """What a draft needs beyond the contract to look the same when restored."""
        return {"linked_name": self._linked_name, "kana_by_hand": self._kana_by_hand}

    def apply(self, values: dict[str, Any], extras: dict[str, Any] | None = None) -> None:
        """Fill the fields from a contract dict (a record's JSON or a draft)."""
        self.type.set_code(values.get("type"))
        for key, edit in self.edits.items():
            edit.setText(values.get(key) or "")
        self._kana_by_hand = bool((extras or {}).get("kana_by_hand", bool(values.get("kana"))))
        self._linked_id = values.get("id")
        self._show_link(str((extras or {}).get("linked_name", "")))

    def link(self, record: InquirerRecord) -> None:
        """Take an earlier inquirer: its fields are shown and the save updates that record."""
        self.apply(record.to_json(), {"linked_name": record.display_name, "kana_by_hand": True})

    @Slot()
    def unlink(self) -> None:
        """Keep what is typed but save it as a new inquirer."""
        self._linked_id = None
        self._show_link("")
        self.changed.emit()

    def _show_link(self, name: str) -> None:
        linked = self._linked_id is not None
        self._linked_name = name if linked else ""
        self.link_label.setText(
            self.tr("既存の相談者に紐付け中: {0}").format(name)
            if linked
            else self.tr("新しい相談者として登録します")
        )
        self.unlink_button.setVisible(linked)

    def postal_code(self) -> str:
        return self.edits["postal_code"].text()

    def offer_address(self, postal_code: str, address: str | None) -> None:
        """Fill 住所 from the postal code's town, unless the clerk has typed an address.

        `postal_code` is the code looked up: a reply for a code since changed is dropped.
        """
        edit = self.edits["address"]
        if not address or postal_code != self.postal_code():
            return
        if edit.text() in ("", self._filled_address):
            edit.setText(address)
            self._filled_address = address

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tab into an address filled from the postal code: the cursor at its end, not the
        whole of it selected, so the 番地 typed next follows 東京都港区芝 instead of erasing it."""
        address = self.edits["address"]
        if (
            watched is address
            and event.type() == QEvent.Type.FocusIn
            and self._filled_address
            and address.text().startswith(self._filled_address)
        ):
            QTimer.singleShot(0, lambda: address.end(False))  # after Qt's own select-all
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_kana_edited(self, text: str) -> None:
        self._kana_by_hand = bool(text)

    @Slot(str)
    def _on_reading(self, reading: str) -> None:
        if not self._kana_by_hand:
            self.edits["kana"].setText(reading)
            self.keysChanged.emit()
