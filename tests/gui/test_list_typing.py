"""Search as you type in 受付一覧: the first page before a count that walks rows (「…件」 until
it comes), the key list only once the typing pauses, the same rows and count as before."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QEvent, QObject

from desktop_app.demo.service import generate_demo_data
from desktop_app.domain.local_time import local_today
from desktop_app.services import search
from desktop_app.ui.inquiry_list.list_model import PAGE
from desktop_app.ui.inquiry_list.list_page import InquiryListPage

# A filter beyond free text: its count walks rows, so it comes after the first page.
EVERY_DAY = search.InquiryFilter(date_to=local_today() + dt.timedelta(days=365))


def _page(qtbot, ctx, settle) -> InquiryListPage:
    page = InquiryListPage(ctx)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    page.start()
    settle(ctx)
    return page


def test_a_filtered_first_page_comes_before_its_count(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=450, seed=11)
    ctx = make_desk(db)
    page = _page(qtbot, ctx, settle)
    flt = EVERY_DAY
    count, first = search.first_page(db, flt)
    assert count > PAGE  # the case in question: the count is not in the first page
    captions: list[str] = []
    page.model.headLoaded.connect(lambda: captions.append(page.match_count.text()))

    page.model.set_filter(flt)
    settle(ctx)
    qtbot.waitUntil(lambda: page.match_count.text() != "…件", timeout=10_000)  # after the paint
    settle(ctx)

    assert captions == ["…件"]
    assert page.match_count.text() == f"{count:,}件"
    assert page.model.rowCount() == count
    assert [page.model.row_at(row) for row in range(len(first))] == first
    page.table.scrollToBottom()  # the rows past the first page load as before
    qtbot.waitUntil(lambda: page.model.row_at(count - 1) is not None, timeout=10_000)
    expected = search.ordered_pks(db, flt)
    assert page.model.row_at(count - 1).pk == expected[-1]


def test_fewer_rows_than_a_page_are_their_own_count(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=60, seed=4)
    ctx = make_desk(db)
    page = _page(qtbot, ctx, settle)
    flt = EVERY_DAY
    count = search.count_inquiries(db, flt)
    captions: list[str] = []
    page.model.headLoaded.connect(lambda: captions.append(page.match_count.text()))

    page.model.set_filter(flt)
    settle(ctx)

    assert captions == [f"{count}件"]  # no 「…件」: nothing was left to count


def test_the_key_list_waits_for_a_pause_in_typing(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=450, seed=11)
    ctx = make_desk(db)
    page = _page(qtbot, ctx, settle)
    keys: list[bool] = []
    page.model.keysLoaded.connect(lambda: keys.append(True))

    for typed in ("相", "相談"):  # each one's first page, and no key list between them
        page.model.set_filter(search.InquiryFilter(text=typed))
        settle(ctx)
        assert keys == []
    qtbot.waitUntil(lambda: keys == [True], timeout=10_000)  # the pause came
    flt = page.model.current_filter
    expected = search.ordered_pks(db, flt)
    assert page.model.rowCount() == len(expected)


def test_a_newer_filter_drops_the_older_answers(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=200, seed=6)
    ctx = make_desk(db)
    page = _page(qtbot, ctx, settle)
    for typed in ("東", "東京", "相談"):  # typed faster than any answer comes
        page.model.set_filter(search.InquiryFilter(text=typed))
    settle(ctx)
    qtbot.waitUntil(lambda: page.match_count.text() != "…件", timeout=10_000)
    count, first = search.first_page(db, page.model.current_filter)
    assert page.model.rowCount() == count
    assert [page.model.row_at(row) for row in range(len(first))] == first
    assert page.match_count.text() == f"{count:,}件"


class _Paints(QObject):
    """Counts the paints of the widget it watches."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_a_new_first_page_is_painted_once(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=60, seed=4)
    ctx = make_desk(db)
    page = _page(qtbot, ctx, settle)
    qtbot.wait(200)  # the opening's paints are over
    paints = _Paints()
    page.table.viewport().installEventFilter(paints)
    heads: list[int] = []
    page.model.headLoaded.connect(lambda: heads.append(paints.count))

    page.model.set_filter(search.InquiryFilter(text="相談"))
    settle(ctx)
    qtbot.wait(200)  # a layout on a timer would paint again within this

    count, first = search.first_page(db, page.model.current_filter)
    assert 0 < count < PAGE  # counted with its first page: nothing more is inserted
    assert [page.model.row_at(row) for row in range(len(first))] == first
    assert heads == [0]  # nothing painted between the keystroke and its rows
    assert paints.count == 1
