"""Who is acting, and what their role lets them do: the one table of permissions.

Services receive an `Actor` and call `require` before they read personal data out or change
anything a role does not cover, so a hidden button is never the only guard (個人情報保護法 as
applied to local governments expects access limited to authorised staff). The GUI asks `may`
only to grey out what the services would refuse anyway.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from desktop_app.domain.errors import UserError
from desktop_app.domain.messages import Localized

# The demo accounts' password, printed in README and on a training database's sign-in screen:
# refused for every account of a real database (services.passwords). Here, not beside the
# hashing, so that the sign-in dialog can show it without loading argon2.
PUBLISHED_DEMO_PASSWORD = "kenshu-2026"


class Role(StrEnum):
    """Ordered from least to most trusted; each role has every permission of the ones before."""

    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    RECORD = "record"  # take inquiries, log actions, change status
    REPORT = "report"  # monthly and fiscal-year reports without personal fields
    PERSONAL_EXPORT = "personal_export"  # reports and lists with personal fields
    PERSONAL_LISTS = "personal_lists"  # lists showing phones, e-mails, addresses unmasked
    EXCHANGE = "exchange"  # sync packages out and in, ledger import, conflicts
    AUDIT = "audit"  # read and export the audit trail
    STAFF = "staff"  # accounts
    MASTERS = "masters"  # master packages and master edits
    RETENTION = "retention"  # erase personal data past its retention period
    SETTINGS = "settings"  # package password, backup folder, retention period


_LEAST_ROLE: dict[Permission, Role] = {
    Permission.RECORD: Role.CLERK,
    Permission.REPORT: Role.CLERK,
    Permission.PERSONAL_EXPORT: Role.SUPERVISOR,
    Permission.PERSONAL_LISTS: Role.SUPERVISOR,
    Permission.EXCHANGE: Role.SUPERVISOR,
    Permission.AUDIT: Role.SUPERVISOR,
    Permission.STAFF: Role.ADMIN,
    Permission.MASTERS: Role.ADMIN,
    Permission.RETENTION: Role.ADMIN,
    Permission.SETTINGS: Role.ADMIN,
}

_RANK = {role: rank for rank, role in enumerate(Role)}

ROLE_LABELS: dict[Role, Localized] = {
    Role.CLERK: Localized("窓口職員", "clerk"),
    Role.SUPERVISOR: Localized("係長・管理職", "supervisor"),
    Role.ADMIN: Localized("システム管理者", "administrator"),
}

PERMISSION_LABELS: dict[Permission, Localized] = {
    Permission.RECORD: Localized("相談の記録", "recording inquiries"),
    Permission.REPORT: Localized("報告書の作成", "making reports"),
    Permission.PERSONAL_EXPORT: Localized("個人情報を含む出力", "output with personal data"),
    Permission.PERSONAL_LISTS: Localized("一覧での個人情報の表示", "personal data shown in lists"),
    Permission.EXCHANGE: Localized("データの送付・取込", "sending and importing data"),
    Permission.AUDIT: Localized("操作記録の閲覧", "reading the audit trail"),
    Permission.STAFF: Localized("職員アカウントの管理", "managing staff accounts"),
    Permission.MASTERS: Localized("マスタの変更", "changing the masters"),
    Permission.RETENTION: Localized("保存期間経過データの消去", "erasing expired data"),
    Permission.SETTINGS: Localized("設定の変更", "changing settings"),
}


@dataclass(frozen=True)
class Actor:
    """A signed-in member of staff: what every service that reads or changes data is given.

    `login` is what the audit trail and the `updated_by` columns record.
    """

    login: str
    name: str
    role: Role
    office: str

    def may(self, permission: Permission) -> bool:
        return _RANK[self.role] >= _RANK[_LEAST_ROLE[permission]]

    def require(self, permission: Permission) -> None:
        """Refuse (nothing done yet) unless the role covers `permission`."""
        if not self.may(permission):
            raise UserError(
                "permission_denied",
                what=PERMISSION_LABELS[permission],
                role=ROLE_LABELS[self.role],
                needed=ROLE_LABELS[_LEAST_ROLE[permission]],
                # for the audit entry of the refusal (services.audit.log_refusal)
                permission=str(permission),
                login=self.login,
                role_code=str(self.role),
            )


def system_actor(office: str, login: str = "system") -> Actor:
    """The program itself (demo data, start-up upkeep): an administrator nobody signs in as."""
    return Actor(login=login, name=login, role=Role.ADMIN, office=office)
