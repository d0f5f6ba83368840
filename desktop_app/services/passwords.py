"""Staff passwords: argon2id hashes with a salt of their own, and the rule a new one must meet.

argon2-cffi makes a fresh random salt for every hash and writes it, with the parameters, into
the hash string, so a hash verifies with the parameters it was made with. The parameters are
OWASP's recommended minimum for argon2id (19 MiB, 2 passes, 1 lane): about 30 ms on a ward
PC, slow enough for a stolen file to resist guessing, quick enough for every CLI command to
sign in.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from desktop_app.domain.errors import UserError

MIN_LENGTH = 10
_HASHER = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)


def check_strength(password: str, *, login: str) -> None:
    """Refuse a password shorter than MIN_LENGTH, one that contains the login, or one character
    repeated: each is guessed first."""
    if len(password) < MIN_LENGTH:
        raise UserError("password_too_short", at="password", limit=MIN_LENGTH)
    if login and login.casefold() in password.casefold():
        raise UserError("password_has_login", at="password")
    if len(set(password)) == 1:
        raise UserError("password_one_character", at="password")


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def matches(stored: str | None, password: str) -> bool:
    """Whether `password` is the one `stored` was made from (False for no hash at all)."""
    if not stored:
        return False
    try:
        return _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
