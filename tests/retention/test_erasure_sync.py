"""An erasure travels: the central copy is erased too, a return package made before it never
brings the values back, and a value typed after it is taken as any other."""

from __future__ import annotations

import datetime as dt
import sqlite3

from desktop_app.domain.inquiry_commands import InquiryChange
from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS
from desktop_app.services import inquiries, package_key, retention, sync_export, sync_import
from tests.actors import actor_for
from tests.retention.conftest import ADMIN, TODAY, case, inquirer_of, person

PASSWORD = "共有パスワード-2026"
PHONE = "03-1000-0001"


def _send(source, target, path, to=None, *, personal=True):
    sync_export.export_sync(
        source, path, actor=actor_for("c"), to_office=to, include_personal=personal
    )
    return sync_import.import_sync(target, [path], actor=actor_for("s")).to_json()


# every copy of a version `sync_base` keeps: received, sent, and those sent before
_SYNC_BASE_COPIES = " || ".join(
    f"coalesce({column}, '')"
    for column in ("received", "sent", "sent_earlier", "sent_personal_earlier")
)


def _copies_of_phone(db) -> list[str]:
    """Every table of the exchange's bookkeeping that still holds the old phone number."""
    with sqlite3.connect(db.path) as conn:
        found = [
            table
            for table, column in (("sync_base", _SYNC_BASE_COPIES), ("conflict", "local_json"),
                                  ("audit_log", "old || new"), ("inquirer", "phone"))
            if conn.execute(
                f"SELECT count(*) FROM {table} WHERE coalesce({column}, '') LIKE ?", (f"%{PHONE}%",)
            ).fetchone()[0]
        ]  # fmt: skip
    conn.close()
    return found


def test_the_erasure_survives_a_round_trip(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    for db in (shiba, hq):
        package_key.set_password(db, PASSWORD, actor=actor_for())
    receipt = case(shiba, person("古川 一郎", PHONE), closed_on=dt.date(2020, 3, 31))
    assert _send(shiba, hq, tmp_path / "1.xlsx")["rejected"] == 0
    assert inquirer_of(hq, receipt)["phone"] == PHONE

    # HQ corrects a note and makes a return package while the old values are still there.
    inquiries.update_inquiry(
        hq,
        InquiryChange.read(receipt, {"inquirer": {"notes": "本庁で補記"}}),
        actor=actor_for("hq"),
    )
    stale_return = tmp_path / "return-before.xlsx"
    sync_export.export_sync(
        hq, stale_return, actor=actor_for("hq"), to_office="SHIBA", include_personal=True
    )

    assert retention.apply(shiba, actor=ADMIN, today=TODAY).erased == 1
    assert inquirer_of(shiba, receipt)["phone"] is None

    # The return package from before the erasure: the note comes in, the personal data not.
    sync_import.import_sync(shiba, [stale_return], actor=actor_for("s"))
    back = inquirer_of(shiba, receipt)
    assert back["notes"] == "本庁で補記"
    assert all(back[key] is None for key in PERSONAL_INQUIRER_FIELDS)

    # A package without personal fields still carries the erasure to HQ.
    _send(shiba, hq, tmp_path / "2.xlsx", personal=False)
    central = inquirer_of(hq, receipt)
    assert all(central[key] is None for key in PERSONAL_INQUIRER_FIELDS)
    assert central["notes"] == "本庁で補記"

    # HQ's next return package brings nothing back either; both copies agree.
    _send(hq, shiba, tmp_path / "return-after.xlsx", to="SHIBA")
    assert inquirer_of(shiba, receipt) == inquirer_of(hq, receipt)
    assert _copies_of_phone(shiba) == [] and _copies_of_phone(hq) == []

    # The person comes back: a number typed after the erasure travels as any change.
    inquiries.update_inquiry(
        shiba,
        InquiryChange.read(receipt, {"inquirer": {"phone": "090-2222-3333"}}),
        actor=actor_for("c"),
    )
    _send(shiba, hq, tmp_path / "3.xlsx")
    assert inquirer_of(hq, receipt)["phone"] == "090-2222-3333"


def test_a_new_inquirer_at_hq_is_unaffected_by_an_erasure_elsewhere(office, tmp_path):
    shiba, hq = office("SHIBA"), office("HQ")
    old = case(shiba, person("古川 一郎", PHONE), closed_on=dt.date(2020, 3, 31))
    _send(shiba, hq, tmp_path / "1.xlsx", personal=False)
    fresh = case(hq, person("新井 六郎", "03-9999-0000"))
    retention.apply(shiba, actor=ADMIN, today=TODAY)
    _send(shiba, hq, tmp_path / "2.xlsx", personal=False)
    assert inquirer_of(hq, fresh)["phone"] == "03-9999-0000"
    assert inquirer_of(hq, old)["name"] is None


def test_the_versions_kept_for_a_peer_lose_their_values_with_the_erasure(office, tmp_path):
    """HQ sent the branch two versions with personal fields that it never answered: both stay
    kept for it (`sent_earlier`, `sent_personal_earlier`) until the erasure reaches HQ, which
    empties them as it empties the rest."""
    shiba, hq = office("SHIBA"), office("HQ")
    for db in (shiba, hq):
        package_key.set_password(db, PASSWORD, actor=actor_for())
    receipt = case(shiba, person("古川 一郎", PHONE), closed_on=dt.date(2020, 3, 31))
    _send(shiba, hq, tmp_path / "1.xlsx")
    for n in (1, 2):
        inquiries.update_inquiry(
            hq,
            InquiryChange.read(receipt, {"inquirer": {"notes": f"本庁で補記{n}"}}),
            actor=actor_for("hq"),
        )
        sync_export.export_sync(
            hq, tmp_path / f"r{n}.xlsx", actor=actor_for("hq"), to_office="SHIBA",
            include_personal=True,
        )  # fmt: skip
    with sqlite3.connect(hq.path) as conn:
        (kept,) = conn.execute(
            "SELECT sent_personal_earlier FROM sync_base WHERE entity = 'inquirer'"
        ).fetchone()
    conn.close()
    assert PHONE in kept

    retention.apply(shiba, actor=ADMIN, today=TODAY)
    _send(shiba, hq, tmp_path / "2.xlsx", personal=False)

    assert inquirer_of(hq, receipt)["phone"] is None
    assert _copies_of_phone(hq) == []
