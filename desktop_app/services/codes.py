"""Whether the codes an inquiry names exist in this database's master lists.

The lists are data the central office may change, so the check reads the database rather
than a constant; it runs inside the caller's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AgreementBody, Municipality, VocabTerm
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_input import VOCAB_OF, label


def check_codes(session: Session, values: Mapping[str, Any]) -> None:
    """Raise UserError for the first code that is not in its master list."""
    for key, raw in _coded_values(values):
        codes = (raw,) if isinstance(raw, str) else tuple(raw)
        if not codes:
            continue
        if key == "municipalities":
            _check_keys(session, Municipality.code, codes, "municipality_unknown")
        elif key == "agreement_bodies":
            _check_keys(session, AgreementBody.code, codes, "agreement_unknown")
        else:
            vocab = VOCAB_OF[key]
            known = vocabulary_codes(session, vocab)
            for code in codes:
                if code not in known:
                    raise UserError(
                        "status_unknown" if vocab == "status" else "code_unknown",
                        label=label(key),
                        value=code,
                        allowed=", ".join(known),
                    )


def vocabulary_codes(session: Session, vocab: str) -> list[str]:
    return list(
        session.scalars(
            select(VocabTerm.code)
            .where(VocabTerm.vocab == vocab, VocabTerm.active.is_(True))
            .order_by(VocabTerm.sort_order)
        )
    )


def _coded_values(values: Mapping[str, Any]) -> Iterable[tuple[str, Any]]:
    for key, value in values.items():
        if key == "inquirer":
            if value.get("type") is not None:
                yield "inquirer.type", value["type"]
        elif value is not None and (
            key in VOCAB_OF or key in ("municipalities", "agreement_bodies")
        ):
            yield key, value


def _check_keys(session: Session, column: Any, codes: tuple[str, ...], message: str) -> None:
    found = set(session.scalars(select(column).where(column.in_(codes))))
    for code in codes:
        if code not in found:
            raise UserError(message, value=code)
