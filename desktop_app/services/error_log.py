"""The error log: where a bug's traceback goes, with no personal value in it, rotated, 0600.

A crash while exporting once wrote a resident's name into the log: an exception's message
holds the values it was raised about (a KeyError's key, a SQL statement's parameters, a cell).
The log therefore keeps what a developer needs and no data: the kind of each exception in the
chain and the stack (file, line, function, source line: program text, not data), never the
message. The file is rotated (RotatingFileHandler: LIMIT bytes, KEPT older files), so it never
grows without end, and created readable by its owner only (services/owner_only.py).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from pathlib import Path

from desktop_app import config
from desktop_app.services.owner_only import OWNER_ONLY, restrict

LOG_FILE = "renkei-desk.log"
LIMIT = 1_000_000
KEPT = 3
_LOGGER = "renkei_desk.errors"
_WITHHELD = "(message withheld: it may hold personal data)"


def log_path() -> Path:
    """The log file (platformdirs: XDG_STATE_HOME on Linux, %LOCALAPPDATA% on Windows)."""
    return config.log_dir() / LOG_FILE


def log_exception(exc: BaseException) -> Path:
    """Append `exc`'s kinds and stack to the log; return the file."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _OwnerOnlyHandler(path, maxBytes=LIMIT, backupCount=KEPT, encoding="utf-8")
    handler.setFormatter(logging.Formatter("--- %(asctime)s\n%(message)s"))
    logger = logging.getLogger(_LOGGER)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.error("%s", scrubbed(exc))
    finally:
        logger.removeHandler(handler)
        handler.close()
    return path


def scrubbed(exc: BaseException) -> str:
    """The traceback of `exc` and its causes with every exception message left out."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        stack = "".join(traceback.extract_tb(current.__traceback__).format())
        kind = f"{type(current).__module__}.{type(current).__qualname__}"
        parts.append(f"Traceback (most recent call last):\n{stack}{kind}: {_WITHHELD}\n")
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    return "\nCaused by or during:\n".join(reversed(parts))


class _OwnerOnlyHandler(logging.handlers.RotatingFileHandler):
    """A rotating log whose every file (the first and each after a rotation) is 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        path = Path(self.baseFilename)
        descriptor = os.open(path, os.O_CREAT | os.O_APPEND | os.O_WRONLY, OWNER_ONLY)
        restrict(path)
        return os.fdopen(descriptor, "a", encoding=self.encoding or "utf-8")
