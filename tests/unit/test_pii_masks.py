"""The masks a clerk's lists apply to personal fields, driven by the catalogue's flag."""

from __future__ import annotations

import pytest

from desktop_app.domain.pii import PERSONAL_INQUIRER_FIELDS, mask_email, mask_phone, masked


@pytest.mark.parametrize(
    ("phone", "shown"),
    [
        ("03-5555-0101", "03-****-0101"),
        ("090-1234-5678", "090-****-5678"),
        ("(03)5555-0101", "(03)5555-0101".replace("5555", "****")),
        ("0355550101", "03****0101"),
        ("0101", "****"),
    ],
)
def test_a_phone_keeps_its_first_and_last_group(phone, shown):
    assert mask_phone(phone) == shown


@pytest.mark.parametrize(
    ("email", "shown"),
    [("taro@example.jp", "ta***@example.jp"), ("t@x.jp", "t***@x.jp"), ("nonsense", "***")],
)
def test_an_email_keeps_two_characters_and_its_domain(email, shown):
    assert mask_email(email) == shown


def test_every_personal_field_is_masked_or_left_out_but_the_name():
    inquirer = {key: f"{key}-value" for key in PERSONAL_INQUIRER_FIELDS}
    inquirer.update(
        phone="03-5555-0101", email="taro@example.jp", organization="高輪一丁目町会", type="npo"
    )
    shown = masked(inquirer)
    assert shown["phone"] == "03-****-0101" and shown["email"] == "ta***@example.jp"
    assert shown["address"] is None and shown["postal_code"] is None
    assert shown["name"] == "name-value" and shown["kana"] == "kana-value"
    assert shown["organization"] == "高輪一丁目町会" and shown["type"] == "npo"
    assert set(PERSONAL_INQUIRER_FIELDS) - {"name", "kana"} == {
        key for key in PERSONAL_INQUIRER_FIELDS if shown[key] != inquirer[key]
    }
