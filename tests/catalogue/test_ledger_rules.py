"""How a ledger's cell is read comes from the field catalogue: the fields read by rules of their
own and the contact checks are those whose catalogue line names the rule (`Field.ledger`),
with no list of fields in the ledger reading (tests/catalogue/synthetic_ledger_field.py adds
fields to the catalogue in a process of its own and reads a ledger with them)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.domain import fields, ledger_rows
from desktop_app.domain.ledger_columns import LEDGER_NO, TARGET_FIELDS

ROOT = Path(__file__).resolve().parents[2]
CHECKS = ("layout", "phone rule", "phone refused", "text limit", "note not a total")


def test_every_rule_the_catalogue_names_is_one_the_reader_applies():
    named = {f.ledger for f in fields.ALL_FIELDS if f.ledger is not None}
    assert named <= ledger_rows.RULES, named - ledger_rows.RULES
    assert ledger_rows.RULES <= named, f"rules no field names: {ledger_rows.RULES - named}"
    # Only a field a ledger may carry names one (a rule on any other would never be applied).
    targets = {f.qualified for f in TARGET_FIELDS}
    assert {f.qualified for f in fields.ALL_FIELDS if f.ledger} <= targets


def test_the_catalogue_gives_the_fields_it_always_gave():
    # The move from lists in the ledger reading to the catalogue changed nothing read today.
    contacts = [f.key for f in fields.INQUIRER_FIELDS if f.ledger in ledger_rows.CONTACT_RULES]
    assert contacts == ["phone", "email", "postal_code", "corporate_number"]
    own = {f.key for f in TARGET_FIELDS if f.ledger in ledger_rows.ROW_RULES}
    assert own == {"subject", "content", "outcome", "staff", "status", LEDGER_NO}
    assert LEDGER_NO == "receipt_no"


def test_fields_added_to_the_catalogue_are_read_from_a_ledger_by_their_lines():
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.catalogue.synthetic_ledger_field"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert tuple(outcome) == CHECKS
    missing = {check: what for check, what in outcome.items() if what != "ok"}
    assert missing == {}, f"the catalogue's lines did not decide: {missing}"
