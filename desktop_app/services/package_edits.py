"""A supervisor accepts an edited package: only what a person can see and change is taken.

The import reads the machine columns (`_data`, the version); they are never taken from a row
whose machine columns were edited: such a row is left out whole and named. A row whose machine
columns are intact (its cells for people, made again from them, hash to its `_check`) comes in
as exported, and the visible cells a person changed in it are corrections: each is read back
into its contract value, checked as if typed at the desk (domain/inquiry_input, entry_rules,
the master lists, the status workflow and its outcome rule) and, once the package is merged,
applied as the supervisor's own change (a new local version, audited, travelling back in the
next return package). A correction that fails those checks refuses the whole package, with the
sheet, row and field named; nothing is written. Cells that cannot be corrected in a package
(IDs, 削除, stored times, system fields) are left out and named. Rows missing from a sheet, and
edits of the cover sheet (never read by the import) are said too.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Action, Inquirer, Inquiry, utc_now
from desktop_app.domain import entry_rules, fields, inquiry_input, workflow
from desktop_app.domain.dates import DateParseError, parse_date
from desktop_app.domain.errors import UserError
from desktop_app.domain.fields import Field, Kind
from desktop_app.domain.messages import Localized
from desktop_app.excel.sync_package import Package, SheetSpec, visible_edits
from desktop_app.services import conflicts, writer
from desktop_app.services.codes import check_codes, vocabulary_codes
from desktop_app.services.package_sheets import SHEET_TITLES
from desktop_app.services.status_history import record_status_change

_CODE_IN_LABEL = re.compile(r"（([^（）]+)）\s*$")
_MODELS: dict[str, type[Inquirer | Inquiry | Action]] = {
    "inquirer": Inquirer,
    "inquiry": Inquiry,
    "action": Action,
}


@dataclass(frozen=True)
class Correction:
    """The visible cells changed in one row, as typed contract values."""

    entity: str
    id: str
    place: str
    values: Mapping[str, Any]
    labels: tuple[str, ...]


@dataclass
class EditPlan:
    """What accepting the package's edits takes and leaves out."""

    left_out: set[tuple[str, str]] = field(default_factory=set)
    corrections: list[Correction] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    # Corrections of fields in an open conflict: put on the conflict's other side, not applied.
    in_conflict: list[str] = field(default_factory=list)

    def takes(self, entity: str, row_id: str) -> bool:
        return (entity, row_id) not in self.left_out


def places(package: Package) -> list[str]:
    """Where the package differs from what was exported (for the refusal without acceptance)."""
    found = [f"{row.sheet} {row.row}行目" for row in package.edited]
    found += [f"{title}（{count} 行の削除）" for title, count in package.missing.items()]
    found += [f"{title}（書き出した時になかった行）" for title in foreign_sheets(package)]
    if package.cover_edited:
        found.append("表紙")
    return found


def foreign_sheets(package: Package) -> list[str]:
    """Sheets holding intact rows that the package did not hold as written (pasted from
    another package, or made to look intact): nothing tells them apart from its own rows."""
    return [title for title in package.altered_sheets if title not in package.missing]


def refuse_foreign_rows(package: Package, *, path: str) -> None:
    """Even a supervisor cannot accept rows the package never held: they would be taken whole."""
    for title in foreign_sheets(package):
        raise UserError("package_rows_foreign", path=path, sheet=title)


def plan(
    session: Session, package: Package, specs: Sequence[SheetSpec], *, path: str, today: dt.date
) -> EditPlan:
    """Sort the edits into rows left out, corrections (checked) and cells not taken."""
    by_title = {spec.title: spec for spec in specs}
    result = EditPlan()
    order = {spec.title: n for n, spec in enumerate(specs)}  # 相談者, 受付, 対応履歴
    for edited in sorted(package.edited, key=lambda e: (order.get(e.sheet, len(order)), e.row)):
        spec = by_title.get(edited.sheet)
        changes = visible_edits(spec, edited) if spec else None
        if changes is None:
            if edited.id:
                result.left_out.add((_entity_of(edited.sheet), edited.id))
            result.dropped.append(
                f"{edited.sheet} {edited.row}行目（隠し列が編集されているか、行が壊れています。"
                "この行は取り込んでいません）"
            )
            continue
        assert spec is not None
        place = f"{edited.sheet} {edited.row}行目"
        values, labels = _typed(session, spec.entity, changes, place, path, result, today)
        if not values:
            continue
        correction = Correction(spec.entity, edited.id, place, values, labels)
        if spec.entity == "inquiry" and edited.package_row is not None:
            _check_workflow(dict(values), edited.package_row.content, correction, path)
        result.corrections.append(correction)
    _leave_out_children(package, result)
    return result


def _leave_out_children(package: Package, result: EditPlan) -> None:
    """Rows that hang on a row left out (an inquiry of its inquirer, an action of its inquiry)
    are left out too: taken alone they would point at nothing."""
    for entity, parent_key, parent in (
        ("inquiry", "inquirer", "inquirer"),
        ("action", "inquiry_id", "inquiry"),
    ):
        parents = {row_id for kind, row_id in result.left_out if kind == parent}
        children = [
            row
            for row in package.rows.get(entity, [])
            if row.content.get(parent_key) in parents and result.takes(entity, row.id)
        ]
        if children:
            result.left_out |= {(entity, row.id) for row in children}
            result.dropped.append(
                f"{SHEET_TITLES[entity]} {len(children)} 行（つながる{SHEET_TITLES[parent]}の行を"
                "取り込まなかったため）"
            )


def apply(session: Session, edits: EditPlan, *, staff: str, peer: str) -> list[str]:
    """Apply the corrections to the merged rows; the labels taken per row.

    A correction of a field in an open conflict with `peer` corrects the peer's side of that
    conflict and stays for a person to choose (services/conflicts.take_into_open).
    """
    taken = []
    for correction in edits.corrections:
        model = _MODELS[correction.entity]
        row = cast(
            Inquirer | Inquiry | Action | None,
            session.scalar(select(model).where(model.id == correction.id)),
        )
        if row is None:
            continue
        values = dict(correction.values)
        held = conflicts.take_into_open(
            session, peer, correction.entity, correction.id, values, staff
        )
        held_labels = [_label_of(correction.entity, key, correction.labels) for key in held]
        if held:
            edits.in_conflict.append(f"{correction.place}（{'、'.join(held_labels)}）")
            values = {key: value for key, value in values.items() if key not in held}
            if not values:
                continue
        if isinstance(row, Inquiry) and values.get("status", row.status) != row.status:
            # As a typed status change: the history line, the closing stamp.
            new = values["status"]
            outcome = values.get("outcome", row.outcome)
            record_status_change(session, row, row.status, new, outcome, staff=staff)
            values["closed_at"] = utc_now() if workflow.is_closed(new) else None
            if workflow.is_closed(new):
                values["follow_up_due"] = None
        writer.change(session, row, values, staff=staff, action="accept_edited")
        shown = [label for label in correction.labels if label not in held_labels]
        taken.append(f"{correction.place}（{'、'.join(shown)}）")
    return taken


def summary(file_name: str, edits: EditPlan, taken: Sequence[str], package: Package) -> list[str]:
    """The lines that say exactly what accepting the edits took and what it left out."""
    lines = []
    if taken:
        lines.append(f"{file_name}: 編集を承認し、訂正を取り込みました: {'、'.join(taken)}")
    else:
        lines.append(f"{file_name}: 編集を承認しましたが、取り込んだ訂正はありません")
    if edits.dropped:
        lines.append(f"{file_name}: 取り込まなかった編集: {'、'.join(edits.dropped)}")
    if edits.in_conflict:
        lines.append(
            f"{file_name}: 競合中の項目の訂正は、競合の相手側の値として残しました"
            f"（どちらにするかは競合の解決で選んでください）: {'、'.join(edits.in_conflict)}"
        )
    for title, count in package.missing.items():
        lines.append(
            f"{file_name}: {title} の {count} 行がファイルにありません"
            "（送付元に全件（--full）での再送を依頼してください）"
        )
    if package.cover_edited:
        lines.append(
            f"{file_name}: 表紙の編集は取り込みに使われません（表紙は説明のためだけのものです）"
        )
    return lines


# --- reading a visible cell back --------------------------------------------------------


def _entity_of(title: str) -> str:
    return next(entity for entity, name in SHEET_TITLES.items() if name == title)


def _typed(
    session: Session,
    entity: str,
    changes: Mapping[str, Any],
    place: str,
    path: str,
    plan_: EditPlan,
    today: dt.date,
) -> tuple[dict[str, Any], tuple[str, ...]]:
    by_header = {f.ja: f for f in fields.fields_of(entity)}
    raw: dict[str, Any] = {}
    labels: list[str] = []
    for header, value in changes.items():
        found = by_header.get(header)
        if found is None or found.system or found.kind in (Kind.TIME, Kind.NUMBER, Kind.FLAG):
            plan_.dropped.append(f"{place}の「{header}」（訂正できない欄です）")
            continue
        raw[found.key] = _contract_value(found, value)
        labels.append(found.ja)
    if not raw:
        return {}, ()
    try:
        return _checked(session, entity, raw, today), tuple(labels)
    except UserError as error:
        key = (error.at or "").removeprefix("inquirer.")
        label = _label_of(entity, key, labels)
        raise UserError(
            "package_edit_refused",
            path=path,
            place=place,
            label=label,
            reason=Localized(error.message("ja"), error.message("en")),
        ) from error


def _label_of(entity: str, key: str, labels: Sequence[str]) -> str:
    try:
        return fields.field(entity, key).ja
    except KeyError:
        return "、".join(labels)


def _contract_value(found: Field, value: Any) -> Any:
    if found.kind is Kind.DATE:
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return None if value in (None, "") else str(value)
    text = "" if value is None else str(value)
    if found.kind is Kind.CODE:
        return _code(text) or None
    if found.kind is Kind.CODES:
        return [_code(part) for part in re.split(r"[、,]", text) if part.strip()]
    return text


def _code(text: str) -> str:
    match = _CODE_IN_LABEL.search(text)
    return (match.group(1) if match else text).strip()


def _checked(session: Session, entity: str, raw: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """Typed values, checked as a typed entry; UserError (with `at`) otherwise."""
    if entity == "inquiry":
        values = inquiry_input.read_changes(raw, today=today)
        check_codes(session, values)
        return values
    if entity == "inquirer":
        typed = inquiry_input.read_changes({"inquirer": raw}, today=today)["inquirer"]
        if typed.get("type") is not None:
            _known(
                session,
                "inquirer_type",
                typed["type"],
                "inquirer.type",
                inquiry_input.label("inquirer.type"),
            )
        elif "type" in raw:
            raise UserError(
                "field_required", at="inquirer.type", label=inquiry_input.label("inquirer.type")
            )
        return dict(typed)
    return _checked_action(session, raw, today)


def _checked_action(session: Session, raw: dict[str, Any], today: dt.date) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, value in raw.items():
        found = fields.field("action", key)
        if found.kind is Kind.DATE:
            day = _date(found, value)
            entry_rules.check_date(found.label, day, today=today, at=key)
            if day is None and found.required:
                raise UserError("field_required", at=key, label=found.label)
            values[key] = day
            continue
        text = str(value or "")
        entry_rules.check_text(found.label, text, at=key)
        if found.required and not text.strip():
            raise UserError("field_required", at=key, label=found.label)
        if found.limit is not None and len(text) > found.limit:
            raise UserError("field_too_long", at=key, label=found.label, limit=found.limit)
        if found.kind is Kind.CODE and found.vocab:
            _known(session, found.vocab, text, key, found.label)
        values[key] = text.strip()
    return values


def _date(found: Field, value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_date(str(value))
    except DateParseError as exc:
        raise UserError(exc.code, at=found.key, label=found.label, value=value) from exc


def _known(session: Session, vocab: str, code: str, at: str, label: Localized) -> None:
    known = vocabulary_codes(session, vocab)
    if code not in known:
        raise UserError("code_unknown", at=at, label=label, value=code, allowed=", ".join(known))


def _check_workflow(
    values: dict[str, Any], content: Mapping[str, Any], correction: Correction, path: str
) -> None:
    """The status workflow and its outcome rule, against the row as exported."""
    old = content.get("status") or workflow.RECEIVED
    new = values.get("status", old)
    try:
        if new != old:
            inquiry_input.check_transition(old, new)
        if workflow.is_closed(new):
            inquiry_input.check_outcome(new, values.get("outcome", content.get("outcome")))
    except UserError as error:
        raise UserError(
            "package_edit_refused",
            path=path,
            place=correction.place,
            label=_label_of("inquiry", error.at or "outcome", correction.labels),
            reason=Localized(error.message("ja"), error.message("en")),
        ) from error
