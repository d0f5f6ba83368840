"""passwords.matches_while: the verification on a thread of its own while the caller works,
with the answer (or what it raised) as `matches` gives it on the caller's thread."""

from __future__ import annotations

import threading

import pytest

from desktop_app.services import passwords

PASSWORD = "shiba-kawa-hashi-2026"


@pytest.fixture(scope="module")
def stored() -> str:
    return passwords.hash_password(PASSWORD)


@pytest.mark.parametrize(
    ("given", "kept", "expected"),
    [(PASSWORD, True, True), ("not-the-password", True, False), (PASSWORD, False, False)],
    ids=["right", "wrong", "no hash"],
)
def test_the_same_answer_as_matches_and_the_work_done_meanwhile(stored, given, kept, expected):
    done: list[str] = []
    hash_ = stored if kept else None
    answer = passwords.matches_while(hash_, given, lambda: done.append("meanwhile"))
    assert answer is expected is passwords.matches(hash_, given)
    assert done == ["meanwhile"]


def test_what_the_verification_raises_is_raised_on_the_callers_thread(stored, monkeypatch):
    threads: list[str] = []

    def failing(stored: str | None, password: str) -> bool:
        threads.append(threading.current_thread().name)
        raise MemoryError

    monkeypatch.setattr(passwords, "matches", failing)
    with pytest.raises(MemoryError):
        passwords.matches_while(stored, PASSWORD, lambda: None)
    assert threads == ["argon2"]


def test_what_the_work_raises_is_raised_after_the_verification(stored):
    def refusing() -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        passwords.matches_while(stored, PASSWORD, refusing)
    assert [t.name for t in threading.enumerate()].count("argon2") == 0  # joined
