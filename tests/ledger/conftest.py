"""Ledger tests act as a supervisor of SHIBA (who may import) unless a test says otherwise."""

from __future__ import annotations

import pytest

from desktop_app.domain.actor import Actor, Role


@pytest.fixture
def supervisor() -> Actor:
    return Actor(login="tanaka", name="田中", role=Role.SUPERVISOR, office="SHIBA")


@pytest.fixture
def clerk() -> Actor:
    return Actor(login="sato", name="佐藤", role=Role.CLERK, office="SHIBA")
