from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.receipt import format_receipt, is_office_code, parse_receipt

OFFICES = st.from_regex(r"[A-Z][A-Z0-9_]{0,15}", fullmatch=True)
FISCAL_YEARS = st.integers(min_value=1000, max_value=9999)
SEQUENCES = st.integers(min_value=1, max_value=10**9)


@pytest.mark.parametrize(
    ("office", "fy", "seq", "expected"),
    [
        ("SHIBA", 2026, 42, "SHIBA-2026-00042"),
        ("HQ", 2025, 1, "HQ-2025-00001"),
        ("SHIBAURA", 2026, 99999, "SHIBAURA-2026-99999"),
        ("TAKANAWA_2", 2019, 100000, "TAKANAWA_2-2019-100000"),
    ],
)
def test_format_receipt(office: str, fy: int, seq: int, expected: str) -> None:
    assert format_receipt(office, fy, seq) == expected
    assert parse_receipt(expected) == (office, fy, seq)


@pytest.mark.parametrize(
    ("office", "fy", "seq"),
    [
        ("shiba", 2026, 1),
        ("", 2026, 1),
        ("1SHIBA", 2026, 1),
        ("SHI-BA", 2026, 1),
        ("芝", 2026, 1),
        ("ABCDEFGHIJKLMNOPQ", 2026, 1),
        ("SHIBA", 26, 1),
        ("SHIBA", 10000, 1),
        ("SHIBA", 2026, 0),
        ("SHIBA", 2026, -1),
    ],
)
def test_format_receipt_rejects(office: str, fy: int, seq: int) -> None:
    with pytest.raises(ValueError):
        format_receipt(office, fy, seq)


@pytest.mark.parametrize(
    "text",
    [
        "SHIBA-2026-00042",
        "shiba-2026-00042",
        "Shiba-2026-00042",
        "ＳＨＩＢＡ－２０２６－０００４２",
        "ｓｈｉｂａー２０２６ー０００４２",
        "SHIBA‐2026−00042",
        "  SHIBA-2026-00042\n",
    ],
)
def test_parse_receipt_forms(text: str) -> None:
    assert parse_receipt(text) == ("SHIBA", 2026, 42)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "SHIBA",
        "SHIBA-2026",
        "SHIBA-2026-42",
        "SHIBA-2026-0042",
        "SHIBA-2026-000042",
        "SHIBA-26-00042",
        "SHIBA-0999-00001",
        "SHIBA-2026-00000",
        "SHIBA 2026 00042",
        "SHIBA--2026-00042",
        "SHIBA-2026-00042-1",
        "1SHIBA-2026-00042",
        "芝-2026-00042",
        "SHIBA-２０２６-٠٠٠٤٢",
    ],
)
def test_parse_receipt_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_receipt(text)


@given(OFFICES, FISCAL_YEARS, SEQUENCES)
def test_round_trip(office: str, fy: int, seq: int) -> None:
    text = format_receipt(office, fy, seq)
    assert parse_receipt(text) == (office, fy, seq)
    assert parse_receipt(text.lower()) == (office, fy, seq)


@given(OFFICES, FISCAL_YEARS, SEQUENCES, OFFICES, FISCAL_YEARS, SEQUENCES)
def test_distinct_parts_make_distinct_numbers(
    o1: str, f1: int, s1: int, o2: str, f2: int, s2: int
) -> None:
    same_text = format_receipt(o1, f1, s1) == format_receipt(o2, f2, s2)
    assert same_text == ((o1, f1, s1) == (o2, f2, s2))


def test_is_office_code() -> None:
    assert is_office_code("SHIBAURA")
    assert is_office_code("HQ")
    assert not is_office_code("hq")
    assert not is_office_code("HQ\n")
