"""Actors for tests that call the services directly (the CLI and the window sign in)."""

from __future__ import annotations

from desktop_app.domain.actor import Actor, Role


def actor_for(login: str = "admin", role: Role = Role.ADMIN, office: str = "SHIBA") -> Actor:
    """A signed-in member of staff; an administrator unless a test is about roles."""
    return Actor(login=login, name=login, role=role, office=office)
