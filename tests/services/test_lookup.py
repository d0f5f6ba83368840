"""Master lists for pickers: municipalities by kanji, kana or code; labels in ja and en."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.services import lookup


@pytest.mark.parametrize(
    ("typed", "must_include"),
    [
        ("くしろ", {"012068", "016616"}),
        ("クシロ", {"012068", "016616"}),
        ("ｸｼﾛ", {"012068", "016616"}),
        ("釧路", {"012068", "016616"}),
        ("0120", {"012068"}),
        ("012068", {"012068"}),
        ("港区", {"131032"}),
        ("みなとく", {"131032"}),
        ("こうふ", {"192015"}),
    ],
)
def test_municipalities_are_found_by_name_reading_or_code(db, typed, must_include):
    found = lookup.search_municipalities(db, typed)
    assert must_include <= {item.code for item in found}, typed


def test_kana_matches_rank_before_name_matches_and_codes_keep_their_zero(db):
    found = lookup.search_municipalities(db, "くしろ")
    assert [item.code for item in found[:2]] == ["012068", "016616"]
    kushiro = found[0]
    assert (kushiro.name, kushiro.prefecture, kushiro.kind) == ("釧路市", "北海道", "city")
    assert kushiro.display == "釧路市（北海道）"


def test_a_code_prefix_finds_only_codes_starting_with_it(db):
    found = lookup.search_municipalities(db, "0120", limit=50)
    assert found and all(item.code.startswith("0120") for item in found)


@pytest.mark.parametrize("typed", ["", "   ", "存在しない町名xyz"])
def test_nothing_typed_or_nothing_known_finds_nothing(db, typed):
    assert lookup.search_municipalities(db, typed) == []


def test_limit_is_respected(db):
    assert len(lookup.search_municipalities(db, "し", limit=5)) == 5


def test_municipalities_by_code_keep_the_order_asked(db):
    found = lookup.municipalities_by_code(db, ["192015", "012068", "999999"])
    assert [item.name for item in found] == ["甲府市", "釧路市"]


@pytest.mark.parametrize(
    ("lang", "vocab", "code", "label"),
    [
        ("ja", "channel", "phone", "電話"),
        ("en", "channel", "phone", "Phone"),
        ("ja", "status", "info_only", "情報提供で完了"),
        ("en", "status", "matched", "Partnership formed"),
        ("ja", "inquirer_type", "neighborhood", "町会・自治会"),
        ("en", "field", "disaster", "Disaster preparedness and relief"),
        ("en_US", "action_kind", "referral", "Referral to a department or municipality"),
    ],
)
def test_vocabulary_labels_in_japanese_and_english(db, lang, vocab, code, label):
    assert lookup.labels(db, lang)[vocab][code] == label
    assert (code, label) in lookup.vocabulary(db, vocab, lang)


def test_vocabularies_keep_their_display_order(db):
    assert [code for code, _ in lookup.vocabulary(db, "status")] == [
        "received", "in_progress", "referred", "matched", "not_matched", "info_only", "withdrawn",
    ]  # fmt: skip
    assert lookup.vocabulary(db, "no_such_vocab") == []


def test_offices_agreements_and_partners(db):
    offices = lookup.offices(db)
    assert [o.code for o in offices][:2] == ["HQ", "SHIBA"]
    assert len(offices) == 6
    bodies = lookup.agreement_bodies(db)
    assert len(bodies) == 17
    assert {b.kind for b in bodies} == {"wide_area", "firm"}
    hokkaido = next(b for b in bodies if b.code == "hokkaido_towns")
    assert (hokkaido.signed_on, hokkaido.member_count) == ("2016-04-26", 144)
    partners = lookup.partners(db)
    assert partners
    assert all(len(p.municipality.code) == 6 for p in partners)


def test_the_intake_picker_offers_hamamatsus_current_wards_only(db):
    found = lookup.search_municipalities(db, "はままつし", limit=50)
    wards = [(item.code, item.name) for item in found if item.kind == "ward"]
    assert wards == [
        ("221384", "浜松市中央区"),
        ("221392", "浜松市浜名区"),
        ("221406", "浜松市天竜区"),
    ]
    assert lookup.search_municipalities(db, "浜松市中区") == []
    assert lookup.search_municipalities(db, "221317") == []


def test_the_master_page_finds_retired_ones_too_marked_as_such(db):
    found = lookup.search_municipalities(db, "浜松市", limit=50, include_retired=True)
    retired = {item.code: item for item in found if item.retired_on is not None}
    assert sorted(retired) == ["221317", "221325", "221333", "221341", "221350", "221368", "221376"]
    assert all(item.retired_on == dt.date(2024, 1, 1) for item in retired.values())


def test_an_old_inquirys_retired_code_still_reads_and_says_it_is_retired(db):
    old, new = lookup.municipalities_by_code(db, ["221376", "221406"])
    assert (old.name, old.display) == ("浜松市天竜区", "浜松市天竜区（静岡県・廃止）")
    assert (new.name, new.display) == ("浜松市天竜区", "浜松市天竜区（静岡県）")
