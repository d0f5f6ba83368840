"""The words a master package shows over its columns: the catalogue of the master tables'
columns, as the central office's and the branches' staff read them (code → コード).

Keyed by table and column; a column not listed (a column added later) shows its name.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_COMMON = MappingProxyType(
    {
        "code": "コード",
        "name": "名称",
        "name_en": "名称（英語）",
        "kind": "種別",
        "sort_order": "表示順",
        "active": "使用中",
    }
)
_BY_TABLE = MappingProxyType(
    {
        "vocab_term": MappingProxyType(
            {"vocab": "区分の種類", "label_ja": "表示名", "label_en": "表示名（英語）"}
        ),
        "municipality": MappingProxyType(
            {
                "prefecture_code": "都道府県コード",
                "prefecture": "都道府県",
                "name": "自治体名",
                "kana": "よみがな",
                "lat": "緯度",
                "lng": "経度",
                "retired_on": "廃止日",
            }
        ),
        "agreement_body": MappingProxyType(
            {"name": "協定先名", "signed_on": "締結日", "member_count": "構成自治体数"}
        ),
        "agreement_member": MappingProxyType(
            {"body_code": "協定先コード", "municipality_code": "自治体コード"}
        ),
        "partner_municipality": MappingProxyType(
            {
                "municipality_code": "自治体コード",
                "origin": "きっかけ",
                "since": "交流開始日",
                "notes": "備考",
            }
        ),
        "office": MappingProxyType({"name": "事務所名"}),
    }
)


def column_label(table: str, column: str) -> str:
    """The Japanese header of `column` of the master table `table`."""
    own: Mapping[str, str] = _BY_TABLE.get(table, {})
    return own.get(column) or _COMMON.get(column) or column
