"""--db, RENKEI_DESK_DB, --json before or after the command, and the two entry points."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

VENV_BIN = Path(sys.executable).parent


def test_db_option_and_environment_variable_pick_the_file(
    run, db_path, tmp_path, monkeypatch, write_json, sample_inquiry
):
    monkeypatch.setenv("RENKEI_DESK_DB", str(db_path))
    by_env = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json")
    assert by_env.code == 0, by_env.err
    assert run("inquiry", "list", "--json").json()["count"] == 1

    # --db wins over the environment variable.
    other = tmp_path / "other.sqlite3"
    assert run("init", "--office", "AZABU", db=other).code == 0
    assert run("inquiry", "list", "--json", db=other).json()["count"] == 0
    assert run("inquiry", "list", "--json").json()["count"] == 1


def test_default_database_is_in_the_user_data_directory(run, tmp_path):
    result = run("init", "--office", "SHIBA", "--json")
    assert result.code == 0
    assert (tmp_path / "xdg-data" / "renkei-desk" / "renkei-desk.sqlite3").is_file()


@pytest.mark.parametrize(
    "argv",
    [
        ["--json", "--db", "{db}", "inquiry", "list"],
        ["--db", "{db}", "inquiry", "list", "--json"],
        ["inquiry", "list", "--db", "{db}", "--json"],
        ["--json", "inquiry", "list", "--db", "{db}"],
        ["--db", "/nowhere/else.sqlite3", "inquiry", "list", "--db", "{db}", "--json"],
    ],
    ids=["both-before", "json-after", "both-after", "mixed", "later-db-wins"],
)
def test_global_options_before_or_after_the_command(run, db_path, argv):
    result = run(*[part.format(db=db_path) for part in argv])
    assert result.code == 0, result.err
    assert result.json() == {"count": 0, "items": []}


def test_json_before_the_command_is_not_reset_by_the_command(run, db_path):
    result = run("--json", "check", db=db_path)
    assert result.json() == {"ok": True, "problems": []}


def _environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("RENKEI_DESK_DB", "RENKEI_DESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
    }
    env.update(
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_STATE_HOME=str(tmp_path / "xdg-state"),
        QT_QPA_PLATFORM="offscreen",
        **extra,
    )
    return env


def test_console_script_records_and_refuses_with_exit_codes(db_path, tmp_path, sample_inquiry):
    env = _environment(tmp_path, RENKEI_DESK_DB=str(db_path))
    command = str(VENV_BIN / "renkei-desk")

    added = subprocess.run(
        [command, "inquiry", "add", "--json-file", "-", "--json"],
        input=json.dumps(sample_inquiry, ensure_ascii=False),
        capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["municipalities"] == ["192015"]

    refused = subprocess.run(
        [command, "inquiry", "show", "SHIBA-2026-09999"],
        capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert refused.returncode == 2
    assert "受付番号「SHIBA-2026-09999」の相談は見つかりません" in refused.stderr
    assert refused.stdout == ""
    assert "Traceback" not in refused.stderr + added.stderr


def test_python_m_refuses_in_english_with_exit_code_2(db_path, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db_path), "inquiry", "list",
         "--month", "2026/10"],
        capture_output=True, text=True, env=_environment(tmp_path, LANG="en_GB.UTF-8"),
        check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert 'The month "2026/10" must be written YYYY-MM' in result.stderr
    assert "Traceback" not in result.stderr
