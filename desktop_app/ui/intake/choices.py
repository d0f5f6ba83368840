"""Everything the form's drop-downs and lists offer, read in one worker job.

Master lists are data the central office edits, so they are read from the database when the
form opens, in the person's language.
"""

from __future__ import annotations

from desktop_app.services import lookup
from desktop_app.services.database import Database

Choices = dict[str, list[tuple[str, str]]]


def load_choices(db: Database, lang: str) -> Choices:
    """{vocabulary: [(code, label)]}, plus "agreement_body" from the agreement master."""
    choices: Choices = {
        vocab: list(terms.items()) for vocab, terms in lookup.labels(db, lang).items()
    }
    choices["agreement_body"] = [(body.code, body.name) for body in lookup.agreement_bodies(db)]
    return choices
