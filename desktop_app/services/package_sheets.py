"""What a person sees in a package: the cover sheet and the labelled columns of each sheet.

Headers come from the field catalogue; a code is shown as its label with the code beside it
(電話（phone）), dates as dates, so a supervisor can read, sort and filter the package in Excel.
The import never reads these columns (it reads `_data`), but their hash tells it whether a
person edited them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import AgreementBody, Municipality, Office, VocabTerm
from desktop_app.domain import fields
from desktop_app.domain.fields import Field, Kind
from desktop_app.domain.local_time import local_datetime
from desktop_app.excel.cells import display_width
from desktop_app.excel.package_row import PackageRow
from desktop_app.excel.sync_package import Column, Manifest, SheetSpec

SHEET_TITLES = {"inquirer": "相談者", "inquiry": "受付", "action": "対応履歴"}
# What the cover tells a person, and what the import does (docs/sync-format.md, "Protection").
_CAUTION = (
    "並べ替えと絞り込みは自由です。セル（この表紙を含む）は編集しないでください。"
    "編集すると取り込みは止まり、責任者の承認が要ります。承認しても、取り込むのは"
    "見えている欄の訂正だけで、入力と同じ確認を通ったものに限ります。"
)
_ID_COLUMNS = {"inquiry": ("inquirer", "相談者ID"), "action": ("inquiry_id", "受付ID")}


@dataclass(frozen=True)
class Labels:
    """Every label a package may show, read once per package (a few thousand rows)."""

    by_vocab: Mapping[tuple[str, str], str]

    def of(self, vocab: str, code: str) -> str:
        label = self.by_vocab.get((vocab, code))
        return f"{label}（{code}）" if label else code

    def widest(self, vocab: str) -> int:
        """The display width of the longest label shown for a code of `vocab`."""
        return max(
            (display_width(self.of(v, code)) for v, code in self.by_vocab if v == vocab),
            default=0,
        )


def read_labels(session: Session) -> Labels:
    labels: dict[tuple[str, str], str] = {
        (term.vocab, term.code): term.label_ja for term in session.scalars(select(VocabTerm))
    }
    labels |= {("office", office.code): office.name for office in session.scalars(select(Office))}
    labels |= {
        ("municipality", code): name if name.startswith(prefecture) else prefecture + name
        for code, prefecture, name in session.execute(
            select(Municipality.code, Municipality.prefecture, Municipality.name)
        )
    }
    labels |= {
        ("agreement_body", body.code): body.name for body in session.scalars(select(AgreementBody))
    }
    return Labels(labels)


def sheet_specs(session: Session, *, personal: bool) -> list[SheetSpec]:
    """The three data sheets, parents first (the order the import inserts them in)."""
    labels = read_labels(session)
    return [
        SheetSpec(entity, SHEET_TITLES[entity], _columns(entity, labels, personal=personal))
        for entity in ("inquirer", "inquiry", "action")
    ]


def cover_rows(
    session: Session, manifest: Manifest, *, since: dt.datetime | None
) -> list[tuple[str, str]]:
    names = {office.code: office.name for office in session.scalars(select(Office))}

    def office(code: str) -> str:
        return f"{names.get(code, code)}（{code}）"

    made = local_datetime(dt.datetime.fromisoformat(manifest.created_at))
    counts = manifest.counts
    rows = [
        ("連携デスク 送付ファイル", "【研修用】" if manifest.training else ""),
        ("送付元", office(manifest.from_office)),
        ("送付先", office(manifest.to_office)),
        ("番号", f"{manifest.sequence}（{_scope(manifest)}）"),
        ("作成日時", f"{made:%Y/%m/%d %H:%M}"),
        ("作成者", manifest.created_by),
        ("期間", f"{_local(since)} から {made:%Y/%m/%d %H:%M} までの変更" if since else "全期間"),
        ("件数", f"受付 {counts.get('inquiry', 0)} 件、対応履歴 {counts.get('action', 0)} 件、"
                 f"相談者 {counts.get('inquirer', 0)} 件"),
        ("個人情報", "含む（パスワードで暗号化）" if manifest.personal else "含まない"),
        ("ご注意", _CAUTION),
    ]  # fmt: skip
    return rows


def _scope(manifest: Manifest) -> str:
    """What the rows are: everything, the changes since the previous package, or since an
    earlier one when the receiver had not acknowledged the previous (services/sync_acks)."""
    if manifest.full:
        return "全件"
    if manifest.since is None or manifest.since == manifest.sequence - 1:
        return "前回からの変更分"
    if manifest.since == 0:
        return "全期間の変更分（未着の送付ファイルを補います）"
    return f"送付ファイル {manifest.since} より後の変更分（未着の送付ファイルを補います）"


def _local(moment: dt.datetime) -> str:
    return f"{local_datetime(moment):%Y/%m/%d %H:%M}"


def _columns(entity: str, labels: Labels, *, personal: bool) -> list[Column]:
    columns = [Column("ID", 38, _content("id"))]
    if entity in _ID_COLUMNS:
        key, header = _ID_COLUMNS[entity]
        columns.append(Column(header, 38, _content(key)))
    for field in fields.fields_of(entity):
        if field.personal and not personal:
            continue
        columns.append(Column(field.ja, _width(field, labels), _shown(field, labels)))
    columns.append(Column("削除", 6, lambda row: "削除" if row.content.get("deleted") else ""))
    return columns


def _width(field: Field, labels: Labels) -> int:
    if field.kind in (Kind.NOTE, Kind.CODES):
        return 40
    if field.kind is Kind.DATE:
        return 12
    if field.kind is Kind.TIME:
        return 16  # yyyy/mm/dd hh:mm
    if field.kind is Kind.CODE and field.vocab:
        # A code shows as 行政↔行政（事業交流）（gov_project): as wide as its widest label.
        return max(display_width(field.ja), labels.widest(field.vocab))
    return max(display_width(field.ja), min(field.limit or 24, 24))


def _content(key: str) -> Callable[[PackageRow], Any]:
    if key == "id":
        return lambda row: row.id
    return lambda row: row.content.get(key)


def _shown(field: Field, labels: Labels) -> Callable[[PackageRow], Any]:
    key = "office" if field.key == "office" else field.key
    vocab = field.vocab
    if field.kind is Kind.CODE and vocab:
        return lambda row: labels.of(vocab, row.content[key]) if row.content.get(key) else None
    if field.kind is Kind.CODES and vocab:
        return lambda row: "、".join(labels.of(vocab, code) for code in row.content.get(key) or ())
    if field.kind is Kind.DATE:
        return lambda row: _date(row.content.get(key))
    if field.kind is Kind.TIME:
        return lambda row: _time(row.content.get(key))
    return lambda row: row.content.get(key)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _time(value: str | None) -> dt.datetime | None:
    """A stored time shown as the office's local time, to the minute."""
    if not value:
        return None
    return local_datetime(dt.datetime.fromisoformat(value)).replace(second=0, microsecond=0)
