"""The one kind of error a person is shown: bad input or a refused request, in their language.

Every refusal has a stable code (tests and scripts match on it) and a Japanese and an English
message; the CLI prints it and exits 2, the GUI shows it in a message box. Anything else that
goes wrong is a bug: logged with its traceback, never shown as one.
"""

from __future__ import annotations

from typing import Any

from desktop_app.domain.messages import render


class UserError(Exception):
    """Bad input or a refused request; raising it means nothing was changed."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "ja") -> str:
        return render(self.code, lang, **self.params)

    def __str__(self) -> str:
        return self.message("en")
