"""A training database (demo data) says so in the window title and above the list."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.demo.service import generate_demo_data
from desktop_app.ui.app import DeskApp
from desktop_app.ui.i18n import install_translators
from tests.actors import actor_for


@pytest.fixture
def open_desk(qtbot, settle):
    """`open_desk(db, lang)`: the desk's main window as `renkei-desk` builds it."""
    desks: list[DeskApp] = []

    def build(db, lang="ja"):
        app = QApplication.instance()
        install_translators(app, lang)
        desk = DeskApp(app, db, "SHIBA", actor_for())
        desks.append(desk)
        window = desk.build(lang, restore=False)
        qtbot.addWidget(window)
        settle(window.ctx)
        return window

    yield build
    for desk in desks:
        desk.close()
    install_translators(QApplication.instance(), "ja")


def test_a_training_database_says_so_in_the_title_and_above_the_list(open_desk, db):
    generate_demo_data(db, count=20, seed=4)
    window = open_desk(db)
    assert window.windowTitle().startswith("連携デスク【研修用】")
    assert "芝地区総合支所" in window.windowTitle()
    banner = window.list_page.training_banner
    assert banner.isVisible()
    assert "研修用" in banner.text() and "実際の相談は記録しないでください" in banner.text()
    # Above the counts and the filters: the first thing on the list screen.
    assert banner.geometry().bottom() <= window.list_page.counts.geometry().top()


def test_in_english_too(open_desk, db):
    generate_demo_data(db, count=20, seed=4)
    window = open_desk(db, "en")
    assert window.windowTitle().startswith("Renkei Desk [Training]")
    assert window.list_page.training_banner.text().startswith("[Training]")


def test_a_desk_database_has_no_training_mark(open_desk, db):
    window = open_desk(db)
    assert window.windowTitle() == "連携デスク — 芝地区総合支所"
    assert not window.list_page.training_banner.isVisible()
