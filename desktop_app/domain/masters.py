"""The master lists shipped with the program (resources/masters/*.csv), read into plain rows.

The program fills its database from these files on `init`, and the central office distributes
edited copies to the branches; so they are CSV that people can open, diff and review, and this
module only reads them into frozen dataclasses. It knows no database: the services layer inserts
the rows. Standard library only, like the rest of the domain layer.

Every loader takes an optional directory so that a test, or a master package received from the
central office, can be read with the same rules as the shipped files.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from desktop_app import resources

_Row = TypeVar("_Row")

OFFICES_FILE = "offices.csv"
VOCABULARIES_FILE = "vocabularies.csv"
MUNICIPALITIES_FILE = "municipalities.csv"
AGREEMENT_BODIES_FILE = "agreement_bodies.csv"
PARTNERS_FILE = "partner_municipalities.csv"


class MasterFileError(ValueError):
    """A master file is missing a column or holds a value that cannot be read.

    The message names the file and line, because the person who must fix it is the one editing
    the CSV, not a developer reading a traceback.
    """


@dataclass(frozen=True, slots=True)
class OfficeRow:
    """A branch office or the central office (the `office` table)."""

    code: str
    name: str
    name_en: str
    kind: str  # central | branch
    sort_order: int


@dataclass(frozen=True, slots=True)
class VocabRow:
    """One term of a vocabulary such as 相談者区分 or 連携分野 (the `vocab_term` table)."""

    vocab: str
    code: str
    label_ja: str
    label_en: str
    sort_order: int


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    """A prefecture, city, town, village or ward; `code` keeps its leading zero (012068).

    `retired_on` is the day a municipality ceased to exist (浜松市中区, 2024-01-01): its code stays
    in the master because old inquiries name it, but new entries may not choose it.
    """

    code: str
    prefecture_code: str
    prefecture: str
    name: str
    kana: str
    kind: str  # prefecture | designated_city | ward | special_ward | city | town | village
    lat: float | None
    lng: float | None
    retired_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AgreementBodyRow:
    """A wide-area agreement body (広域連携協定) or a firm with a comprehensive agreement."""

    code: str
    name: str
    kind: str  # wide_area | firm
    signed_on: dt.date | None
    member_count: int | None


@dataclass(frozen=True, slots=True)
class PartnerRow:
    """One of the ward's own partner municipalities (交流自治体) and how it began (きっかけ)."""

    municipality_code: str
    origin: str
    since: dt.date | None
    notes: str


def masters_dir() -> Path:
    """Where the shipped master files live (desktop_app.resources: the checkout or the bundle).

    Never the working directory, so the program finds its masters wherever it is started from.
    """
    return resources.masters_dir()


class _Line:
    """One CSV record with its location, so every conversion error can say where it happened."""

    def __init__(self, path: Path, number: int, values: dict[str, str]) -> None:
        self.path = path
        self.number = number
        self.values = values

    def error(self, message: str) -> MasterFileError:
        return MasterFileError(f"{self.path.name}, line {self.number}: {message}")

    def text(self, column: str) -> str:
        """The value stripped of surrounding blanks that spreadsheet editing tends to add."""
        return (self.values.get(column) or "").strip()

    def required(self, column: str) -> str:
        value = self.text(column)
        if not value:
            raise self.error(f"{column} is empty")
        return value

    def municipality_code(self, column: str) -> str:
        """A 全国地方公共団体コード: exactly six digits.

        A code that lost its leading zero (12068) means the file went through a spreadsheet that
        took it for a number; refuse it rather than store a code no other system will match.
        """
        value = self.required(column)
        if len(value) != 6 or not value.isascii() or not value.isdigit():
            raise self.error(f"{column} {value!r} is not six digits (leading zero kept)")
        return value

    def integer(self, column: str) -> int | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return int(value)
        except ValueError:
            raise self.error(f"{column} {value!r} is not a whole number") from None

    def decimal(self, column: str) -> float | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return float(value)
        except ValueError:
            raise self.error(f"{column} {value!r} is not a number") from None

    def date(self, column: str) -> dt.date | None:
        value = self.text(column)
        if not value:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise self.error(f"{column} {value!r} is not a date (yyyy-mm-dd)") from None


def _lines(path: Path, columns: tuple[str, ...]) -> Iterator[_Line]:
    # utf-8-sig: a file saved again by Excel starts with a BOM that must not end up in a header.
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in columns if c not in (reader.fieldnames or ())]
        if missing:
            raise MasterFileError(f"{path.name}: missing column(s) {', '.join(missing)}")
        for values in reader:
            if not any((v or "").strip() for v in values.values() if isinstance(v, str)):
                continue  # blank lines left by editing
            yield _Line(path, reader.line_num, values)


def _load(
    name: str, columns: tuple[str, ...], make: Callable[[_Line], _Row], directory: Path | None
) -> tuple[_Row, ...]:
    path = (directory or masters_dir()) / name
    return tuple(make(line) for line in _lines(path, columns))


def _sort_order(line: _Line) -> int:
    return line.integer("sort_order") or 0


def load_offices(directory: Path | None = None) -> tuple[OfficeRow, ...]:
    """The offices of the default configuration (本庁 and the district branch offices)."""
    return _load(
        OFFICES_FILE,
        ("code", "name", "name_en", "kind", "sort_order"),
        lambda r: OfficeRow(
            code=r.required("code"),
            name=r.required("name"),
            name_en=r.text("name_en"),
            kind=r.required("kind"),
            sort_order=_sort_order(r),
        ),
        directory,
    )


def load_vocabularies(directory: Path | None = None) -> tuple[VocabRow, ...]:
    """Every term of every vocabulary, in file order (grouped by vocabulary)."""
    return _load(
        VOCABULARIES_FILE,
        ("vocab", "code", "label_ja", "label_en", "sort_order"),
        lambda r: VocabRow(
            vocab=r.required("vocab"),
            code=r.required("code"),
            label_ja=r.required("label_ja"),
            label_en=r.required("label_en"),
            sort_order=_sort_order(r),
        ),
        directory,
    )


def _municipality(r: _Line) -> MunicipalityRow:
    return MunicipalityRow(
        code=r.municipality_code("code"),
        prefecture_code=r.required("prefecture_code"),
        prefecture=r.required("prefecture"),
        name=r.required("name"),
        kana=r.text("kana"),
        kind=r.required("kind"),
        lat=r.decimal("lat"),
        lng=r.decimal("lng"),
        retired_on=r.date("retired_on"),
    )


def load_municipalities(directory: Path | None = None) -> tuple[MunicipalityRow, ...]:
    """All prefectures, municipalities and wards with their 全国地方公共団体コード.

    `retired_on` is optional: a file from before it was added reads as "nothing retired".
    """
    return _load(
        MUNICIPALITIES_FILE,
        ("code", "prefecture_code", "prefecture", "name", "kana", "kind", "lat", "lng"),
        _municipality,
        directory,
    )


def load_agreement_bodies(directory: Path | None = None) -> tuple[AgreementBodyRow, ...]:
    """The wide-area agreement bodies and the firms with comprehensive agreements."""
    return _load(
        AGREEMENT_BODIES_FILE,
        ("code", "name", "kind", "signed_on", "member_count"),
        lambda r: AgreementBodyRow(
            code=r.required("code"),
            name=r.required("name"),
            kind=r.required("kind"),
            signed_on=r.date("signed_on"),
            member_count=r.integer("member_count"),
        ),
        directory,
    )


def load_partners(directory: Path | None = None) -> tuple[PartnerRow, ...]:
    """The ward's own partner municipalities, keyed by municipality code."""
    return _load(
        PARTNERS_FILE,
        ("municipality_code", "origin", "since", "notes"),
        lambda r: PartnerRow(
            municipality_code=r.municipality_code("municipality_code"),
            origin=r.text("origin"),
            since=r.date("since"),
            notes=r.text("notes"),
        ),
        directory,
    )
