"""A sync conflict in the shared side-by-side dialog: this office's row beside the incoming one.

The dialog is the one a stale form uses (ui/widgets/conflict_dialog.py); here ours is the row
as it stands at this office, theirs the version another office sent. Every field a person
enters is shown (labels from the field catalogue, codes by their labels), fields in conflict
first with the choice, "keep ours" ticked as the import kept it. A field the package did not
carry (personal fields of a package without them) is left out: it was not sent, so there is
nothing to choose. A deletion met by an update is chosen like a field (削除). The dialog
only asks; the caller resolves with the fields chosen as theirs. GUI thread only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from desktop_app.domain import fields
from desktop_app.domain.merge import FieldConflict
from desktop_app.services import lookup
from desktop_app.services.conflicts import ConflictVersions
from desktop_app.ui.context import AppContext
from desktop_app.ui.widgets.conflict_dialog import ConflictDialog
from desktop_app.ui.widgets.conflict_view import Sides

_DELETED = "deleted"


def qualified(entity: str, key: str) -> str:
    """The catalogue's key of a row's content key (`inquirer.phone`, `action.note`)."""
    if key == _DELETED or entity == "inquiry":
        return key
    return f"{entity}.{key}"


def in_catalogue_order(entity: str, keys: list[str]) -> list[str]:
    """`keys` as the form lists them (件名 before 段階); keys that are no field go last."""
    order = {f.key: n for n, f in enumerate(fields.fields_of(entity))}
    return sorted(keys, key=lambda key: order.get(key, len(order)))


def entity_label(entity: str) -> str:
    return {
        "inquiry": QCoreApplication.translate("SyncConflict", "受付"),
        "action": QCoreApplication.translate("SyncConflict", "対応"),
        "inquirer": QCoreApplication.translate("SyncConflict", "相談者"),
    }[entity]


def ask_resolution(
    ctx: AppContext,
    parent: QWidget,
    versions: ConflictVersions,
    on_chosen: Callable[[list[str]], None],
) -> None:
    """Open the dialog for `versions`; `on_chosen(keys)` with the content keys to take as
    theirs (resolve with keep="ours", take=keys). Cancel calls nothing."""
    record = versions.record
    entity = record.entity
    in_conflict = in_catalogue_order(entity, [item.field for item in record.fields])
    shown = [
        f.key
        for f in fields.fields_of(entity)
        if not f.system and f.key in versions.theirs and f.key not in in_conflict
    ]
    keys = [*in_conflict, *shown]
    ours = {qualified(entity, k): _shown(k, versions.ours.get(k)) for k in keys}
    theirs = {qualified(entity, k): _shown(k, versions.theirs.get(k)) for k in keys}
    conflicts = [
        FieldConflict(
            qualified(entity, k),
            versions.base.get(k),
            ours[qualified(entity, k)],
            theirs[qualified(entity, k)],
        )
        for k in in_conflict
    ]
    back = {qualified(entity, k): k for k in keys}
    codes = sorted({*(ours.get("municipalities") or []), *(theirs.get("municipalities") or [])})
    peer = ctx.vocab.office(record.peer)
    explanation = QCoreApplication.translate(
        "SyncConflict",
        "{0}（{1}）: {2}から届いた版とこの事務所の版で、同じ項目が違う値に変わっています"
        "（{3} 項目）。項目ごとに残す値を選んでください。選んだ結果は次の送付で{2}にも届きます。",
    ).format(record.receipt_no or record.entity_id, entity_label(entity), peer, len(in_conflict))
    if any(f.key not in versions.theirs for f in fields.fields_of(entity) if f.personal):
        explanation += QCoreApplication.translate(
            "SyncConflict", "個人情報は送られていないため比べていません。"
        )

    def show(found: list[lookup.MunicipalityItem]) -> None:
        labels: Mapping[str, Mapping[str, str]] = {
            **ctx.vocab.terms,
            "municipality": {item.code: item.display for item in found},
        }
        dialog = ConflictDialog(
            QCoreApplication.translate("SyncConflict", "競合を解決する — {0}").format(
                record.receipt_no or ""
            ),
            explanation,
            [qualified(entity, k) for k in keys],
            ours,
            theirs,
            conflicts,
            sides=Sides(
                QCoreApplication.translate("SyncConflict", "この事務所の値"),
                QCoreApplication.translate("SyncConflict", "{0}から届いた値").format(peer),
                QCoreApplication.translate("SyncConflict", "こちらを残す"),
                QCoreApplication.translate("SyncConflict", "届いた値を採る"),
            ),
            labels=labels,
            lang=ctx.lang,
            parent=parent,
        )
        dialog.setObjectName("syncConflictDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.chosen.connect(lambda taken: on_chosen([back[key] for key in taken]))
        dialog.open()

    ctx.query(lambda db: lookup.municipalities_by_code(db, codes), on_done=show, owner=parent)


def _shown(key: str, value: Any) -> Any:
    """A value as the view shows it; the deletion flag in words."""
    if key != _DELETED:
        return value
    return (
        QCoreApplication.translate("SyncConflict", "削除済み")
        if value
        else QCoreApplication.translate("SyncConflict", "削除されていない")
    )
