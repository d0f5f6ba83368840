"""A training database (demo data) says so in the window title and above the list."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication

from desktop_app.demo.service import generate_demo_data
from desktop_app.ui.app import DeskApp
from desktop_app.ui.case_sheet.sheet import case_sheet_html
from desktop_app.ui.i18n import install_translators
from desktop_app.ui.inquiry_fields import inquiry_lines
from tests.actors import actor_for

NAME = re.compile(r"[一-龥々]+ [一-龥々]+")  # 高橋 一郎, not shiba.takahashi


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


def test_the_person_in_charge_is_a_name_on_a_training_database_too(open_desk, db, settle):
    generate_demo_data(db, count=20, seed=4)
    window = open_desk(db)
    ctx, page = window.ctx, window.list_page
    page.table.selectRow(0)
    settle(ctx)
    detail = page.detail.detail
    assert detail is not None and detail.actions
    lines = dict(inquiry_lines(detail.record, ctx.vocab, include_personal=False))
    assert NAME.fullmatch(lines["担当"]), lines["担当"]
    history = page.detail.history_model
    texts = [history.index(r, 2).data() for r in range(history.rowCount())]
    staffed = [text for text in texts if "担当 " in text]
    assert staffed and all(NAME.search(text) and "." not in text for text in staffed), texts
    sheet = case_sheet_html(detail, ctx.vocab, include_personal=False)
    assert lines["担当"] in sheet and detail.record.staff not in sheet


def test_in_english_too(open_desk, db):
    generate_demo_data(db, count=20, seed=4)
    window = open_desk(db, "en")
    assert window.windowTitle().startswith("Renkei Desk [Training]")
    assert window.list_page.training_banner.text().startswith("[Training]")


def test_a_desk_database_has_no_training_mark(open_desk, db):
    window = open_desk(db)
    assert window.windowTitle() == "連携デスク — 芝地区総合支所"
    assert not window.list_page.training_banner.isVisible()
