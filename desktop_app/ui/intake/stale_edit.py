"""Saving a form whose inquiry was changed meanwhile (another window, an action, a sync import).

The service merges field by field against the record the form opened (services.inquiries,
`base=`); when a field was changed differently on both sides it refuses with EditConflict and
this module asks the clerk, in the side-by-side view that sync conflicts use too: every field
of the form, the form's value beside the stored one. A draft of an edit restored after the row
moved on is merged the same way (domain.merge, against the form as it was when the draft's
edit began) and asks the same question. Codes are shown by label, so the
municipalities of both sides are looked up first (on the worker). GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from desktop_app.domain.merge import FieldConflict
from desktop_app.services import lookup
from desktop_app.services.records import InquiryRecord
from desktop_app.ui.context import AppContext
from desktop_app.ui.intake.edits import record_values
from desktop_app.ui.widgets.conflict_dialog import ConflictDialog
from desktop_app.ui.widgets.conflict_view import Sides


def ask_which(
    ctx: AppContext,
    parent: QWidget,
    explanation: str,
    conflicts: Iterable[FieldConflict],
    current: InquiryRecord,
    ours: Mapping[str, Any],
    keys: Sequence[str],
    labels: Mapping[str, Mapping[str, str]],
    on_chosen: Callable[[list[str]], None],
) -> None:
    """`ours` (the form's values) beside `current`, `conflicts` to choose; `on_chosen(keys)`
    with the keys that take the stored value.

    Cancel calls nothing: the form keeps what was typed, unsaved.
    """
    theirs = record_values(current.to_json())
    codes = sorted({*(ours.get("municipalities") or []), *(theirs.get("municipalities") or [])})

    def show(found: list[lookup.MunicipalityItem]) -> None:
        names = {**labels, "municipality": {item.code: item.display for item in found}}
        dialog = ConflictDialog(
            QCoreApplication.translate("StaleEdit", "保存する前に選んでください"),
            explanation,
            keys,
            ours,
            theirs,
            conflicts,
            sides=Sides(
                QCoreApplication.translate("StaleEdit", "自分の入力"),
                QCoreApplication.translate("StaleEdit", "保存済みの値"),
                QCoreApplication.translate("StaleEdit", "自分の入力を残す"),
                QCoreApplication.translate("StaleEdit", "保存済みの値を採る"),
            ),
            labels=names,
            lang=ctx.lang,
            parent=parent,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.chosen.connect(on_chosen)
        dialog.open()

    ctx.query(lambda db: lookup.municipalities_by_code(db, codes), on_done=show, owner=parent)
