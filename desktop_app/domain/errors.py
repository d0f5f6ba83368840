"""The one kind of error a person is shown: bad input or a refused request, in their language.

Every refusal has a stable code (tests and scripts match on it) and a Japanese and an English
message; the CLI prints it and exits 2, the GUI shows it in a message box. Anything else that
goes wrong is a bug: logged with its traceback, never shown as one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from desktop_app.domain.messages import render

_T = TypeVar("_T")


class UserError(Exception):
    """Bad input or a refused request; raising it means nothing was changed."""

    def __init__(self, code: str, *, at: str | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        # The contract key of the field the error is about (`inquirer.phone`), so that a form
        # can show the message beside that field.
        self.at = at
        self.params = params

    def message(self, lang: str = "ja") -> str:
        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")


class InputErrors(UserError):
    """Everything wrong with one input at once, so a person fixes it in one pass, not three.

    Takes the code and parameters of the first error (what scripts match on); the message
    lists every error, one line each.
    """

    def __init__(self, errors: Sequence[UserError]) -> None:
        first = errors[0]
        super().__init__(first.code, at=first.at, **first.params)
        self.errors = tuple(errors)

    def message(self, lang: str = "ja") -> str:
        return "\n".join(error.message(lang) for error in self.errors)


class ErrorCollector:
    """Runs checks and keeps their UserErrors, to raise them together at the end."""

    def __init__(self) -> None:
        self.errors: list[UserError] = []

    def add(self, error: UserError) -> None:
        """Keep `error` (or each of several), once per field and kind of error."""
        for one in error.errors if isinstance(error, InputErrors) else (error,):
            if not any(e.code == one.code and e.at == one.at for e in self.errors):
                self.errors.append(one)

    def check(self, at: str | None, check: Callable[[], _T]) -> _T | None:
        """The check's result, or None after recording its error (tagged with `at`)."""
        try:
            return check()
        except UserError as error:
            if error.at is None:
                error.at = at
            self.add(error)
            return None

    def raise_any(self) -> None:
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise InputErrors(self.errors)
