"""A name field that remembers what the IME composed before conversion: the name's reading.

Japanese business software fills フリガナ by itself as the name is typed: with an IME the clerk
types すずき, converts it to 鈴木 and commits; the composition (preedit) seen before conversion
is the reading. Once conversion starts the preedit shows kanji, so the last all-kana preedit is
kept and appended to the reading when the conversion is committed.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QLineEdit, QWidget

# Hiragana, katakana, the long-vowel mark and the middle dot: what a reading is made of.
_KANA = re.compile(r"^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb]+$")
_HIRAGANA_TO_KATAKANA = {code: code + 0x60 for code in range(0x3041, 0x3097)}


def to_katakana(kana: str) -> str:
    return kana.translate(_HIRAGANA_TO_KATAKANA)


class ReadingLineEdit(QLineEdit):
    """Emits `readingChanged(katakana)` each time a composition is committed.

    The reading restarts when the field is emptied; text typed without an IME adds nothing.
    """

    readingChanged = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reading = ""
        self._pending = ""
        self.textChanged.connect(self._on_text_changed)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 (Qt's name)
        preedit = event.preeditString()
        if _KANA.match(preedit):
            self._pending = preedit
        committed = event.commitString()
        super().inputMethodEvent(event)
        if committed:
            reading = self._pending or (committed if _KANA.match(committed) else "")
            self._pending = ""
            if reading:
                self._reading += to_katakana(reading)
                self.readingChanged.emit(self._reading)
        elif not preedit:
            self._pending = ""  # the composition was cancelled

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        if not text:
            self._reading = ""
