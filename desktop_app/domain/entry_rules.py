"""What every entry path refuses because it cannot travel: one rule, checked wherever people type.

A control character (ESC, BEL, NUL ...) typed or pasted into a text field cannot be written
into a workbook cell (XML forbids most of them), and a date before 1900 is no Excel date; both
once made every later sync package fail or be refused as edited. So every path that takes
text or dates from a person or a file (the intake form and `inquiry add`/`update` through
domain/inquiry_input, `action add`, a ledger row, a staff name, an edited package accepted by a
supervisor) asks this module, and refuses with a message naming the field; nothing is written.

Kept: tab and line breaks (LF, CR), which notes legitimately hold. Refused: the other C0
controls, DEL, the C1 controls, lone surrogates and the non-characters U+FFFE/U+FFFF, and the
bidirectional embedding, override and isolate controls (U+202A-U+202E, U+2066-U+2069): Japanese
text never needs them, and one pasted U+202E shows a subject or a file name written backwards
on every screen, sheet and case sheet that prints it (a receipt number or a name that reads as
another).

Dates: from 2000-01-01 (the desk records current consultations; older dates are typing
mistakes such as 1868 for 2026) to one year after today (a follow-up may be planned ahead).

Values already stored (from before this rule, or put in by other means) are not refused when
they are read, exported or imported: the package escapes them (excel/cells.printable) and
carries them losslessly in `_data`, so no database is ever stuck.
"""

from __future__ import annotations

import datetime as dt
import re

from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import Localized

EARLIEST = dt.date(2000, 1, 1)
AHEAD = dt.timedelta(days=366)
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)


def control_character(value: str) -> str | None:
    """The first character of `value` that may not be entered, as U+XXXX, or None."""
    found = _CONTROL.search(value)
    return f"U+{ord(found.group()):04X}" if found else None


def check_text(label: Localized | str, value: str | None, *, at: str | None = None) -> None:
    """Refuse text holding a control character other than tab and line breaks."""
    if value and (code := control_character(value)):
        raise UserError("text_control_character", at=at, label=label, value=code)


def latest(today: dt.date) -> dt.date:
    return today + AHEAD


def check_date(
    label: Localized | str, value: dt.date | None, *, today: dt.date, at: str | None = None
) -> None:
    """Refuse a date outside the plausible range (EARLIEST to a year after `today`)."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST <= day <= latest(today):
        raise UserError(
            "date_out_of_range",
            at=at,
            label=label,
            value=day.isoformat(),
            earliest=EARLIEST.isoformat(),
            latest=latest(today).isoformat(),
        )
