"""What most revisions do: run their statements in order through Alembic's `op`, inside the
migration's one transaction (db.migrate). Kept here once, so that a revision file holds its
SQL and nothing else."""

from __future__ import annotations

from collections.abc import Iterable

from alembic import op


def execute_all(statements: Iterable[str]) -> None:
    for statement in statements:
        op.execute(statement)
