"""What codes read as for a person (the CLI's plain output), and which codes a person's words
name (`--status 受付`), built from the master rows.

Free of SQLAlchemy: services.lookup reads the rows through the ORM, the command line's light
read (services.light_list) with sqlite3, and both decide here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.domain import text
from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import Localized


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


def codes_named(terms: Sequence[tuple[str, str, str]], given: Sequence[str]) -> tuple[str, ...]:
    """The codes `given` names among `terms` as (code, label_ja, label_en), each by its code or
    a label in either language, folded; UserError names the valid ones."""
    names: dict[str, str] = {}
    for term in terms:
        for name in term:
            names.setdefault(text.fold(name), term[0])
    codes = []
    for value in given:
        code = names.get(text.fold(value))
        if code is None:
            allowed = Localized(
                ", ".join(f"{label_ja} ({code})" for code, label_ja, _ in terms),
                ", ".join(f"{label_en} ({code})" for code, _, label_en in terms),
            )
            raise UserError("status_unknown", value=value, allowed=allowed)
        codes.append(code)
    return tuple(dict.fromkeys(codes))
