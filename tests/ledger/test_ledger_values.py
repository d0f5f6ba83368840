"""Cells as ledgers hold them: dates in every written form, categories, status words, names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import entry_rules, ledger_rows, ledger_values
from desktop_app.domain.dates import DateParseError
from desktop_app.domain.ledger_values import (
    Vocabulary,
    guess_inquirer_type,
    is_organisation,
    is_total,
    read_date,
    split_org_name,
    status_of,
    subject_from,
)
from desktop_app.domain.text import fold


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("R7.4.3", dt.date(2025, 4, 3)),
        ("令和7年4月10日", dt.date(2025, 4, 10)),
        ("令和７年５月２０日", dt.date(2025, 5, 20)),
        ("Ｒ７．５．２０", dt.date(2025, 5, 20)),
        ("H31.4.30", dt.date(2019, 4, 30)),
        ("平成31年4月30日", dt.date(2019, 4, 30)),
        ("令和元年5月1日", dt.date(2019, 5, 1)),
        ("平成元年1月8日", dt.date(1989, 1, 8)),
        ("2025/4/3", dt.date(2025, 4, 3)),
        ("２０２５／４／３", dt.date(2025, 4, 3)),
        ("2025-04-03 00:00:00", dt.date(2025, 4, 3)),
        ("2025年4月3日", dt.date(2025, 4, 3)),
        (dt.date(2025, 6, 1), dt.date(2025, 6, 1)),
        (dt.datetime(2025, 6, 1, 9, 30), dt.date(2025, 6, 1)),
        (45809, dt.date(2025, 6, 1)),  # Excel's day number in a cell without a date format
    ],
)
def test_dates_in_every_form_a_ledger_holds(written, day):
    assert read_date(written) == day


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("令和7年2月30日", "date_invalid"),
        ("平成31年5月1日", "date_invalid"),  # 令和 had begun
        ("R7.13.1", "date_invalid"),
        ("4月3日", "date_format"),
        ("不明", "date_format"),
        (12, "date_format"),
    ],
)
def test_impossible_dates_say_why(written, code):
    with pytest.raises(DateParseError) as caught:
        read_date(written)
    assert caught.value.code == code


FIELDS = Vocabulary.of(
    "field",
    [
        ("tourism", ("観光", "Tourism")),
        ("food", ("食・物産・農林水産", "Food")),
        ("disaster", ("防災・災害支援", "Disaster")),
        ("university", ("大学連携", "Universities")),
        ("other", ("その他", "Other")),
    ],
)
TYPES = Vocabulary.of(
    "inquirer_type",
    [
        ("resident", ("区民（個人）", "Resident")),
        ("neighborhood", ("町会・自治会", "Neighbourhood")),
        ("npo", ("NPO法人", "NPO")),
        ("business", ("事業者・事業者団体", "Business")),
    ],
)


@pytest.mark.parametrize(
    ("vocabulary", "written", "codes"),
    [
        (FIELDS, "観光・ＰＲ", ("tourism",)),
        (FIELDS, "物産", ("food",)),
        (FIELDS, "観光・物産", ("tourism", "food")),
        (FIELDS, "防災", ("disaster",)),
        (FIELDS, "ｔｏｕｒｉｓｍ", ("tourism",)),
        (FIELDS, "まちおこし", ()),
        (TYPES, "ＮＰＯ法人", ("npo",)),
        (TYPES, "区民", ("resident",)),
        (TYPES, "個人", ("resident",)),
        (TYPES, "町会", ("neighborhood",)),
        (TYPES, "企業", ("business",)),
    ],
)
def test_free_text_categories_are_placed_by_folded_label_part_and_word(vocabulary, written, codes):
    assert vocabulary.place(written) == codes


def test_a_value_placed_by_hand_wins():
    assert FIELDS.place("まちおこし", {"まちおこし": "tourism"}) == ("tourism",)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("受付", "received"),
        ("対応中", "in_progress"),
        ("紹介済", "referred"),
        ("紹介済み", "referred"),
        ("完了", "info_only"),
        ("済", "info_only"),
        ("終了", "info_only"),
        ("連携成立", "matched"),
        ("ふめい", None),
    ],
)
def test_status_words(word, status):
    assert status_of(word) == status


def test_the_closed_status_is_the_persons_choice():
    assert status_of("完了", "matched") == "matched"


@pytest.mark.parametrize(
    ("written", "parts"),
    [
        ("港南商店会 田中一郎", ("港南商店会", "田中一郎")),
        ("株式会社ミナト　営業部 鈴木", ("株式会社ミナト", "営業部 鈴木")),
        ("ＮＰＯ法人みなと 佐藤花子", ("ＮＰＯ法人みなと", "佐藤花子")),
        ("田中（港南商店会）", ("港南商店会", "田中")),
        ("高輪一丁目町会", ("高輪一丁目町会", "")),
        ("㈱ミナト商事", ("㈱ミナト商事", "")),
        ("鈴木 一郎", ("", "鈴木 一郎")),
    ],
)
def test_organisation_and_person_split_as_people_write_them(written, parts):
    assert split_org_name(written) == parts


def _split_by_the_patterns(value: str) -> tuple[str, str]:
    """split_org_name as it was written: both patterns tried on every name."""
    whole = value.strip()
    if match := ledger_values._IN_BRACKETS.fullmatch(whole):
        outside, inside = match.group(1).strip(), match.group(2).strip()
        if is_organisation(outside) and not is_organisation(inside):
            return outside, inside
        if is_organisation(inside) and not is_organisation(outside):
            return inside, outside
    parts = [part for part in ledger_values._SPLIT.split(whole) if part]
    marked = [at for at, part in enumerate(parts) if is_organisation(part)]
    if not marked:
        return ("", whole)
    return " ".join(parts[: marked[-1] + 1]), " ".join(parts[marked[-1] + 1 :])


_NAME_PARTS = st.sampled_from(
    ("港南商店会", "田中", "㈱ミナト", "(", ")", "（", "）", "/", "／", " ", "　", "\u2003", "\x1c",
     "\x85", "\t", "町会", "ＮＰＯ法人", "鈴木")
)  # fmt: skip


@given(st.lists(_NAME_PARTS | st.text(max_size=2), max_size=7).map("".join))
def test_a_name_split_without_its_patterns_where_they_cannot_match_splits_the_same(value):
    assert split_org_name.__wrapped__(value) == _split_by_the_patterns(value)


@pytest.mark.parametrize(
    ("organisation", "kind"),
    [
        ("", "resident"),
        ("ＮＰＯ法人みなと", "npo"),
        ("高輪一丁目町会", "neighborhood"),
        ("港南商店会", "shopping_street"),
        ("㈱ミナト商事", "business"),
        ("港大学", "education"),
        ("みなとの会", "other"),
    ],
)
def test_inquirer_type_from_the_organisation_when_the_ledger_has_none(organisation, kind):
    assert guess_inquirer_type(organisation) == kind


def test_subject_from_the_start_of_the_content():
    assert subject_from("物産展を開きたい。出店自治体を探している。") == "物産展を開きたい"
    assert subject_from("\n" + "あ" * 60) == "あ" * 39 + "…"


def _subject_by_lines(content: str) -> str:
    """subject_from as it was written: the first line not blank, whatever the content."""
    first = next((line.strip() for line in content.splitlines() if line.strip()), "")
    cut = re.search(r"[。．！？!?]", first)
    sentence = first[: cut.start()] if cut and cut.start() > 0 else first
    return sentence if len(sentence) <= 40 else sentence[:39] + "…"


_CONTENT_PARTS = st.sampled_from(
    ("相談", "。", "!", " ", "　", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e",
     "\x85", "\u2028", "\u2029", "\t", "\xa0", "あ" * 41, "\u200b")
)  # fmt: skip


@given(st.lists(_CONTENT_PARTS | st.text(max_size=3), max_size=8).map("".join))
def test_a_subject_told_on_one_line_without_splitting_is_the_same(content):
    """A printable content is one line: taken without splitlines, the same subject."""
    assert subject_from(content) == _subject_by_lines(content)


def _type_by_every_word(organisation: str) -> str:
    """guess_inquirer_type as it was written: each word of each group looked for in turn."""
    if not organisation.strip():
        return "resident"
    folded = fold(organisation)
    for words, code in ledger_values._TYPE_WORDS:
        if any(fold(word) in folded for word in words):
            return code
    return ledger_values.OTHER


_TYPE_PARTS = st.sampled_from(
    tuple(word for words, _ in ledger_values._TYPE_WORDS for word in words)
    + ("港", "（株）", "ＮＰＯ", "ｶﾞｯｺｳ", " ", "(", ")")
)


@given(st.lists(_TYPE_PARTS | st.text(max_size=2), max_size=5).map("".join))
def test_the_inquirer_type_told_by_one_search_a_group_is_every_word(organisation):
    assert guess_inquirer_type.__wrapped__(organisation) == _type_by_every_word(organisation)


def test_total_rows():
    assert is_total(["合計", ""])
    assert is_total(["", "計"])
    assert is_total(["合計 12件"])
    assert not is_total(["計画の相談"])


def _phone_by_nfkc(value: str) -> str | None:
    """The phone rule as it was written: every value through NFKC and the dashes' pattern."""
    normal = unicodedata.normalize("NFKC", value).strip()
    if not 10 <= sum(map(str.isdigit, normal)) <= 11:
        return None
    return re.sub(r"[‐‑‒–—―−ー－]", "-", normal)


_PHONE_PARTS = st.sampled_from(
    ("03", "-", "5555", "0101", "(", ")", " ", "\t", "０３", "－", "ー", "‐", "+81", "x", "〒")
)


@given(st.lists(_PHONE_PARTS | st.text(max_size=3), max_size=8).map("".join))
def test_a_phone_of_ascii_read_without_normalising_reads_the_same(value):
    assert ledger_rows.CONTACT_RULES["phone"](value) == _phone_by_nfkc(value)


def test_every_character_refused_in_a_cell_is_unprintable():
    """The reader passes a column whose text is printable without looking for control
    characters (ledger_rows._refuse_control_characters): none of them is printable."""
    for code in range(0x110000):
        character = chr(code)
        if character.isprintable():
            assert entry_rules.control_character(character) is None, f"U+{code:04X}"
