"""Whether the codes an inquiry names exist in this database's master lists.

The lists are data the central office may change, so the check reads the database rather
than a constant; it runs inside the caller's transaction. A retired municipality (浜松市中区 since
2024-01-01) is refused for an inquiry received on or after the day it ceased, unless the
inquiry names it already: old inquiries keep their codes, new ones take the current ones.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AgreementBody, Municipality, VocabTerm
from desktop_app.domain.errors import UserError
from desktop_app.domain.inquiry_input import VOCAB_OF, label
from desktop_app.domain.local_time import local_today


def check_codes(
    session: Session,
    values: Mapping[str, Any],
    *,
    received_at: dt.date | None = None,
    kept: Collection[str] = (),
) -> None:
    """Raise UserError for the first code that is not in its master list.

    `received_at` is the inquiry's date (the new one if `values` changes it) and `kept` the
    municipality codes it names already; both only matter for retired municipalities.
    """
    for key, raw in _coded_values(values):
        codes = (raw,) if isinstance(raw, str) else tuple(raw)
        if not codes:
            continue
        if key == "municipalities":
            _check_keys(session, Municipality.code, codes, "municipality_unknown")
            on = values.get("received_at") or received_at or local_today()
            _check_current(session, [code for code in codes if code not in kept], on)
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


def _check_current(session: Session, codes: list[str], received_at: dt.date) -> None:
    """Refuse a municipality that had ceased to exist by the day the inquiry was received."""
    if not codes:
        return
    retired = session.execute(
        select(Municipality.code, Municipality.name, Municipality.retired_on).where(
            Municipality.code.in_(codes),
            Municipality.retired_on.is_not(None),
            Municipality.retired_on <= received_at,
        )
    ).first()
    if retired is not None:
        raise UserError(
            "municipality_retired",
            at="municipalities",
            value=retired.code,
            name=retired.name,
            retired_on=retired.retired_on.isoformat(),
        )
