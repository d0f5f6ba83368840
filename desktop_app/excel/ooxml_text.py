"""Text as a workbook must hold it so that every reader gives back exactly what was written.

XML turns a carriage return in text into a line feed as it parses, so Excel writes CR as its
own escape `_x000D_`, and writes a literal `_xHHHH_` in text as `_x005F_xHHHH_`. openpyxl
writes both raw; python-calamine (like Excel) decodes the escapes. A writer passes text
through `escape_text` first, and "a\\rb" or "_x000D_" read back as they were.
"""

from __future__ import annotations

import re

_LITERAL_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def escape_text(text: str) -> str:
    """`text` with CR and literal `_xHHHH_` sequences escaped the way Excel writes them."""
    return _LITERAL_ESCAPE.sub(r"_x005F_\1", text).replace("\r", "_x000D_")
