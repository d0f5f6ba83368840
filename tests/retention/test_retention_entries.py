"""Retention at scale: one audit entry per erased inquirer (who, which inquirer, which fields,
never a value) chained like every other entry, chunked runs with progress, and the erasure
still a new version that travels (rev, change sequence, derived keys)."""

from __future__ import annotations

import sqlite3

from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services import audit_chain, inquirers, retention
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, TODAY, case, inquirer_of, person
from tests.retention.test_retention import LONG_AGO


def _rows(db, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db.path) as conn:
        found = conn.execute(sql, args).fetchall()
    conn.close()
    return found


def test_one_entry_per_erased_inquirer_naming_the_fields_and_the_chain_verifies(db):
    receipts = [
        case(db, person(f"古川 {n}郎", f"03-1000-000{n}"), closed_on=LONG_AGO) for n in range(3)
    ]
    ids = [inquirer_of(db, receipt)["id"] for receipt in receipts]
    before = dict(_rows(db, "SELECT id, rev FROM inquirer"))
    (seq_before,) = _rows(db, "SELECT last FROM change_counter")[0]

    report = retention.apply(db, actor=ADMIN, today=TODAY)

    assert report.erased == 3
    entries = _rows(
        db,
        "SELECT staff, entity_id, field, old, new FROM audit_log"
        " WHERE action = 'erase' AND entity = 'inquirer' ORDER BY pk",
    )
    fields = ",".join(PERSONAL_INQUIRER_FIELDS)  # every one of them held a value
    assert entries == [("admin1", row_id, None, None, fields) for row_id in ids]
    logged = " ".join(str(v) for row in _rows(db, "SELECT * FROM audit_log") for v in row)
    assert "古川" not in logged and "1000-000" not in logged  # no value, before or after
    assert audit_chain.first_broken(db) is None
    after = _rows(
        db,
        "SELECT id, rev, change_seq, phone_digits, name_key, kana_key, erased_at, updated_by"
        " FROM inquirer ORDER BY pk",
    )
    seqs = sorted(row[2] for row in after)
    assert seqs[-3:] == [seq_before + 1, seq_before + 2, seq_before + 3]
    for row_id, rev, _, digits, name_key, kana_key, erased_at, updated_by in after:
        assert rev == before[row_id] + 1
        assert (digits, name_key, kana_key, updated_by) == ("", "", "", "admin1")
        assert erased_at is not None


def test_a_run_in_chunks_reports_its_progress_and_erases_everyone(db, monkeypatch):
    monkeypatch.setattr(retention, "_ERASE_CHUNK", 2)
    for n in range(5):
        case(db, person(f"古川 {n}郎", f"03-2000-000{n}"), closed_on=LONG_AGO)
    heard: list[tuple[int, int]] = []

    report = retention.apply(db, actor=ADMIN, today=TODAY, progress=lambda *p: heard.append(p))

    assert report.erased == 5
    assert heard == [(2, 5), (4, 5), (5, 5)]
    assert _rows(db, "SELECT count(*) FROM inquirer WHERE name != ''") == [(0,)]
    assert retention.apply(db, actor=ADMIN, today=TODAY).erased == 0  # nothing left to do
    assert audit_chain.first_broken(db) is None


def test_a_merged_away_duplicate_is_erased_with_the_inquirer_it_was_merged_into(db):
    kept = inquirer_of(db, case(db, person("古川 一郎", "03-3000-0001"), closed_on=LONG_AGO))
    dropped = inquirer_of(db, case(db, person("古川 一朗", "03-3000-0002"), closed_on=LONG_AGO))
    inquirers.merge_inquirers(db, kept["id"], dropped["id"], actor=actor_for("tanaka"))
    assert _rows(db, "SELECT name FROM inquirer WHERE id = ?", dropped["id"]) == [("古川 一朗",)]

    report = retention.apply(db, actor=ADMIN, today=TODAY)

    assert report.erased == 2
    for row_id in (kept["id"], dropped["id"]):
        assert _rows(db, "SELECT name, phone FROM inquirer WHERE id = ?", row_id) == [("", "")]


def test_a_chain_of_merges_is_erased_whole_with_the_inquirer_it_ends_in(db):
    """a merged into b, then b into c: every link of the chain holds the person's values, so
    every one is erased with c (following merged_into one step left a's for ever)."""
    first, second, last = (
        inquirer_of(db, case(db, person("古川 一郎", f"03-3000-001{n}"), closed_on=LONG_AGO))
        for n in range(3)
    )
    inquirers.merge_inquirers(db, second["id"], first["id"], actor=actor_for("tanaka"))
    inquirers.merge_inquirers(db, last["id"], second["id"], actor=actor_for("tanaka"))

    report = retention.apply(db, actor=ADMIN, today=TODAY)

    assert report.erased == 3
    for row in (first, second, last):
        assert _rows(db, "SELECT name, phone FROM inquirer WHERE id = ?", row["id"]) == [("", "")]
