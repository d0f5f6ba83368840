"""Running `renkei-desk` in-process (desktop_app.cli.main) against real database files."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop_app.cli import main

LANGUAGE_VARIABLES = ("RENKEI_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the real user directories; messages are Japanese by default."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.delenv("RENKEI_DESK_DB", raising=False)
    for variable in LANGUAGE_VARIABLES:
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")


@pytest.fixture
def set_language(monkeypatch: pytest.MonkeyPatch) -> Callable[[str], None]:
    """`set_language("en")` is what an English-speaking user's environment looks like."""

    def apply(lang: str) -> None:
        for variable in LANGUAGE_VARIABLES:
            monkeypatch.delenv(variable, raising=False)
        monkeypatch.setenv("LANG", "en_US.UTF-8" if lang == "en" else "ja_JP.UTF-8")

    return apply


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., Result]:
    """`run("inquiry", "list", db=path, stdin=text)`: exit code and captured output.

    argparse refusals raise SystemExit; its code is the exit code a shell would see.
    """

    def invoke(*args: str, db: Path | None = None, stdin: str | None = None) -> Result:
        argv = ([] if db is None else ["--db", str(db)]) + list(args)
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        capsys.readouterr()
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return Result(code, out, err)

    return invoke


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[Any], Path]:
    """Write a JSON document (or raw text) to a file and return its path."""
    counter = iter(range(1_000_000))

    def write(data: Any) -> Path:
        path = tmp_path / f"input-{next(counter)}.json"
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write
