from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.domain.text import (
    digits,
    fold,
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
