"""Staff passwords: argon2id hashes with a salt of their own, and the rule a new one must meet.

argon2-cffi makes a fresh random salt for every hash and writes it, with the parameters, into
the hash string, so a hash verifies with the parameters it was made with. The parameters are
OWASP's recommended minimum for argon2id (19 MiB, 2 passes, 1 lane): about 30 ms on a ward
PC, slow enough for a stolen file to resist guessing, quick enough for every CLI command to
sign in.

A new password must also not be guessable: zxcvbn (Dropbox's estimator, with its lists of common
passwords, names, words, dates and keyboard patterns) must rate it at least MIN_SCORE of 4,
about 10^8 guesses or more, so `1234567890` and `password12` are refused though long enough.
The published demo password (demo/accounts.py) is refused for every account but the demo
accounts of a training database, whose cases are practice cases.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop_app.domain.actor import PUBLISHED_DEMO_PASSWORD
from desktop_app.domain.errors import UserError

MIN_LENGTH = 10
MIN_SCORE = 3
_RATED = 64
# Words a guesser tries first at this desk: the program's own names.
_PROGRAM_WORDS = ("renkei", "desk", "renkeidesk", "madoguchi-desk")
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def check_strength(password: str, *, login: str, training: bool = False) -> None:
    """Refuse a password shorter than MIN_LENGTH, one that contains the login, one character
    repeated, the published demo password (outside a `training` database), or one zxcvbn
    rates below MIN_SCORE: each is guessed first."""
    if len(password) < MIN_LENGTH:
        raise UserError("password_too_short", at="password", limit=MIN_LENGTH)
    if login and login.casefold() in password.casefold():
        raise UserError("password_has_login", at="password")
    if len(set(password)) == 1:
        raise UserError("password_one_character", at="password")
    if password == PUBLISHED_DEMO_PASSWORD and not training:
        raise UserError("password_published", at="password")
    # Imported here: its word lists cost every command's start, and only a new password needs it.
    from zxcvbn import zxcvbn

    # zxcvbn's time grows quickly with length; the first _RATED characters decide.
    if zxcvbn(password[:_RATED], user_inputs=[login, *_PROGRAM_WORDS])["score"] < MIN_SCORE:
        raise UserError("password_weak", at="password")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


@cache
def dummy_hash() -> str:
    """A hash no password matches in practice, verified for an unknown login so that its
    refusal takes as long as a wrong password's (made once, with the same parameters)."""
    return _HASHER.hash("renkei-desk: no such account")


def matches(stored: str | None, password: str) -> bool:
    """Whether `password` is the one `stored` was made from (False for no hash at all).

    Always one argon2 verification: with no hash (an unknown login, or a password-less account
    such as the disabled ones demo data adds for the people its cases name) the dummy hash is
    verified, so no refusal answers faster than a wrong password and the time does not tell
    which logins exist or which have a password."""
    try:
        return _HASHER.verify(stored or dummy_hash(), password) and bool(stored)
    except (VerificationError, InvalidHashError):
        return False


def matches_while(stored: str | None, password: str, meanwhile: Callable[[], None]) -> bool:
    """`matches`, with `meanwhile` run on this thread during the verification, which runs on
    another: argon2-cffi lets go of the interpreter's lock while it hashes, so on two cores
    both go at once. The answer waits for both; what the verification raised is raised here,
    as `matches` would have raised it."""
    outcome: list[bool | BaseException] = []

    def verify() -> None:
        try:
            outcome.append(matches(stored, password))
        except BaseException as exc:  # noqa: BLE001 -- raised on the caller's thread
            outcome.append(exc)

    worker = threading.Thread(target=verify, name="argon2", daemon=True)
    worker.start()
    try:
        meanwhile()
    finally:
        worker.join()
    if isinstance(answer := outcome[0], BaseException):
        raise answer
    return answer
