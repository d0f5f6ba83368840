"""A database that received demo data says it is a training database (研修用) in plain output."""

from __future__ import annotations

import pytest

TRAINING_JA = "【研修用】"
TRAINING_EN = "[Training]"


@pytest.fixture
def training_db(run, new_db_path):
    assert run("init", "--office", "SHIBA", db=new_db_path).code == 0
    assert run("demo-data", "--count", "20", db=new_db_path).code == 0
    return new_db_path


def test_a_desk_database_does_not_say_training(run, new_db_path):
    for args in (("init", "--office", "SHIBA"), ("check",), ("inquiry", "list")):
        result = run(*args, db=new_db_path)
        assert result.code == 0, result.err
        assert TRAINING_JA not in result.out + result.err


@pytest.mark.parametrize(
    "args", [("init", "--office", "SHIBA"), ("check",), ("inquiry", "list", "--limit", "3")]
)
def test_init_check_and_list_say_training(run, training_db, args):
    result = run(*args, db=training_db)
    assert result.code == 0, result.err
    assert "研修用" in result.out
    assert "実際の相談は記録しないでください" in result.out


def test_the_list_says_it_after_the_cases(run, training_db):
    lines = run("inquiry", "list", "--limit", "3", db=training_db).out.splitlines()
    assert lines[0].startswith("該当 20 件")  # the count stays the first line a script reads
    assert lines[-1].startswith(TRAINING_JA)
    assert len(lines) == 1 + 3 + 1


def test_in_english_too(run, training_db, set_language):
    set_language("en")
    result = run("check", db=training_db)
    assert TRAINING_EN in result.out
    assert "training database" in result.out


def test_json_output_stays_the_contract(run, training_db):
    listing = run("inquiry", "list", "--limit", "3", "--json", db=training_db).json()
    assert set(listing) == {"count", "items"}
    assert listing["count"] == 20
    assert run("check", "--json", db=training_db).json() == {"ok": True, "problems": []}
