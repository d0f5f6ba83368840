"""The first administrator's entries are checked all at once, each problem on its own field,
by the staff service's rules."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import InputErrors, UserError
from desktop_app.services.first_run import check_first_admin

GOOD = "correct-horse"


def _problems(*entries: str) -> dict[str, str]:
    with pytest.raises(UserError) as caught:
        check_first_admin(*entries)
    each = caught.value.errors if isinstance(caught.value, InputErrors) else (caught.value,)
    return {error.at or "": error.message("ja") for error in each}


def test_an_acceptable_account_is_returned_tidied():
    admin = check_first_admin(" Minato.Taro ", " 港   太郎 ", GOOD, GOOD)
    assert (admin.login, admin.name, admin.password) == ("minato.taro", "港 太郎", GOOD)
    assert GOOD not in repr(admin)


def test_a_password_of_nine_characters_is_refused():
    assert _problems("admin", "港 太郎", "a1" * 4 + "b", "a1" * 4 + "b") == {
        "password": "パスワードが短すぎます: 10文字以上にしてください。"
    }
    assert check_first_admin("admin", "港 太郎", "takanawa-10", "takanawa-10")


def test_a_password_holding_the_login_is_refused():
    assert _problems("minato", "港 太郎", "minato-2026-x", "minato-2026-x") == {
        "password": "パスワードにユーザー名を含めないでください。"
    }


def test_a_confirmation_that_differs_is_refused():
    assert _problems("admin", "港 太郎", GOOD, GOOD + "!") == {
        "confirmation": "確認のパスワードが一致しません。同じものをもう一度入力してください。"
    }


def test_every_problem_is_named_at_once():
    problems = _problems("管理者", "", "", "")
    assert set(problems) == {"login", "name", "password"}
    assert problems["login"].startswith("ユーザー名「管理者」は使えません")
    assert problems["name"] == "氏名を入力してください（100文字まで）。"
