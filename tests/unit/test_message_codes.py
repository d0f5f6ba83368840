"""Message codes are checked names: every code the program uses has its message, in Japanese and
in English, with the same placeholders, and every call that words a message gives them.

A code is a string, so a typo (`"databse_missing"`) would only show as a KeyError on the day
that refusal happens. The program's own source is read instead (its syntax tree, not a regex):
every place a code is given to something that words a message, which is `render` and any class
whose constructor takes a `code` first (UserError; DateParseError and TransitionError, whose
codes the services hand on; not CorporateNumberError, whose code is a reason). A code given as a
literal, as either branch of `a if c else b`, or as a module constant (`DATE_FORMAT`) is
checked; one computed at run time is not, and the test says how many were seen, so that a
change that hides them all from the scan does not pass unnoticed.
"""

from __future__ import annotations

import ast
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop_app.domain import messages

SOURCE = Path(__file__).resolve().parents[2] / "desktop_app"
# The messages `render` can word, and the placeholders each language's text uses.
TEXTS = messages._MESSAGES  # the table itself: its two texts per code are what is checked
# Codes that are a reason, not a message: the services word both as `corporate_number_invalid`.
REASONS_ONLY = frozenset({"CorporateNumberError"})


@dataclass(frozen=True)
class Use:
    code: str
    where: str  # path:line
    # Keyword arguments given with it (None: a **mapping may give any, so they are not checked)
    keywords: frozenset[str] | None
    # Whether the call words the message itself (render, UserError), so it must give them all.
    words_it: bool


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(
        name.split(".")[0].split("[")[0]
        for _text, name, _spec, _conversion in string.Formatter().parse(template)
        if name
    )


def _trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SOURCE.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _constants(trees: list[tuple[Path, ast.Module]]) -> dict[str, str]:
    """Module-level `NAME = "text"` across the package; a name bound to two texts is left out."""
    seen: dict[str, set[str]] = {}
    for _path, tree in trees:
        for node in tree.body:
            target, value = None, None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign):
                target, value = node.target, node.value
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant):
                if isinstance(value.value, str):
                    seen.setdefault(target.id, set()).add(value.value)
    return {name: next(iter(values)) for name, values in seen.items() if len(values) == 1}


def _code_takers(trees: list[tuple[Path, ast.Module]]) -> set[str]:
    """`render` and every class whose `__init__` takes `code` as its first argument."""
    takers = {"render"}
    for _path, tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                    args = item.args.args
                    if len(args) > 1 and args[1].arg == "code":
                        takers.add(node.name)
    return takers - REASONS_ONLY


def _codes_of(node: ast.expr, constants: dict[str, str]) -> list[str] | None:
    """The codes an argument can be, or None when it is computed at run time."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Name) and node.id in constants:
        return [constants[node.id]]
    if isinstance(node, ast.Attribute) and node.attr in constants:
        return [constants[node.attr]]
    if isinstance(node, ast.IfExp):
        body, orelse = _codes_of(node.body, constants), _codes_of(node.orelse, constants)
        return None if body is None or orelse is None else body + orelse
    return None


def _called(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _uses() -> tuple[list[Use], int]:
    """Every code given to a code taker, and how many were computed (not checkable here)."""
    trees = list(_trees())
    constants, takers = _constants(trees), _code_takers(trees)
    found: list[Use] = []
    computed = 0
    for path, tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _called(node) not in takers:
                continue
            first = node.args[0] if node.args else None
            if first is None:
                first = next((k.value for k in node.keywords if k.arg == "code"), None)
            if first is None:
                continue
            codes = _codes_of(first, constants)
            if codes is None:
                computed += 1
                continue
            spread = any(k.arg is None for k in node.keywords)
            keywords = None if spread else frozenset(k.arg for k in node.keywords if k.arg)
            where = f"{path.relative_to(SOURCE.parent)}:{node.lineno}"
            words_it = _called(node) in ("render", "UserError")
            found.extend(Use(code, where, keywords, words_it) for code in codes)
    return found, computed


USES, COMPUTED = _uses()


def test_the_scan_sees_the_codes_the_program_uses() -> None:
    """Most of the table's codes, few computed ones: a scan gone blind fails here."""
    assert len({use.code for use in USES}) >= len(TEXTS) * 3 // 4
    assert COMPUTED < len(USES) // 5


def test_every_code_used_has_a_message() -> None:
    missing = sorted({f"{use.code} ({use.where})" for use in USES if use.code not in TEXTS})
    assert not missing, "codes used without a message in domain/messages.py:\n" + "\n".join(missing)


@pytest.mark.parametrize("code", sorted(TEXTS))
def test_both_languages_have_the_same_placeholders(code: str) -> None:
    ja, en = TEXTS[code]
    assert ja.strip() and en.strip(), f"{code}: a language without text"
    assert _placeholders(ja) == _placeholders(en), f"{code}: ja {ja!r} / en {en!r}"


def test_every_call_that_words_a_message_gives_its_placeholders() -> None:
    """`render("check_ok", lang)` without `path=` would fail as a KeyError on the day it runs."""
    short = sorted(
        f"{use.where}: {use.code} needs {sorted(needed - use.keywords)}"
        for use in USES
        if use.words_it and use.keywords is not None and use.code in TEXTS
        for needed in [_placeholders(TEXTS[use.code][0])]
        if not needed <= use.keywords
    )
    assert not short, "\n".join(short)
