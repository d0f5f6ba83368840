"""The demo rows themselves: realistic Japanese inquiries, fast and deterministic.

Demo data is what screenshots, manual testing, training and the benchmarks run on, so it has to
look like desk work (demo/corpus.py) and it has to be cheap at 1,000,000 rows: rows are plain
dicts in batches (contract-keyed, as services.writer.NewRows takes them), so memory stays flat
and demo/service.py can hand them to the one writer's bulk path, which numbers them, files
their codes and derives their follow-up dates.

Everything follows from one `random.Random`: the same seed on the same database gives the same
rows, ids included (UUIDs are drawn from the generator, never uuid4), and timestamps derive from
the generated dates, never from the clock. The generator is also seeded with the database's
current high-water marks, so a second run with the same seed appends different rows whose ids
and receipt numbers do not collide with the first.
"""

from __future__ import annotations

import datetime as dt
import random
from bisect import bisect
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from desktop_app.demo import corpus
from desktop_app.domain import fields, text
from desktop_app.domain.corporate_number import check_digit
from desktop_app.domain.dates import fiscal_year, fiscal_year_bounds
from desktop_app.domain.workflow import CLOSED_STATUSES, IN_PROGRESS, RECEIVED, REFERRED
from desktop_app.services.writer import NewRows

BATCH_SIZE = 5_000

Batch = NewRows

_T = TypeVar("_T")

_REPEAT_SHARE = 0.3  # inquiries from someone who came before (history, duplicate detection)
_RESPELLED_SHARE = 0.05  # a returning inquirer recorded again as a new, differently written row
_POOL_SIZE = 300  # returning inquirers are drawn from the most recent ones of each type
_AGREEMENT_SHARE = 0.07
# The demo value of each field the scenarios have no rule for (the field catalogue's `demo`).
_DEMO_VALUES = {f.attribute: f.demo for f in fields.INQUIRY_FIELDS if f.demo is not None}
_JST_OFFICE_HOURS_UTC = (0, 8)  # 9:00-17:00 in Tokyo, stored as naive UTC
# RFC 4122 version 4: the version nibble and the variant bits, as uuid.UUID(version=4) sets them.
_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


@dataclass(frozen=True)
class DemoContext:
    """What the generator needs from the database, read once inside the write transaction."""

    offices: tuple[str, ...]
    municipalities: tuple[tuple[str, str, float], ...]  # code, 北海道豊富町-style label, weight
    wide_area_bodies: tuple[str, ...]
    firm_bodies: tuple[str, ...]
    high_water: tuple[int, int, int]  # max pk of inquiry, inquirer, action: seeds the ids


class _Dice:
    """Choices drawn from random.Random's random() alone.

    choice() and randint() spend most of their time in rejection sampling; scaling random()
    is as deterministic, an order of magnitude cheaper, and unbiased enough for demo data.
    """

    __slots__ = ("getrandbits", "random")

    def __init__(self, seed: str) -> None:
        rng = random.Random(seed)
        self.random = rng.random
        self.getrandbits = rng.getrandbits

    def below(self, n: int) -> int:
        return int(self.random() * n)

    def between(self, low: int, high: int) -> int:
        return low + int(self.random() * (high - low + 1))

    def one(self, items: Sequence[_T]) -> _T:
        return items[int(self.random() * len(items))]

    def sample(self, items: Sequence[_T], k: int) -> list[_T]:
        pool = list(items)
        return [pool.pop(self.below(len(pool))) for _ in range(k)]


class _Pick(Generic[_T]):
    """A weighted choice by bisection: random.choices recomputes its sums on every call."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, weighted: Iterable[tuple[_T, float]]) -> None:
        self._items: list[_T] = []
        self._cumulative: list[float] = []
        total = 0.0
        for item, weight in weighted:
            total += weight
            self._items.append(item)
            self._cumulative.append(total)
        self._total = total

    def __call__(self, rng: _Dice) -> _T:
        return self._items[bisect(self._cumulative, rng.random() * self._total)]


@dataclass
class _Scenario:
    """A corpus scenario with its weighted choices made ready for the generator."""

    spec: corpus.Scenario
    inquirer_type: _Pick[str]
    relationship: _Pick[str]
    channel: _Pick[str]
    step: _Pick[str]


@dataclass
class _Returning:
    """A recent inquirer who may come back: their row, and the municipality they speak for."""

    row: dict[str, Any]
    home: int | None


@dataclass
class _Inquiry:
    """What one inquiry's rows share while they are built."""

    id: str
    office: str
    received: dt.date
    staff: str
    scenario: corpus.Scenario
    story: corpus.Story  # the matter asked about: its subject and request agree
    inquirer: dict[str, Any]
    slots: dict[str, str]
    actions: list[dict[str, Any]] = field(default_factory=list)


class DemoGenerator:
    """Builds the rows of `count` inquiries as batches of contract-keyed dicts, oldest first.

    The receipt numbers, keys, code tables and follow-up dates are the writer's
    (writer.insert_many): numbered in this order, they continue the office's counters.
    """

    def __init__(self, context: DemoContext, *, count: int, seed: int, today: dt.date) -> None:
        self.context = context
        self.count = count
        self.today = today
        material = f"renkei-demo:{seed}:" + ":".join(str(n) for n in context.high_water)
        self.rng = _Dice(material)
        self.date_from = fiscal_year_bounds(fiscal_year(today) - 1)[0]
        self.date_to = today
        self.offices = context.offices
        self.inquirers = self.actions = self.code_rows = 0
        self._office = _Pick((o, corpus.OFFICE_WEIGHTS.get(o, 2.0)) for o in self.offices)
        # login -> (office, name): the people the cases name, made accounts by the service so
        # that 担当 shows 高橋 一郎 rather than a login.
        self.people: dict[str, tuple[str, str]] = {}
        self._staff = {office: self._staff_of(office) for office in self.offices}
        self._scenario = _Pick((self._prepare(s), s.weight) for s in corpus.SCENARIOS)
        self._muni = _Pick(
            (index, weight) for index, (_, _, weight) in enumerate(context.municipalities)
        )
        self._domain = _Pick(corpus.DOMAINS)
        self._closed = _Pick(corpus.CLOSED_OUTCOMES)
        self._action_kind = _Pick(corpus.ACTION_KINDS)
        # Per office: an office's cases link only inquirers that office recorded, as they
        # would after an import at the central office.
        self._pool: dict[tuple[str, str], list[_Returning]] = {}

    # -- the run ---------------------------------------------------------------------------

    def batches(self, size: int = BATCH_SIZE) -> Iterator[Batch]:
        batch = NewRows()
        pending = 0
        for day, n in self._days():
            for _ in range(n):
                self._inquiry(day, batch)
                pending += 1
                if pending == size:
                    yield batch
                    batch, pending = NewRows(), 0
        if pending:
            yield batch

    def _days(self) -> Iterator[tuple[dt.date, int]]:
        """Each day of the period and how many inquiries it gets, summing exactly to count.

        Desks are shut at weekends and over 年末年始, busier in the event seasons, and the
        volume grows over the two years: the dashboard's monthly chart should look like that.
        """
        days = [
            self.date_from + dt.timedelta(days=n)
            for n in range((self.date_to - self.date_from).days + 1)
        ]
        weights = [_day_weight(day, i / len(days)) for i, day in enumerate(days)]
        total = sum(weights)
        cumulative = 0.0
        given = 0
        for day, weight in zip(days, weights, strict=True):
            cumulative += weight
            upto = round(cumulative / total * self.count)
            yield day, upto - given
            given = upto

    # -- one inquiry -----------------------------------------------------------------------

    def _inquiry(self, day: dt.date, batch: Batch) -> None:
        rng = self.rng
        scenario = self._scenario(rng)
        spec = scenario.spec
        office = self._office(rng)
        inquirer_type = scenario.inquirer_type(rng)
        returning = self._returning(office, inquirer_type)
        home = returning.home if returning else None
        main = home if home is not None else self._muni(rng)
        slots = self._slots(main, spec)
        if returning is None or rng.random() < _RESPELLED_SHARE:
            row = self._inquirer(inquirer_type, office, day, slots, returning)
            batch.inquirers.append(row)
            self.inquirers += 1
            self._remember(
                (office, inquirer_type),
                _Returning(row, main if inquirer_type == "municipality" else None),
            )
        else:
            row = returning.row
        slots["person"] = f"{row['name'] or row['organization']}様"
        inquiry = _Inquiry(
            id=self._uuid(),
            office=office,
            received=day,
            staff=rng.one(self._staff[office]),
            scenario=spec,
            story=rng.one(spec.stories),
            inquirer=row,
            slots=slots,
        )
        values = self._inquiry_row(inquiry, scenario)
        self._codes(inquiry, main, values)
        batch.inquiries.append(values)
        batch.actions.extend(inquiry.actions)
        self.actions += len(inquiry.actions)

    def _inquiry_row(self, inquiry: _Inquiry, scenario: _Scenario) -> dict[str, Any]:
        rng = self.rng
        status = self._status(inquiry)
        last = self._actions(inquiry, status)
        closed_on = None
        if status in CLOSED_STATUSES:
            closed_on = min(self.today, last + dt.timedelta(days=rng.between(0, 7)))
            last = closed_on
        follow_up_due = None if closed_on else last + dt.timedelta(days=rng.between(7, 30))
        if follow_up_due is not None and inquiry.actions:
            # The writer makes the inquiry's date the earliest open deadline (the desk's rule).
            inquiry.actions[-1]["next_due"] = follow_up_due
        outcome = self._fill(rng.one(corpus.OUTCOMES[status]), inquiry.slots) if closed_on else None
        closed_at = self._stamp(closed_on) if closed_on else None
        updated_at = closed_at or self._stamp(last)
        subject = self._fill(rng.one(inquiry.story.subjects), inquiry.slots)
        return _DEMO_VALUES | {
            "id": inquiry.id,
            "origin": inquiry.office,
            "updated_at": updated_at,
            "updated_by": inquiry.staff,
            "office": inquiry.office,
            "received_at": inquiry.received,
            "channel": scenario.channel(rng),
            "staff": inquiry.staff,
            "inquirer": inquiry.inquirer["id"],
            "subject": subject,
            "content": self._content(inquiry),
            "relationship": scenario.relationship(rng),
            "step": scenario.step(rng),
            "domain": self._domain(rng) or None,
            "status": status,
            "follow_up_due": follow_up_due,
            "outcome": outcome,
            "closed_at": closed_at,
        }

    def _status(self, inquiry: _Inquiry) -> str:
        """Old cases are nearly all closed (a few forgotten ones stay overdue); young ones open."""
        rng = self.rng
        age = (self.today - inquiry.received).days
        if rng.random() < min(0.985, age / 120):
            if rng.random() < inquiry.scenario.info_only:
                return "info_only"
            return self._closed(rng)
        if age < 7:
            return RECEIVED if rng.random() < 0.6 else IN_PROGRESS
        draw = rng.random()
        return RECEIVED if draw < 0.15 else IN_PROGRESS if draw < 0.7 else REFERRED

    def _actions(self, inquiry: _Inquiry, status: str) -> dt.date:
        """0-4 follow-up actions consistent with the status; returns the last activity date."""
        rng = self.rng
        if status == RECEIVED:
            kinds = ["note"] if rng.random() < 0.2 else []
        elif status == REFERRED:
            kinds = [self._action_kind(rng) for _ in range(rng.between(0, 2))] + ["referral"]
        elif status == "info_only":
            kinds = [rng.one(("call", "documents")) for _ in range(rng.between(0, 2))]
        else:
            kinds = [self._action_kind(rng) for _ in range(rng.between(1, 4))]
            if status in CLOSED_STATUSES and len(kinds) > 1 and rng.random() < 0.4:
                kinds[rng.below(len(kinds))] = "referral"
        day = inquiry.received
        for kind in kinds:
            day = min(self.today, day + dt.timedelta(days=rng.between(0, 14)))
            inquiry.actions.append(self._action(inquiry, kind, day, status))
        return day

    def _action(self, inquiry: _Inquiry, kind: str, day: dt.date, status: str) -> dict[str, Any]:
        rng = self.rng
        slots = inquiry.slots
        referred_to = ""
        reply_due = replied_on = None
        if kind == "referral":
            referred_to = (
                f"{slots['muni']} {rng.one(corpus.MUNICIPAL_DEPARTMENTS)}"
                if rng.random() < 0.6
                else rng.one(corpus.WARD_DEPARTMENTS)
            )
            slots = {**slots, "referred": referred_to}
            reply_due = day + dt.timedelta(days=14)
            answered = day + dt.timedelta(days=rng.between(2, 21))
            if answered <= self.today and (status != REFERRED or rng.random() < 0.5):
                replied_on = answered
        return {
            "id": self._uuid(),
            "origin": inquiry.office,
            "updated_at": self._stamp(replied_on or day),
            "updated_by": inquiry.staff,
            "inquiry_id": inquiry.id,
            "action_date": day,
            "staff": inquiry.staff,
            "kind": kind,
            "note": self._fill(rng.one(corpus.ACTION_NOTES[kind]), slots),
            "next_due": None,
            "referred_to": referred_to,
            "reply_due": reply_due,
            "replied_on": replied_on,
        }

    def _codes(self, inquiry: _Inquiry, main: int, values: dict[str, Any]) -> None:
        """Fields, forms, target municipalities and agreement bodies of one inquiry."""
        rng = self.rng
        spec = inquiry.scenario
        fields = [spec.fields[0]] + [c for c in spec.fields[1:] if rng.random() < 0.35]
        forms = [spec.forms[0]] + [c for c in spec.forms[1:] if rng.random() < 0.25]
        municipalities = {self.context.municipalities[main][0]}
        for _ in range(rng.between(*spec.targets) - 1):
            municipalities.add(self.context.municipalities[self._muni(rng)][0])
        if spec.targets[0] == 0 and rng.random() < 0.4:
            municipalities.clear()  # a general question that names no municipality
        bodies = []
        if self.context.wide_area_bodies and rng.random() < _AGREEMENT_SHARE:
            bodies.append(rng.one(self.context.wide_area_bodies))
        if self.context.firm_bodies and inquiry.inquirer["type"] == "business":
            if rng.random() < _AGREEMENT_SHARE:
                bodies.append(rng.one(self.context.firm_bodies))
        for name, codes in (
            ("fields", fields),
            ("forms", forms),
            ("municipalities", sorted(municipalities)),
            ("agreement_bodies", bodies),
        ):
            values[name] = codes
            self.code_rows += len(codes)

    def _content(self, inquiry: _Inquiry) -> str:
        rng = self.rng
        parts = [
            rng.one(corpus.OPENINGS[inquiry.inquirer["type"]]),
            rng.one(inquiry.story.requests),
        ]
        if rng.random() < 0.6:
            parts.append(rng.one(corpus.DETAILS))
        return self._fill("".join(parts), inquiry.slots)

    # -- inquirers -------------------------------------------------------------------------

    def _returning(self, office: str, inquirer_type: str) -> _Returning | None:
        pool = self._pool.get((office, inquirer_type))
        if pool and self.rng.random() < _REPEAT_SHARE:
            return self.rng.one(pool)
        return None

    def _remember(self, key: tuple[str, str], entry: _Returning) -> None:
        pool = self._pool.setdefault(key, [])
        if len(pool) < _POOL_SIZE:
            pool.append(entry)
        else:
            pool[self.rng.below(_POOL_SIZE)] = entry

    def _inquirer(
        self,
        inquirer_type: str,
        office: str,
        day: dt.date,
        slots: dict[str, str],
        like: _Returning | None,
    ) -> dict[str, Any]:
        """A new inquirer, or (`like`) the same person written down again another way."""
        rng = self.rng
        if like is not None:
            organization = _respell_organization(like.row["organization"])
            name = like.row["name"].replace(" ", "").replace("\u3000", "")
            kana = like.row["kana"].replace(" ", "\u3000")  # フリガナ stays katakana
            phone = _write_phone(rng, text.digits(like.row["phone"]))
            email, address, postal = like.row["email"], like.row["address"], like.row["postal_code"]
            corporate = like.row["corporate_number"]
        else:
            organization = self._organization(inquirer_type, slots)
            has_person = not organization or rng.random() < 0.85
            name, kana, romaji = self._person() if has_person else ("", "", "")
            phone = self._phone(inquirer_type)
            email = _email(rng, romaji, organization) if rng.random() < 0.5 else ""
            postal, address = self._address(inquirer_type, slots)
            corporate = self._corporate_number(inquirer_type)
        return {
            "id": self._uuid(),
            "origin": office,
            "updated_at": self._stamp(day),
            "updated_by": rng.one(self._staff[office]),
            "type": inquirer_type,
            "organization": organization,
            "name": name,
            "kana": kana,
            "phone": phone,
            "email": email,
            "postal_code": postal,
            "address": address,
            "corporate_number": corporate,
            "notes": rng.one(corpus.INQUIRER_NOTES) if rng.random() < 0.08 else "",
            "merged_into": None,
        }

    def _organization(self, inquirer_type: str, slots: dict[str, str]) -> str:
        rng = self.rng
        if inquirer_type == "resident":
            return ""
        if inquirer_type == "municipality":
            return f"{slots['muni']} {rng.one(corpus.MUNICIPAL_DEPARTMENTS)}"
        if inquirer_type == "department":
            return slots["dept"]
        if inquirer_type == "business":
            core = rng.one(corpus.BUSINESS_PLACES) + rng.one(corpus.BUSINESS_WORDS)
            return rng.one(corpus.BUSINESS_FORMS).format(x=core)
        if inquirer_type == "npo":
            core = rng.one(corpus.NPO_PLACES) + rng.one(corpus.NPO_WORDS)
            return rng.one(corpus.NPO_FORMS).format(x=core)
        return rng.one(_ORGANIZATION_FORMS[inquirer_type]).format(town=slots["town"])

    def _person(self) -> tuple[str, str, str]:
        """Name, kana and a romaji handle, written the several ways clerks write them."""
        rng = self.rng
        family, family_kana, family_romaji = rng.one(corpus.FAMILY_NAMES)
        given, given_kana, given_romaji = rng.one(corpus.GIVEN_NAMES)
        draw = rng.random()
        separator = " " if draw < 0.7 else "" if draw < 0.9 else "\u3000"
        kana = f"{family_kana} {given_kana}"  # a フリガナ box: always katakana
        return f"{family}{separator}{given}", kana, f"{given_romaji}.{family_romaji}"

    def _phone(self, inquirer_type: str) -> str:
        rng = self.rng
        if rng.random() < 0.08:
            return ""
        if inquirer_type == "municipality":
            digits = f"0{rng.between(100, 999)}{rng.between(10, 99)}{rng.between(1000, 9999)}"
        elif inquirer_type in ("resident", "voluntary") and rng.random() < 0.6:
            digits = f"0{rng.one('789')}0{rng.between(10_000_000, 99_999_999)}"
        else:
            digits = f"03{rng.between(3000, 6999)}{rng.between(0, 9999):04d}"
        return _write_phone(rng, digits)

    def _address(self, inquirer_type: str, slots: dict[str, str]) -> tuple[str, str]:
        rng = self.rng
        if inquirer_type in ("municipality", "department") or rng.random() < 0.25:
            return "", ""
        postal = f"{rng.one(('105', '106', '107', '108'))}-{rng.between(1, 99):04d}"
        block = f"{rng.between(1, 5)}-{rng.between(1, 30)}-{rng.between(1, 20)}"
        return postal, f"港区{slots['town']}{block}"

    def _corporate_number(self, inquirer_type: str) -> str:
        if inquirer_type not in ("business", "npo", "public_interest"):
            return ""
        if self.rng.random() < 0.4:
            return ""
        base = f"{self.rng.below(10**12):012d}"
        return f"{check_digit(base)}{base}"

    # -- small pieces ----------------------------------------------------------------------

    def _slots(self, main: int, spec: corpus.Scenario) -> dict[str, str]:
        rng = self.rng
        return {
            "topic": spec.topic,
            "muni": self.context.municipalities[main][1],
            "product": rng.one(corpus.PRODUCTS),
            "event": rng.one(corpus.EVENTS),
            "season": rng.one(corpus.SEASONS),
            "town": rng.one(corpus.TOWNS),
            "dept": rng.one(corpus.WARD_DEPARTMENTS),
        }

    @staticmethod
    def _fill(template: str, slots: dict[str, str]) -> str:
        return template.format_map(slots) if "{" in template else template

    def _uuid(self) -> str:
        """A version-4 UUID from the generator's bits: what uuid.UUID(version=4) makes, faster."""
        bits = self.rng.getrandbits(128) & _UUID_CLEAR | _UUID_SET
        h = f"{bits:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def _stamp(self, day: dt.date) -> dt.datetime:
        """A time within office hours on `day`, as naive UTC like every stored timestamp."""
        start, end = _JST_OFFICE_HOURS_UTC
        return dt.datetime(
            day.year, day.month, day.day, self.rng.between(start, end), self.rng.below(60)
        )

    def _staff_of(self, office: str) -> list[str]:
        names = self.rng.sample(corpus.FAMILY_NAMES[:34], 3)
        logins = [f"{office.lower()}.{romaji}" for _, _, romaji in names]
        for login, (family, _, _) in zip(logins, names, strict=True):
            # The given name by position, not by the dice: the cases stay what the seed made.
            given = corpus.GIVEN_NAMES[len(self.people) % len(corpus.GIVEN_NAMES)][0]
            self.people.setdefault(login, (office, f"{family} {given}"))
        return logins

    @staticmethod
    def _prepare(spec: corpus.Scenario) -> _Scenario:
        return _Scenario(
            spec=spec,
            inquirer_type=_Pick(spec.inquirer_types),
            relationship=_Pick(spec.relationships),
            channel=_Pick(spec.channels),
            step=_Pick(spec.steps),
        )


_ORGANIZATION_FORMS: dict[str, Sequence[str]] = {
    "neighborhood": corpus.NEIGHBORHOOD_FORMS,
    "shopping_street": corpus.SHOPPING_STREET_FORMS,
    "voluntary": corpus.VOLUNTARY_FORMS,
    "education": corpus.EDUCATION_FORMS,
    "public_interest": corpus.PUBLIC_INTEREST_FORMS,
    "other": corpus.OTHER_FORMS,
}

_RESPELLINGS = (
    ("株式会社", "㈱"),
    ("㈱", "株式会社"),
    ("特定非営利活動法人", "NPO法人"),
    ("NPO法人", "特定非営利活動法人"),
)


def _respell_organization(organization: str) -> str:
    """The same organisation as another clerk types it (㈱ for 株式会社, and so on)."""
    for old, new in _RESPELLINGS:
        if old in organization:
            return organization.replace(old, new, 1)
    return organization


def _write_phone(rng: _Dice, digits: str) -> str:
    """The number written one of the ways people write numbers: 03-5555-0101, (03)5555-0101..."""
    if not digits:
        return ""
    if digits.startswith("03"):
        head, mid, tail = digits[:2], digits[2:6], digits[6:]
    elif digits[1] in "789" and digits[2] == "0":
        head, mid, tail = digits[:3], digits[3:7], digits[7:]
    else:
        head, mid, tail = digits[:4], digits[4:6], digits[6:]
    style = rng.below(6)
    if style == 0:
        return digits
    if style == 1:
        return f"（{head}）{mid}-{tail}"
    if style == 2:
        return f"{head}({mid}){tail}"
    if style == 3:
        return f"{head}-{mid}-{tail}".translate(_FULL_WIDTH)
    return f"{head}-{mid}-{tail}"


_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _email(rng: _Dice, handle: str, organization: str) -> str:
    domain = rng.one(("example.jp", "example.com", "example.org"))
    if organization:
        prefix = rng.one(("info", "office", "contact", "jimukyoku"))
        return f"{prefix}{rng.between(1, 999)}@{domain}"
    return f"{handle or 'user'}{rng.between(1, 99)}@{domain}"


def _day_weight(day: dt.date, progress: float) -> float:
    """Relative inquiry volume of a day (see DemoGenerator._days)."""
    if (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3):
        return 0.02
    weekday = day.weekday()
    base = 1.0 if weekday < 5 else 0.08 if weekday == 5 else 0.03
    season = 1.2 if day.month in (5, 6, 10, 11) else 0.85 if day.month in (8, 3) else 1.0
    return base * season * (0.8 + 0.4 * progress)
