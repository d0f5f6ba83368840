"""The command line documents itself and the README documents the command line.

Walks desktop_app.cli.build_parser() the way datasette and sqlite-utils test their docs: every
command and every option has help text, and every command appears in README.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from desktop_app.cli import build_parser

README = Path(__file__).resolve().parent.parent / "README.md"


def _subcommands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(path, parser, help) of every command, nested groups included (`inquiry add`)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                path = (*prefix, name)
                yield path, sub, helps.get(name)
                yield from _subcommands(sub, path)


COMMANDS = list(_subcommands(build_parser()))
COMMAND_IDS = [" ".join(path) for path, _, _ in COMMANDS]


def test_the_walk_finds_the_contract_commands():
    assert {
        "gui", "init", "demo-data", "inquiry", "inquiry add", "inquiry show", "inquiry update",
        "inquiry delete", "inquiry list", "action", "action add", "check", "backup", "restore",
    } <= set(COMMAND_IDS)  # fmt: skip


@pytest.mark.parametrize(("path", "parser", "help_text"), COMMANDS, ids=COMMAND_IDS)
def test_every_command_has_help(path, parser, help_text):
    assert help_text and help_text.strip(), " ".join(path)


def _options(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            continue
        yield action


OPTIONS = [
    (" ".join(path), action)
    for path, parser, _ in [((), build_parser(), None), *COMMANDS]
    for action in _options(parser)
]


@pytest.mark.parametrize(
    ("command", "action"),
    OPTIONS,
    ids=[
        f"{command or 'renkei-desk'}:{'/'.join(a.option_strings) or a.dest}"
        for command, a in OPTIONS
    ],
)
def test_every_option_and_argument_has_help(command, action):
    assert action.help and action.help is not argparse.SUPPRESS and action.help.strip(), (
        f"{command} {action.option_strings or action.dest}"
    )


@pytest.mark.parametrize("command", COMMAND_IDS)
def test_every_command_is_in_the_readme(command):
    readme = README.read_text(encoding="utf-8")
    assert f"renkei-desk {command}" in readme, f"README.md does not mention `renkei-desk {command}`"


@pytest.mark.parametrize("path_parser", COMMANDS, ids=COMMAND_IDS)
def test_every_option_of_a_command_is_in_the_readme(path_parser):
    path, parser, _ = path_parser
    readme = README.read_text(encoding="utf-8")
    missing = [
        option
        for action in _options(parser)
        for option in action.option_strings
        if option.startswith("--")
        and option not in ("--help", "--db", "--json")
        and option not in readme
    ]
    assert missing == [], f"renkei-desk {' '.join(path)}: {missing} not in README.md"


def test_help_prints_without_error(capsys):
    for path, _, _ in COMMANDS:
        with pytest.raises(SystemExit) as done:
            build_parser().parse_args([*path, "--help"])
        assert done.value.code == 0
    assert "renkei-desk" in capsys.readouterr().out
