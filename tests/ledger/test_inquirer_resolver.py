"""Finding each ledger row's inquirer: the candidates whose phone differs are skipped unseen.

`InquirerResolver.resolve` takes the first known inquirer (in the order they became known,
probe key by probe key) that the desk's rule calls the same. Skipping those whose phone differs
is only a shortcut: the rule never calls them the same. Checked against the plain loop over
every candidate, on rows drawn from a few names, readings and phones, so that many collide.
"""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.domain.ledger_rows import LedgerRow
from desktop_app.services import ledger_match

NAMES = ("佐藤 花子", "佐藤花子", "鈴木 一郎", "", "さとう はなこ")
KANA = ("サトウ ハナコ", "スズキ イチロウ", "")
PHONES = ("03-5555-0101", "0355550101", "03-5555-0102", "")
ORGS = ("", "港南商店会", "株式会社ミナト", "ミナト")


def _row(number: int, inquirer: dict[str, Any]) -> LedgerRow:
    return LedgerRow(number, {}, inquirer, "", f"k{number}", [])


inquirers = st.fixed_dictionaries(
    {
        "type": st.sampled_from(("resident", "business")),
        "name": st.sampled_from(NAMES),
        "kana": st.sampled_from(KANA),
        "phone": st.sampled_from(PHONES),
        "organization": st.sampled_from(ORGS),
    }
)


def _plain_resolve(
    known: list[tuple[str, ledger_match._Who]], values: dict[str, Any], new_id: str
) -> str:
    """The first same inquirer by probe key and order of becoming known, looking at all."""
    who = ledger_match._Who.of(values)
    keys = ledger_match._probe_keys(who)
    for key in keys:
        for inquirer_id, other in known:
            if key in ledger_match._probe_keys(other) and who.same_as(other):
                return inquirer_id
    known.append((new_id, who))
    return new_id


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(inquirers, min_size=1, max_size=25))
def test_resolving_skips_only_inquirers_the_rule_never_calls_the_same(db, rows) -> None:
    ledger = [_row(n, values) for n, values in enumerate(rows, start=1)]
    with db.read() as session:
        resolver = ledger_match.InquirerResolver(session, ledger)
    known: list[tuple[str, ledger_match._Who]] = []
    for row in ledger:
        found, new = resolver.resolve(row.inquirer)
        was_known = any(inquirer_id == found for inquirer_id, _ in known)
        expected = _plain_resolve(known, row.inquirer, found)
        assert found == expected, (row.inquirer, [who for _, who in known])
        assert new is not was_known
