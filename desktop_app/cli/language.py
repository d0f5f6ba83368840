"""argparse in the user's language: its usage line, section titles and error messages.

argparse words its messages through the module-level gettext function `argparse._`, looked up
each time a message is made; Python ships no Japanese catalogue for it, so `speaking("ja")`
puts this one in its place for the length of one command line (and puts the original back,
so nothing else in the process is affected). A text not listed stays in English.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# argparse's own texts (CPython 3.11–3.13) and what a Japanese clerk reads instead.
_JAPANESE: dict[str, str] = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "show this help message and exit": "このヘルプを表示して終了します",
    "%(prog)s: error: %(message)s\n": "%(prog)s: エラー: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "次の引数を指定してください: %s",
    "unrecognized arguments: %s": "使えない引数があります: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "%(value)r は指定できません（指定できるもの: %(choices)s）"
    ),
    "invalid %(type)s value: %(value)r": "%(value)r は %(type)s として読めません",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "not allowed with argument %s": "引数 %s と一緒には指定できません",
    "one of the arguments %s is required": "引数 %s のどれかを指定してください",
    "ambiguous option: %(option)s could match %(matches)s": (
        "オプション %(option)s が特定できません（候補: %(matches)s）"
    ),
    "ignored explicit argument %r": "引数 %r は値を取りません",
}


def translator(lang: str) -> Callable[[str], str]:
    """The gettext function argparse should use for `lang`."""
    if lang.startswith("en"):
        return _unchanged
    return lambda text: _JAPANESE.get(text, text)


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Build and run a parser inside this block and argparse speaks `lang`."""
    original = argparse._  # type: ignore[attr-defined]
    argparse._ = translator(lang)  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = original  # type: ignore[attr-defined]


def _unchanged(text: str) -> str:
    return text
