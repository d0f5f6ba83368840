from __future__ import annotations

import itertools
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain import text as text_module
from desktop_app.domain.text import (
    digits,
    fold,
    fold_all,
    grams,
    katakana_to_hiragana,
    looks_like_phone,
    match_key,
    search_terms,
)

KATAKANA = st.text(st.characters(min_codepoint=ord("ァ"), max_codepoint=ord("ヶ")), min_size=1)


def _hiragana(katakana: str) -> str:
    return "".join(chr(ord(ch) - (ord("ァ") - ord("ぁ"))) for ch in katakana)


@pytest.mark.parametrize(
    "variants",
    [
        ("ﾀｶﾊｼ", "タカハシ", "たかはし", "ﾀｶﾊｼ "),
        ("髙橋", "高橋"),
        ("山﨑", "山崎", "山嵜"),
        ("齋藤", "斎藤"),
        ("渡邊", "渡邉", "渡辺"),
        ("ＡＢＣ１２３", "abc123", "ABC123", "ａｂｃ１２３"),
        ("鈴木 一郎", "鈴木一郎", "鈴木\u3000一郎", " 鈴木  一郎 "),
        ("コーヒー", "コ－ヒ－", "ｺｰﾋｰ", "こーひー", "コ-ヒ-", "コ―ヒ―"),
        ("霞ヶ関", "霞ケ関", "霞ｹ関"),
        ("ヴィレッジ", "ウ゛ィレッジ", "ｳﾞｨﾚｯｼﾞ", "ゔぃれっじ"),
        ("10〜12時", "10～12時", "10~12時"),
        ("株式会社 港物産", "株式会社港物産"),
    ],
)
def test_fold_makes_variants_equal(variants: tuple[str, ...]) -> None:
    folded = {fold(v) for v in variants}
    assert len(folded) == 1, folded


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ＡＢＣ１２３", "abc123"),
        ("ﾀｶﾊｼ", "たかはし"),
        ("髙橋", "高橋"),
        ("コ－ヒ－", "こーひー"),
        ("鈴木 一郎", "鈴木一郎"),
        ("㈱港物産", "(株)港物産"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text: str | None, expected: str) -> None:
    assert fold(text) == expected


def test_kanji_and_kana_readings_stay_different() -> None:
    assert fold("髙橋") == fold("高橋")
    assert fold("高橋") != fold("タカハシ")


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(KATAKANA)
def test_fold_of_katakana_equals_fold_of_hiragana(katakana: str) -> None:
    assert fold(katakana) == fold(_hiragana(katakana))
    assert katakana_to_hiragana(katakana) == _hiragana(katakana)


@given(st.text(alphabet=st.sampled_from("すずきスズキｽｽﾞｷ鈴木 　ー-")))
def test_fold_has_no_spaces_and_no_katakana(text: str) -> None:
    folded = fold(text)
    assert not any(ch.isspace() for ch in folded)
    assert not any("ァ" <= ch <= "ヶ" for ch in folded)


@pytest.mark.parametrize(
    "pair",
    [
        ("株式会社 港物産", "港物産㈱"),
        ("株式会社 港物産", "（株）港物産"),
        ("港物産株式会社", "港物産"),
        ("NPO法人 みなとネット", "みなとネット"),
        ("特定非営利活動法人みなとネット", "ＮＰＯ法人 みなとネット"),
        ("一般社団法人 芝商店会", "(一社)芝商店会"),
        ("公益財団法人 港区文化振興会", "港区文化振興会"),
    ],
)
def test_match_key_sets_legal_forms_aside(pair: tuple[str, str]) -> None:
    assert match_key(pair[0], None) == match_key(pair[1], "")


def test_match_key_joins_organisation_and_name() -> None:
    assert match_key("株式会社 港物産", "鈴木 一郎") == "港物産鈴木一郎"
    assert match_key(None, "ｽｽﾞｷ ｲﾁﾛｳ") == match_key("", "すずき いちろう")
    assert match_key("港物産", None) != match_key("芝物産", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("０３－５５５５－０１０１", "0355550101"),
        ("03-5555-0101", "0355550101"),
        ("(03) 5555 0101", "0355550101"),
        ("+81 3-5555-0101", "81355550101"),
        ("電話なし", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_digits(text: str | None, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("03-5555-0101", True),
        ("０３－５５５５－０１０１", True),
        ("03(5555)0101", True),
        ("+81 3 5555 0101", True),
        ("090.1234.5678", True),
        ("5555", True),
        ("12", False),
        ("---", False),
        ("港区", False),
        ("03-5555-0101 港区", False),
        ("abc123", False),
        ("", False),
    ],
)
def test_looks_like_phone(term: str, expected: bool) -> None:
    assert looks_like_phone(term) is expected


def test_search_terms_split_on_any_space_and_fold() -> None:
    assert search_terms("ﾀｶﾊｼ\u3000港区  ＡＢＣ") == ["たかはし", "港区", "abc"]
    assert search_terms("   ") == []


def test_grams() -> None:
    assert grams("港区役所") == "港区 区役 役所 所"
    # Pairs stay inside a run: the separator between two fields makes no pair of its own.
    assert grams("a-b") == "a b"
    assert grams("防災|訓練") == "防災 災 訓練 練"
    assert grams("") == ""
    assert grams(None) == ""


# --- fold and grams are rewritten for speed: the same output as before, character for character.
# The reference below is the implementation they replaced, kept verbatim (its tables are
# the module's own, which the rewrite did not change).

_REF_DASH_RE = re.compile(f"[{re.escape(text_module._DASHES)}]")
_REF_SPACE_RE = re.compile(r"\s+")


def _reference_katakana_to_hiragana(value: str) -> str:
    return "".join(
        chr(ord(ch) - (ord("ァ") - ord("ぁ"))) if ord("ァ") <= ord(ch) <= ord("ヶ") else ch
        for ch in value
    )


def _reference_fold(value: str | None) -> str:
    if not value:
        return ""
    folded = unicodedata.normalize("NFKC", value).casefold()
    folded = _reference_katakana_to_hiragana(folded.translate(text_module._VARIANTS))
    folded = _REF_DASH_RE.sub("ー", folded)
    return unicodedata.normalize("NFC", _REF_SPACE_RE.sub("", folded))


def _reference_grams(folded: str | None) -> str:
    if not folded:
        return ""
    tokens: list[str] = []
    run: list[str] = []
    for ch in folded + "|":
        if ch.isalnum():
            run.append(ch)
            continue
        tokens.extend("".join(run[i : i + 2]) for i in range(len(run)))
        run = []
    return " ".join(tokens)


# What desk text is made of: kanji and kana (with the small, voiced and iteration marks),
# half-width katakana, full-width and ASCII letters and digits, every dash and wave dash, every
# kind of space, the variant kanji, ㈱-style signs, combining marks and punctuation.
DESK_CHARACTERS = st.one_of(
    st.characters(min_codepoint=0x3040, max_codepoint=0x30FF),  # hiragana, katakana
    st.characters(min_codepoint=0xFF00, max_codepoint=0xFFEF),  # full- and half-width forms
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),  # CJK ideographs
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # ASCII
    st.characters(min_codepoint=0x3000, max_codepoint=0x303F),  # CJK punctuation, 〜,
    st.characters(min_codepoint=0x3200, max_codepoint=0x33FF),  # ㈱, ㌔ and other signs
    st.characters(min_codepoint=0x2000, max_codepoint=0x206F),  # dashes, spaces, quotes
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.sampled_from(
        "髙﨑嵜齋齊邊邉澤濱櫻廣德國眞實龍瀨ヶヵゖゕ" + text_module._DASHES + " \t\n\u3000\xa0\x85"
    ),
)
DESK_TEXT = st.text(DESK_CHARACTERS, max_size=60)


@given(st.one_of(DESK_TEXT, st.text()))
def test_fold_is_the_reference_fold(value: str) -> None:
    assert fold(value) == _reference_fold(value)


@given(st.one_of(DESK_TEXT, st.text()))
def test_grams_is_the_reference_grams(value: str) -> None:
    assert grams(value) == _reference_grams(value)
    assert grams(fold(value)) == _reference_grams(_reference_fold(value))


@given(st.one_of(DESK_TEXT, st.text()))
def test_katakana_to_hiragana_is_the_reference(value: str) -> None:
    assert katakana_to_hiragana(value) == _reference_katakana_to_hiragana(value)


def test_fold_and_grams_agree_with_the_reference_on_every_character() -> None:
    """Each code point alone (the surrogates cannot be encoded, so SQLite never passes them)."""
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        if fold(ch) != _reference_fold(ch) or grams(ch + ch) != _reference_grams(ch + ch):
            raise AssertionError(f"U+{code:04X}")


def test_fold_and_grams_agree_with_the_reference_on_demo_text() -> None:
    samples = [
        "{muni}の{product}を扱う生産者を紹介してほしい | 区内事業者から。 | 株式会社みなと商事",
        "ｻｻｷ ﾅｵｷ | 佐々木 直樹 | (03)5555-0101 | ㈱港物産 | ウ゛ィレッジ〜10～12時",
        "ＮＰＯ法人　みなとネット | コ－ヒ－ | 霞ヶ関 | 髙橋 | Ｅｍａｉｌ: INFO@example.jp",
    ]
    for sample in samples:
        assert fold(sample) == _reference_fold(sample)
        assert grams(fold(sample)) == _reference_grams(_reference_fold(sample))


@given(st.text(st.characters(max_codepoint=0x7F)))
def test_fold_of_ascii_is_the_reference_fold(value: str) -> None:
    """ASCII text takes fold's short way (no normalisation): the same answer."""
    assert fold(value) == _reference_fold(value)


def _match_key_by_every_replace(organization: str, name: str) -> str:
    """match_key as it was written: every legal form replaced in turn, longest first."""
    key = fold(organization) + fold(name)
    for form in text_module._LEGAL_FORMS:
        key = key.replace(form, "")
    return key


_KEY_PARTS = st.sampled_from(
    (*text_module.LEGAL_FORMS, "株", "(", ")", "（", "㈱", "ＮＰＯ", "港", "物産", " ", "法人")
)


@given(
    st.lists(_KEY_PARTS | st.text(max_size=3), max_size=6).map("".join),
    st.lists(_KEY_PARTS | st.text(max_size=3), max_size=4).map("".join),
)
def test_match_key_told_by_one_search_is_every_replace(organization: str, name: str) -> None:
    assert match_key(organization, name) == _match_key_by_every_replace(organization, name)


# --- fold_all folds a column's values as one text joined by NUL: each value as fold folds it.
# Combining marks and white space begin and end the values (what NFKC and NFC could join or
# move across the NUL), some values hold NUL themselves (folded one at a time), and values of
# ASCII alone take the short way together. fold_all folds a column needing NFKC's long way or
# the table one value at a time: the joined fold itself is held to fold too, whatever it holds.
_EDGES = st.sampled_from(("\u0301", "\u3099", "\u309b", "ﾞ", "ﾟ", " ", "\u3000", "\x00", "ｶ", "Σ"))
_VALUES = st.one_of(
    DESK_TEXT,
    st.text(),
    st.text(st.characters(max_codepoint=0x7F)),
    st.tuples(_EDGES, DESK_TEXT, _EDGES).map("".join),
)


def _joined_fold(values: list[str]) -> list[str]:
    """What fold_all gives for values that take the joined way (no NUL in any)."""
    return text_module._fold_text("\0".join(values)).split("\0")


@given(st.lists(_VALUES, max_size=12))
def test_fold_all_is_fold_of_each(values: list[str]) -> None:
    assert fold_all(values) == [fold(value) for value in values]
    if kept := [value for value in values if "\0" not in value]:
        assert _joined_fold(kept) == [fold(value) for value in kept]


@given(st.lists(st.text(st.characters(max_codepoint=0x7F)), max_size=12))
def test_fold_all_of_ascii_is_fold_of_each(values: list[str]) -> None:
    assert fold_all(values) == [fold(value) for value in values]


@given(
    st.lists(
        st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E20)) | st.just(" 。相談を"),
        min_size=2,
        max_size=12,
    )
)
def test_fold_all_of_normal_text_is_fold_of_each(values: list[str]) -> None:
    """Kanji, kana and spaces needing neither NFKC's long way nor the table: joined."""
    assert fold_all(values) == [fold(value) for value in values]


def test_fold_all_across_every_character() -> None:
    """Every code point beside every next one, and between combining or voiced marks (NUL
    aside; the surrogates cannot be encoded), folded joined."""
    characters = [chr(c) for c in range(1, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert _joined_fold(characters) == [fold(value) for value in characters]
    marks = itertools.cycle(("\u0301", "\u3099", "\u0308"))
    values = [mark + value + mark for value, mark in zip(characters, marks, strict=False)]
    assert _joined_fold(values) == [fold(value) for value in values]
