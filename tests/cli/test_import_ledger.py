"""`renkei-desk import-ledger`: the report, the JSON shape and the exit codes of DESIGN.md."""

from __future__ import annotations

import json

from tests.ledger import ledgers

CLEAN = (
    (1, "R7.4.3", "区民", "鈴木 一郎", "03-5555-0101", "防災訓練の相談", "防災", "完了", "", ""),
    (2, "令和7年4月10日", "NPO法人", "NPO法人みなと 佐藤花子", "03-5555-0202", "物産展", "物産", "対応中", "", ""),  # noqa: E501
)  # fmt: skip


def test_all_rows_in_exits_0(run, db_path, tmp_path):
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx", ledgers.table(CLEAN))
    result = run("import-ledger", str(path), db=db_path)
    assert result.code == 0, result.err
    assert "2 行のうち 取込 2" in result.out
    listed = run("inquiry", "list", "--json", db=db_path).json()
    assert listed["count"] == 2


def test_some_rows_refused_exits_3_naming_them(run, db_path, tmp_path):
    path = ledgers.write_csv(tmp_path / "受付簿.csv")
    result = run("import-ledger", str(path), "--json", db=db_path)
    assert result.code == 3
    report = result.json()
    assert {key: report[key] for key in ("rows", "imported", "skipped", "duplicates")} == {
        "rows": 9, "imported": 7, "skipped": 2, "duplicates": 0,
    }  # fmt: skip
    first = report["rejected"][0]
    assert {k: first[k] for k in ("row", "column", "value")} == {
        "row": 9, "column": "B", "value": "令和7年2月30日",
    }  # fmt: skip
    assert "存在しない日付" in first["reason"]
    plain = run("import-ledger", str(path), "--dry-run", db=db_path)
    assert plain.code == 3
    assert "9行 B列「受付日」「令和7年2月30日」" in plain.out
    assert "取込済み 7" in plain.out and "試行" in plain.out


def test_dry_run_and_rejects_workbook(run, db_path, tmp_path, snapshot):
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx")
    before = snapshot(db_path)
    out = tmp_path / "直す.xlsx"
    result = run("import-ledger", str(path), "--dry-run", "--rejected-out", str(out), db=db_path)
    assert result.code == 3
    assert snapshot(db_path) == before
    assert out.is_file() and "2 行を書き出しました" in result.out


def test_nothing_usable_exits_2_with_a_japanese_message(run, db_path, tmp_path, snapshot):
    before = snapshot(db_path)
    no_header = ledgers.write_xlsx(tmp_path / "表紙.xlsx", [["表紙だけ"], ["何もない"]])
    result = run("import-ledger", str(no_header), db=db_path)
    assert result.code == 2 and "見出しの行が見つかりません" in result.err
    picture = tmp_path / "写真.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run("import-ledger", str(picture), db=db_path)
    assert result.code == 2 and "ExcelのブックでもCSVでもありません" in result.err
    refused = ledgers.write_xlsx(tmp_path / "誤り.xlsx", ledgers.table((ledgers.ROWS[5],)))
    result = run("import-ledger", str(refused), db=db_path)
    assert result.code == 2 and "取り込める行がありません" in result.err
    assert snapshot(db_path) == before


def test_a_mapping_file(run, db_path, tmp_path):
    cells = [["受付日", "相談者", "話の中身"], ["R7.4.3", "鈴木", "物産展の相談"]]
    path = ledgers.write_xlsx(tmp_path / "l.xlsx", cells)
    mapping = tmp_path / "map.json"
    mapping.write_text(
        json.dumps({"columns": {"話の中身": "content"}}, ensure_ascii=False), "utf-8"
    )
    result = run("import-ledger", str(path), "--mapping", str(mapping), "--json", db=db_path)
    assert result.code == 0
    assert [c["field"] for c in result.json()["columns"]] == [
        "received_at",
        "inquirer.name",
        "content",
    ]
    result = run("import-ledger", str(path), "--mapping", "ない設定", db=db_path)
    assert result.code == 2 and "取込設定「ない設定」" in result.err
    mapping.write_text('{"columns": {"話の中身": "no_such_field"}}', "utf-8")
    result = run("import-ledger", str(path), "--mapping", str(mapping), db=db_path)
    assert result.code == 2 and "取込設定「map.json」を読めません" in result.err


def test_english(run, db_path, tmp_path, set_language):
    set_language("en")
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx")
    result = run("import-ledger", str(path), "--dry-run", db=db_path)
    assert result.code == 3
    assert "row 9, column B (受付日)" in result.out and "does not exist" in result.out


def test_a_contact_that_does_not_read_as_one_never_goes_into_notes(run, db_path, tmp_path):
    """A phone of 4 digits or an e-mail without @ is personal data all the same: the row is
    refused (exit 3) and named, nothing of it reaches the notes a clerk's list shows."""
    rows = (
        *CLEAN,
        (3, "R7.4.12", "区民", "高橋 次郎", "5556", "講師の紹介", "防災", "対応中", "", ""),
    )
    path = ledgers.write_xlsx(tmp_path / "受付簿.xlsx", ledgers.table(rows))
    result = run("import-ledger", str(path), "--json", db=db_path)
    assert result.code == 3
    report = result.json()
    assert report["imported"] == 2 and len(report["rejected"]) == 1
    assert report["kept_in_notes"] == []
    refused = report["rejected"][0]
    assert (refused["column"], refused["value"]) == ("E", "5556")
    assert "メモには移さず" in refused["reason"]
    listed = run("inquiry", "list", "--all", "--json", db=db_path).out
    assert "5556" not in listed and "高橋" not in listed


def test_the_collector_runs_again_after_the_command_and_is_frozen_only_at_exit(
    run, db_path, tmp_path, monkeypatch
):
    """The command pauses the cycle collector throughout (its apply, its dry run, a refusal)
    and resumes it after; the process's last collection is skipped by gc.freeze at exit,
    never during the command."""
    import atexit
    import gc

    registered: list[object] = []
    monkeypatch.setattr(atexit, "register", registered.append)
    seen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: seen.append(gc.isenabled()))
    from desktop_app.cli import ledger

    ledger._no_last_collection.cache_clear()
    good = ledgers.write_xlsx(tmp_path / "受付簿.xlsx", ledgers.table(CLEAN))
    bad = tmp_path / "写真.xlsx"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert gc.isenabled()
    for args in ((str(good), "--dry-run"), (str(good),), (str(bad),)):
        run("import-ledger", *args, db=db_path)
        assert gc.isenabled()
    assert registered == [gc.freeze] and not seen  # once, for the exit only
    ledger._no_last_collection.cache_clear()
