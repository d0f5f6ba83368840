"""The one catalogue of the fields of an inquiry, its inquirer and its follow-up actions.

Every part of the program that names, checks, masks, stores, shows, exports, counts or reads a
field reads it here (see docs/architecture.md, "The field catalogue"): the record's JSON, the
intake form and the detail pane, the CLI's labels, the messages, the validation limits, the
personal-data policy, the sync sheets, the report lists and breakdowns, the ledger header words
and how a ledger's cell is read, and the demo data.

Keys are the record contract's keys (`inquiry add --json-file`); an inquirer's keys are written
`inquirer.phone` where a field of any entity may be meant.

How to add a field (a code field of the inquiry, 連携分野2 `sector2`, as the example):

1. one line here: `_F("inquiry", "sector2", "連携分野2", "Sector 2", _K.CODE, vocab="sector2",
   group=MATTER, tally=_T("sector2", "連携分野2別", 9), synonyms=("分野2",))`;
2. the model column in db/models.py (`sector2: Mapped[str | None] = mapped_column(String(32))`;
   a CODES field: its code table, named in `table=`);
3. a migration adding the column (db/migrations/versions, `HEAD` in db/migrate.py);
4. its vocabulary rows in resources/masters/vocabularies.csv (set up on every database);
then the English of the new Japanese words in resources/i18n (resources/i18n/update.sh).
The record's JSON, the form and the detail pane, packages, ledger reading and the report
breakdown follow from the line (and the inquiry list's column, given `in_list`; the detail
pane's first lines, given `pane`); tests/catalogue checks that the models, the records and the
translations agree with it, and that a field added this way reaches all of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType

from desktop_app.domain.messages import Localized


class Kind(StrEnum):
    """What a field holds, which decides how it is read, shown, exported and compared."""

    TEXT = "text"  # one line
    NOTE = "note"  # free text over lines
    DATE = "date"  # a calendar date (the office's local date)
    TIME = "time"  # a stored moment (UTC); shown as the office's local time
    CODE = "code"  # one code of a vocabulary
    CODES = "codes"  # a set of codes of a vocabulary (or of a master table)
    NUMBER = "number"
    FLAG = "flag"


# The code fields checked against a master table rather than a vocabulary of vocab_term.
MASTER_TABLES = frozenset(("municipality", "agreement_body"))
# The intake form's groups, in the order the form shows them; a field's place in its group is
# its place in this catalogue.
RECEPTION = "reception"  # 受付
MATTER = "matter"  # 相談内容
HANDLING = "handling"  # 対応
FORM_GROUPS = (RECEPTION, MATTER, HANDLING)


@dataclass(frozen=True)
class Tally:
    """How a report breaks the period's inquiries down by a code field.

    `key` names the breakdown in the report (the vocabulary's name; "prefecture" for the
    target municipalities, counted by the master's prefecture); `rank` is its place among the
    report's tables.
    """

    key: str
    title: str
    rank: int


@dataclass(frozen=True)
class ListColumn:
    """A column of the inquiry list (ui/inquiry_list): its place from the left, and the sample
    text its width is fitted to (the widest value it usually holds). `name` and `heading` are
    given where the column is more than its field: 相談者 shows the inquirer's organisation
    and name together. Whether the column can be ordered is the search service's to say
    (services/search.py's SORT_KEYS: the orders it has an index for)."""

    place: int
    sample: str
    name: str | None = None
    heading: Localized | None = None


@dataclass(frozen=True)
class Field:
    """One field: everything the program needs to store, show, read, count and send it.

    `vocab` names the master list a code field is checked against ("municipality" and
    "agreement_body" are master tables, the rest vocabularies); `column` is the model's
    attribute where it differs from the key, `table` the code table of a many-valued code field
    (one row per code); `group` is the intake form's group (None: not on the form); `tally` the
    report breakdown; `listed` whether the report's lists carry it as a column; `synonyms` are
    the header words old ledgers use for it (a ledger's cell is read by `kind`: a date, text
    within `limit`, a vocabulary word placed as a code); `unplaced` is the code a ledger's word
    no vocabulary entry fits becomes (None: left empty); `demo` the value demo data gives it
    when the demo has no rule of its own for it; `blank` what an empty text is in the record
    contract (None, printed null; 相談内容 has always been ""); `system` fields are kept by the program, never
    typed by a person; `lines` how many lines the intake form's box of a NOTE field shows.
    `pane` is the field's place among the detail pane's first lines (the case at a glance,
    above the matter and its handling, which follow the form); `in_list` its column in the
    inquiry list.
    `ledger` names the rule a ledger's cell is read by where its kind alone
    does not say (domain/ledger_rows.py's RULES): the subject taken from the content when
    missing, the status word closing the case, a phone number checked as one, ...
    """

    entity: str
    key: str
    ja: str
    en: str
    kind: Kind
    vocab: str | None = None
    limit: int | None = None
    personal: bool = False
    required: bool = False
    system: bool = False
    synonyms: tuple[str, ...] = ()
    column: str | None = None
    table: str | None = None
    group: str | None = None
    tally: Tally | None = None
    listed: bool = False
    unplaced: str | None = None
    demo: str | None = None
    blank: str | None = None
    lines: int = 2
    ledger: str | None = None
    pane: int | None = None
    in_list: ListColumn | None = None

    @property
    def qualified(self) -> str:
        """`inquirer.phone` for an inquirer's field, the bare key for an inquiry's or action's."""
        return self.key if self.entity != "inquirer" else f"inquirer.{self.key}"

    @property
    def attribute(self) -> str:
        """The model's attribute that holds the field (its code list, for a CODES field)."""
        return self.column or self.key

    @property
    def label(self) -> Localized:
        """Both labels, for a message that is rendered in the reader's language."""
        return Localized(self.ja, self.en)

    def label_in(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.ja


_F = Field
_K = Kind
_T = Tally
_L = ListColumn
_OTHER = "other"  # the vocabularies' その他

# fmt: off
INQUIRY_FIELDS: tuple[Field, ...] = (
    _F("inquiry", "receipt_no", "受付番号", "Receipt no.", _K.TEXT, system=True, listed=True, synonyms=("番号", "No", "No.", "受付No"), ledger="ledger_no", pane=1, in_list=_L(1, "SHIBAURA-2026-00000")),
    _F("inquiry", "office", "事務所", "Office", _K.CODE, vocab="office", system=True, column="office_code", listed=True, synonyms=("支所", "担当支所"), pane=3, in_list=_L(7, "芝浦港南地区総合")),
    _F("inquiry", "received_at", "受付日", "Received", _K.DATE, required=True, group=RECEPTION, listed=True, synonyms=("相談日", "受付年月日", "日付", "年月日"), pane=2, in_list=_L(2, "2026/10/10")),
    _F("inquiry", "channel", "受付方法", "Channel", _K.CODE, vocab="channel", group=RECEPTION, tally=_T("channel", "受付方法別", 5), listed=True, synonyms=("受付形態", "方法", "相談方法"), pane=4, in_list=_L(9, "イベント")),
    _F("inquiry", "staff", "担当", "Staff", _K.TEXT, system=True, synonyms=("担当者", "受付者"), ledger="staff", pane=5),
    _F("inquiry", "subject", "件名", "Subject", _K.TEXT, limit=300, required=True, group=MATTER, listed=True, synonyms=("表題", "相談件名", "タイトル", "概要"), ledger="subject", in_list=_L(5, "商店街の物産展に出店したい自治体を探す")),
    _F("inquiry", "content", "相談内容", "Details", _K.NOTE, limit=20_000, group=MATTER, blank="", synonyms=("内容", "相談の内容", "要旨"), lines=5, ledger="content"),
    _F("inquiry", "relationship", "連携の型", "Relationship", _K.CODE, vocab="relationship", column="relationship_code", group=MATTER, tally=_T("relationship", "連携の型別", 1), listed=True, synonyms=("連携区分", "型"), in_list=_L(8, "区民・民間↔全国")),
    _F("inquiry", "step", "段階", "Step", _K.CODE, vocab="step", group=MATTER, tally=_T("step", "段階別", 6), listed=True),
    _F("inquiry", "domain", "領域", "Domain", _K.CODE, vocab="domain", group=MATTER),
    _F("inquiry", "fields", "連携分野", "Fields", _K.CODES, vocab="field", table="inquiry_field", group=MATTER, tally=_T("field", "連携分野別（複数選択）", 2), listed=True, unplaced=_OTHER, synonyms=("分野", "相談分野", "分類")),
    _F("inquiry", "forms", "協働の形態", "Forms of collaboration", _K.CODES, vocab="form", table="inquiry_form", group=MATTER, synonyms=("形態", "協働形態")),
    _F("inquiry", "municipalities", "対象自治体", "Municipalities", _K.CODES, vocab="municipality", table="inquiry_municipality", group=MATTER, tally=_T("prefecture", "対象自治体の都道府県別（複数選択）", 7), listed=True, synonyms=("自治体", "連携先自治体", "相手自治体")),
    _F("inquiry", "agreement_bodies", "協定先", "Agreement bodies", _K.CODES, vocab="agreement_body", table="inquiry_agreement", group=MATTER, tally=_T("agreement_body", "協定先別（複数選択）", 8), synonyms=("協定", "連携協定")),
    _F("inquiry", "status", "状況", "Status", _K.CODE, vocab="status", group=HANDLING, tally=_T("status", "状況別（現在）", 4), listed=True, synonyms=("対応状況", "進捗", "状態"), ledger="status", pane=6, in_list=_L(3, "情報提供で完了")),
    _F("inquiry", "follow_up_due", "次回対応期限", "Next follow-up", _K.DATE, group=HANDLING, listed=True, synonyms=("期限", "次回期限", "対応期限"), in_list=_L(4, "2026/10/10", heading=Localized("次回期限", "Next due"))),
    _F("inquiry", "outcome", "結果", "Outcome", _K.NOTE, limit=5_000, group=HANDLING, synonyms=("対応結果", "備考", "結果・備考"), ledger="outcome"),
    _F("inquiry", "closed_at", "完了日時", "Closed", _K.TIME, system=True, listed=True, synonyms=("完了日", "終了日")),
)

INQUIRER_FIELDS: tuple[Field, ...] = (
    _F("inquirer", "type", "相談者区分", "Inquirer type", _K.CODE, vocab="inquirer_type", required=True, tally=_T("inquirer_type", "相談者区分別", 3), listed=True, unplaced=_OTHER, synonyms=("区分", "相談者種別", "種別"), pane=7),
    _F("inquirer", "organization", "団体名", "Organisation", _K.TEXT, limit=200, listed=True, synonyms=("団体", "事業者名", "所属", "会社名", "団体・企業名"), pane=8, in_list=_L(6, "株式会社みなと商事 佐藤", "inquirer", Localized("相談者", "Inquirer"))),
    _F("inquirer", "name", "氏名", "Name", _K.TEXT, limit=100, personal=True, synonyms=("相談者名", "名前", "相談者", "担当者名", "代表者")),
    _F("inquirer", "kana", "フリガナ", "Reading (kana)", _K.TEXT, limit=200, personal=True, synonyms=("ふりがな", "カナ", "よみがな")),
    _F("inquirer", "phone", "電話番号", "Phone", _K.TEXT, limit=40, personal=True, synonyms=("電話", "連絡先", "TEL", "電話番号（連絡先）"), ledger="phone"),
    _F("inquirer", "email", "メールアドレス", "E-mail", _K.TEXT, limit=200, personal=True, synonyms=("メール", "Eメール", "E-mail"), ledger="email"),
    _F("inquirer", "postal_code", "郵便番号", "Postal code", _K.TEXT, limit=10, personal=True, synonyms=("〒",), ledger="postal_code"),
    _F("inquirer", "address", "住所", "Address", _K.TEXT, limit=300, personal=True, synonyms=("所在地", "住所・所在地")),
    _F("inquirer", "corporate_number", "法人番号", "Corporate no.", _K.TEXT, limit=13, ledger="corporate_number"),
    _F("inquirer", "notes", "相談者メモ", "Inquirer notes", _K.NOTE, limit=5_000),
)

ACTION_FIELDS: tuple[Field, ...] = (
    _F("action", "action_date", "対応日", "Date", _K.DATE, required=True),
    _F("action", "staff", "担当", "Staff", _K.TEXT, system=True),
    _F("action", "kind", "対応の種類", "Kind", _K.CODE, vocab="action_kind", required=True),
    _F("action", "note", "内容", "Note", _K.NOTE, limit=5_000, required=True),
    _F("action", "next_due", "次回対応期限", "Next follow-up", _K.DATE),
    _F("action", "referred_to", "紹介先", "Referred to", _K.TEXT, limit=200),
    _F("action", "reply_due", "回答期限", "Reply due", _K.DATE),
    _F("action", "replied_on", "回答日", "Replied", _K.DATE),
)
# fmt: on

ALL_FIELDS: tuple[Field, ...] = INQUIRY_FIELDS + INQUIRER_FIELDS + ACTION_FIELDS

_BY_ENTITY = MappingProxyType(
    {
        "inquiry": MappingProxyType({f.key: f for f in INQUIRY_FIELDS}),
        "inquirer": MappingProxyType({f.key: f for f in INQUIRER_FIELDS}),
        "action": MappingProxyType({f.key: f for f in ACTION_FIELDS}),
    }
)
# The record contract's words for the whole inquirer and its id, which are not fields.
_EXTRA_LABELS = MappingProxyType(
    {
        "inquirer": Localized("相談者", "Inquirer"),
        "inquirer.id": Localized("相談者ID", "Inquirer id"),
        # A deletion met by an update (a sync conflict) is chosen like a field.
        "deleted": Localized("削除", "Deletion"),
    }
)


def field(entity: str, key: str) -> Field:
    """The field `key` of `entity` ("inquiry", "inquirer" or "action"); KeyError if unknown."""
    return _BY_ENTITY[entity][key]


def fields_of(entity: str) -> tuple[Field, ...]:
    return tuple(_BY_ENTITY[entity].values())


def inquiry_field(qualified: str) -> Field:
    """A field of the inquiry record by its contract key (`subject`, `inquirer.phone`)."""
    entity, _, key = qualified.rpartition(".")
    return field(entity or "inquiry", key)


def limit_of(qualified: str) -> int | None:
    """The length limit of a contract key of the inquiry record (None: none, or not a field)."""
    try:
        return inquiry_field(qualified).limit
    except KeyError:
        return None


def label(qualified: str) -> Localized:
    """Both labels of a contract key of the inquiry record, for messages."""
    if qualified in _EXTRA_LABELS:
        return _EXTRA_LABELS[qualified]
    try:
        return inquiry_field(qualified).label
    except KeyError:
        return Localized(qualified, qualified)


def label_in(qualified: str, lang: str) -> str:
    value = label(qualified)
    return value.en if lang.startswith("en") else value.ja


def personal_keys(entity: str) -> tuple[str, ...]:
    """The keys of `entity` that are personal information (masked, left out, erased)."""
    return tuple(f.key for f in fields_of(entity) if f.personal)


def input_keys(entity: str) -> tuple[str, ...]:
    """The keys a person or a script may give (the program keeps the system fields itself)."""
    return tuple(f.key for f in fields_of(entity) if not f.system)


def keys_of_kind(entity: str, *kinds: Kind) -> tuple[str, ...]:
    return tuple(f.key for f in fields_of(entity) if f.kind in kinds)


def form_fields(group: str) -> tuple[Field, ...]:
    """The inquiry's fields of one group of the intake form, in the form's order."""
    return tuple(f for f in INQUIRY_FIELDS if f.group == group)


def pane_head() -> tuple[Field, ...]:
    """The fields the detail pane shows first, in its order (`pane`)."""
    head = [f for f in INQUIRY_FIELDS + INQUIRER_FIELDS if f.pane is not None]
    return tuple(sorted(head, key=lambda f: f.pane or 0))


def list_columns() -> tuple[Field, ...]:
    """The fields the inquiry list shows as columns, left to right (`in_list`)."""
    shown = [f for f in INQUIRY_FIELDS + INQUIRER_FIELDS if f.in_list is not None]
    return tuple(sorted(shown, key=lambda f: f.in_list.place if f.in_list else 0))


def column_name(f: Field) -> str:
    """The inquiry list's name of a field's column (its key unless the column names itself)."""
    return (f.in_list.name if f.in_list else None) or f.key


def column_heading(f: Field) -> Localized:
    """The inquiry list's heading of a field's column (its label unless the column has one)."""
    return (f.in_list.heading if f.in_list else None) or f.label


def tallied() -> tuple[Field, ...]:
    """The fields a report breaks down by, in the report's order of tables."""
    counted = [f for f in ALL_FIELDS if f.tally is not None]
    return tuple(sorted(counted, key=lambda f: f.tally.rank if f.tally else 0))
