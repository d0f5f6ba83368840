"""The permission table: each role has exactly its own permissions and those below it."""

import pytest

from desktop_app.domain.actor import Actor, Permission, Role
from desktop_app.domain.errors import UserError

EXPECTED = {
    Role.CLERK: {Permission.RECORD, Permission.REPORT},
    Role.SUPERVISOR: {
        Permission.RECORD,
        Permission.REPORT,
        Permission.PERSONAL_EXPORT,
        Permission.PERSONAL_LISTS,
        Permission.EXCHANGE,
        Permission.AUDIT,
    },
    Role.ADMIN: set(Permission),
}


@pytest.mark.parametrize("role", list(Role))
def test_each_role_has_exactly_its_permissions(role: Role) -> None:
    actor = Actor(login="u", name="u", role=role, office="13101")
    assert {p for p in Permission if actor.may(p)} == EXPECTED[role]


def test_refusal_names_what_is_missing_in_japanese() -> None:
    clerk = Actor(login="sato", name="佐藤", role=Role.CLERK, office="13101")
    with pytest.raises(UserError) as caught:
        clerk.require(Permission.EXCHANGE)
    assert caught.value.code == "permission_denied"
    assert caught.value.message("ja") == (
        "データの送付・取込は係長・管理職以上の権限が必要です（あなたの権限: 窓口職員）。"
        "管理者に依頼してください。"
    )
    assert "supervisor role" in caught.value.message("en")


def test_a_permitted_request_passes() -> None:
    Actor(login="a", name="a", role=Role.ADMIN, office="13101").require(Permission.STAFF)
