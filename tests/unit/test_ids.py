"""domain/ids.py: the ids read back as version-4 UUIDs, written as uuid4() writes them."""

from __future__ import annotations

import uuid
from itertools import islice

from desktop_app.domain.ids import random_ids


def test_random_ids_are_uuid4_text_and_all_differ() -> None:
    made = list(islice(random_ids(), 5000))  # several blocks
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert parsed.version == 4 and parsed.variant == uuid.RFC_4122
        assert str(parsed) == text


def test_every_variant_digit_and_random_bits_appear() -> None:
    made = list(islice(random_ids(), 4000))
    assert {text[19] for text in made} == set("89ab")
    # every other hex position takes all sixteen digits (the bits are random, not fixed)
    for at in (0, 9, 15, 20, 35):
        assert len({text[at] for text in made}) == 16
