"""Master packages: the central office's master lists, taken by the branches the same way.

Vocabularies, offices, municipalities (with retired codes), agreement bodies and their
members, and the ward's partner municipalities travel in the same workbook format as sync
packages (one sheet per table, `_data` holding each row). A master row is newer when its `rev`
is higher: an incoming newer row replaces the local one, an older one is skipped as stale, and
a row the package does not name is left alone (a master package never deletes).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import (
    AgreementBody,
    AgreementMember,
    Base,
    Municipality,
    Office,
    PartnerMunicipality,
    SyncPackage,
    VocabTerm,
    utc_now,
)
from desktop_app.domain.actor import Actor, Permission
from desktop_app.domain.errors import UserError
from desktop_app.domain.local_time import local_datetime
from desktop_app.domain.master_columns import column_label
from desktop_app.excel import layout
from desktop_app.excel.cells import display_width
from desktop_app.excel.package_row import PackageRow
from desktop_app.excel.sync_package import Column, Manifest, SheetSpec, read_package
from desktop_app.services import audit, backups, output_files, package_key
from desktop_app.services.package_files import load_workbook, save_package
from desktop_app.services.setup import require_office

CENTRAL = "HQ"
EVERY_OFFICE = "*"
# Table -> (sheet title, model): parents first, the order an import writes them in.
TABLES: dict[str, tuple[str, type[Base]]] = {
    "office": ("事務所", Office),
    "vocab_term": ("区分", VocabTerm),
    "municipality": ("自治体", Municipality),
    "agreement_body": ("協定先", AgreementBody),
    "agreement_member": ("協定の構成自治体", AgreementMember),
    "partner_municipality": ("交流自治体", PartnerMunicipality),
}
_VERSION_COLUMNS = ("rev", "updated_at")


@dataclass
class MastersReport:
    path: Path
    package_id: str
    by_table: dict[str, dict[str, int]] = field(default_factory=dict)

    def counts(self) -> dict[str, int]:
        totals = {"inserted": 0, "updated": 0, "unchanged": 0, "stale": 0}
        for counts in self.by_table.values():
            for key in totals:
                totals[key] += counts.get(key, 0)
        return totals

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "package_id": self.package_id,
            **self.counts(),
            "tables": self.by_table,
        }


def export_masters(
    db: Database, out: Path, *, actor: Actor, overwrite: bool = False
) -> MastersReport:
    """Write every master row of this database (the central office's lists) to `out` (an
    existing file only with `overwrite`: services/output_files)."""
    actor.require(Permission.MASTERS)
    target = output_files.target(db, out, overwrite=overwrite, refusal="path_not_writable")
    staff = actor.login
    # the file is renamed into place after the transaction commits (package_files.save_package)
    with output_files.writing(target) as temporary, db.write() as session:
        office = require_office(session)
        if office != CENTRAL:
            raise UserError("masters_central_only", office=office)
        previous = session.scalar(
            select(SyncPackage.sequence)
            .where(SyncPackage.kind == "masters", SyncPackage.direction == "export")
            .order_by(SyncPackage.sequence.desc())
            .limit(1)
        )
        manifest = Manifest(
            kind="masters",
            package_id=str(uuid.uuid4()),
            from_office=office,
            to_office=EVERY_OFFICE,
            sequence=(previous or 0) + 1,
            previous_id=None,
            created_at=utc_now().isoformat(timespec="seconds"),
            created_by=staff,
            full=True,
            personal=False,
            training=False,
        )
        sheets = [(_spec(name, rows), rows) for name in TABLES for rows in [_rows(session, name)]]
        secret = package_key.password(session)
        save_package(temporary, manifest, sheets, cover=_cover(session, manifest), secret=secret)
        _record(session, manifest, "export", out, staff)
        audit.log(
            session, staff=staff, action="export", entity="package", entity_id=manifest.package_id,
            new=f"masters #{manifest.sequence} {out.name}",
        )  # fmt: skip
        report = MastersReport(out, manifest.package_id)
        report.by_table = {name: {"rows": manifest.counts.get(name, 0)} for name in TABLES}
        return report


def import_masters(db: Database, path: Path, *, actor: Actor) -> MastersReport:
    """Take a master package: newer rows replace older ones; one transaction, all or nothing."""
    actor.require(Permission.MASTERS)
    staff = actor.login
    with db.read() as session:
        secret = package_key.password(session)
    sheets = load_workbook(path, password=secret)
    titles = {name: title for name, (title, _) in TABLES.items()}
    package = read_package(sheets, titles, key=package_key.hmac_key(secret), file_name=path.name)
    if package.manifest.kind != "masters":
        raise UserError("package_not_package", path=path.name)
    if package.edited or package.altered_sheets or package.cover_edited:
        shown = "、".join(f"{row.sheet} {row.row}行目" for row in package.edited[:10])
        cover = ("表紙",) if package.cover_edited else ()
        raise UserError(
            "package_edited",
            path=path.name,
            rows=shown or "、".join((*package.altered_sheets, *cover)),
        )
    report = MastersReport(path, package.manifest.package_id)
    backups.backup_before(db, "before-masters-import")
    with db.write() as session:
        require_office(session)
        for name in TABLES:
            report.by_table[name] = _merge(session, name, package.rows.get(name, []))
        if session.get(SyncPackage, package.manifest.package_id) is None:
            _record(session, package.manifest, "import", path, staff)
        audit.log(
            session, staff=staff, action="import", entity="package",
            entity_id=package.manifest.package_id, new=f"masters {path.name}",
        )  # fmt: skip
    return report


def _spec(name: str, rows: Sequence[PackageRow]) -> SheetSpec:
    """The sheet of one table: Japanese headers from the catalogue (domain.master_columns),
    each column as wide as its header and its widest value (capped; the rest wraps), dates
    as date cells (the hash covers them as dates, and `_data` keeps the ISO text)."""
    title, model = TABLES[name]
    columns = []
    for column in model.__table__.columns:
        if column.name in _VERSION_COLUMNS:
            continue
        shown = _cell(column.name, dated=column.type.python_type is dt.date)
        widest = max((layout.text_width(shown(row)) for row in rows), default=0)
        header = column_label(name, column.name)
        width = min(layout.MAX_WIDTH, max(display_width(header), widest, 4))
        columns.append(Column(header, width, shown))
    return SheetSpec(name, title, columns)


def _cell(key: str, *, dated: bool) -> Any:
    if dated:
        return lambda row: _date(row.content.get(key))
    return lambda row: row.content.get(key)


def _date(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else value


def _rows(session: Session, name: str) -> list[PackageRow]:
    model: Any = TABLES[name][1]
    table = model.__table__
    keys = [column.name for column in table.primary_key.columns]
    rows = []
    for item in session.scalars(select(model).order_by(*table.primary_key.columns)):
        content = {
            column.name: _json(getattr(item, column.key))
            for column in table.columns
            if column.name not in _VERSION_COLUMNS
        }
        rows.append(
            PackageRow(
                entity=name,
                id=":".join(str(content[key]) for key in keys),
                origin=CENTRAL,
                rev=item.rev,
                updated_at=item.updated_at.isoformat(timespec="microseconds"),
                updated_by="",
                seen=None,
                content=content,
            )
        )
    return rows


def _merge(session: Session, name: str, rows: Sequence[PackageRow]) -> dict[str, int]:
    model: Any = TABLES[name][1]
    table = model.__table__
    keys = [column.name for column in table.primary_key.columns]
    counts = {"inserted": 0, "updated": 0, "unchanged": 0, "stale": 0}
    for row in rows:
        values = {key: _typed(table.c[key], value) for key, value in row.content.items()}
        values.update(rev=row.rev, updated_at=dt.datetime.fromisoformat(row.updated_at))
        local = session.get(model, tuple(values[key] for key in keys))
        if local is None:
            session.add(model(**values))
            counts["inserted"] += 1
        elif local.rev > row.rev:
            counts["stale"] += 1
        elif local.rev == row.rev and all(
            getattr(local, k) == v for k, v in values.items() if k != "updated_at"
        ):
            counts["unchanged"] += 1
        else:
            for key, value in values.items():
                setattr(local, key, value)
            counts["updated"] += 1
        session.flush()
    return counts


def _json(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _typed(column: Any, value: Any) -> Any:
    if value is None:
        return None
    python_type = column.type.python_type
    if python_type is dt.date:
        return dt.date.fromisoformat(value)
    if python_type is dt.datetime:
        return dt.datetime.fromisoformat(value)
    if python_type is bool:
        return bool(value)
    return value


def _record(session: Session, manifest: Manifest, direction: str, path: Path, staff: str) -> None:
    session.add(
        SyncPackage(
            id=manifest.package_id,
            kind="masters",
            direction=direction,
            from_office=manifest.from_office,
            to_office=manifest.to_office,
            sequence=manifest.sequence,
            full=True,
            personal=False,
            training=False,
            upto_seq=0,
            created_at=dt.datetime.fromisoformat(manifest.created_at),
            created_by=manifest.created_by,
            handled_by=staff,
            file_name=path.name,
            counts_json=json.dumps(manifest.counts, sort_keys=True),
            outcome=direction + "ed",
        )
    )


def _cover(session: Session, manifest: Manifest) -> list[tuple[str, str]]:
    """The cover as people read it: office names, the local time as yyyy/mm/dd hh:mm."""
    office = session.get(Office, manifest.from_office)
    sender = f"{office.name}（{office.code}）" if office else manifest.from_office
    made = local_datetime(dt.datetime.fromisoformat(manifest.created_at))
    return [
        ("連携デスク マスタ送付ファイル", ""),
        ("送付元", sender),
        ("送付先", "全事務所"),
        ("番号", str(manifest.sequence)),
        ("作成日時", f"{made:%Y/%m/%d %H:%M}"),
        ("作成者", manifest.created_by),
        ("ご注意", "このファイルは編集しないでください。編集すると取り込めなくなります。"),
    ]
