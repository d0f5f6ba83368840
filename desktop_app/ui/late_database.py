"""The database of a window shown before it is open (ui/app.py, the first page read with
sqlite3 alone): every use waits for the opening behind it, then goes to the opened database.

The window's worker (ui/worker.py) is the only one to use it before then, so its jobs, reads
and writes alike, wait on the worker in the order they were asked, and none runs on a database
that is not open yet; the GUI thread meanwhile shows the first page and takes input. A job
asked for on the GUI thread and waited for there (`query_now`) waits for the opening too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.services.database import Database
    from desktop_app.ui.sign_in.opening import Opening


class LateDatabase:
    """Stands for `opening`'s database: an attribute asked for waits until it is open (and
    raises what the opening raised)."""

    def __init__(self, opening: Opening[tuple[Database, str]]) -> None:
        object.__setattr__(self, "_opening", opening)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opening.result()[0], name)

    def __setattr__(self, name: str, value: object) -> None:
        setattr(self._opening.result()[0], name, value)
