"""The kinds of audit entry, with the words the viewer and the export show for them.

One table, so that the viewer's filter, the CLI's `--action` and the export agree. A kind not
listed (written by an older or newer program) is shown as its code.
"""

from __future__ import annotations

from types import MappingProxyType

from desktop_app.domain.messages import Localized

# The mark written instead of a personal value (an inquirer's name, phone, ...): the trail says
# who set, changed or cleared it and when, never the value, so the log is no copy of personal
# data, needs no erasure, and an export of it carries none.
PERSONAL_MASK = "＊＊＊"

ACTION_LABELS = MappingProxyType(
    {
        "create": Localized("登録", "created"),
        "update": Localized("変更", "changed"),
        "delete": Localized("削除", "deleted"),
        "reopen": Localized("再開", "reopened"),
        "merge": Localized("相談者の統合", "inquirers merged"),
        "read": Localized("個人情報の表示", "personal data shown"),
        "print": Localized("相談票の印刷", "case sheet printed"),
        "pdf": Localized("相談票のPDF", "case sheet as PDF"),
        "export": Localized("出力", "export"),
        "report_export": Localized("報告書の出力", "report written"),
        "import": Localized("取込", "import"),
        "sync": Localized("取込による更新", "changed by import"),
        "resolve": Localized("競合の解決", "conflict resolved"),
        "erase": Localized("保存期間経過による消去", "erased after retention"),
        "sign_in": Localized("サインイン", "signed in"),
        "sign_in_failed": Localized("サインイン失敗", "sign-in failed"),
        "sign_out": Localized("サインアウト", "signed out"),
        "lockout": Localized("ロック", "locked out"),
        # Backups, restores and the secrets of the database (issues 18.2, 19.1, 19.2).
        "backup": Localized("バックアップ", "backup made"),
        "restore": Localized("バックアップから復元", "restored from a backup"),
        "backup_password": Localized("バックアップのパスワード設定", "backup password set"),
        "package_password": Localized("共有パスワード設定", "package password set"),
        # issue 19: settings, demo data and refused permissions are audited too
        "denied": Localized("権限がなく拒否", "refused: no permission"),
        "setting": Localized("設定の変更", "setting changed"),
        "demo_data": Localized("研修用データの作成", "demo data made"),
        "staff_add": Localized("職員の追加", "staff added"),
        "staff_disable": Localized("職員の無効化", "staff disabled"),
        "staff_unlock": Localized("ロック解除", "unlocked"),
        "password": Localized("パスワード変更", "password changed"),
        "import_ledger": Localized("台帳の取込", "ledger imported"),
    }
)

ENTITY_LABELS = MappingProxyType(
    {
        "inquiry": Localized("受付", "inquiry"),
        "inquirer": Localized("相談者", "inquirer"),
        "action": Localized("対応履歴", "action"),
        "package": Localized("送付ファイル", "package"),
        "report": Localized("報告書", "report"),
        "audit": Localized("操作記録", "audit trail"),
        "retention": Localized("保存期間", "retention"),
        "staff": Localized("職員", "staff"),
        "database": Localized("データベース", "database"),
        "permission": Localized("権限", "permission"),
        "setting": Localized("設定", "setting"),
        "ledger": Localized("台帳", "ledger"),
    }
)


def action_label(code: str, lang: str) -> str:
    label = ACTION_LABELS.get(code)
    if label is None:
        return code
    return label.en if lang.startswith("en") else label.ja


def entity_label(code: str, lang: str) -> str:
    label = ENTITY_LABELS.get(code)
    if label is None:
        return code
    return label.en if lang.startswith("en") else label.ja
