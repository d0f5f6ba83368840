"""Two writers on one file (two windows, or the GUI and a script): nothing lost, no duplicates."""

from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import text

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for

PER_WRITER = 50


def test_two_databases_on_one_file_writing_at_once_lose_nothing(db_path):
    writers = [database.connect(db_path), database.connect(db_path)]
    receipts: list[list[str]] = [[], []]
    errors: list[BaseException] = []
    start = threading.Barrier(len(writers))

    def work(index: int) -> None:
        try:
            start.wait()
            for number in range(PER_WRITER):
                record = {
                    "received_at": "2026-10-01",
                    "subject": f"窓口{index}の相談{number}",
                    "inquirer": {"type": "resident", "name": f"利用者{index}-{number}"},
                }
                receipts[index].append(
                    inquiries.add_inquiry(
                        writers[index], NewInquiry.read(record), actor=actor_for(f"clerk{index}")
                    ).receipt_no
                )
        except BaseException as exc:  # reported below, with the thread's failure
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(index,)) for index in range(len(writers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for writer in writers:
        writer.dispose()

    assert errors == []
    issued = receipts[0] + receipts[1]
    assert len(issued) == 2 * PER_WRITER
    assert [receipt for receipt, n in Counter(issued).items() if n > 1] == []
    assert sorted(issued) == [f"SHIBA-2026-{n:05d}" for n in range(1, 2 * PER_WRITER + 1)]

    check = database.connect(db_path)
    try:
        with check.read() as session:
            counts = session.execute(
                text(
                    "SELECT (SELECT count(*) FROM inquiry), (SELECT count(*) FROM inquirer),"
                    " (SELECT count(*) FROM search_text),"
                    " (SELECT last FROM receipt_counter WHERE office_code = 'SHIBA')"
                )
            ).one()
        assert tuple(counts) == (100, 100, 100, 100)
    finally:
        check.dispose()
