"""argparse's own messages (usage, missing or unknown arguments) speak the user's language.

They exit 2 like every refusal; `--version` prints the installed package's version.
"""

from __future__ import annotations

import argparse
from importlib import metadata

import pytest

CASES = [
    # (arguments, Japanese part, English part)
    (("inquiry", "lst"), "'lst' は指定できません（指定できるもの: 'add',", "invalid choice: 'lst'"),
    (("init",), "次の引数を指定してください: --office", "the following arguments are required"),
    (("inquiry", "list", "--bogus"), "使えない引数があります: --bogus", "unrecognized arguments"),
    (("inquiry", "list", "--month"), "値を1つ指定してください", "expected one argument"),
    (
        ("inquiry", "list", "--all", "--limit", "5"),
        "引数 --limit: 引数 --all と一緒には指定できません",
        "not allowed with argument --all",
    ),
]


@pytest.mark.parametrize(("args", "ja", "en"), CASES, ids=lambda c: str(c)[:20])
def test_usage_errors_are_japanese_by_default(run, args, ja, en):
    result = run(*args)
    assert result.code == 2
    assert result.err.startswith("使い方: renkei-desk")
    assert "エラー: " in result.err
    assert ja in result.err
    assert en not in result.err
    assert result.out == ""


@pytest.mark.parametrize(("args", "ja", "en"), CASES, ids=lambda c: str(c)[:20])
def test_usage_errors_are_english_under_an_english_locale(run, set_language, args, ja, en):
    set_language("en")
    result = run(*args)
    assert result.code == 2
    assert result.err.startswith("usage: renkei-desk")
    assert en in result.err
    assert ja not in result.err


def test_help_is_headed_in_japanese_and_exits_0(run):
    result = run("inquiry", "list", "--help")
    assert result.code == 0
    assert result.out.startswith("使い方: renkei-desk inquiry list")
    assert "オプション:" in result.out


def test_argparse_is_left_as_it_was_after_a_command(run):
    run("inquiry", "lst")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]


def test_version_prints_the_installed_version_first(run):
    result = run("--version")
    assert result.code == 0
    assert result.out.splitlines()[0] == f"renkei-desk {metadata.version('renkei-desk')}"
