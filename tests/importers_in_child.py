"""`python -m tests.importers_in_child IMPORTER DB FILE...`: one importer run on each file in
a process of its own, printing for each one JSON line {"file", "code", "message", "seconds",
"peak_rss_mb"} (the process's peak so far, so the last line's is the peak over every file).

The hostile-file tests run every importer through this, so a bomb that got through shows as
time or memory instead of taking the suite down: the process runs under an address-space limit
(`MEMORY_LIMIT_MB`, POSIX `RLIMIT_AS`), so an allocation the guards let through fails at once
(calamine then aborts the child, which the test sees) instead of swapping the machine.
`IMPORTERS` is the one table to extend when an importer is added (the ledger import: a
function taking the database and the path that raises, or reports, its refusal as a
UserError).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

from db.engine import Database
from desktop_app.domain.actor import Actor, Role
from desktop_app.domain.errors import UserError
from desktop_app.services import database, ledger_import, masters_sync, sync_import
from tests.actors import actor_for
from tests.excel.open_in_child import _peak_rss_mb, limit_memory


def _sync(db: Database, path: Path) -> None:
    [package] = sync_import.import_sync(db, [path], actor=actor_for("supervisor")).packages
    if package.refusal is not None:
        raise package.refusal


def _masters(db: Database, path: Path) -> None:
    masters_sync.import_masters(db, path, actor=actor_for("admin"))


def _ledger(db: Database, path: Path) -> None:
    supervisor = Actor(login="supervisor", name="supervisor", role=Role.SUPERVISOR, office="SHIBA")
    ledger_import.import_ledger(db, supervisor, path)


IMPORTERS: dict[str, Callable[[Database, Path], None]] = {
    "sync": _sync,
    "masters": _masters,
    "ledger": _ledger,
}


def main(argv: list[str]) -> None:
    limit_memory()
    importer, db_path = argv[0], Path(argv[1])
    db = database.connect(db_path)
    try:
        for file in map(Path, argv[2:]):
            started = time.perf_counter()
            outcome: dict[str, object] = {"file": file.name, "code": None, "message": None}
            try:
                IMPORTERS[importer](db, file)
            except UserError as error:
                outcome.update(code=error.code, message=error.message("ja"))
            outcome["seconds"] = time.perf_counter() - started
            outcome["peak_rss_mb"] = _peak_rss_mb()
            print(json.dumps(outcome, ensure_ascii=False), flush=True)
    finally:
        db.dispose()


if __name__ == "__main__":
    main(sys.argv[1:])
