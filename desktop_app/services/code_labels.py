"""What codes read as for a person (the CLI's plain output), built from the master rows.

Free of SQLAlchemy: services.lookup reads the rows through the ORM, the command line's light
read (services.light_list) with sqlite3, and both build the labels here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class CodeLabels:
    """What the codes in records read as for a person, in one language (the CLI's plain output).

    Retired vocabulary terms are included: an old inquiry still shows what its code meant.
    """

    vocab: dict[str, dict[str, str]]
    municipalities: dict[str, str]  # code -> 北海道釧路市
    agreement_bodies: dict[str, str]
    offices: dict[str, str]

    def of(self, vocab: str, code: str) -> str | None:
        """The label of `code` in `vocab` ("municipality", "office", ... too); None if unknown."""
        table = {
            "municipality": self.municipalities,
            "agreement_body": self.agreement_bodies,
            "office": self.offices,
        }.get(vocab) or self.vocab.get(vocab, {})
        return table.get(code)


def labels_from(
    lang: str,
    terms: Iterable[tuple[str, str, str, str]],
    bodies: Iterable[tuple[str, str]],
    offices: Iterable[tuple[str, str, str]],
    municipalities: Mapping[str, str],
) -> CodeLabels:
    """`terms` as (vocab, code, label_ja, label_en) in the vocabulary's order, `bodies` as
    (code, name), `offices` as (code, name, name_en), `municipalities` code -> full name."""
    english = lang.startswith("en")
    vocab: dict[str, dict[str, str]] = {}
    for name, code, label_ja, label_en in terms:
        vocab.setdefault(name, {})[code] = label_en if english else label_ja
    office_names = {code: (name_en if english else name) for code, name, name_en in offices}
    return CodeLabels(vocab, dict(municipalities), dict(bodies), office_names)
