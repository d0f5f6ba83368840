"""Two offices for the exchange screen: real databases of SHIBA and HQ, each with its desk."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from db.engine import Database
from desktop_app.services import setup
from desktop_app.ui.context import AppContext
from desktop_app.ui.vocab import load_vocab
from desktop_app.ui.worker import DbRunner
from tests.actors import actor_for
from tests.sync.conftest import office, office_templates  # noqa: F401 (fixtures used here)


@pytest.fixture
def office_desk(qtbot) -> Iterator[Callable[..., AppContext]]:
    """`office_desk(db, lang="ja")`: the context of that office's window (its runner is shut
    down afterwards)."""
    runners: list[DbRunner] = []

    def make(db: Database, lang: str = "ja", staff: str = "supervisor") -> AppContext:
        runner = DbRunner(lang=lang)
        runners.append(runner)
        code = runner.query_now(lambda: setup.office_of(db))
        assert code is not None
        return AppContext(
            db,
            code,
            actor_for(staff, office=code),
            lang,
            runner,
            runner.query_now(lambda: load_vocab(db, lang)),
        )

    yield make
    for runner in runners:
        runner.shutdown()
