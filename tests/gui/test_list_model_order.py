"""The key list runs on the read lane and may come back before the first page: a page the
view asks for afterwards must still load (opening a case from 対応予定 showed rows of 「…」)."""

from __future__ import annotations

from desktop_app.demo.service import generate_demo_data
from desktop_app.services import search
from desktop_app.ui.inquiry_list.list_model import InquiryListModel, load_head


def test_a_middle_page_loads_when_the_keys_came_before_the_head(qtbot, make_desk, db, settle):
    generate_demo_data(db, count=450, seed=5)
    ctx = make_desk(db)
    model = InquiryListModel(ctx)
    flt = search.InquiryFilter()
    model._generation += 1  # what reload() starts, with its two replies in the other order
    generation = model._generation
    keys = search.ordered_pks(db, flt)
    model._keys_loaded(generation, keys)
    model._head_loaded(generation, load_head(db, flt, "received_at", True))

    assert model.index(250, 0).data() == "…"  # asked for now, as a view painting it would
    settle(ctx)
    qtbot.waitUntil(lambda: model.row_at(250) is not None, timeout=10_000)
    assert model.row_at(250).pk == keys[250]
    assert model.rowCount() == 450
