"""Every bad-input path of the CLI: exit 2, a message in the user's language, nothing written.

Each case runs in Japanese (the default) and with LANG=en, checks a distinctive part of the
message from desktop_app/domain/messages.py, and compares the row counts of the synced tables,
the audit log and the highest rev before and after.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.domain.inquiry_commands import NewInquiry
from desktop_app.services import database, inquiries
from tests.actors import actor_for

OPEN = "SHIBA-2026-00001"  # received
CLOSED = "SHIBA-2026-00002"  # info_only
DELETED = "SHIBA-2026-00003"  # a tombstone
UNKNOWN = "SHIBA-2026-09999"

Mutation = Callable[[dict[str, Any]], None]


def put(key: str, value: Any) -> Mutation:
    return lambda record: record.__setitem__(key, value)


def drop(key: str) -> Mutation:
    return lambda record: record.pop(key)


def put_inquirer(key: str, value: Any) -> Mutation:
    return lambda record: record["inquirer"].__setitem__(key, value)


def drop_inquirer(*keys: str) -> Mutation:
    def mutate(record: dict[str, Any]) -> None:
        for key in keys:
            record["inquirer"].pop(key)

    return mutate


@pytest.fixture(scope="module")
def desk_template(
    template_db: Path, tmp_path_factory: pytest.TempPathFactory, contract_example: dict[str, Any]
) -> Path:
    """A database holding one open, one closed and one deleted inquiry (made once)."""
    path = tmp_path_factory.mktemp("bad-input") / "desk.sqlite3"
    shutil.copyfile(template_db, path)
    record = copy.deepcopy(contract_example)
    db = database.connect(path)
    try:
        inquiries.add_inquiry(db, NewInquiry.read(record), actor=actor_for("clerk"))
        inquiries.add_inquiry(
            db,
            NewInquiry.read({**record, "status": "info_only", "outcome": "情報提供"}),
            actor=actor_for("clerk"),
        )
        inquiries.add_inquiry(db, NewInquiry.read(record), actor=actor_for("clerk"))
        inquiries.delete_inquiry(db, DELETED, actor=actor_for("clerk"))
    finally:
        db.dispose()
    return path


@pytest.fixture
def desk(desk_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(desk_template, path)
    return path


@pytest.fixture(params=["ja", "en"])
def lang(request: pytest.FixtureRequest, set_language: Callable[[str], None]) -> str:
    set_language(request.param)
    return str(request.param)


def assert_refused(result: Any, lang: str, ja: str, en: str) -> None:
    assert result.code == 2, (result.out, result.err)
    assert (ja if lang == "ja" else en) in result.err, result.err
    assert "Traceback" not in result.out + result.err


RECORD_CASES = [
    # unknown codes
    pytest.param(
        put("channel", "fax"),
        "「受付方法」のコード「fax」は登録されていません",
        'Unknown code "fax"',
        id="channel",
    ),
    pytest.param(
        put("fields", ["disaster", "space"]),
        "のコード「space」は登録されていません",
        'Unknown code "space"',
        id="field",
    ),
    pytest.param(
        put("forms", ["dance"]),
        "のコード「dance」は登録されていません",
        'Unknown code "dance"',
        id="form",
    ),
    pytest.param(
        put("relationship", "alien_alien"),
        "「連携の型」のコード「alien_alien」",
        'Unknown code "alien_alien"',
        id="relationship",
    ),
    pytest.param(put("domain", "Z"), "「領域」のコード「Z」", 'Unknown code "Z"', id="domain"),
    pytest.param(
        put_inquirer("type", "alien"),
        "「相談者区分」のコード「alien」",
        'Unknown code "alien"',
        id="inquirer-type",
    ),
    pytest.param(
        put("status", "closed"),
        "状況「closed」はありません",
        'Unknown status "closed"',
        id="status",
    ),
    pytest.param(
        put("municipalities", ["999999"]),
        "自治体コード「999999」は登録されていません",
        'Unknown municipality code "999999"',
        id="municipality-999999",
    ),
    pytest.param(
        put("municipalities", ["12068"]),
        "自治体コード「12068」は登録されていません",
        'Unknown municipality code "12068"',
        id="municipality-lost-zero",
    ),
    pytest.param(
        put("municipalities", [12068]),
        "「対象自治体」の形式が正しくありません",
        '"Municipalities" has the wrong form',
        id="municipality-number",
    ),
    pytest.param(
        put("agreement_bodies", ["nowhere_union"]),
        "協定先コード「nowhere_union」は登録されていません",
        'Unknown agreement body code "nowhere_union"',
        id="agreement-body",
    ),
    # dates
    pytest.param(
        put("received_at", "2026/2/30"),
        "「受付日」の日付「2026/2/30」は存在しない日付です",
        'The date "2026/2/30" for "Received" does not exist',
        id="feb-30",
    ),
    pytest.param(
        put("received_at", "令和1年4月1日"),
        "日付「令和1年4月1日」は存在しない日付です",
        'The date "令和1年4月1日" for "Received" does not exist',
        id="reiwa-before-its-start",
    ),
    pytest.param(
        put("received_at", "2026-13-01"), "は存在しない日付です", "does not exist", id="month-13"
    ),
    pytest.param(
        put("received_at", "来週の火曜"),
        "日付「来週の火曜」が読めません",
        'Cannot read the date "来週の火曜"',
        id="unreadable-date",
    ),
    pytest.param(
        put("received_at", 20260914),
        "「受付日」の形式が正しくありません",
        '"Received" has the wrong form',
        id="date-as-number",
    ),
    pytest.param(
        put("received_at", "2099-01-01"),
        "未来の日付「2099-01-01」は入力できません",
        "cannot be in the future (2099-01-01)",
        id="future-received",
    ),
    pytest.param(
        put("follow_up_due", "2026-09-01"),
        "「次回対応期限」は受付日より前にできません",
        "cannot be before the date received",
        id="due-before-received",
    ),
    pytest.param(
        put("follow_up_due", "2026/9/31"),
        "「次回対応期限」の日付「2026/9/31」は存在しない",
        'The date "2026/9/31"',
        id="due-impossible",
    ),
    # required keys
    pytest.param(
        drop("received_at"), "「受付日」は必須です", '"Received" is required', id="no-received-at"
    ),
    pytest.param(
        put("received_at", None),
        "「受付日」は必須です",
        '"Received" is required',
        id="null-received-at",
    ),
    pytest.param(drop("subject"), "「件名」は必須です", '"Subject" is required', id="no-subject"),
    pytest.param(
        put("subject", "  \u3000 "),
        "「件名」は必須です",
        '"Subject" is required',
        id="blank-subject",
    ),
    pytest.param(
        drop("inquirer"), "「相談者」は必須です", '"Inquirer" is required', id="no-inquirer"
    ),
    pytest.param(
        drop_inquirer("type"),
        "「相談者区分」は必須です",
        '"Inquirer type" is required',
        id="no-inquirer-type",
    ),
    pytest.param(
        drop_inquirer("name", "organization"),
        "「氏名」か「団体名」のどちらか",
        "Give the inquirer's name or organisation",
        id="no-name-or-organization",
    ),
    # keys and types
    pytest.param(
        put("priority", "high"),
        "項目「priority」はありません",
        'There is no field "priority"',
        id="unknown-key",
    ),
    pytest.param(
        put_inquirer("fax", "03-0000-0000"),
        "項目「inquirer.fax」はありません",
        'There is no field "inquirer.fax"',
        id="unknown-inquirer-key",
    ),
    pytest.param(
        put("subject", 42),
        "「件名」の形式が正しくありません",
        '"Subject" has the wrong form',
        id="subject-number",
    ),
    pytest.param(
        put("subject", "長" * 301),
        "「件名」が長すぎます（300文字まで）",
        '"Subject" is too long (at most 300',
        id="subject-too-long",
    ),
    pytest.param(
        put("fields", "disaster"),
        "「連携分野」の形式が正しくありません",
        '"Fields" has the wrong form',
        id="fields-not-a-list",
    ),
    pytest.param(
        put("inquirer", "鈴木"),
        "「相談者」の形式が正しくありません",
        '"Inquirer" has the wrong form',
        id="inquirer-not-object",
    ),
    pytest.param(
        put_inquirer("name", ["鈴木"]),
        "「氏名」の形式が正しくありません",
        '"Name" has the wrong form',
        id="name-not-string",
    ),
    pytest.param(
        put_inquirer("id", "00000000-0000-0000-0000-000000000000"),
        "相談者「00000000-0000-0000-0000-000000000000」は見つかりません",
        'No inquirer "00000000-',
        id="unknown-inquirer-id",
    ),
    # personal fields
    pytest.param(
        put_inquirer("phone", "03-5555"),
        "電話番号「03-5555」は10〜11桁",
        'The phone number "03-5555" must have 10 or 11 digits',
        id="phone-short",
    ),
    pytest.param(
        put_inquirer("phone", "03-5555-0101-99"),
        "電話番号「03-5555-0101-99」",
        'The phone number "03-5555-0101-99"',
        id="phone-long",
    ),
    pytest.param(
        put_inquirer("email", "suzuki@"),
        "メールアドレス「suzuki@」の形式が正しくありません",
        'The e-mail address "suzuki@" is not valid',
        id="email",
    ),
    pytest.param(
        put_inquirer("email", "suzuki example.jp"),
        "メールアドレス「suzuki example.jp」",
        'The e-mail address "suzuki example.jp"',
        id="email-space",
    ),
    pytest.param(
        put_inquirer("postal_code", "108-007"),
        "郵便番号「108-007」は7桁の数字",
        'The postal code "108-007" must be 7 digits',
        id="postal-code",
    ),
    pytest.param(
        put_inquirer("corporate_number", "1234567890123"),
        "法人番号「1234567890123」が正しくありません",
        'The corporate number "1234567890123" is not valid',
        id="corporate-check-digit",
    ),
    pytest.param(
        put_inquirer("corporate_number", "201040109999"),
        "法人番号「201040109999」が正しくありません",
        'The corporate number "201040109999"',
        id="corporate-12-digits",
    ),
    # workflow
    pytest.param(
        put("status", "matched"),
        "「連携成立 (matched)」で完了するには結果（outcome）を入力してください",
        'Closing as "matched" needs an outcome',
        id="closed-without-outcome",
    ),
]


@pytest.mark.parametrize(("mutate", "ja", "en"), RECORD_CASES)
def test_bad_record_is_refused_and_nothing_is_written(
    run, desk, lang, snapshot, sample_inquiry, write_json, mutate, ja, en
):
    mutate(sample_inquiry)
    before = snapshot(desk)

    result = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=desk)

    assert_refused(result, lang, ja, en)
    assert result.out == ""
    assert snapshot(desk) == before


RAW_CASES = [
    pytest.param("{", "JSONとして読めません", "Not valid JSON", id="truncated"),
    pytest.param(
        '{"subject": "a",}', "JSONとして読めません", "Not valid JSON", id="trailing-comma"
    ),
    pytest.param("{'subject': 'a'}", "JSONとして読めません", "Not valid JSON", id="single-quotes"),
    pytest.param("", "JSONとして読めません", "Not valid JSON", id="empty"),
    pytest.param(
        "[" * 100_000 + "]" * 100_000,
        "JSONとして読めません",
        "Not valid JSON",
        id="nested-too-deep",
    ),
    pytest.param(
        '[{"subject": "a"}]',
        "JSONの最上位は {...} のオブジェクト",
        "top level of the JSON must be an object {...}",
        id="array",
    ),
    pytest.param("null", "JSONの最上位は", "must be an object", id="null"),
    pytest.param('"受付"', "JSONの最上位は", "must be an object", id="string"),
]


@pytest.mark.parametrize("source", ["file", "stdin"])
@pytest.mark.parametrize(("raw", "ja", "en"), RAW_CASES)
def test_malformed_json_is_refused_and_nothing_is_written(
    run, desk, lang, snapshot, write_json, source, raw, ja, en
):
    before = snapshot(desk)

    if source == "file":
        result = run("inquiry", "add", "--json-file", str(write_json(raw)), db=desk)
    else:
        result = run("inquiry", "add", "--json-file", "-", db=desk, stdin=raw)

    assert_refused(result, lang, ja, en)
    assert snapshot(desk) == before


def test_a_file_that_is_not_utf8_is_refused(run, desk, lang, snapshot, tmp_path):
    path = tmp_path / "sjis.json"
    path.write_bytes(json.dumps({"subject": "防災"}, ensure_ascii=False).encode("shift_jis"))
    before = snapshot(desk)

    result = run("inquiry", "add", "--json-file", str(path), db=desk)

    assert_refused(result, lang, "JSONとして読めません", "Not valid JSON")
    assert "UTF-8" in result.err
    assert snapshot(desk) == before


def test_a_missing_json_file_is_refused(run, desk, lang, snapshot, tmp_path):
    before = snapshot(desk)
    result = run("inquiry", "add", "--json-file", str(tmp_path / "nowhere.json"), db=desk)
    assert_refused(result, lang, "nowhere.json」が見つかりません", 'nowhere.json" does not exist')
    assert snapshot(desk) == before


COMMAND_CASES = [
    # unknown or deleted receipts
    pytest.param(
        ("inquiry", "show", UNKNOWN),
        f"受付番号「{UNKNOWN}」の相談は見つかりません",
        f'No inquiry has the receipt number "{UNKNOWN}"',
        id="show-unknown",
    ),
    pytest.param(
        ("inquiry", "show", "hello"),
        "受付番号「hello」の相談は見つかりません",
        'receipt number "hello"',
        id="show-garbage",
    ),
    pytest.param(
        ("inquiry", "update", UNKNOWN, "--set", "status=in_progress"),
        "の相談は見つかりません",
        "No inquiry has the receipt number",
        id="update-unknown",
    ),
    pytest.param(
        ("inquiry", "delete", UNKNOWN),
        "の相談は見つかりません",
        "No inquiry has the receipt number",
        id="delete-unknown",
    ),
    pytest.param(
        ("action", "add", UNKNOWN, "--kind", "call"),
        "の相談は見つかりません",
        "No inquiry has the receipt number",
        id="action-unknown",
    ),
    pytest.param(
        ("inquiry", "show", DELETED),
        f"受付番号「{DELETED}」の相談は削除済みです",
        f'The inquiry "{DELETED}" has been deleted',
        id="show-deleted",
    ),
    pytest.param(
        ("inquiry", "update", DELETED, "--set", "subject=復活"),
        "削除済みです",
        "has been deleted",
        id="update-deleted",
    ),
    pytest.param(
        ("inquiry", "delete", DELETED), "削除済みです", "has been deleted", id="delete-deleted"
    ),
    pytest.param(
        ("action", "add", DELETED, "--kind", "call"),
        "削除済みです",
        "has been deleted",
        id="action-deleted",
    ),
    # --set
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "status"),
        "「status」は 項目=値 の形で指定してください",
        '"status" must be written field=value',
        id="set-no-equals",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "=in_progress"),
        "項目=値 の形で",
        "must be written field=value",
        id="set-no-key",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "subject=ok", "--set", "oops"),
        "「oops」は 項目=値",
        '"oops" must be written',
        id="set-second-bad",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "priority=high"),
        "項目「priority」はありません",
        'There is no field "priority"',
        id="set-unknown-key",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.fax=1"),
        "項目「inquirer.fax」はありません",
        'There is no field "inquirer.fax"',
        id="set-unknown-inquirer-key",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "status=matched"),
        "「連携成立 (matched)」で完了するには結果（outcome）",
        'Closing as "matched" needs an outcome',
        id="close-without-outcome",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "status=matched", "--set", "outcome="),
        "結果（outcome）を入力",
        "needs an outcome",
        id="close-with-empty-outcome",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "status=done"),
        "状況「done」はありません",
        'Unknown status "done"',
        id="set-unknown-status",
    ),
    pytest.param(
        ("inquiry", "update", CLOSED, "--set", "status=referred"),
        "状況を「情報提供で完了 (info_only)」から「紹介済 (referred)」には変更できません",
        'cannot change from "info_only" to "referred"',
        id="closed-to-referred",
    ),
    pytest.param(
        ("inquiry", "update", CLOSED, "--set", "status=matched", "--set", "outcome=x"),
        "から「連携成立 (matched)」には変更できません",
        'to "matched"',
        id="closed-to-other-closed",
    ),
    pytest.param(
        ("inquiry", "update", CLOSED, "--set", "status=received"),
        "から「受付 (received)」には変更できません",
        'to "received"',
        id="closed-to-received",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "channel=fax"),
        "のコード「fax」は登録されていません",
        'Unknown code "fax"',
        id="set-unknown-channel",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "fields=tourism,space"),
        "のコード「space」",
        'Unknown code "space"',
        id="set-unknown-field",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "municipalities=012068,999999"),
        "自治体コード「999999」",
        'Unknown municipality code "999999"',
        id="set-unknown-municipality",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "agreement_bodies=nowhere"),
        "協定先コード「nowhere」",
        'Unknown agreement body code "nowhere"',
        id="set-unknown-agreement",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "received_at=2026/2/30"),
        "は存在しない日付です",
        "does not exist",
        id="set-impossible-date",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "received_at=2099-01-01"),
        "未来の日付",
        "cannot be in the future",
        id="set-future-date",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "received_at="),
        "「受付日」は必須です",
        '"Received" is required',
        id="set-clear-received",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "subject=null"),
        "「件名」は必須です",
        '"Subject" is required',
        id="set-clear-subject",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "follow_up_due=2026-01-05"),
        "受付日より前にできません",
        "cannot be before the date received",
        id="set-due-before-received",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "received_at=2026-10-01"),
        "受付日より前にできません",
        "cannot be before the date received",
        id="set-received-after-due",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.phone=123"),
        "電話番号「123」",
        'The phone number "123"',
        id="set-bad-phone",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.email=a@b"),
        "メールアドレス「a@b」",
        'The e-mail address "a@b"',
        id="set-bad-email",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.postal_code=1080"),
        "郵便番号「1080」",
        'The postal code "1080"',
        id="set-bad-postal",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.type="),
        "「相談者区分」は必須です",
        '"Inquirer type" is required',
        id="set-clear-type",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.type=alien"),
        "「相談者区分」のコード「alien」",
        'Unknown code "alien"',
        id="set-unknown-type",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.name=", "--set", "inquirer.organization="),
        "「氏名」か「団体名」",
        "name or organisation",
        id="set-clear-both-names",
    ),
    pytest.param(
        ("inquiry", "update", OPEN, "--set", "inquirer.name=佐藤", "--set", "channel=fax"),
        "のコード「fax」",
        'Unknown code "fax"',
        id="set-good-and-bad",
    ),
    # action add
    pytest.param(
        ("action", "add", OPEN, "--kind", "dance"),
        "「対応の種類」のコード「dance」は登録されていません",
        'Unknown code "dance"',
        id="action-kind",
    ),
    pytest.param(
        ("action", "add", OPEN, "--kind", "call", "--date", "2026/2/30"),
        "「対応日」の日付「2026/2/30」は存在しない日付です",
        'The date "2026/2/30" for "対応日"',
        id="action-date-impossible",
    ),
    pytest.param(
        ("action", "add", OPEN, "--kind", "call", "--next-due", "そのうち"),
        "「次回対応期限」の日付「そのうち」が読めません",
        'Cannot read the date "そのうち"',
        id="action-due-unreadable",
    ),
    pytest.param(
        (
            "action",
            "add",
            OPEN,
            "--kind",
            "referral",
            "--date",
            "2026-11-01",
            "--reply-due",
            "R8.10.1",
            "--note",
            "照会",
        ),
        "「回答期限」は対応日より前にできません",
        '"Reply due" cannot be before',
        id="action-reply-before-date",
    ),
    pytest.param(
        ("action", "add", OPEN, "--kind", "note", "--note", "長" * 5001),
        "「内容」が長すぎます（5000文字まで）",
        '"Note" is too long',
        id="action-note-too-long",
    ),
    # list
    pytest.param(
        ("inquiry", "list", "--month", "2026-13"),
        "月「2026-13」は YYYY-MM の形で",
        'The month "2026-13" must be written YYYY-MM',
        id="month-13",
    ),
    pytest.param(
        ("inquiry", "list", "--month", "202610"),
        "月「202610」は YYYY-MM",
        'The month "202610"',
        id="month-compact",
    ),
    pytest.param(
        ("inquiry", "list", "--month", "R8.10"),
        "月「R8.10」は YYYY-MM",
        'The month "R8.10"',
        id="month-wareki",
    ),
    pytest.param(
        ("inquiry", "list", "--limit", "0"),
        "件数は1以上10000以下で指定してください（指定値: 0）",
        "The count must be between 1 and 10000 (given: 0)",
        id="limit-0",
    ),
    pytest.param(
        ("inquiry", "list", "--limit", "-5"),
        "件数は1以上10000以下",
        "between 1 and 10000 (given: -5)",
        id="limit-negative",
    ),
    pytest.param(
        ("inquiry", "list", "--limit", "10001"),
        "件数は1以上10000以下",
        "(given: 10001)",
        id="limit-too-big",
    ),
    pytest.param(
        ("inquiry", "list", "--limit", "abc"),
        "件数は1以上10000以下",
        "(given: abc)",
        id="limit-not-a-number",
    ),
    pytest.param(
        ("demo-data", "--count", "0"),
        "件数は1以上",
        "The count must be between 1",
        id="demo-count-0",
    ),
    # database and files
    pytest.param(
        ("init", "--office", "NOWHERE"),
        "事務所コード「NOWHERE」は登録されていません",
        'Unknown office code "NOWHERE"',
        id="init-unknown-office",
    ),
    pytest.param(
        ("init", "--office", "AZABU"),
        "このデータベースは「SHIBA」のものです。「AZABU」としては初期化できません",
        'belongs to "SHIBA"; it cannot be initialised as "AZABU"',
        id="init-other-office",
    ),
    pytest.param(
        ("restore", "no-such-backup.sqlite3"),
        "ファイル「no-such-backup.sqlite3」が見つかりません",
        'The file "no-such-backup.sqlite3" does not exist',
        id="restore-missing",
    ),
]


@pytest.mark.parametrize(("argv", "ja", "en"), COMMAND_CASES)
def test_bad_command_is_refused_and_nothing_is_written(run, desk, lang, snapshot, argv, ja, en):
    before = snapshot(desk)

    result = run(*argv, db=desk)

    assert_refused(result, lang, ja, en)
    assert snapshot(desk) == before


@pytest.mark.parametrize("as_json", [False, True])
def test_refusal_with_json_prints_the_code_on_stdout_and_the_message_on_stderr(
    run, desk, snapshot, as_json
):
    before = snapshot(desk)
    extra = ("--json",) if as_json else ()

    result = run("inquiry", "show", UNKNOWN, *extra, db=desk)

    assert result.code == 2
    assert "の相談は見つかりません" in result.err
    if as_json:
        assert result.json() == {
            "error": "receipt_unknown",
            "message": f"受付番号「{UNKNOWN}」の相談は見つかりません。",
        }
    else:
        assert result.out == ""
    assert snapshot(desk) == before


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(run, desk, lang, snapshot, tmp_path):
    fake = tmp_path / "fake.sqlite3"
    fake.write_bytes(b"not a database at all\n" * 200)
    before = snapshot(desk)
    original = desk.read_bytes()

    result = run("restore", str(fake), db=desk)

    assert_refused(
        result, lang, "は連携デスクのバックアップではありません", "is not a Renkei Desk backup"
    )
    assert desk.read_bytes() == original
    assert snapshot(desk) == before
    assert not list(tmp_path.glob("*before-restore*"))


def test_restoring_a_sqlite_file_of_another_program_changes_nothing(run, desk, lang, tmp_path):
    import sqlite3

    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    conn.close()
    original = desk.read_bytes()

    result = run("restore", str(other), db=desk)

    assert_refused(
        result, lang, "連携デスクのバックアップではありません", "is not a Renkei Desk backup"
    )
    assert desk.read_bytes() == original


def test_backup_to_a_file_instead_of_a_folder_is_refused(run, desk, lang, tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    result = run("backup", "--to", str(target), db=desk)
    assert_refused(result, lang, "はフォルダではありません", "is not a folder")
    assert target.read_text() == "x"


def test_a_command_on_a_database_before_init_asks_for_init(
    run, new_db_path, lang, write_json, sample_inquiry
):
    from desktop_app.services import database

    database.connect(new_db_path).dispose()  # a database file, but no office yet
    result = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=new_db_path)
    assert_refused(
        result, lang, "renkei-desk init --office CODE を実行してください", "Run renkei-desk init"
    )


def test_a_database_newer_than_the_program_is_refused(run, desk, lang, snapshot):
    import sqlite3

    with sqlite3.connect(desk) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = snapshot(desk)

    result = run("inquiry", "list", db=desk)

    assert_refused(
        result,
        lang,
        "データベースの版（9999）がこのプログラムより新しい",
        "(revision 9999) is newer than this program",
    )
    assert snapshot(desk) == before
