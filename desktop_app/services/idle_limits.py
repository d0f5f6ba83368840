"""The idle lock's limits without SQLAlchemy: the office's maximum as stored, and the minutes
in force. services/idle_policy.py reads and sets the maximum; the window's first page reads it
with sqlite3 alone before the database is open (services/light_window.py)."""

from __future__ import annotations

SETTING = "idle_lock_max_minutes"
DEFAULT_MAXIMUM = 15
RANGE = (1, 120)


def maximum_of(stored: str | None) -> int:
    """The maximum a stored setting says, within RANGE (DEFAULT_MAXIMUM when unset or not a
    number)."""
    try:
        value = int(stored) if stored is not None else DEFAULT_MAXIMUM
    except ValueError:
        return DEFAULT_MAXIMUM
    return min(max(value, RANGE[0]), RANGE[1])


def effective(chosen: int, limit: int) -> int:
    """The minutes in force: the person's own choice, shortened to the office's maximum."""
    return max(RANGE[0], min(chosen, limit))
