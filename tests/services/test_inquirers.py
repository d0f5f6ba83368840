"""Duplicate-inquirer suggestions and merges, against a real database file."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text

from db.engine import ensure_statistics
from db.models import AuditLog, Inquirer, Inquiry
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import inquirers, inquiries, writer
from tests.actors import actor_for

TODAY = dt.date(2026, 10, 3)


def _add(db, subject: str = "相談", **inquirer: str) -> str:
    """Record an inquiry for a new inquirer; returns that inquirer's id."""
    data = {
        "received_at": "2026-10-01",
        "subject": subject,
        "inquirer": {"type": "resident", **inquirer},
    }
    return inquiries.add_inquiry(
        db, NewInquiry.read(data, today=TODAY), actor=actor_for("tanaka")
    ).inquirer.id


def _ids(matches: list[inquirers.InquirerMatch]) -> list[str]:
    return [match.inquirer.id for match in matches]


def test_half_width_kana_finds_a_katakana_reading(db):
    suzuki = _add(db, name="鈴木 一郎", kana="スズキ イチロウ")
    _add(db, name="佐藤 花子", kana="サトウ ハナコ")
    matches = inquirers.suggest_duplicates(db, kana="ｽｽﾞｷ")
    assert _ids(matches) == [suzuki]
    assert matches[0].matched_on == ("kana",)
    assert matches[0].inquiry_count == 1


def test_a_name_written_in_kana_is_found_by_its_reading(db):
    suzuki = _add(db, name="スズキ")
    assert _ids(inquirers.suggest_duplicates(db, kana="すずき")) == [suzuki]


@pytest.mark.parametrize("typed", ["(03)5555-0101", "０３－５５５５－０１０１", "03 5555 0101"])
def test_a_phone_written_differently_matches_its_digits(db, typed):
    known = _add(db, name="山田 太郎", phone="03-5555-0101")
    matches = inquirers.suggest_duplicates(db, phone=typed)
    assert _ids(matches) == [known]
    assert matches[0].matched_on == ("phone",)


def test_organisation_matches_without_its_legal_form_and_in_other_widths(db):
    firm = _add(db, organization="株式会社 芝浦ﾃｯｸ", name="")
    assert _ids(inquirers.suggest_duplicates(db, organization="芝浦テック")) == [firm]
    assert _ids(inquirers.suggest_duplicates(db, organization="(株)芝浦")) == [firm]


def test_corporate_number_matches_however_it_is_spaced(db):
    firm = _add(db, organization="港物産", corporate_number="2010401099991")
    matches = inquirers.suggest_duplicates(db, corporate_number="2-0104-0109-9991")
    assert _ids(matches) == [firm]


def test_more_keys_matched_rank_first(db):
    by_name = _add(db, name="鈴木 一郎")
    both = _add(db, name="鈴木 一郎", phone="0355550101")
    matches = inquirers.suggest_duplicates(db, name="鈴木一郎", phone="03-5555-0101")
    assert _ids(matches) == [both, by_name]
    assert matches[0].matched_on == ("name", "phone")


def test_short_or_empty_keys_suggest_nothing(db):
    _add(db, name="鈴木 一郎", phone="0355550101")
    assert inquirers.suggest_duplicates(db) == []
    assert inquirers.suggest_duplicates(db, name="鈴", phone="0355") == []


def test_merge_moves_inquiries_and_leaves_a_synced_tombstone(db):
    keep = _add(db, name="鈴木 一郎", phone="0355550101")
    drop = _add(db, subject="二件目", name="鈴木一郎", kana="スズキイチロウ", email="s@example.jp")
    _add(db, subject="三件目", **{"name": "佐藤"})
    with db.read() as session:
        drop_rev = session.scalar(select(Inquirer.rev).where(Inquirer.id == drop))

    kept = inquirers.merge_inquirers(db, keep, drop, actor=actor_for("tanaka"))

    assert kept.id == keep
    assert kept.kana == "スズキイチロウ" and kept.email == "s@example.jp"
    with db.read() as session:
        dropped = session.scalar(select(Inquirer).where(Inquirer.id == drop))
        assert dropped is not None
        assert (dropped.deleted, dropped.merged_into, dropped.rev) == (True, keep, drop_rev + 1)
        owners = session.scalars(select(Inquiry.inquirer_id).where(Inquiry.subject != "三件目"))
        assert set(owners) == {keep}
        merged = session.scalars(select(AuditLog.entity_id).where(AuditLog.action == "merge"))
        assert {keep, drop} <= set(merged)
    matches = inquirers.suggest_duplicates(db, name="鈴木一郎")
    assert _ids(matches) == [keep]
    assert matches[0].inquiry_count == 2


def test_a_cycle_of_merges_leaves_the_first_by_id_live_with_every_case(db):
    """Two inquirers each merged into the other (as an import of the other office's opposite
    merge leaves them): the first by id lives again, every case moves to it, each change a new
    version audited as a merge; tombstones whose chains end at a live one are left alone."""
    one, two = sorted(_add(db, subject=f"{n}件目", name="鈴木 一郎") for n in (1, 2))
    apart = _add(db, subject="別件", name="佐藤")
    inquirers.merge_inquirers(db, one, two, actor=actor_for("tanaka"))  # two into one
    with db.write() as session:  # the other office's merge of one into two, taken
        row = session.scalar(select(Inquirer).where(Inquirer.id == one))
        writer.delete(session, row, staff="sync", action="sync", values={"merged_into": two})
    with db.read() as session:
        revs = {row_id: rev for row_id, rev in session.execute(select(Inquirer.id, Inquirer.rev))}

    with db.write() as session:
        assert inquirers.undo_merge_cycles(session, [two, apart], staff="hq1") == 1
        assert inquirers.undo_merge_cycles(session, [apart], staff="hq1") == 0

    with db.read() as session:
        held = {
            row.id: (row.deleted, row.deleted_at, row.merged_into, row.rev - revs[row.id])
            for row in session.scalars(select(Inquirer))
        }
        assert held == {one: (False, None, None, 1), two: (True, held[two][1], one, 0),
                        apart: (False, None, None, 0)}  # fmt: skip
        owners = {
            subject: owner
            for subject, owner in session.execute(select(Inquiry.subject, Inquiry.inquirer_id))
        }
        assert owners == {"1件目": one, "2件目": one, "別件": apart}
        merged = session.scalars(
            select(AuditLog.entity_id).where(AuditLog.action == "merge", AuditLog.staff == "hq1")
        )
        assert one in set(merged)


def _snapshot(db) -> tuple[int, int, list[tuple[str, int, bool]]]:
    with db.read() as session:
        audits = session.scalar(select(func.count()).select_from(AuditLog)) or 0
        moved = session.scalar(select(func.count()).select_from(Inquiry)) or 0
        rows = session.execute(select(Inquirer.id, Inquirer.rev, Inquirer.deleted)).all()
        return audits, moved, sorted((r.id, r.rev, r.deleted) for r in rows)


@pytest.mark.parametrize(
    ("which", "code", "message"),
    [
        ("same", "inquirer_merge_same", "同じ相談者どうしは統合できません。"),
        ("unknown", "inquirer_unknown", "相談者「no-such-id」は見つかりません。"),
        ("deleted", "inquirer_unknown", None),
    ],
)
def test_refused_merges_change_nothing(db, which, code, message):
    first = _add(db, name="鈴木 一郎")
    second = _add(db, name="佐藤 花子")
    third = _add(db, name="高橋 三郎")
    inquirers.merge_inquirers(db, first, third, actor=actor_for("tanaka"))
    pairs = {"same": (first, first), "unknown": (first, "no-such-id"), "deleted": (second, third)}
    before = _snapshot(db)
    with pytest.raises(UserError) as refused:
        inquirers.merge_inquirers(db, *pairs[which], actor=actor_for("tanaka"))
    assert refused.value.code == code
    if message is not None:
        assert refused.value.message("ja") == message
    assert _snapshot(db) == before


def test_a_person_filed_with_an_organisation_is_found_by_the_persons_name(db):
    suzuki = _add(db, organization="高輪一丁目町会", name="鈴木 一郎", kana="スズキ イチロウ")
    _add(db, organization="芝商店会", name="佐藤 花子")

    for typed in ("鈴木", "鈴木 一郎", "鈴木一郎"):
        matches = inquirers.suggest_duplicates(db, name=typed)
        assert _ids(matches) == [suzuki], typed
        assert matches[0].matched_on == ("name",)
    assert _ids(inquirers.suggest_duplicates(db, organization="高輪一丁目")) == [suzuki]
    both = inquirers.suggest_duplicates(db, organization="高輪一丁目町会", name="鈴木")
    assert _ids(both) == [suzuki] and both[0].matched_on == ("name",)  # one key, found once


def test_a_reading_is_matched_from_its_start_in_any_kana(db):
    suzuki = _add(db, organization="港物産", name="鈴木 一郎", kana="スズキ イチロウ")
    _add(db, name="井鈴木 次郎", kana="イスズキ ジロウ")  # すずき inside, not at the start

    for typed in ("すずき", "スズキイチ", "ｽｽﾞｷ ｲﾁﾛｳ"):
        assert _ids(inquirers.suggest_duplicates(db, kana=typed)) == [suzuki], typed
    assert inquirers.suggest_duplicates(db, kana="いちろう") == []


def test_a_changed_reading_is_found_by_the_new_one_only(db):
    known = _add(db, name="鈴木 一郎", kana="スズキ イチロウ")
    with db.write() as session:
        row = session.scalar(select(Inquirer).where(Inquirer.id == known))
        writer.change(session, row, {"kana": "ススキ イチロウ"}, staff="tanaka")

    assert _ids(inquirers.suggest_duplicates(db, kana="すすき")) == [known]
    assert inquirers.suggest_duplicates(db, kana="すずき") == []


def _plan(db, query) -> list[str]:
    compiled = query.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.read() as session:
        rows = session.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
        return [row[3] for row in rows]


_NAME_KEYS = {"ix_inquirer_match_key", "ix_inquirer_name_key"}


@pytest.mark.parametrize(
    ("keys", "indexes"),
    [
        ({"name": "鈴木"}, _NAME_KEYS),
        ({"organization": "高輪", "name": "鈴木"}, _NAME_KEYS),
        ({"kana": "すずき"}, {"ix_inquirer_kana_key", *_NAME_KEYS}),
        ({"phone": "03-5555-0101"}, {"ix_inquirer_phone_digits"}),
        ({"corporate_number": "2010401099991"}, {"ix_inquirer_corporate_number"}),
    ],
)  # fmt: skip
def test_every_probe_is_an_index_search_never_a_scan(db, keys, indexes):
    with db.write() as session:  # enough inquirers that the planner's statistics favour indexes
        for n in range(500):
            values = {
                "name": f"住民{n}",
                "kana": f"ジュウミン{n}",
                "phone": f"03-5555-{n:04d}",
                "organization": "",
            }
            session.add(
                Inquirer(
                    id=f"00000000-0000-0000-0000-{n:012d}",
                    origin="SHIBA",
                    type="resident",
                    corporate_number=f"{n:013d}",
                    **values,
                    **writer.inquirer_keys(values),
                )
            )
    ensure_statistics(db.engine, force=True)
    probe = {"name": "", "kana": "", "phone": "", "corporate_number": "", "organization": ""}
    ((_, query),) = inquirers._probes(**{**probe, **keys})

    plan = _plan(db, query)

    assert not any(step.startswith("SCAN") for step in plan), plan
    used = {index for index in indexes if any(f"INDEX {index} " in step for step in plan)}
    assert used == indexes, plan
