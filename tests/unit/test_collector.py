"""The cycle collector paused for an import runs again afterwards, as it did before."""

from __future__ import annotations

import gc

import pytest

from desktop_app.services import collector


def test_nested_pauses_resume_the_collector_only_when_the_last_one_ends():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_failed_import_resumes_the_collector():
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("refused")
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
