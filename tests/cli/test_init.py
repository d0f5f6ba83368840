"""`init --office CODE`: create a database for an office; repeatable; never another office's."""

from __future__ import annotations

import sqlite3

import pytest


def _count(path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        value = conn.execute(sql).fetchone()[0]
    conn.close()
    return int(value)


@pytest.mark.parametrize("office", ["SHIBA", "HQ", "shiba", " azabu "])
def test_init_creates_a_database_for_the_office(run, new_db_path, office):
    result = run("init", "--office", office, "--json", db=new_db_path)

    assert result.code == 0, result.err
    figures = result.json()
    assert figures["office"] == office.strip().upper()
    assert figures["created"] is True
    assert figures["added"]["municipalities"] >= 1900
    assert figures["added"]["offices"] == 6
    assert figures["added"]["agreement_bodies"] == 17  # 13 wide-area bodies and 4 firms
    assert _count(new_db_path, "SELECT count(*) FROM municipality WHERE code = '012068'") == 1


def test_init_again_adds_nothing_and_keeps_the_data(run, new_db_path, write_json, sample_inquiry):
    run("init", "--office", "SHIBA", db=new_db_path)
    run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=new_db_path)

    again = run("init", "--office", "SHIBA", "--json", db=new_db_path)

    assert again.code == 0
    assert again.json()["created"] is False
    assert set(again.json()["added"].values()) == {0}
    assert _count(new_db_path, "SELECT count(*) FROM inquiry") == 1


def test_init_message_is_japanese_by_default(run, new_db_path):
    result = run("init", "--office", "SHIBA", db=new_db_path)
    assert result.out.splitlines() == [
        "最初の管理者 admin を作成しました。",
        f"SHIBA のデータベースを準備しました: {new_db_path}",
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("ja", "このデータベースは「SHIBA」のものです"), ("en", 'This database belongs to "SHIBA"')],
)
def test_init_as_another_office_is_refused(run, db_path, set_language, snapshot, lang, text):
    set_language(lang)
    before = snapshot(db_path)

    result = run("init", "--office", "AKASAKA", db=db_path)

    assert result.code == 2
    assert text in result.err
    assert snapshot(db_path) == before
    assert _count(db_path, "SELECT count(*) FROM setting WHERE value = 'SHIBA'") == 1


def test_unknown_office_is_refused_with_the_known_codes(run, new_db_path):
    result = run("init", "--office", "OSAKA", db=new_db_path)
    assert result.code == 2
    assert "事務所コード「OSAKA」は登録されていません" in result.err
    assert "SHIBA" in result.err and "HQ" in result.err
