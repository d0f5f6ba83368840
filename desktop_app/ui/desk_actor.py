"""Who acts at the desk, as the services' permission checks need it.

`AppContext` carries only the login (`ctx.staff`) until staff sign-in gives it the signed-in
actor; until then the desk acts as the command line does (`cli_sign_in`): the login as this
database's administrator. The screens that call services taking an `Actor` ask here, so
sign-in replaces this one function.
"""

from __future__ import annotations

from desktop_app.domain.actor import Actor, Role
from desktop_app.ui.context import AppContext


def desk_actor(ctx: AppContext) -> Actor:
    return Actor(login=ctx.staff, name=ctx.staff, role=Role.ADMIN, office=ctx.office)
