"""Japanese text folding for search and de-duplication.

People write the same name many ways: full- and half-width forms, katakana or hiragana readings,
髙 for 高, long-vowel marks typed as dashes, a space between family and given name or none.
Search and duplicate suggestions compare the folded forms, never the text as typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from operator import add

# Variant forms that people and registers use for the same character in names (異体字).
_VARIANTS = str.maketrans(
    {
        "髙": "高",
        "﨑": "崎",
        "嵜": "崎",
        "齋": "斎",
        "齊": "斉",
        "邊": "辺",
        "邉": "辺",
        "澤": "沢",
        "濱": "浜",
        "櫻": "桜",
        "廣": "広",
        "德": "徳",
        "國": "国",
        "眞": "真",
        "實": "実",
        "龍": "竜",
        "瀨": "瀬",
        "ヶ": "ケ",
        "ヵ": "カ",
        "ゖ": "け",
        "ゕ": "か",
    }
)

# Everything that is typed for a long-vowel mark or a dash in a name or a number. "~" is there
# because NFKC has already turned ～ (U+FF5E, what Windows IMEs type for a wave dash) into it,
# while 〜 (U+301C, what macOS types) survives NFKC: without "~" the two would never match.
_DASHES = "-‐‑‒–—―−ｰ－ー〜～~"

_KATAKANA_START, _KATAKANA_END = ord("ァ"), ord("ヶ")
_KANA_OFFSET = ord("ァ") - ord("ぁ")
_TO_HIRAGANA = {code: code - _KANA_OFFSET for code in range(_KATAKANA_START, _KATAKANA_END + 1)}


def _fold_table() -> dict[int, str]:
    """Variants, then katakana to hiragana, then every dash to ー: one character map.

    Each of the three steps maps one character to one character and none produces what a
    later step would change back, so one str.translate does in C what three passes did.
    """
    table = {}
    for code in {*_VARIANTS, *_TO_HIRAGANA, *map(ord, _DASHES)}:
        folded = chr(code).translate(_VARIANTS).translate(_TO_HIRAGANA)
        folded = "ー" if folded in _DASHES else folded
        if folded != chr(code):
            table[code] = folded
    return table


_FOLD_TABLE = _fold_table()
# Any character the table maps: most text (kanji, hiragana, digits) holds none, and a search in
# C tells it several times faster than str.translate walks it (each character a dict look-up).
_FOLDED_BY_TABLE = re.compile("[" + "".join(map(re.escape, map(chr, sorted(_FOLD_TABLE)))) + "]")
# A run of letters and digits: exactly the characters for which str.isalnum() is true
# (re's \w is isalnum() or "_").
_ALNUM_RUN = re.compile(r"[^\W_]+")

# Legal-form words (法人格) that say nothing about who the organisation is; set aside when two
# records are compared for duplicates. Longest first, so 特定非営利活動法人 wins over 法人.
_LEGAL_FORMS = sorted(
    (
        "株式会社",
        "有限会社",
        "合同会社",
        "合資会社",
        "合名会社",
        "一般社団法人",
        "公益社団法人",
        "一般財団法人",
        "公益財団法人",
        "特定非営利活動法人",
        "npo法人",
        "社会福祉法人",
        "学校法人",
        "医療法人",
        "宗教法人",
        "独立行政法人",
        "国立大学法人",
        "協同組合",
        "(株)",
        "(有)",
        "(同)",
        "(社)",
        "(財)",
        "(特非)",
        "(一社)",
        "(公社)",
        "(一財)",
        "(公財)",
        "(福)",
        "(学)",
        "(医)",
    ),
    key=len,
    reverse=True,
)
_ANY_LEGAL_FORM = re.compile("|".join(map(re.escape, _LEGAL_FORMS)))
# The same words for other modules (a ledger's combined 団体名・氏名 column is split at them).
LEGAL_FORMS: tuple[str, ...] = tuple(_LEGAL_FORMS)


def katakana_to_hiragana(text: str) -> str:
    return text.translate(_TO_HIRAGANA)


def fold(text: str | None) -> str:
    """The form search compares: NFKC, lower case, hiragana, common variants, one dash, no spaces.

    NFKC turns ㈱ into (株), full-width letters and digits into ASCII and half-width katakana
    into full-width; kana are folded to hiragana so スズキ finds すずき. Imports fold the same
    names, statuses and categories over and over: each distinct text is folded once.
    """
    if not text:
        return ""
    if text.isascii():
        # Not cached: phone numbers, ledger numbers and codes are mostly unique values,
        # folded faster than a cache look-up that misses, and would push the names out of
        # the cache.
        return _fold_ascii(text)
    return _fold_unicode(text)


def fold_all(texts: Sequence[str]) -> list[str]:
    """`fold` of each text, folded as one text in C (a ledger's column of distinct values):
    the texts joined by NUL, which no step changes, drops, maps or composes with a neighbour
    (NFKC and NFC work in segments that a starter composing with nothing ends, casefold and
    the table map one character at a time, and NUL is no white space), then split at it."""
    joined = "\0".join(texts)
    if len(texts) < 2 or joined.count("\0") != len(texts) - 1:
        return [fold(text) for text in texts]  # a text holding NUL: one at a time
    if joined.isascii():
        return _fold_ascii(joined).split("\0")
    # NFKC's long way and the table cost the same per character: where any text needs either,
    # each text is folded on its own and only those that need them take them (both ways give
    # the same folds; this only chooses the faster).
    if _FOLDED_BY_TABLE.search(joined) or not unicodedata.is_normalized("NFKC", joined):
        return [fold(text) for text in texts]
    return _fold_text(joined).split("\0")


def _fold_ascii(text: str) -> str:
    # NFKC and NFC leave ASCII as it is and casefold is lower there; of ASCII the table maps
    # only the dashes "-" and "~" (to ー): the same answer without the normalisations and the
    # table.
    return "".join(text.lower().replace("-", "ー").replace("~", "ー").split())


def _fold_text(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    if _FOLDED_BY_TABLE.search(folded):
        folded = folded.translate(_FOLD_TABLE)
    # str.split() drops exactly the whitespace that \s matches. NFKC writes a spacing mark such
    # as ゛ in ウ゛ as a space and a combining mark; once the space is gone the mark must be
    # composed again, or ウ゛ would not match ヴ and fold would not be idempotent.
    return unicodedata.normalize("NFC", "".join(folded.split()))


# Long texts pass through too (the search index): kept small.
_fold_unicode = lru_cache(maxsize=1 << 12)(_fold_text)


def grams(folded: str | None) -> str:
    """Space-separated character pairs of each run of letters and digits, and each run's last
    character alone.

    The bigram index is built from these, so a 2-character term is one token and a 1-character
    term a prefix query. Pairs never span punctuation, so two fields joined by a separator
    (the search text is subject | content | names) do not make a pair that neither contains.
    Only letters and digits form runs, matching what the index's unicode61 tokenizer treats as
    token characters.
    """
    if not folded:
        return ""
    tokens: list[str] = []
    for run in _ALNUM_RUN.findall(folded):
        tokens += map(add, run, run[1:])  # each character with the next, in C
        tokens.append(run[-1])
    return " ".join(tokens)


def search_terms(query: str) -> list[str]:
    """The folded terms of a free-text query; terms are separated by spaces (全角 too)."""
    raw_terms = unicodedata.normalize("NFKC", query).split()
    terms = (fold(term) for term in raw_terms)
    return [term for term in terms if term]


@lru_cache(maxsize=1 << 14)
def digits(text: str | None) -> str:
    """Only the digits, full-width ones included: how phone numbers are compared (each distinct
    number worked out once: an import meets the same ones again and again)."""
    if not text:
        return ""
    return "".join(filter(str.isdigit, unicodedata.normalize("NFKC", text)))


_PHONE_LIKE = re.compile(r"^[\d\s()+.\-‐－ー―]+$")


def looks_like_phone(term: str) -> bool:
    """A query term written like a phone number: digits with the usual separators."""
    normalized = unicodedata.normalize("NFKC", term)
    return bool(_PHONE_LIKE.match(normalized)) and len(digits(normalized)) >= 3


def match_key(organization: str | None, name: str | None) -> str:
    """The key duplicate suggestions compare: folded, legal-form words set aside (each in
    turn, longest first; a key holding none, as most do, is told by one search)."""
    key = fold(organization) + fold(name)
    if _ANY_LEGAL_FORM.search(key) is None:
        return key
    for form in _LEGAL_FORMS:
        key = key.replace(form, "")
    return key


def name_key(name: str | None) -> str:
    """The match key of a person's name alone, so a person filed with an organisation is found."""
    return match_key(None, name)
