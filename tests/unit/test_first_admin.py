"""The first administrator's entries are checked all at once, each problem on its own field."""

from __future__ import annotations

import pytest

from desktop_app.domain.errors import InputErrors
from desktop_app.domain.first_admin import MIN_PASSWORD, check_first_admin

GOOD = "correct-horse"


def _problems(*entries: str) -> dict[str, str]:
    with pytest.raises(InputErrors) as caught:
        check_first_admin(*entries)
    return {error.at or "": error.message("ja") for error in caught.value.errors}


def test_an_acceptable_account_is_returned_tidied():
    admin = check_first_admin(" admin ", " 港   太郎 ", GOOD, GOOD)
    assert (admin.login, admin.name, admin.password) == ("admin", "港 太郎", GOOD)
    assert GOOD not in repr(admin)


def test_a_password_of_nine_characters_is_refused_saying_how_long_it_is():
    assert _problems("admin", "港 太郎", "a" * 9, "a" * 9) == {
        "password": "パスワードは10文字以上にしてください（いま9文字）。"
    }
    assert check_first_admin("admin", "港 太郎", "a" * MIN_PASSWORD, "a" * MIN_PASSWORD)


def test_a_confirmation_that_differs_is_refused():
    assert _problems("admin", "港 太郎", GOOD, GOOD + "!") == {
        "confirmation": "確認のパスワードが一致しません。同じものをもう一度入力してください。"
    }


def test_every_problem_is_named_at_once():
    problems = _problems("管理者", "", "", "")
    assert set(problems) == {"login", "name", "password"}
    assert problems["login"].startswith("ログイン名は半角の英数字と . _ - で")
    assert problems["name"] == "氏名を入力してください（50文字まで）。"
