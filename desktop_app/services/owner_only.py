"""Files only their owner may read: the database, its WAL, and the error log (0600).

A desk PC may have other accounts, and a shared folder may be readable by more than its owner;
the database holds residents' names, phones and addresses, so the program creates what it
writes readable by the PC user who runs it only. On Linux and macOS that is the file mode
0600 (SQLite gives the -wal and -shm files the database file's mode). Windows has no modes:
there the protection is the access list of the per-user data folder (%LOCALAPPDATA%, which
only its user and the administrators may open), where platformdirs puts the database and the
logs; `chmod` there only sets read-only, so it is not called.
"""

from __future__ import annotations

import os
from pathlib import Path

OWNER_ONLY = 0o600
_POSIX = os.name == "posix"


def create_owner_only(path: Path) -> None:
    """Create `path` empty with mode 0600 when it does not exist yet (its folder must)."""
    if not _POSIX or path.exists():
        return
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, OWNER_ONLY)
    except FileExistsError:
        return
    os.close(descriptor)


def restrict(path: Path) -> None:
    """Take group and other access away from an existing file of ours (a file written by an
    older build with 0644); a file owned by someone else is left as it is."""
    if not _POSIX:
        return
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            path.chmod(mode & 0o700)
    except (FileNotFoundError, PermissionError):
        return
