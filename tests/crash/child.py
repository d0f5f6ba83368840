"""`python -m tests.crash.child saves DB N TAG [GO]`: a desk process the crash tests kill or race.

Saves N inquiries one by one and prints each receipt number on its own line only after its
transaction committed (the acknowledgement a clerk sees), flushing at once, so that every
line the parent read is a save the program promised to keep. With GO, it says it is ready
(a file `ready-TAG` beside GO) and waits, with the database open, until GO exists, so that two
children start saving together however long each took to start; it writes on stderr when it
began and ended saving, so the parent can tell that the two were saving at the same time.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for


def saves(path: Path, count: int, tag: str, go: Path | None = None) -> None:
    db = database.connect(path)
    try:
        if go is not None:
            (go.parent / f"ready-{tag}").touch()
        while go is not None and not go.exists():
            time.sleep(0.005)
        print(f"began {time.time()}", file=sys.stderr, flush=True)
        for number in range(count):
            record = inquiries.add_inquiry(
                db,
                NewInquiry.read(
                    {
                        "received_at": "2026-10-01",
                        "subject": f"{tag}の相談{number}",
                        "content": "窓口での相談内容。" * 20,
                        "inquirer": {"type": "resident", "name": f"{tag}利用者{number}"},
                    }
                ),
                actor=actor_for(tag),
            )
            print(record.receipt_no, flush=True)
        print(f"ended {time.time()}", file=sys.stderr, flush=True)
    finally:
        db.dispose()


if __name__ == "__main__":
    command, db_path, how_many, who = sys.argv[1:5]
    assert command == "saves"
    saves(Path(db_path), int(how_many), who, Path(sys.argv[5]) if len(sys.argv) > 5 else None)
