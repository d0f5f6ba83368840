"""A burst of saves killed with SIGKILL, and two processes saving to one file at once: every
acknowledged save is there afterwards and the file is sound (DESIGN: nothing typed is lost)."""

from __future__ import annotations

import signal
import time

from tests.crash.conftest import integrity, receipts, scalar, start_saves

KILL_AFTER = 40  # acknowledged saves before the kill
PER_PROCESS = 60


def test_a_burst_of_saves_killed_mid_way_loses_no_acknowledged_save(db_path, tmp_path):
    child = start_saves(db_path, 10_000, "窓口", tmp_path)
    acknowledged = []
    assert child.stdout is not None
    while len(acknowledged) < KILL_AFTER:
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else "the child stopped"
        acknowledged.append(line.strip())
    child.send_signal(signal.SIGKILL)
    rest, _ = child.communicate(timeout=30)
    acknowledged += rest.split()  # printed after commit, before the kill reached it

    assert child.returncode == -signal.SIGKILL
    assert len(acknowledged) < 10_000  # killed mid-burst, not after it
    assert integrity(db_path) == "ok"
    stored = receipts(db_path)
    assert set(acknowledged) <= stored
    # At most the one save in flight is there without its acknowledgement.
    assert len(stored) - len(acknowledged) <= 1
    assert scalar(db_path, "SELECT count(*) FROM search_text") == len(stored)


def test_two_processes_saving_at_once_keep_every_save(db_path, tmp_path):
    go = tmp_path / "go"
    children = [start_saves(db_path, PER_PROCESS, tag, tmp_path, go) for tag in ("芝", "麻布")]
    ready = [tmp_path / f"ready-{tag}" for tag in ("芝", "麻布")]
    deadline = time.monotonic() + 60
    while not all(path.exists() for path in ready):  # both have opened the file
        assert time.monotonic() < deadline, "a child never opened the database"
        time.sleep(0.01)
    go.touch()
    started = time.monotonic()
    outputs = [child.communicate(timeout=120) for child in children]

    for child, (_, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err[-2000:]
        assert "locked" not in err
    issued = [line for out, _ in outputs for line in out.split()]
    assert len(issued) == len(set(issued)) == 2 * PER_PROCESS
    # Whether SQLite's busy handler interleaves single saves is up to it; that both were in
    # their loop of saves at once is what makes this a race.
    began, ended = (
        [
            float(line.split()[1])
            for _, err in outputs
            for line in err.splitlines()
            if line.startswith(word)
        ]
        for word in ("began ", "ended ")
    )
    assert len(began) == len(ended) == 2
    assert max(began) < min(ended), "the two never saved at the same time"
    assert receipts(db_path) == set(issued)
    assert integrity(db_path) == "ok"
    assert scalar(db_path, "SELECT last FROM receipt_counter") == 2 * PER_PROCESS
    assert time.monotonic() - started < 60
