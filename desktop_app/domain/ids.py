"""Random ids as `str(uuid.uuid4())` writes them, for loads that make thousands at once.

uuid4() asks the operating system for 16 bytes and builds a UUID object for each id; a ledger
of 10,000 rows makes 20,000 of them (its inquiries and their inquirers), a few percent of the
import. `random_ids()` draws the same random bytes a block at a time and writes the text
directly: version 4, the RFC 4122 variant, 122 random bits, lower-case hex with dashes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

_BLOCK = 1024  # ids per draw (16 random bytes each)
# The variant's hex digit: its two high bits 10 (RFC 4122), its two low bits random.
_VARIANT = {digit: "89ab"[int(digit, 16) & 3] for digit in "0123456789abcdef"}


def random_ids() -> Iterator[str]:
    """An endless supply of new random (version 4) UUIDs as text; each caller its own."""
    while True:
        hexes = os.urandom(16 * _BLOCK).hex()
        for at in range(0, 32 * _BLOCK, 32):
            h = hexes[at : at + 32]
            yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"
