"""Reading the cells of a hand-kept ledger the way the people who kept it meant them.

- Free-text categories (「観光・ＰＲ」, 「物産」, 「ＮＰＯ法人」) are placed on vocabulary codes by
  their folded label, a part of the label (食・物産・農林水産 is found by 物産), the code, a short
  list of words ledgers use (個人, 町会, 企業, ...) and what the person chose for the same value
  before (a profile). A value is placed when any of its parts is (観光・ＰＲ -> 観光); one none of
  whose parts is placed is reported.
- Status words (受付, 対応中, 紹介済, 完了, 済, 終了) map onto the workflow; 完了 and its kin go to
  the closed status the person chose (情報提供で完了 by default).
- One column holding the organisation and the person (港南商店会 田中一郎) is split where people
  split it: the organisation is the part a legal-form word or 町会/商店会/協会... marks.
- A missing subject is taken from the start of the content.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop_app.domain import text, workflow
from desktop_app.domain.dates import DATE_FORMAT, DateParseError, parse_date

CLOSED = "closed"  # a status word that closes the case; the person chooses which closed status
DEFAULT_CLOSED = workflow.INFO_ONLY
OTHER = "other"

# Words ledgers use that are no label, per vocabulary (folded on use).
_WORDS: dict[str, dict[str, str]] = {
    "inquirer_type": {
        "個人": "resident", "区民": "resident", "住民": "resident", "町会": "neighborhood",
        "自治会": "neighborhood", "町内会": "neighborhood", "商店会": "shopping_street",
        "npo": "npo", "特定非営利活動法人": "npo", "ボランティア": "voluntary",
        "サークル": "voluntary", "任意団体": "voluntary", "企業": "business",
        "会社": "business", "事業者": "business", "民間": "business", "法人": "business",
        "大学": "education", "学校": "education", "公益法人": "public_interest",
        "財団": "public_interest", "社団": "public_interest", "自治体": "municipality",
        "他自治体": "municipality", "市町村": "municipality", "庁内": "department",
        "区役所": "department",
    },
    "field": {
        "pr": "tourism", "観光pr": "tourism", "産業": "industry", "経済": "industry",
        "商店街振興": "industry", "防災": "disaster", "災害": "disaster", "福祉": "welfare",
        "環境": "environment", "森林": "forest", "木材": "forest", "子ども": "education",
        "文化": "culture", "芸術": "culture", "物産": "food", "農業": "food", "移住": "migration",
        "雇用": "employment", "人材": "employment", "国際": "multicultural",
        "職員交流": "staff_exchange", "大学": "university",
    },
    "channel": {
        "来庁": "visit", "窓口": "visit", "tel": "phone", "fax": "letter", "郵送": "letter",
        "メール": "email", "e-mail": "email", "電子メール": "email", "web": "online",
        "オンライン": "online", "説明会": "event", "紹介": "referral",
    },
}  # fmt: skip

_STATUS_WORDS: dict[str, str] = {
    "受付": workflow.RECEIVED, "新規": workflow.RECEIVED, "未対応": workflow.RECEIVED,
    "未着手": workflow.RECEIVED, "対応中": workflow.IN_PROGRESS, "継続": workflow.IN_PROGRESS,
    "調整中": workflow.IN_PROGRESS, "検討中": workflow.IN_PROGRESS, "回答待ち": workflow.REFERRED,
    "紹介済": workflow.REFERRED, "紹介済み": workflow.REFERRED, "紹介": workflow.REFERRED,
    "完了": CLOSED, "済": CLOSED, "済み": CLOSED, "終了": CLOSED, "対応済": CLOSED,
    "対応済み": CLOSED, "解決": CLOSED, "完": CLOSED, "成立": workflow.MATCHED,
    "不成立": workflow.NOT_MATCHED, "取下げ": workflow.WITHDRAWN, "取り下げ": workflow.WITHDRAWN,
    "取消": workflow.WITHDRAWN,
}  # fmt: skip

_PARTS = re.compile(r"[・･、,，/／;；\s]+")
_LABEL_PARTS = re.compile(r"[・･、,，/／;；\s（）()]+")


@dataclass(frozen=True)
class Vocabulary:
    """The names a vocabulary's codes go by, folded: labels, parts of labels, codes, words.

    Built once per import from the master list (code, names...), in display order: where two
    codes share a part of a label the first keeps it.
    """

    name: str
    codes: tuple[str, ...]
    index: Mapping[str, str]

    @classmethod
    def of(cls, name: str, terms: Iterable[tuple[str, Sequence[str]]]) -> Vocabulary:
        pairs = [(code, tuple(names)) for code, names in terms]
        index: dict[str, str] = {}
        for code, names in pairs:
            for label in names:
                index.setdefault(text.fold(label), code)
            index.setdefault(text.fold(code), code)
        for word, code in _WORDS.get(name, {}).items():
            index.setdefault(text.fold(word), code)
        for code, names in pairs:
            for label in names:
                for part in _LABEL_PARTS.split(label):
                    if len(part) >= 2 or not part.isascii():
                        index.setdefault(text.fold(part), code)
        return cls(name, tuple(code for code, _ in pairs), index)

    def place(self, value: str, chosen: Mapping[str, str] | None = None) -> tuple[str, ...]:
        """The codes `value` names (several for 観光・物産); () when no part of it is known.

        `chosen` holds folded values the person placed by hand (a profile).
        """
        folded = text.fold(value)
        if not folded:
            return ()
        picked = chosen or {}
        if folded in picked:
            return (picked[folded],) if picked[folded] else ()
        if folded in self.index:
            return (self.index[folded],)
        codes = (
            picked.get(part) or self.index.get(part)
            for part in (text.fold(p) for p in _PARTS.split(unicodedata.normalize("NFKC", value)))
        )
        return tuple(dict.fromkeys(code for code in codes if code))


_STATUS_NAMES: dict[str, str] = (
    {text.fold(word): code for word, code in _STATUS_WORDS.items()}
    | {code: code for code in workflow.STATUSES}
    | {text.fold(label): code for code, label in workflow.STATUS_LABELS.items()}
)


def status_of(value: str, closed_status: str = DEFAULT_CLOSED) -> str | None:
    """The workflow status a status word means; None when it means none."""
    folded = text.fold(value)
    code = _STATUS_NAMES.get(folded) or _STATUS_NAMES.get(folded.rstrip("。"))
    return closed_status if code == CLOSED else code


# --- organisation and person in one cell ----------------------------------------------------

_ORG_WORDS = (
    *text.LEGAL_FORMS,
    "町会", "自治会", "町内会", "商店会", "商店街", "協会", "組合", "協議会", "委員会", "法人",
    "会社", "大学", "学校", "学園", "財団", "社団", "連合会", "クラブ", "振興会", "役所", "役場",
    "市役所", "事務所", "センター", "研究所", "株式", "npo",
)  # fmt: skip
_SPLIT = re.compile(r"[\s/／]+")
_IN_BRACKETS = re.compile(r"(.+?)\s*[(（](.+?)[)）]\s*")


_ORG_FOLDED = sorted({text.fold(word) for word in _ORG_WORDS}, key=len, reverse=True)
_ORG_MARK = re.compile("|".join(re.escape(word) for word in _ORG_FOLDED))


@lru_cache(maxsize=1 << 14)  # a ledger names the same bodies row after row
def is_organisation(value: str) -> bool:
    return _ORG_MARK.search(text.fold(value)) is not None


@lru_cache(maxsize=1 << 14)
def split_org_name(value: str) -> tuple[str, str]:
    """(organisation, person) of a cell that may hold both, as people write them.

    港南商店会 田中一郎 / 株式会社ミナト　営業部 鈴木 / 田中（港南商店会） / 鈴木一郎 (a person) /
    高輪一丁目町会 (an organisation). The organisation ends at the last part a marker word is in.
    """
    whole = value.strip()
    # The patterns only where they can match: most names hold no bracket and no slash (and
    # str.split splits at the white space \s is).
    if ("(" in whole or "（" in whole) and (match := _IN_BRACKETS.fullmatch(whole)):
        outside, inside = match.group(1).strip(), match.group(2).strip()
        if is_organisation(outside) and not is_organisation(inside):
            return outside, inside
        if is_organisation(inside) and not is_organisation(outside):
            return inside, outside
    if "/" in whole or "／" in whole:
        parts = [part for part in _SPLIT.split(whole) if part]
    else:
        parts = whole.split()
    marked = [at for at, part in enumerate(parts) if is_organisation(part)]
    if not marked:
        return ("", whole)
    last = marked[-1]
    return " ".join(parts[: last + 1]), " ".join(parts[last + 1 :])


@lru_cache(maxsize=1 << 12)
def guess_inquirer_type(organisation: str) -> str:
    """The 相談者区分 an organisation's name says (a ledger without the column): no
    organisation is a resident; one the name does not tell is その他."""
    if not organisation.strip():
        return "resident"
    folded = text.fold(organisation)
    for words, code in _TYPE_HINTS:
        if words.search(folded):
            return code
    return OTHER


_TYPE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("npo", "特定非営利", "(特非)"), "npo"),
    (("町会", "自治会", "町内会"), "neighborhood"),
    (("商店会", "商店街", "振興組合"), "shopping_street"),
    (("大学", "学校", "学園", "研究所"), "education"),
    (("財団", "社団", "(公財)", "(一社)", "(公社)", "(一財)", "社会福祉法人"), "public_interest"),
    (("株式会社", "有限会社", "合同会社", "(株)", "(有)", "会社", "商事", "銀行"), "business"),
    (("協同組合", "商工会"), "business"),
    (("市役所", "町役場", "村役場", "県庁", "市長会", "町村会"), "municipality"),
)
# Each group's folded words as one pattern: any of them in the name, told by one search.
_TYPE_HINTS = tuple(
    (re.compile("|".join(re.escape(text.fold(word)) for word in words)), code)
    for words, code in _TYPE_WORDS
)


# --- subject, text and dates ----------------------------------------------------------------

SUBJECT_CHARS = 40
_SENTENCE_END = re.compile(r"[。．！？!?]")


def subject_from(content: str) -> str:
    """The start of the content as a subject: its first sentence, at most 40 characters."""
    if content.isprintable():  # one line: no line break is printable
        first = content.strip()
    else:
        first = next((line.strip() for line in content.splitlines() if line.strip()), "")
    cut = _SENTENCE_END.search(first)
    sentence = first[: cut.start()] if cut and cut.start() > 0 else first
    return sentence if len(sentence) <= SUBJECT_CHARS else sentence[: SUBJECT_CHARS - 1] + "…"


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a trailing .0, dates as yyyy-mm-dd, text stripped."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIALS = (20_000, 80_000)  # 1954 to 2119: a bare number in a date column is Excel's day count
_TIME_OF_DAY = re.compile(r"[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


@lru_cache(maxsize=1 << 14, typed=True)
def read_date(value: Any) -> dt.date:
    """A date cell in any form a ledger holds: a real date, Excel's day number, 和暦 or 西暦
    text in full- or half-width (R7.4.3, 令和7年4月10日, 令和７年５月２０日, H31.4.30, 2025/4/3).
    DateParseError otherwise. A ledger writes the same day many times: each is read once."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if _SERIALS[0] <= value <= _SERIALS[1]:
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise DateParseError(DATE_FORMAT, str(value), "a number that is no date")
    written = unicodedata.normalize("NFKC", cell_text(value))
    return parse_date(_TIME_OF_DAY.sub("", written))


TOTAL_WORDS = frozenset(text.fold(w) for w in ("合計", "総計", "小計", "累計", "計", "total"))


def is_total(cells: Iterable[str]) -> bool:
    """A total row (合計 12件): a cell that is one of the total words, or starts with 合計."""
    return any(is_total_word(cell) for cell in cells)


def total_words(words: Iterable[str]) -> set[str]:
    """The total words among `words` (`is_total_word`). Every total word folds to text
    holding 計 or t, and nothing after NFKC and casefold brings either in (the fold's table
    maps to neither, composing makes neither), so words none of which holds either once
    normalised (numbers, phone numbers, names) are told in one look at them all, "\x00"
    apart (a character nothing composes with)."""
    told = list(words)
    normal = unicodedata.normalize("NFKC", "\x00".join(told)).casefold()
    if "計" not in normal and "t" not in normal:
        return set()
    return {word for word in told if is_total_word(word)}


def is_total_word(cell: str) -> bool:
    """One cell of `is_total`. Text in ASCII folds to its lower case without spaces (and
    dashes as ー): of the total words only "total" can be it, told without folding (phone
    numbers and numbers are most of what a ledger's short cells hold)."""
    if cell.isascii():
        return "".join(cell.lower().split()) == "total"
    folded = text.fold(cell)
    return folded in TOTAL_WORDS or folded.startswith(("合計", "総計", "小計"))
