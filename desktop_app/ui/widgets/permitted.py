"""What a role may not do, shown before it is tried: greyed out with the reason as a tooltip.

The services refuse anyway (domain.actor); this only spares a clerk a click that ends in a
refusal, and says who may (「データの送付・取込」は係長・管理職以上…) where the button is.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError


def refusal(actor: Actor, permission: Permission, lang: str) -> str | None:
    """The refusal the services would give `actor` for `permission`, or None if they may."""
    try:
        actor.require(permission)
    except UserError as exc:
        return exc.message("en" if lang.startswith("en") else "ja")
    return None


def permit(widgets: QWidget | tuple[QWidget, ...], actor: Actor, permission: Permission,
           lang: str) -> bool:  # fmt: skip
    """Grey out `widgets` with the reason as their tooltip unless `actor` may; True if may."""
    reason = refusal(actor, permission, lang)
    for widget in widgets if isinstance(widgets, tuple) else (widgets,):
        widget.setEnabled(reason is None)
        if reason is not None:
            widget.setToolTip(reason)
    return reason is None
