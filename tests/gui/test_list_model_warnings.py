"""The list model never tells its view about rows it does not have (no Qt warnings).

A page read before the key list arrived can land after the list shrank (a deletion landed
between the count and the keys, which resets the model without a new generation); the view
was then sent dataChanged() for rows past the end, and Qt warned "dataChanged() called with
an invalid index range" (seen at exit, when the last replies drain).
"""

from __future__ import annotations

import pytest

from desktop_app.ui.inquiry_list.list_model import PAGE
from desktop_app.ui.inquiry_list.list_page import InquiryListPage


@pytest.fixture
def page(qtbot, desk, cases, settle):
    page = InquiryListPage(desk)
    qtbot.addWidget(page)
    page.show()
    page.start()
    settle(desk)
    return page


def _warnings(qtlog) -> list[str]:
    return [record.message for record in qtlog.records if "index" in record.message]


def test_a_page_reply_past_the_end_of_a_shrunk_list_is_not_signalled(page, qtlog):
    model = page.model
    assert model.rowCount() == 4
    stamp = (model._generation, model._epoch)  # the reply is current: no newer filter or order

    model._page_loaded(stamp, 1, [], [])  # rows PAGE.. no longer exist
    model._tail_loaded(stamp, 1, [])

    assert _warnings(qtlog) == []
    assert model.rowCount() == 4 and model.row_at(PAGE) is None
