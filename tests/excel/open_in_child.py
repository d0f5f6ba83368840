"""`python -m tests.excel.open_in_child FILE [PASSWORD]`: open and read one file the way an
importer does, in a process of its own, and print what happened as one JSON line:
{"code", "message", "seconds", "peak_rss_mb", "sheets"}. The tests run hostile files through
it so that a bomb that got through would show as memory or time, not take the suite down; it
runs under an address-space limit (`limit_memory`), so an allocation that got through fails at
once instead of swapping the machine."""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from desktop_app.domain.errors import UserError
from desktop_app.excel.safe_read import open_xlsx, read_rows


def _peak_rss_mb() -> float:
    """This process's own peak: Linux's VmHWM, since ru_maxrss carries over the peak of the
    parent that forked it (the test process, holding the file it built) across exec."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


MEMORY_LIMIT_MB = 3072  # address space, well above the 1.5 GB of resident memory allowed


def limit_memory(megabytes: int = MEMORY_LIMIT_MB) -> None:
    """Bound this process's address space (Linux and macOS; elsewhere the test's RSS check)."""
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def main(argv: list[str]) -> None:
    limit_memory()
    path = Path(argv[0])
    password = argv[1] if len(argv) > 1 else None
    started = time.perf_counter()
    outcome: dict[str, object] = {"code": None, "message": None, "sheets": None}
    try:
        rows = read_rows(open_xlsx(path, password=password), name=path.name)
        outcome["sheets"] = {title: len(table) for title, table in rows.items()}
    except UserError as error:
        outcome.update(code=error.code, message=error.message("ja"))
    outcome["seconds"] = time.perf_counter() - started
    outcome["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(outcome, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
