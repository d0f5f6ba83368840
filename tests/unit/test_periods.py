"""Report periods as ward paper writes them: 令和8年11月, R8.11, 2026-11; 令和8年度, R8."""

from __future__ import annotations

import pytest

from desktop_app.domain.periods import parse_fiscal_year, parse_month


@pytest.mark.parametrize(
    "text",
    ["2026-11", "2026/11", "2026.11", "2026年11月", "令和8年11月", "R8.11", "r8/11", "Ｒ８．１１",
     "令和８年１１月", " 2026-11 "],
)  # fmt: skip
def test_months(text):
    assert parse_month(text) == (2026, 11)


def test_the_first_year_of_an_era():
    assert parse_month("令和元年5月") == (2019, 5)
    assert parse_fiscal_year("令和元年度") == 2019


@pytest.mark.parametrize("text", ["2026-13", "R8.0", "11-2026", "令和", "", "R0.5", "来月"])
def test_months_refused(text):
    assert parse_month(text) is None


@pytest.mark.parametrize(
    "text", ["2026", "2026年度", "令和8年度", "R8", "r8", "Ｒ８年度", "令和８年度", "R8年度"]
)
def test_fiscal_years(text):
    assert parse_fiscal_year(text) == 2026


@pytest.mark.parametrize("text", ["26", "令和", "R", "今年度", "2026-11", "R0"])
def test_fiscal_years_refused(text):
    assert parse_fiscal_year(text) is None
