from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.dates import (
    DATE_FORMAT,
    DATE_INVALID,
    DateParseError,
    era_of,
    fiscal_year,
    fiscal_year_bounds,
    format_fiscal_year,
    format_wareki,
    format_wareki_month,
    format_wareki_short,
    parse_date,
)

HEISEI_TO_2100 = st.dates(min_value=date(1989, 1, 8), max_value=date(2100, 12, 31))


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
        (date(2026, 1, 1), 2025),
        (date(2026, 12, 31), 2026),
        (datetime(2026, 3, 31, 23, 59), 2025),
    ],
)
def test_fiscal_year(d: date, expected: int) -> None:
    assert fiscal_year(d) == expected


@given(st.dates())
def test_fiscal_year_contains_the_date(d: date) -> None:
    fy = fiscal_year(d)
    assert fy in (d.year, d.year - 1)
    assert (fy == d.year) == (d.month >= 4)
    if 1 <= fy <= 9998:  # date() has no year 0 (Jan-Mar of year 1) and none past 9999
        first, last = fiscal_year_bounds(fy)
        assert first <= d <= last


@given(st.integers(min_value=1, max_value=9997))
def test_fiscal_year_bounds_are_contiguous(fy: int) -> None:
    first, last = fiscal_year_bounds(fy)
    assert (first.month, first.day, last.month, last.day) == (4, 1, 3, 31)
    assert fiscal_year(first) == fiscal_year(last) == fy
    assert fiscal_year_bounds(fy + 1)[0].toordinal() == last.toordinal() + 1


@pytest.mark.parametrize(
    ("d", "long", "short"),
    [
        (date(2026, 10, 3), "令和8年10月3日", "R8.10.3"),
        (date(2019, 5, 1), "令和元年5月1日", "R1.5.1"),
        (date(2019, 4, 30), "平成31年4月30日", "H31.4.30"),
        (date(1989, 1, 8), "平成元年1月8日", "H1.1.8"),
        (date(1989, 1, 7), "昭和64年1月7日", "S64.1.7"),
        (date(1926, 12, 25), "昭和元年12月25日", "S1.12.25"),
        (date(1926, 12, 24), "大正15年12月24日", "T15.12.24"),
        (date(1912, 7, 30), "大正元年7月30日", "T1.7.30"),
        (date(1912, 7, 29), "明治45年7月29日", "M45.7.29"),
        (date(1873, 1, 1), "明治6年1月1日", "M6.1.1"),
    ],
)
def test_format_wareki(d: date, long: str, short: str) -> None:
    assert format_wareki(d) == long
    assert format_wareki_short(d) == short


def test_no_era_before_the_solar_calendar() -> None:
    with pytest.raises(ValueError):
        era_of(date(1872, 12, 31))
    with pytest.raises(ValueError):
        format_wareki(date(1868, 10, 23))


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2026, 10, "令和8年10月"),
        (2019, 4, "平成31年4月"),
        (2019, 5, "令和元年5月"),
        (1989, 1, "平成元年1月"),
        (1988, 12, "昭和63年12月"),
        (1926, 12, "昭和元年12月"),
    ],
)
def test_format_wareki_month(year: int, month: int, expected: str) -> None:
    assert format_wareki_month(year, month) == expected


@pytest.mark.parametrize(
    ("fy", "expected"),
    [
        (2026, "令和8年度"),
        (2025, "令和7年度"),
        (2020, "令和2年度"),
        (2019, "令和元年度"),
        (2018, "平成30年度"),
        (1989, "平成元年度"),
        (1988, "昭和63年度"),
    ],
)
def test_format_fiscal_year(fy: int, expected: str) -> None:
    assert format_fiscal_year(fy) == expected


def test_domain_examples_of_fiscal_year_names() -> None:
    assert format_fiscal_year(fiscal_year(date(2026, 3, 31))) == "令和7年度"
    assert format_fiscal_year(fiscal_year(date(2026, 4, 1))) == "令和8年度"


@pytest.mark.parametrize(
    "text",
    [
        "2026/10/3",
        "2026-10-03",
        "2026.10.3",
        "20261003",
        "2026年10月3日",
        "2026 年 10 月 3 日",
        "2026 / 10 / 03",
        "R8.10.3",
        "R8/10/3",
        "R8-10-3",
        "r8.10.3",
        "R08.10.03",
        "R8年10月3日",
        "令和8年10月3日",
        "令和 8年10月3日",
        "令和８年１０月３日",
        "２０２６／１０／０３",
        "Ｒ８．１０．３",
        "㋿8年10月3日",
        "  2026/10/3\t",
        "\u3000令和8年10月3日\u3000",
    ],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == date(2026, 10, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("H30.4.1", date(2018, 4, 1)),
        ("h31.4.30", date(2019, 4, 30)),
        ("S64.1.7", date(1989, 1, 7)),
        ("H1.1.8", date(1989, 1, 8)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("R元.5.1", date(2019, 5, 1)),
        ("㍻30年4月1日", date(2018, 4, 1)),
        ("大正15年12月24日", date(1926, 12, 24)),
        ("M45.7.29", date(1912, 7, 29)),
        ("2024/2/29", date(2024, 2, 29)),
    ],
)
def test_parse_date_eras(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "2026/10",
        "26/10/3",
        "2026/10-3",
        "2026/10/3/1",
        "2026103",
        "202610031",
        "2026年10月3",
        "10/3/2026",
        "X8.10.3",
        "令8年10月3日",
        "R8.10",
        "R123.1.1",
        "明日",
        "2026/1O/3",
        "R8.10.3 10:00",
        "٢٠٢٦/١٠/٣",
    ],
)
def test_parse_date_rejects_unrecognised_text(text: str) -> None:
    with pytest.raises(DateParseError) as excinfo:
        parse_date(text)
    assert excinfo.value.code == DATE_FORMAT
    assert excinfo.value.text == text


@pytest.mark.parametrize(
    "text",
    [
        "2026/2/30",
        "2025/2/29",
        "2026/13/1",
        "2026/0/1",
        "20260431",
        "0000/01/01",
        "令和1年4月1日",
        "R1.4.30",
        "H31.5.1",
        "H32.1.1",
        "S64.1.8",
        "平成元年1月7日",
        "R0.5.1",
        "令和0年5月1日",
        "M5.12.31",
        "令和8年2月30日",
    ],
)
def test_parse_date_rejects_impossible_dates(text: str) -> None:
    with pytest.raises(DateParseError) as excinfo:
        parse_date(text)
    assert excinfo.value.code == DATE_INVALID


def test_parse_error_is_a_value_error_with_an_english_message() -> None:
    with pytest.raises(ValueError, match="unrecognised date"):
        parse_date("someday")


@given(HEISEI_TO_2100)
def test_wareki_round_trip(d: date) -> None:
    assert parse_date(format_wareki(d)) == d
    assert parse_date(format_wareki_short(d)) == d
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%Y/%m/%d")) == d
    assert parse_date(d.strftime("%Y%m%d")) == d


@given(HEISEI_TO_2100)
def test_wareki_forms_agree(d: date) -> None:
    long = format_wareki(d)
    assert long.startswith(format_wareki_month(d.year, d.month).removesuffix(f"{d.month}月"))
    assert format_wareki_short(d)[0] == {"平成": "H", "令和": "R"}[long[:2]]


@given(st.dates(min_value=date(1873, 1, 1), max_value=date(2100, 12, 31)))
def test_short_form_with_1_and_long_form_with_gannen_both_parse(d: date) -> None:
    assert parse_date(format_wareki(d).replace("元年", "1年")) == d
