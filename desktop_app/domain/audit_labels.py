"""The words an audit entry is shown with: its action, what it is about and the field changed.

One function, `audit_labels`, for every place that shows an entry to a person (the audit
export's workbook; the viewer may use it too), so that 「staff_add」 or 「personal」 never
reaches a supervisor. The kinds listed in `audit_kinds` keep their words there; this adds the
kinds written elsewhere (staff accounts, ledger imports) and the fields that are no field of
the catalogue (「personal」: the personal fields taken or shown). A code nobody knows is shown
as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType

from desktop_app.domain import audit_kinds, fields
from desktop_app.domain.messages import Localized

_MORE_ACTIONS = MappingProxyType(
    {
        "staff_add": Localized("職員の登録", "staff account added"),
        "staff_disable": Localized("職員の無効化", "staff account disabled"),
        "staff_unlock": Localized("ロックの解除", "staff account unlocked"),
        "password": Localized("パスワードの設定", "password set"),
        "lock": Localized("ロック", "locked out"),
        "import_ledger": Localized("台帳の取込", "ledger imported"),
    }
)
_MORE_ENTITIES = MappingProxyType(
    {
        "ledger": Localized("台帳", "ledger"),
    }
)
_MORE_FIELDS = MappingProxyType(
    {
        "personal": Localized("個人情報", "personal data"),
        "status": Localized("状況", "status"),
        "accepted_edited": Localized("編集された行の受入", "edited rows accepted"),
        "absorbed": Localized("統合された相談者", "inquirer merged into this one"),
        "years": Localized("保存年数", "years kept"),
        "inquiries": Localized("受付", "inquiries"),
        "unencrypted": Localized(
            "暗号化されていない個人情報の送付ファイル", "personal package not encrypted"
        ),
    }
)


@dataclass(frozen=True)
class AuditLabels:
    action: str
    entity: str
    field: str


def audit_labels(action: str, entity: str, field: str | None, lang: str) -> AuditLabels:
    """The words for an entry's action, entity and field in `lang` ("ja" or "en")."""
    return AuditLabels(
        action=_word(_MORE_ACTIONS, action, lang)
        if action in _MORE_ACTIONS
        else audit_kinds.action_label(action, lang),
        entity=_word(_MORE_ENTITIES, entity, lang)
        if entity in _MORE_ENTITIES
        else audit_kinds.entity_label(entity, lang),
        field=_field(entity, field, lang),
    )


def _field(entity: str, field: str | None, lang: str) -> str:
    if not field:
        return ""
    try:
        return fields.field(entity, field).label_in(lang)
    except KeyError:
        return _word(_MORE_FIELDS, field, lang)


def _word(table: MappingProxyType[str, Localized], code: str, lang: str) -> str:
    label = table.get(code)
    if label is None:
        return code
    return label.en if lang.startswith("en") else label.ja
