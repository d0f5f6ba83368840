"""`inquiry add --json-file F|-` and `inquiry show RECEIPT`: the record contract of issue 3."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

OUTPUT_KEYS = {"receipt_no", "id", "office", "rev", "updated_at"}
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _assert_contract_record(record: dict, given_record: dict) -> None:
    """Every key given comes back with its value; the output adds the sync keys."""
    assert set(given_record) | OUTPUT_KEYS <= set(record)
    for key, value in given_record.items():
        if key == "inquirer":
            for sub_key, sub_value in value.items():
                assert record["inquirer"][sub_key] == sub_value, sub_key
        else:
            assert record[key] == value, key
    assert record["office"] == "SHIBA"
    assert record["rev"] == 1
    assert UUID.match(record["id"])
    assert UUID.match(record["inquirer"]["id"])
    updated = dt.datetime.fromisoformat(record["updated_at"].removesuffix("Z"))
    assert abs(dt.datetime.now(dt.UTC).replace(tzinfo=None) - updated) < dt.timedelta(minutes=5)


def test_add_from_a_file_prints_the_stored_record(run, db_path, write_json, sample_inquiry):
    result = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )

    assert (result.code, result.err) == (0, "")
    record = result.json()
    _assert_contract_record(record, sample_inquiry)
    assert record["receipt_no"] == "SHIBA-2026-00001"
    # A 6-digit municipality code stays a string, never a number.
    assert record["municipalities"] == ["192015"]


def test_add_from_standard_input(run, db_path, sample_inquiry):
    result = run(
        "--json", "inquiry", "add", "--json-file", "-",
        db=db_path, stdin=json.dumps(sample_inquiry, ensure_ascii=False),
    )  # fmt: skip

    assert result.code == 0
    _assert_contract_record(result.json(), sample_inquiry)


def test_show_prints_the_same_shape_as_add(run, db_path, write_json, sample_inquiry):
    added = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )
    receipt = added.json()["receipt_no"]

    shown = run("inquiry", "show", receipt, "--json", db=db_path)

    assert shown.code == 0
    record = shown.json()
    assert record.pop("actions") == []  # show adds the history (none yet)
    assert record == added.json()


def test_show_accepts_the_receipt_typed_in_lower_case(run, db_path, write_json, sample_inquiry):
    run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path)
    assert (
        run("inquiry", "show", "shiba-2026-00001", "--json", db=db_path).json()["subject"]
        == (sample_inquiry["subject"])
    )


@pytest.mark.parametrize(
    "codes",
    [["012068"], ["016616", "012068"], ["131032"], ["192015", "012068"]],
    ids=["kushiro-city", "two-hokkaido", "minato", "kofu-and-kushiro"],
)
def test_municipality_codes_keep_their_leading_zero(
    run, db_path, write_json, sample_inquiry, codes
):
    sample_inquiry["municipalities"] = codes
    added = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    )

    shown = run("inquiry", "show", added.json()["receipt_no"], "--json", db=db_path).json()

    # Stored and printed as the same strings, in code order, by add and by show alike.
    assert shown["municipalities"] == added.json()["municipalities"] == sorted(codes)
    assert all(isinstance(code, str) and len(code) == 6 for code in shown["municipalities"])


def test_minimal_record_needs_only_the_required_keys(run, db_path, write_json):
    minimal = {
        "received_at": "R8.10.3",
        "subject": "物産展の出店者を探したい",
        "inquirer": {"type": "shopping_street", "organization": "芝商店会"},
    }
    result = run("inquiry", "add", "--json-file", str(write_json(minimal)), "--json", db=db_path)

    assert result.code == 0
    record = result.json()
    assert record["received_at"] == "2026-10-03"
    assert record["status"] == "received"
    assert record["fields"] == record["municipalities"] == []
    assert record["inquirer"]["name"] is None


def test_readable_output_without_json_uses_japanese_labels(
    run, db_path, write_json, sample_inquiry
):
    result = run("inquiry", "add", "--json-file", str(write_json(sample_inquiry)), db=db_path)

    assert result.code == 0
    assert "件名: 防災訓練への参加自治体を探している" in result.out
    assert "対象自治体: 山梨県甲府市 (192015)" in result.out.splitlines()
    assert "受付方法: 電話" in result.out.splitlines()


def test_a_closed_record_can_be_added_with_its_outcome(run, db_path, write_json, sample_inquiry):
    sample_inquiry.update(status="info_only", outcome="甲府市の担当課を案内した")
    record = run(
        "inquiry", "add", "--json-file", str(write_json(sample_inquiry)), "--json", db=db_path
    ).json()
    assert record["status"] == "info_only"
    assert record["closed_at"] is not None


# Spreadsheet-formula look-alikes and control characters are data, stored as given.
_TRICKY_TEXT = st.text(
    alphabet=st.sampled_from(list("=+-@\t\r\n\"'\\ 　東京港区ａｂｃ123,;|<>&%{}[]")), max_size=60
)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    subject=st.one_of(
        _TRICKY_TEXT.map(lambda s: "=" + s),
        st.sampled_from(["=SUM(A1:A9)", "+81-3-5555-0101", "-1", "@cmd", '=HYPERLINK("x")']),
        _TRICKY_TEXT.filter(lambda s: s.strip()),
    ),
    content=_TRICKY_TEXT,
)
def test_add_then_show_round_trips_tricky_text(run, db_path, write_json, subject, content):
    record = {
        "received_at": "2026-10-01",
        "subject": subject,
        "content": content,
        "inquirer": {"type": "resident", "name": "=山田"},
    }
    added = run("inquiry", "add", "--json-file", str(write_json(record)), "--json", db=db_path)
    assert added.code == 0, added.err

    shown = run("inquiry", "show", added.json()["receipt_no"], "--json", db=db_path).json()

    # Surrounding white space is trimmed on entry; everything else is stored verbatim.
    assert shown["subject"] == subject.strip()
    assert shown["content"] == content.strip()
    assert shown["inquirer"]["name"] == "=山田"
